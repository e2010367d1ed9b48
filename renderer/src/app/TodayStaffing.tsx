// One line in the header: who works at this computer's office today, on site and by video (screens.md "always visible").
import { useT } from '../i18n';
import { professionName } from '../i18n/labels';
import { useQuery } from '../stores/query';

const AREAS = ['rota', 'settings', 'staff', 'competence'] as const;

export function TodayStaffing() {
  const { t } = useT();
  const today = useQuery('overview.today', {}, AREAS);
  const data = today.data;
  if (!data) return null;
  const onSite = data.onSite.map((person) => `${person.name} (${professionName(t, person.profession)}${person.emergency ? ' ★' : ''})`);
  const video = data.video.map((person) => (person.baseOfficeName ? t('header.todayVideoFrom', { name: person.name, office: person.baseOfficeName }) : person.name));
  return (
    <p className="header-today-staffing" aria-live="polite">
      <span className="header-today-office">{t('header.todayAt', { office: data.officeName })}</span>{' '}
      {onSite.length > 0 ? onSite.join(', ') : t('header.todayNobody')}
      {video.length > 0 && <> · {t('header.todayVideo', { people: video.join(', ') })}</>}
    </p>
  );
}
