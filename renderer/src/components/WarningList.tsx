// The week's warnings grouped by office and day, each as its one-sentence message, severity as icon and word as well as colour.
import { memo } from 'react';
import { gapFromWarning } from '../../../domain/rota/cover';
import type { CoverGap } from '../../../domain/rota/cover';
import type { RotaWarning } from '../../../domain/rota/warnings';
import { useT } from '../i18n';
import { capitalise } from '../i18n/labels';
import { formatDayLong } from '../format/dates';
import { groupWarnings } from '../format/warnings';
import '../styles/cover.css';

export const SEVERITY_ICONS = { error: '✖', warning: '⚠' } as const;

/** Icon (hidden from screen readers) plus the severity as a word. */
export function SeverityMark({ severity, visibleWord = false }: { severity: RotaWarning['severity']; visibleWord?: boolean }) {
  const { t } = useT();
  const word = t(severity === 'error' ? 'warnings.error' : 'warnings.warning');
  return (
    <>
      <span className={`severity-icon severity-icon--${severity}`} aria-hidden="true">
        {SEVERITY_ICONS[severity]}
      </span>{' '}
      {visibleWord ? <span className={`severity-word severity-word--${severity}`}>{word}:</span> : <span className="visually-hidden">{word}: </span>}
    </>
  );
}

interface WarningListProps {
  warnings: readonly RotaWarning[];
  /** Offices in display order, with names for the group headings. */
  offices: readonly { id: string; name: string }[];
  headingId: string;
  title: string;
  /** Shown when there are no warnings. */
  noneText: string;
  /** Given to planners: a "Hvem kan dekke?" button on every coverage warning opens the cover dialog for its gap. */
  onCover?: (gap: CoverGap) => void;
}

/** Memoised: long lists are redrawn only when the warnings change. */
export const WarningList = memo(function WarningList({ warnings, offices, headingId, title, noneText, onCover }: WarningListProps) {
  const { t, language } = useT();
  const groups = groupWarnings(
    warnings,
    offices.map((office) => office.id),
  );
  const officeName = (id: string | null) => (id === null ? t('warnings.hoursGroup') : (offices.find((office) => office.id === id)?.name ?? t('warnings.otherOffice')));
  return (
    <section className="warning-list" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title}{' '}
        {warnings.length > 0 && <span className="count-badge">{warnings.length}</span>}
      </h2>
      {groups.length === 0 ? (
        <p className="warning-none">
          <span aria-hidden="true">✓ </span>
          {noneText}
        </p>
      ) : (
        groups.map((group) => (
          <div className="warning-group" key={group.officeId ?? 'none'}>
            <h3>{officeName(group.officeId)}</h3>
            {group.days.map((day) => (
              <div className="warning-day" key={day.date}>
                <h4>{capitalise(formatDayLong(t, day.date, language))}</h4>
                <ul>
                  {day.warnings.map((warning) => {
                    const gap = onCover ? gapFromWarning(warning) : null;
                    const messageId = `${headingId}-${warning.id}`;
                    return (
                      <li key={warning.id} className={`warning warning--${warning.severity}`}>
                        <SeverityMark severity={warning.severity} visibleWord />
                        <span className="warning-message" id={messageId}>
                          {warning.message}
                        </span>
                        {gap && onCover && (
                          <button type="button" className="button cover-button no-print" aria-describedby={messageId} onClick={() => onCover(gap)}>
                            {t('cover.button')}
                          </button>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </div>
        ))
      )}
    </section>
  );
});
