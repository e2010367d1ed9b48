// The overview grid: a block of rows per office, a column per day; rows are rendered generically so later areas can add their own.
import { memo } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import type { OverviewEntry, OverviewOfficeBlock, OverviewRow } from '../../../../domain/overview/week';
import type { RotaWarning } from '../../../../domain/rota/warnings';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { mergeCellWarnings, warningShortText, warningsOn } from '../../format/warnings';
import { printZoomStep } from './overview-format';
import { DayHead } from '../../components/DayHead';
import { SeverityMark } from '../../components/WarningList';

type OverviewData = ApiOutput<'overview.week'>;

/** Translated labels for the rows the rota builds; rows added later by other areas show the label they bring. */
const ROW_LABEL_KEYS: Record<string, MessageKey> = {
  doctors: 'overview.row.doctors',
  video: 'overview.row.video',
  nurses: 'overview.row.nurses',
  receptionists: 'overview.row.receptionists',
  legevakt: 'overview.row.legevakt',
  other: 'overview.row.other',
  absences: 'overview.row.absences',
};

interface OverviewGridProps {
  overview: OverviewData;
  caption: string;
  staffName: (id: string) => string;
}

/** Memoised: the page re-renders for the print time or the staff list, the grid only when its data changes. */
export const OverviewGrid = memo(function OverviewGrid({ overview, caption, staffName }: OverviewGridProps) {
  const { t } = useT();
  const days = overview.dates.map((date, index) => ({ date, index })).filter(({ index }) => overview.showWeekend || index < 5);
  const holidays = new Map(overview.holidays.map((holiday) => [holiday.date, holiday.name]));
  const officeIds = new Set(overview.offices.map((block) => block.officeId));
  // Warnings about a person's hours belong to no office; they get their own line under the offices.
  const otherWarnings = overview.warnings.filter((warning) => warning.officeId === null || !officeIds.has(warning.officeId));
  const columns = days.length + 1;
  const hasEmergency = overview.offices.some((block) => block.rows.some((row) => row.cells.some((cell) => cell.some((entry) => entry.emergency))));

  return (
    <div className={`table-wrap overview-wrap print-zoom-${printZoomStep(overview)}`}>
      <table className={`overview-grid overview-grid--${days.length}days${overview.offices.length === 1 ? ' overview-grid--single' : ''}`}>
        <caption className="visually-hidden">{t('overview.gridCaption', { week: caption })}</caption>
        <colgroup>
          <col className="col-label" />
          {days.map(({ date, index }) => (
            <col key={date} className={index >= 5 ? 'col-day col-weekend' : 'col-day'} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <td className="corner" />
            {days.map(({ date }) => (
              <DayHead key={date} date={date} holiday={holidays.get(date)} />
            ))}
          </tr>
        </thead>
        {overview.offices.map((block) => (
          <OfficeBlock
            key={block.officeId}
            block={block}
            days={days}
            columns={columns}
            warnings={overview.warnings}
            staffName={staffName}
            consultationCount={overview.consultationCounts[block.officeId] ?? 0}
          />
        ))}
        {otherWarnings.length > 0 && (
          <tbody className="office-block office-block--other">
            <tr className="office-head">
              <th scope="rowgroup" colSpan={columns}>
                {t('warnings.hoursGroup')}
              </th>
            </tr>
            <tr className="row row--warnings">
              <th scope="row" className="row-label">
                {t('overview.row.warnings')}
              </th>
              {days.map(({ date }) => (
                <td key={date}>
                  <WarningLines warnings={otherWarnings.filter((warning) => warning.date === date)} staffName={staffName} />
                </td>
              ))}
            </tr>
          </tbody>
        )}
      </table>
      {hasEmergency && (
        <p className="grid-legend">
          <span aria-hidden="true">★</span> {t('overview.legendEmergency')}
        </p>
      )}
    </div>
  );
});

interface Day {
  date: string;
  index: number;
}

function OfficeBlock({
  block,
  days,
  columns,
  warnings,
  staffName,
  consultationCount,
}: {
  block: OverviewOfficeBlock;
  days: Day[];
  columns: number;
  warnings: readonly RotaWarning[];
  staffName: (id: string) => string;
  consultationCount: number;
}) {
  const { t } = useT();
  const blockWarnings = warnings.filter((warning) => warning.officeId === block.officeId);
  return (
    <tbody className="office-block">
      <tr className="office-head">
        <th scope="rowgroup" colSpan={columns}>
          {block.officeName}
          <span className="office-head__count">{t('overview.consultationCount', { count: consultationCount })}</span>
        </th>
      </tr>
      {block.rows.map((row, rowIndex) => (
        <RowView key={row.key} row={row} days={days} closed={block.closed} showClosedLabel={rowIndex === 0} />
      ))}
      {blockWarnings.length > 0 && (
        <tr className="row row--warnings">
          <th scope="row" className="row-label">
            {t('overview.row.warnings')}
          </th>
          {days.map(({ date, index }) => (
            <td key={date} className={block.closed[index] ? 'cell cell--closed' : 'cell'}>
              <WarningLines warnings={warningsOn(blockWarnings, block.officeId, date)} staffName={staffName} />
            </td>
          ))}
        </tr>
      )}
    </tbody>
  );
}

function RowView({ row, days, closed, showClosedLabel }: { row: OverviewRow; days: Day[]; closed: boolean[]; showClosedLabel: boolean }) {
  const { t } = useT();
  const labelKey = ROW_LABEL_KEYS[row.key];
  return (
    <tr className={`row row--${row.key}`}>
      <th scope="row" className="row-label">
        {labelKey ? t(labelKey) : row.label}
      </th>
      {days.map(({ date, index }) => {
        const entries = row.cells[index] ?? [];
        const isClosed = closed[index] ?? false;
        return (
          <td key={date} className={isClosed ? 'cell cell--closed' : 'cell'}>
            {isClosed && showClosedLabel && <span className="closed-label">{t('overview.closed')}</span>}
            {entries.length > 0 && (
              <ul className="entries">
                {entries.map((entry, entryIndex) => (
                  <EntryView key={`${entry.staffId ?? entry.text}-${entryIndex}`} entry={entry} printDetail={row.key !== 'absences'} />
                ))}
              </ul>
            )}
          </td>
        );
      })}
    </tr>
  );
}

/** printDetail false: the detail stays on screen but not on paper (the wall sheet never shows why someone is away). */
function EntryView({ entry, printDetail }: { entry: OverviewEntry; printDetail: boolean }) {
  const { t } = useT();
  return (
    <li className="entry">
      <span className="entry-name">{entry.text}</span>
      {entry.emergency && (
        <>
          {' '}
          <span className="entry-star" aria-hidden="true" title={t('overview.emergency')}>
            ★
          </span>
          <span className="visually-hidden"> ({t('overview.emergency')})</span>
        </>
      )}
      {entry.detail && (
        <>
          {' '}
          <span className={printDetail ? 'entry-detail' : 'entry-detail no-print'}>{entry.detail}</span>
        </>
      )}
    </li>
  );
}

function WarningLines({ warnings, staffName }: { warnings: readonly RotaWarning[]; staffName: (id: string) => string }) {
  const { t } = useT();
  if (warnings.length === 0) return null;
  return (
    <ul className="cell-warnings">
      {mergeCellWarnings(warnings).map(({ warning, messages }) => (
        <li key={warning.id} className={`cell-warning cell-warning--${warning.severity}`} title={messages.join('\n')}>
          <SeverityMark severity={warning.severity} />
          {warningShortText(t, warning, staffName)}
        </li>
      ))}
    </ul>
  );
}
