// Innsynsrapport (admins): the identity number and a period, then the patient's access report to print, save as PDF or download as CSV.
import { useState } from 'react';
import { addDays } from '../../../../domain/calendar/dates';
import { api } from '../../api/client';
import { TextField } from '../../components/fields';
import { Form } from '../../components/Form';
import { ErrorNotice } from '../../components/page';
import { TitledSection } from '../../components/TitledSection';
import { useAction } from '../../components/use-action';
import { useT } from '../../i18n';
import '../../styles/access-report-print.css';
import type { AccessReport } from './access-report';
import { AccessReportResult } from './AccessReportResult';
import { PeriodFields } from './FilterFields';

export function AccessReportView({ today }: { today: string }) {
  const { t } = useT();
  const [number, setNumber] = useState('');
  const [fromDate, setFromDate] = useState(addDays(today, -365));
  const [toDate, setToDate] = useState(today);
  const [report, setReport] = useState<AccessReport | null>(null);
  const [periodError, setPeriodError] = useState(false);
  const { busy, error, run } = useAction();

  async function create() {
    const badPeriod = !fromDate || !toDate || toDate < fromDate;
    setPeriodError(badPeriod);
    if (badPeriod) return;
    const ok = await run(async () => setReport(await api.call('audit.accessReport', { identityNumber: number, fromDate, toDate })));
    if (!ok) setReport(null);
  }

  // The backend explains a wrong number (check digit, not a D-number …) in `identityMessage`.
  const numberError = error?.fields?.identityNumber ? String(error.params?.identityMessage ?? t('consultations.error.identity')) : undefined;
  return (
    <div className="access-report">
      <TitledSection titleId="access-report-title" title={t('audit.report.title')} className="no-print">
        <p className="field-hint">{t('audit.report.intro')}</p>
        <Form className="consultation-filters" labelledBy="access-report-title" onSubmit={() => void create()}>
          <TextField
            id="report-number"
            label={t('consultations.field.identityNumber')}
            inputMode="numeric"
            width="medium"
            maxLength={13}
            value={number}
            onChange={setNumber}
            error={numberError}
            autoFocus
          />
          <PeriodFields idPrefix="report" from={fromDate} to={toDate} onFrom={setFromDate} onTo={setToDate} />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('audit.report.creating') : t('audit.report.create')}
            </button>
          </div>
        </Form>
        {periodError && (
          <p className="field-error" role="alert">
            {t('audit.report.periodOrder')}
          </p>
        )}
        {error && !error.fields?.identityNumber && <ErrorNotice error={error} />}
      </TitledSection>
      {report && <AccessReportResult report={report} />}
    </div>
  );
}
