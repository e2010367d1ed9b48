// "Faste turnuser": the recurring patterns of the office or person in view, with "Ny fast turnus" and edit for planners.
import type { RecurringPattern } from '../../../../domain/rota/types';
import type { ClientApiError } from '../../api/errors';
import { CheckboxField } from '../../components/fields';
import { EmptyState, LoadError, Loading } from '../../components/page';
import { useT } from '../../i18n';
import { shiftKindName, weekdayShort } from '../../i18n/labels';
import { formatDate } from '../../format/dates';

interface PatternsSectionProps {
  patterns: readonly RecurringPattern[] | null;
  error: ClientApiError | null;
  onRetry: () => void;
  /** The patterns shown are filtered to this (office or person name), or all. */
  scope: string;
  total: number;
  /** Patterns in scope that ended before the week shown. */
  endedCount: number;
  showEnded: boolean;
  onShowEnded: (show: boolean) => void;
  officeName: (id: string) => string;
  staffName: (id: string) => string;
  /** null: read-only. */
  onNew: (() => void) | null;
  onEdit: ((pattern: RecurringPattern) => void) | null;
}

export function PatternsSection({ patterns, error, onRetry, scope, total, endedCount, showEnded, onShowEnded, officeName, staffName, onNew, onEdit }: PatternsSectionProps) {
  const { t } = useT();
  return (
    <section className="patterns" aria-labelledby="patterns-title">
      <div className="section-header">
        <h2 id="patterns-title">{t('rota.patternsTitle')}</h2>
        {onNew && (
          <button type="button" className="button" onClick={onNew}>
            {t('rota.newPattern')}
          </button>
        )}
      </div>
      <p className="page-intro">{t('rota.patternsIntro', { scope })}</p>
      {endedCount > 0 && (
        <CheckboxField
          id="patterns-show-ended"
          label={t('rota.showEndedPatterns', { count: endedCount })}
          checked={showEnded}
          onChange={onShowEnded}
        />
      )}
      {error && <LoadError error={error} onRetry={onRetry} />}
      {!patterns && !error && <Loading />}
      {patterns && patterns.length === 0 && (
        <EmptyState>
          <p>{onNew ? t('rota.noPatternsPlanner') : t('rota.noPatterns')}</p>
        </EmptyState>
      )}
      {patterns && patterns.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('rota.patternsCaption', { shown: patterns.length, total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rota.person')}</th>
                <th scope="col">{t('rota.office')}</th>
                <th scope="col">{t('rota.kind')}</th>
                <th scope="col">{t('rota.weekdays')}</th>
                <th scope="col">{t('rota.time')}</th>
                <th scope="col">{t('rota.repeats')}</th>
                <th scope="col">{t('rota.period')}</th>
                {onEdit && (
                  <th scope="col">
                    <span className="visually-hidden">{t('rota.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {patterns.map((pattern) => (
                <tr key={pattern.id}>
                  <th scope="row">{staffName(pattern.staffId)}</th>
                  <td>{officeName(pattern.officeId)}</td>
                  <td>{shiftKindName(t, pattern.kind)}</td>
                  <td>{pattern.weekdays.map((day) => weekdayShort(t, day)).join(', ')}</td>
                  <td className="nowrap">
                    {pattern.start}–{pattern.end}
                  </td>
                  <td>{pattern.intervalWeeks === 1 ? t('rota.everyWeek') : t('rota.everyNWeeks', { n: pattern.intervalWeeks })}</td>
                  <td className="nowrap">
                    {pattern.to ? `${formatDate(pattern.from)}–${formatDate(pattern.to)}` : t('rota.fromDate', { date: formatDate(pattern.from) })}
                  </td>
                  {onEdit && (
                    <td>
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => onEdit(pattern)}
                        aria-label={t('rota.editPatternLabel', { name: staffName(pattern.staffId), office: officeName(pattern.officeId) })}
                      >
                        {t('rota.edit')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
