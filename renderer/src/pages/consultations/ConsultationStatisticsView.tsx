// Statistikk: per office and week or month — count, share resolved without a doctor, contact and ICPC-2 chapter; a chart; CSV and XLSX export.
import { useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import { CONTACT_KINDS } from '../../../../domain/consultations/entry';
import { ICPC2_CHAPTERS } from '../../../../domain/consultations/icpc2-starter';
import { api } from '../../api/client';
import { useDownload } from '../../components/use-download';
import { saveBase64File } from '../../format/download';
import { SelectField, TextField } from '../../components/fields';
import { EmptyState, LoadError, Loading, Notice } from '../../components/page';
import { useT } from '../../i18n';
import { useQuery } from '../../stores/query';
import { daysBefore, nameOf } from './consultation-format';

type Statistics = ApiOutput<'consultations.statistics'>;
type StatRow = Statistics['rows'][number];

function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toLocaleString('nb-NO')} %`;
}

export function ConsultationStatisticsView({ today, offices }: { today: string; offices: readonly { id: string; name: string }[] }) {
  const { t } = useT();
  const [fromDate, setFromDate] = useState(daysBefore(today, 90));
  const [toDate, setToDate] = useState(today);
  const [period, setPeriod] = useState<'week' | 'month'>('week');
  const [officeId, setOfficeId] = useState('');
  const input = { fromDate: fromDate || today, toDate: toDate || today, period, officeId: officeId || null };
  const stats = useQuery('consultations.statistics', input, ['consultations']);
  return (
    <section aria-labelledby="statistics-title">
      <h2 id="statistics-title">{t('consultations.statisticsTitle')}</h2>
      <div className="consultation-filters">
        <TextField id="stats-from" label={t('consultations.filter.from')} type="date" width="medium" value={fromDate} onChange={setFromDate} />
        <TextField id="stats-to" label={t('consultations.filter.to')} type="date" width="medium" value={toDate} onChange={setToDate} />
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
        <SelectField id="stats-office" label={t('consultations.field.office')} value={officeId} placeholder={t('consultations.filter.all')} options={offices.map((o) => ({ value: o.id, label: o.name }))} onChange={setOfficeId} />
      </div>
      <ExportButtons input={input} />
      {stats.error && <LoadError error={stats.error} onRetry={() => void stats.reload()} />}
      {!stats.data && !stats.error && <Loading />}
      {stats.data && stats.data.total.count === 0 && <EmptyState>{t('consultations.statisticsEmpty')}</EmptyState>}
      {stats.data && stats.data.total.count > 0 && <StatisticsResult stats={stats.data} offices={offices} />}
    </section>
  );
}

function ExportButtons({ input }: { input: { fromDate: string; toDate: string; period: 'week' | 'month'; officeId: string | null } }) {
  const { t, errorText } = useT();
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
      {result && 'error' in result && (
        <Notice kind="error" role="alert">
          <p>{errorText(result.error)}</p>
        </Notice>
      )}
    </div>
  );
}

function StatisticsResult({ stats, offices }: { stats: Statistics; offices: readonly { id: string; name: string }[] }) {
  const { t } = useT();
  const chapters = Object.keys(stats.total.byChapter).sort();
  return (
    <>
      <p className="statistics-summary">
        {t('consultations.statistics.summary', { count: stats.total.count, share: percent(stats.total.shareResolvedWithoutDoctor) })}
      </p>
      <StatisticsChart rows={stats.rows} />
      <table className="table statistics-table">
        <caption>{t('consultations.statistics.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('consultations.field.office')}</th>
            <th scope="col">{stats.period === 'week' ? t('consultations.statistics.week') : t('consultations.statistics.month')}</th>
            <th scope="col" className="numeric">{t('consultations.statistics.count')}</th>
            <th scope="col" className="numeric">{t('consultations.statistics.resolved')}</th>
            {CONTACT_KINDS.map((kind) => (
              <th scope="col" className="numeric" key={kind}>
                {t(`consultations.contact.${kind}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {stats.rows.map((row) => (
            <tr key={`${row.officeId}-${row.period}`}>
              <td>{nameOf(offices, row.officeId)}</td>
              <td>{row.period}</td>
              <FigureCells row={row} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          {stats.totalsByOffice.map((row) => (
            <tr key={row.officeId}>
              <th scope="row">{t('consultations.statistics.totalFor', { office: nameOf(offices, row.officeId) })}</th>
              <td />
              <FigureCells row={row} />
            </tr>
          ))}
        </tfoot>
      </table>
      <table className="table statistics-table">
        <caption>{t('consultations.statistics.chapterCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('consultations.statistics.chapter')}</th>
            <th scope="col" className="numeric">{t('consultations.statistics.count')}</th>
          </tr>
        </thead>
        <tbody>
          {chapters.map((letter) => (
            <tr key={letter}>
              <td>
                {letter} – {ICPC2_CHAPTERS[letter] ?? t('consultations.statistics.unknownChapter')}
              </td>
              <td className="numeric">{stats.total.byChapter[letter]}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
