// "Hvem kan dekke?": a modal with the ranked people who could fill a gap or take a shift; arrow keys + Enter or a click books one, Esc closes.
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { CoverCandidate, CoverGap } from '../../../domain/rota/cover';
import { api } from '../api/client';
import { blockerText, candidateParts } from '../format/cover';
import { formatDayLong } from '../format/dates';
import { useT } from '../i18n';
import { useQuery } from '../stores/query';
import { ErrorNotice, LoadError, Loading } from './page';
import { useAction } from './use-action';
import '../styles/cover.css';

/** What the ranking reads: shifts and absences, people, offices' driving times, limits, the competence register. */
const COVER_AREAS = ['rota', 'staff', 'offices', 'settings', 'competence'] as const;

interface CoverDialogProps {
  gap: CoverGap;
  onClose: () => void;
  /** After a booking: the person's name (the change event reloads the week). */
  onBooked: (name: string) => void;
}

const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (index, count) => Math.min(index + 1, count - 1),
  ArrowUp: (index) => Math.max(index - 1, 0),
  Home: () => 0,
  End: (_index, count) => count - 1,
};

export function CoverDialog({ gap, onClose, onBooked }: CoverDialogProps) {
  const { t, language } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const options = useRef<(HTMLButtonElement | null)[]>([]);
  const titleId = useId();
  const helpId = useId();
  // Read again when the rota, the people or the register change while the dialog is open.
  const candidates = useQuery('rota.coverCandidates', { gap }, COVER_AREAS);
  const { data, error } = candidates;
  const action = useAction();
  const [active, setActive] = useState(0);

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const bookable = data ? data.candidates.filter((candidate) => candidate.blockers.length === 0) : [];
  // One line per person who cannot take it (a doctor is offered by video and on site, blocked for the same reason).
  const blocked = data ? data.candidates.filter((candidate, index, all) => candidate.blockers.length > 0 && all.findIndex((other) => other.staffId === candidate.staffId && other.blockers.length > 0) === index) : [];
  const hasOptions = bookable.length > 0;
  // The best candidate has focus as soon as the list is there, so Enter books it.
  useEffect(() => {
    if (hasOptions) options.current[0]?.focus();
  }, [hasOptions]);

  const officeName = (id: string) => data?.offices.find((office) => office.id === id)?.name.replace(/ legekontor$/, '') ?? '';
  const fullOfficeName = data?.offices.find((office) => office.id === gap.officeId)?.name ?? '';
  const day = formatDayLong(t, gap.date, language);
  const intro = gap.replacesShiftId
    ? t('cover.introShift', { office: fullOfficeName, day, start: gap.start, end: gap.end })
    : t('cover.introGap', { office: fullOfficeName, day, start: gap.start, end: gap.end, need: t(`cover.need.${gap.need}`) });

  async function book(candidate: CoverCandidate) {
    if (action.busy) return;
    if (await action.run(() => api.call('rota.bookCover', { gap, staffId: candidate.staffId, mode: candidate.mode }))) onBooked(candidate.name);
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    const next = move(active, bookable.length);
    setActive(next);
    options.current[next]?.focus();
  }

  return (
    <dialog
      ref={ref}
      className="dialog cover-dialog"
      aria-labelledby={titleId}
      aria-describedby={helpId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{t('cover.title')}</h2>
      <p>{data ? intro : null}</p>
      <p id={helpId} className="field-hint">
        {t('cover.help')}
      </p>
      {action.error && <ErrorNotice error={action.error} title={t('cover.bookFailed')} />}
      {error && <LoadError error={error} onRetry={() => void candidates.reload()} />}
      {!data && !error && <Loading />}
      {data && !hasOptions && <p className="empty-state">{t('cover.empty')}</p>}
      {hasOptions && (
        <ul className="cover-list" aria-label={t('cover.listLabel')} onKeyDown={onKeyDown} aria-busy={action.busy}>
          {bookable.map((candidate, index) => (
            <li key={`${candidate.staffId}:${candidate.mode}`}>
              <button
                ref={(element) => {
                  options.current[index] = element;
                }}
                type="button"
                className="cover-option"
                tabIndex={index === active ? 0 : -1}
                onFocus={() => setActive(index)}
                onClick={() => void book(candidate)}
                disabled={action.busy}
              >
                <span className="cover-name">{candidate.name}</span> · {candidateParts(t, candidate, officeName).join(' · ')}
                {candidate.warnings.length > 0 && <span className="cover-warnings">{candidate.warnings.map((warning) => warning.message).join(' ')}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {blocked.length > 0 && (
        <>
          <h3 className="cover-blocked-title">{t('cover.blockedTitle')}</h3>
          <ul className="cover-blocked">
            {blocked.map((candidate) => (
              <li key={candidate.staffId}>
                {candidate.name} · {candidate.blockers.map((blocker) => blockerText(t, blocker, language)).join(' · ')}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('cover.close')}
        </button>
      </div>
    </dialog>
  );
}
