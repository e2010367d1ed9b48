// Tilgangslogg (admins): the audit log by date and action, and "who has accessed this patient's entries".
import { useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import { AUDIT_ACTIONS } from '../../../../domain/audit/actions';
import type { AuditAction } from '../../../../domain/audit/actions';
import { api } from '../../api/client';
import { toClientError } from '../../api/errors';
import type { ClientApiError } from '../../api/errors';
import { hrefFor, itemPath } from '../../app/routes';
import { SelectField, TextField } from '../../components/fields';
import { EmptyState, LoadError, Loading, Notice } from '../../components/page';
import { useT } from '../../i18n';
import { useQuery } from '../../stores/query';
import { daysBefore } from './consultation-format';

type AuditEvent = ApiOutput<'audit.list'>['events'][number];

export function AuditView({ today }: { today: string }) {
  const { t } = useT();
  const [fromDate, setFromDate] = useState(daysBefore(today, 6));
  const [toDate, setToDate] = useState(today);
  const [action, setAction] = useState('');
  const list = useQuery('audit.list', { fromDate: fromDate || today, toDate: toDate || today, action: (action || null) as AuditAction | null, limit: 500 }, ['audit', 'consultations']);
  return (
    <>
      <PatientAccess />
      <section aria-labelledby="audit-title">
        <h2 id="audit-title">{t('audit.title')}</h2>
        <div className="consultation-filters">
          <TextField id="audit-from" label={t('consultations.filter.from')} type="date" width="medium" value={fromDate} onChange={setFromDate} />
          <TextField id="audit-to" label={t('consultations.filter.to')} type="date" width="medium" value={toDate} onChange={setToDate} />
          <SelectField id="audit-action" label={t('audit.action')} value={action} placeholder={t('consultations.filter.all')} options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))} onChange={setAction} />
        </div>
        {list.error && <LoadError error={list.error} onRetry={() => void list.reload()} />}
        {!list.data && !list.error && <Loading />}
        {list.data && list.data.events.length === 0 && <EmptyState>{t('audit.empty')}</EmptyState>}
        {list.data && list.data.events.length > 0 && <AuditTable events={list.data.events} />}
      </section>
    </>
  );
}

function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  const { t } = useT();
  return (
    <table className="table audit-table">
      <thead>
        <tr>
          <th scope="col">{t('audit.when')}</th>
          <th scope="col">{t('audit.who')}</th>
          <th scope="col">{t('audit.action')}</th>
          <th scope="col">{t('audit.entry')}</th>
          <th scope="col">{t('audit.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id}>
            <td>{new Date(event.at).toLocaleString('nb-NO', { timeZone: 'Europe/Oslo' })}</td>
            <td>{event.username}</td>
            <td>{t(`audit.actions.${event.action}`)}</td>
            <td>{event.targetTable === 'consultations' && event.targetId ? <a href={hrefFor(itemPath('consultations', event.targetId))}>{t('audit.openEntry')}</a> : ''}</td>
            <td>{event.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Hvem har sett denne pasienten?": the admin types the identity number and a reason; the question is logged too. */
function PatientAccess() {
  const { t, errorText } = useT();
  const [number, setNumber] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ApiOutput<'audit.patientAccess'> | null>(null);
  const [error, setError] = useState<ClientApiError | null>(null);
  async function ask() {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.call('audit.patientAccess', { identityNumber: number, reason }));
    } catch (failure) {
      setError(toClientError(failure));
      setResult(null);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="patient-access-title">
      <h2 id="patient-access-title">{t('audit.patientTitle')}</h2>
      <p className="field-hint">{t('audit.patientHint')}</p>
      <form
        className="consultation-filters"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void ask();
        }}
      >
        <TextField id="access-number" label={t('consultations.field.identityNumber')} inputMode="numeric" width="medium" maxLength={13} value={number} onChange={setNumber} error={error?.fields?.identityNumber ? String(error.params?.identityMessage ?? t('consultations.error.identity')) : undefined} />
        <TextField id="access-reason" label={t('consultations.field.reason')} width="medium" maxLength={300} value={reason} onChange={setReason} error={error?.fields?.reason ? t('consultations.error.reasonRequired') : undefined} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('audit.patientSearch')}
          </button>
        </div>
      </form>
      {error && !error.fields && (
        <Notice kind="error" role="alert">
          <p>{errorText(error)}</p>
        </Notice>
      )}
      {result && (
        <>
          <p role="status">{t('audit.patientResult', { entries: result.entryCount, events: result.events.length })}</p>
          {result.events.length > 0 && <AuditTable events={result.events} />}
        </>
      )}
    </section>
  );
}
