// "Faste turnuser": the recurring patterns of the office or person in view, with "Ny fast turnus" and edit for planners.
import { useState } from 'react';
import type { RecurringPattern } from '../../../../domain/rota/types';
import { CheckboxField } from '../../components/fields';
import { Loaded } from '../../components/page';
import type { LoadedQuery } from '../../components/page';
import { DataTable } from '../../components/DataTable';
import { useT } from '../../i18n';
import { shiftKindName, weekdayShort } from '../../i18n/labels';
import { formatDate } from '../../format/dates';
import { patternsFor } from './rota-view';

interface PatternsSectionProps {
  query: LoadedQuery<RecurringPattern[]>;
  /** The office or person in view: only their patterns are listed. */
  filter: { officeId?: string | null; staffId?: string | null };
  /** Its name, for the intro. */
  scope: string;
  /** Monday of the week shown: patterns that ended before it are history, hidden unless asked for. */
  weekStart: string;
  officeName: (id: string) => string;
  staffName: (id: string) => string;
  /** null: read-only. */
  onNew: (() => void) | null;
  onEdit: ((pattern: RecurringPattern) => void) | null;
}

export function PatternsSection({ query, filter, scope, weekStart, officeName, staffName, onNew, onEdit }: PatternsSectionProps) {
  const { t } = useT();
  const [showEnded, setShowEnded] = useState(false);
  const scoped = query.data ? patternsFor(query.data, filter, staffName) : [];
  const ended = scoped.filter((pattern) => pattern.to !== null && pattern.to < weekStart).length;
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
      {ended > 0 && <CheckboxField id="patterns-show-ended" label={t('rota.showEndedPatterns', { count: ended })} checked={showEnded} onChange={setShowEnded} />}
      <Loaded
        query={{ ...query, data: query.data && (showEnded ? scoped : scoped.filter((pattern) => pattern.to === null || pattern.to >= weekStart)) }}
        empty={<p>{onNew ? t('rota.noPatternsPlanner') : t('rota.noPatterns')}</p>}
      >
        {(patterns) => (
          <DataTable
            caption={t('rota.patternsCaption', { shown: patterns.length, total: query.data?.length ?? 0 })}
            columns={[
              t('rota.person'),
              t('rota.office'),
              t('rota.kind'),
              t('rota.weekdays'),
              t('rota.time'),
              t('rota.repeats'),
              t('rota.period'),
              onEdit !== null && { label: t('rota.actions'), hidden: true },
            ]}
          >
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
          </DataTable>
        )}
      </Loaded>
    </section>
  );
}
