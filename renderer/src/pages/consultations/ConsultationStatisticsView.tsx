// Statistikk: per office and week or month — count, share resolved without a doctor, contact and ICPC-2 chapter; a chart; CSV and XLSX export.
import { useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import { addDays } from '../../../../domain/calendar/dates';
import { CONTACT_KINDS } from '../../../../domain/consultations/entry';
import { ICPC2_CHAPTERS } from '../../../../domain/consultations/icpc2-starter';
import { api } from '../../api/client';
import { useDownload } from '../../components/use-download';
import { saveBase64File } from '../../format/download';
import { DataTable } from '../../components/DataTable';
import { SelectField } from '../../components/fields';
import { EmptyState, ErrorNotice, Loaded } from '../../components/page';
import { TitledSection } from '../../components/TitledSection';
import { useT } from '../../i18n';
import { useQuery } from '../../stores/query';
import { nameOf } from './consultation-format';
import { AnySelect, namedOptions, PeriodFields } from './FilterFields';

type Statistics = ApiOutput<'consultations.statistics'>;
type StatRow = Statistics['rows'][number];

function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toLocaleString('nb-NO')} %`;
}

export function ConsultationStatisticsView({ today, offices }: { today: string; offices: readonly { id: string; name: string }[] }) {
  const { t } = useT();
  const [fromDate, setFromDate] = useState(addDays(today, -90));
  const [toDate, setToDate] = useState(today);
  const [period, setPeriod] = useState<'week' | 'month'>('week');
  const [officeId, setOfficeId] = useState('');
  const input = { fromDate: fromDate || today, toDate: toDate || today, period, officeId: officeId || null };
  const stats = useQuery('consultations.statistics', input, ['consultations']);
  return (
    <TitledSection titleId="statistics-title" title={t('consultations.statisticsTitle')}>
      <div className="consultation-filters">
        <PeriodFields idPrefix="stats" from={fromDate} to={toDate} onFrom={setFromDate} onTo={setToDate} />
        <SelectField
          id="stats-period"
          label={t('consultations.statistics.period')}
          value={period}
          options={[
            { value: 'week', label: t('consultations.statistics.week') },
            { value: 'month', label: t('consultations.statistics.month') },
          ]}
          onChange={(value) => setPeriod(value as 'week' | 'month')}
        />
        <AnySelect id="stats-office" label={t('consultations.field.office')} value={officeId} options={namedOptions(offices)} onChange={setOfficeId} />
      </div>
      <ExportButtons input={input} />
      <Loaded query={stats}>
        {(data) => (
          <>
            {data.notYetCounted > 0 && (
              <p className="field-hint" role="status">
                {t('consultations.statistics.notYetCounted', { count: data.notYetCounted })}
              </p>
            )}
            {data.total.count === 0 ? <EmptyState>{t('consultations.statisticsEmpty')}</EmptyState> : <StatisticsResult stats={data} offices={offices} />}
          </>
        )}
      </Loaded>
    </TitledSection>
  );
}

function ExportButtons({ input }: { input: { fromDate: string; toDate: string; period: 'week' | 'month'; officeId: string | null } }) {
  const { t } = useT();
  const { busy, result, run } = useDownload();
  const exportAs = (format: 'csv' | 'xlsx') =>
    run(async () => {
      const file = await api.call('consultations.exportStatistics', { ...input, format });
      saveBase64File(file.fileName, file.contentBase64, file.mimeType);
      return file.fileName;
    });
  return (
    <div className="form-actions">
      <button type="button" className="button" disabled={busy} onClick={() => void exportAs('csv')}>
        {t('consultations.exportCsv')}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => void exportAs('xlsx')}>
        {t('consultations.exportXlsx')}
      </button>
      <span className="field-hint" role="status">
        {busy ? t('consultations.exporting') : result && 'file' in result ? t('consultations.exported', { file: result.file }) : ''}
      </span>
      {result && 'error' in result && <ErrorNotice error={result.error} />}
    </div>
  );
}

function StatisticsResult({ stats, offices }: { stats: Statistics; offices: readonly { id: string; name: string }[] }) {
  const { t } = useT();
  const chapters = Object.keys(stats.total.byChapter).sort();
  const numeric = (label: string) => ({ label, className: 'numeric' });
  const columns = [
    t('consultations.field.office'),
    stats.period === 'week' ? t('consultations.statistics.week') : t('consultations.statistics.month'),
    numeric(t('consultations.statistics.count')),
    numeric(t('consultations.statistics.resolved')),
    ...CONTACT_KINDS.map((kind) => numeric(t(`consultations.contact.${kind}`))),
  ];
  const totals = stats.totalsByOffice.map((row) => (
    <tr key={row.officeId}>
      <th scope="row">{t('consultations.statistics.totalFor', { office: nameOf(offices, row.officeId) })}</th>
      <td />
      <FigureCells row={row} />
    </tr>
  ));
  return (
    <>
      <p className="statistics-summary">
        {t('consultations.statistics.summary', { count: stats.total.count, share: percent(stats.total.shareResolvedWithoutDoctor) })}
      </p>
      <StatisticsChart rows={stats.rows} />
      <DataTable caption={t('consultations.statistics.tableCaption')} showCaption className="table statistics-table" wrap={false} columns={columns} foot={totals}>
        {stats.rows.map((row) => (
          <tr key={`${row.officeId}-${row.period}`}>
            <td>{nameOf(offices, row.officeId)}</td>
            <td>{row.period}</td>
            <FigureCells row={row} />
          </tr>
        ))}
      </DataTable>
      <DataTable
        caption={t('consultations.statistics.chapterCaption')}
        showCaption
        className="table statistics-table"
        wrap={false}
        columns={[t('consultations.statistics.chapter'), numeric(t('consultations.statistics.count'))]}
      >
        {chapters.map((letter) => (
          <tr key={letter}>
            <td>
              {letter} – {ICPC2_CHAPTERS[letter] ?? t('consultations.statistics.unknownChapter')}
            </td>
            <td className="numeric">{stats.total.byChapter[letter]}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

/** Count, share resolved without a doctor, and the count per contact kind: the same cells for a period and a total. */
function FigureCells({ row }: { row: StatRow }) {
  return (
    <>
      <td className="numeric">{row.count}</td>
      <td className="numeric">{percent(row.shareResolvedWithoutDoctor)}</td>
      {CONTACT_KINDS.map((kind) => (
        <td className="numeric" key={kind}>
          {row.byContact[kind]}
        </td>
      ))}
    </>
  );
}

/** Bars per period (all offices together): the height is the count, the dark part the share resolved without a doctor. */
function StatisticsChart({ rows }: { rows: readonly StatRow[] }) {
  const { t } = useT();
  const periods = [...new Set(rows.map((row) => row.period))].sort();
  const sums = periods.map((period) => {
    const inPeriod = rows.filter((row) => row.period === period);
    const count = inPeriod.reduce((a, row) => a + row.count, 0);
    const resolved = inPeriod.reduce((a, row) => a + row.resolvedWithoutDoctor, 0);
    return { period, count, resolved };
  });
  const max = Math.max(1, ...sums.map((s) => s.count));
  const barWidth = 28;
  const gap = 8;
  const height = 160;
  const width = sums.length * (barWidth + gap) + gap;
  return (
    <figure className="statistics-chart">
      <svg width={width} height={height + 40} role="img" aria-labelledby="statistics-chart-caption">
        {sums.map((sum, index) => {
          const x = gap + index * (barWidth + gap);
          const total = (sum.count / max) * height;
          const resolved = (sum.resolved / max) * height;
          return (
            <g key={sum.period}>
              <rect className="chart-bar" x={x} y={height - total} width={barWidth} height={total} />
              <rect className="chart-bar--resolved" x={x} y={height - resolved} width={barWidth} height={resolved} />
              <text className="chart-label" x={x + barWidth / 2} y={height + 14} textAnchor="middle">
                {sum.period.slice(-3).replace('-', '')}
              </text>
              <text className="chart-value" x={x + barWidth / 2} y={height - total - 4} textAnchor="middle">
                {sum.count}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id="statistics-chart-caption">{t('consultations.statistics.chartCaption')}</figcaption>
    </figure>
  );
}
