// The routine check's note on the supervising doctor now: name, on site or by video, until when and phone; or none and the legevakt doctor on duty.
import { useT } from '../../i18n';
import { supervisorLine } from './supervisor-view';
import type { Supervising } from './supervisor-view';

export function SupervisingDoctorNote({ supervising, at, known }: { supervising: Supervising | null; at: string | null; known: boolean }) {
  const { t, language } = useT();
  if (!known || !at) return null;
  if (!supervising) {
    return (
      <section className="supervisor-note supervisor-note--none" aria-labelledby="supervisor-title">
        <h2 id="supervisor-title">{t('routines.supervisor.title')}</h2>
        <p>{t('routines.supervisor.noOffice')}</p>
      </section>
    );
  }
  const line = supervisorLine(supervising, at, language);
  const phone = (value: string | null) => (value ? t('routines.supervisor.phone', { phone: value }) : t('routines.supervisor.noPhone'));
  return (
    <section className={`supervisor-note supervisor-note--${line.kind}`} aria-labelledby="supervisor-title">
      <h2 id="supervisor-title">{t('routines.supervisor.title')}</h2>
      {line.kind === 'none' ? (
        <>
          <p className="supervisor-main">{t('routines.supervisor.none', { office: line.office })}</p>
          {line.legevakt ? (
            <p>
              {t('routines.supervisor.legevakt', { name: line.legevakt.name, until: line.legevakt.until })} {phone(line.legevakt.phone)}
            </p>
          ) : (
            <p>{t('routines.supervisor.noLegevakt')}</p>
          )}
        </>
      ) : (
        <p className="supervisor-main">
          {t(line.kind === 'onSite' ? 'routines.supervisor.onSite' : 'routines.supervisor.video', { name: line.name, office: line.office, until: line.until })} {phone(line.phone)}
        </p>
      )}
    </section>
  );
}
