// The patient's access report: a summary and actions on screen, and one table that is also the printed A4 sheet (header and footer in print only).
import { useState } from 'react';
import { canSaveAsPdf, printPage } from '../../app/print';
import type { PrintMode } from '../../app/print';
import { DataTable } from '../../components/DataTable';
import { EmptyState, Notice } from '../../components/page';
import { formatDate, formatStamp } from '../../format/dates';
import { saveFile } from '../../format/download';
import { useT } from '../../i18n';
import { useList } from '../../stores/query';
import { reportCsv, reportFileName, reportLines } from './access-report';
import type { AccessReport } from './access-report';

type Outcome = { kind: 'saved'; path: string } | { kind: 'failed' } | null;

export function AccessReportResult({ report }: { report: AccessReport }) {
  const { t, language } = useT();
  const settings = useList('settings.get');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const lines = reportLines(t, report);
  const fileName = reportFileName(t, report);
  const period = t('audit.report.sheetPeriod', { from: formatDate(report.fromDate, language), to: formatDate(report.toDate, language) });

  async function print(mode: PrintMode) {
    setOutcome(null);
    const result = await printPage(mode, `${fileName}.pdf`);
    if (result.kind === 'failed') setOutcome({ kind: 'failed' });
    if (result.kind === 'saved') setOutcome({ kind: 'saved', path: result.path });
  }

  return (
    <section className="access-report-sheet" aria-labelledby="access-report-sheet-title">
      <header className="sheet-header print-only">
        <p className="sheet-kind">{settings.data?.cooperationName ?? ''}</p>
        <h2 className="sheet-title">{t('audit.report.sheetTitle')}</h2>
        <p>{t('audit.report.sheetPatient', { number: report.maskedIdentityNumber })}</p>
        <p>{period}</p>
        <p>{t('audit.report.sheetIntro')}</p>
      </header>
      <div className="no-print">
        <h2 id="access-report-sheet-title">
          {t('audit.report.tab')}: {report.maskedIdentityNumber} · {period}
        </h2>
        <p role="status">{t('audit.report.summary', { events: report.rows.length, entries: report.entryCount })}</p>
        <div className="form-actions">
          <button type="button" className="button" onClick={() => void print('dialog')}>
            {t('audit.report.print')}
          </button>
          {canSaveAsPdf() && (
            <button type="button" className="button" onClick={() => void print('pdf')}>
              {t('audit.report.savePdf')}
            </button>
          )}
          <button type="button" className="button" onClick={() => saveFile(`${fileName}.csv`, reportCsv(t, report), 'text/csv;charset=utf-8')}>
            {t('audit.report.csv')}
          </button>
        </div>
        {outcome?.kind === 'failed' && (
          <Notice kind="error" role="alert">
            <p>{t('audit.report.printFailed')}</p>
          </Notice>
        )}
        {outcome?.kind === 'saved' && (
          <Notice kind="success" role="status">
            <p>{t('audit.report.pdfSaved', { path: outcome.path })}</p>
          </Notice>
        )}
      </div>
      {report.officesNotCovered.length > 0 && (
        <p className="field-hint" data-testid="access-report-scope">
          {t('audit.report.notCovered', { offices: report.officesNotCovered.join(', ') })}
        </p>
      )}
      {lines.length === 0 ? (
        <EmptyState>{t('audit.report.empty')}</EmptyState>
      ) : (
        <DataTable
          className="table access-report-table"
          caption={t('audit.report.sheetTitle')}
          wrap={false}
          columns={[t('audit.report.when'), t('audit.report.who'), t('audit.report.role'), t('audit.report.what'), t('audit.report.why')]}
        >
          {lines.map((line) => (
            <tr key={line.id}>
              <td>{line.when}</td>
              <td>{line.who}</td>
              <td>{line.role}</td>
              <td>{line.what}</td>
              <td>{line.why}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <p className="sheet-footer print-only">
        {t('audit.report.sheetFooter', { at: formatStamp(report.createdAt), name: report.createdBy, cooperation: settings.data?.cooperationName ?? '' })}
      </p>
    </section>
  );
}
