// Logg: entries by date range, office, nurse, outcome and code, identity numbers masked; and the logged search by identity number.
import { useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import { OUTCOMES } from '../../../../domain/consultations/entry';
import type { Outcome } from '../../../../domain/consultations/entry';
import { api } from '../../api/client';
import { toClientError } from '../../api/errors';
import type { ClientApiError } from '../../api/errors';
import { hrefFor, itemPath } from '../../app/routes';
import { SelectField, TextField } from '../../components/fields';
import { EmptyState, LoadError, Loading, Notice } from '../../components/page';
import { useT } from '../../i18n';
import { useQuery } from '../../stores/query';
import { daysBefore, formatAt, nameOf, patientText } from './consultation-format';
import type { FormContext } from './ConsultationFields';

type Row = ApiOutput<'consultations.list'>['rows'][number];
const PAGE_SIZE = 50;

export function ConsultationLogView() {
  const context = useQuery('consultations.formContext', {}, ['consultations', 'staff']);
  if (context.error && !context.data) return <LoadError error={context.error} onRetry={() => void context.reload()} />;
  if (!context.data) return <Loading />;
  return (
    <>
      <LogList context={context.data} />
      <IdentitySearch context={context.data} />
    </>
  );
}

function LogList({ context }: { context: FormContext }) {
  const { t } = useT();
  const today = context.now.slice(0, 10);
  const [filter, setFilter] = useState({ fromDate: daysBefore(today, 6), toDate: today, officeId: '', nurseId: '', outcome: '', icpc2Code: '', includeCancelled: false });
  const [offset, setOffset] = useState(0);
  const input = {
    fromDate: filter.fromDate || today,
    toDate: filter.toDate || today,
    officeId: filter.officeId || null,
    nurseId: filter.nurseId || null,
    outcome: (filter.outcome || null) as Outcome | null,
    icpc2Code: /^[A-Za-z]\d\d$/.test(filter.icpc2Code.trim()) ? filter.icpc2Code.trim().toUpperCase() : null,
    includeCancelled: filter.includeCancelled,
    offset,
    limit: PAGE_SIZE,
  };
  const list = useQuery('consultations.list', input, ['consultations']);
  const set = (key: keyof typeof filter, value: string | boolean) => {
    setFilter((current) => ({ ...current, [key]: value }));
    setOffset(0);
  };
  const data = list.data;
  return (
    <section aria-labelledby="consultation-log-title">
      <h2 id="consultation-log-title">{t('consultations.logTitle')}</h2>
      <div className="consultation-filters">
        <TextField id="log-from" label={t('consultations.filter.from')} type="date" width="medium" value={filter.fromDate} onChange={(v) => set('fromDate', v)} />
        <TextField id="log-to" label={t('consultations.filter.to')} type="date" width="medium" value={filter.toDate} onChange={(v) => set('toDate', v)} />
        <SelectField id="log-office" label={t('consultations.field.office')} value={filter.officeId} placeholder={t('consultations.filter.all')} options={context.offices.map((o) => ({ value: o.id, label: o.name }))} onChange={(v) => set('officeId', v)} />
        <SelectField id="log-nurse" label={t('consultations.field.nurse')} value={filter.nurseId} placeholder={t('consultations.filter.all')} options={context.nurses.map((n) => ({ value: n.id, label: n.name }))} onChange={(v) => set('nurseId', v)} />
        <SelectField id="log-outcome" label={t('consultations.field.outcome')} value={filter.outcome} placeholder={t('consultations.filter.all')} options={OUTCOMES.map((o) => ({ value: o, label: t(`consultations.outcome.${o}`) }))} onChange={(v) => set('outcome', v)} />
        <TextField id="log-code" label={t('consultations.filter.code')} width="short" maxLength={3} value={filter.icpc2Code} onChange={(v) => set('icpc2Code', v)} />
        <div className="field field--checkbox consultation-filters__cancelled">
          <input id="log-cancelled" type="checkbox" className="checkbox" checked={filter.includeCancelled} onChange={(e) => set('includeCancelled', e.target.checked)} />
          <label htmlFor="log-cancelled">{t('consultations.filter.includeCancelled')}</label>
        </div>
      </div>
      {list.error && <LoadError error={list.error} onRetry={() => void list.reload()} />}
      {!data && !list.error && <Loading />}
      {data && data.total === 0 && <EmptyState>{t('consultations.logEmpty')}</EmptyState>}
      {data && data.total > 0 && (
        <>
          <p className="field-hint" role="status">
            {t('consultations.logCount', { from: offset + 1, to: Math.min(offset + PAGE_SIZE, data.total), total: data.total })}
          </p>
          <ConsultationTable rows={data.rows} context={context} />
          <div className="pager">
            <button type="button" className="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
              {t('consultations.previousPage')}
            </button>
            <button type="button" className="button" disabled={offset + PAGE_SIZE >= data.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
              {t('consultations.nextPage')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

export function ConsultationTable({ rows, context }: { rows: readonly Row[]; context: FormContext }) {
  const { t } = useT();
  return (
    <table className="table consultation-table">
      <thead>
        <tr>
          <th scope="col">{t('consultations.col.time')}</th>
          <th scope="col">{t('consultations.field.office')}</th>
          <th scope="col">{t('consultations.field.nurse')}</th>
          <th scope="col">{t('consultations.col.patient')}</th>
          <th scope="col">{t('consultations.field.contact')}</th>
          <th scope="col">{t('consultations.col.reason')}</th>
          <th scope="col">{t('consultations.field.outcome')}</th>
          <th scope="col">{t('consultations.col.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className={row.cancelled ? 'consultation-row--cancelled' : undefined}>
            <td>
              <a href={hrefFor(itemPath('consultations', row.id))}>{formatAt(row.at)}</a>
            </td>
            <td>{nameOf(context.offices, row.officeId)}</td>
            <td>{nameOf(context.nurses, row.nurseId)}</td>
            <td className="mono">{patientText(t, row.patient)}</td>
            <td>{t(`consultations.contact.${row.contact}`)}</td>
            <td>{row.icpc2Code}</td>
            <td>{t(`consultations.outcome.${row.outcome}`)}</td>
            <td>{row.cancelled ? t('consultations.status.cancelled') : row.amendmentCount > 0 ? t('consultations.status.amended', { count: row.amendmentCount }) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Søk på fødselsnummer: needs a reason, and both go to the audit log. */
function IdentitySearch({ context }: { context: FormContext }) {
  const { t, errorText } = useT();
  const [number, setNumber] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Row[] | null>(null);
  const [error, setError] = useState<ClientApiError | null>(null);
  async function search() {
    setBusy(true);
    setError(null);
    try {
      setResult((await api.call('consultations.searchByIdentity', { identityNumber: number, reason })).rows);
    } catch (failure) {
      setError(toClientError(failure));
      setResult(null);
    } finally {
      setBusy(false);
    }
  }
  const identityMessage = error?.params?.identityMessage;
  return (
    <section aria-labelledby="identity-search-title" className="identity-search">
      <h2 id="identity-search-title">{t('consultations.searchTitle')}</h2>
      <p className="field-hint">{t('consultations.searchHint')}</p>
      <form
        className="consultation-filters"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
      >
        <TextField id="search-number" label={t('consultations.field.identityNumber')} inputMode="numeric" width="medium" maxLength={13} value={number} onChange={setNumber} error={error?.fields?.identityNumber ? String(identityMessage ?? t('consultations.error.identity')) : undefined} />
        <TextField id="search-reason" label={t('consultations.field.reason')} width="medium" maxLength={300} value={reason} onChange={setReason} error={error?.fields?.reason ? t('consultations.error.reasonRequired') : undefined} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.loading') : t('consultations.search')}
          </button>
        </div>
      </form>
      {error && !error.fields && <Notice kind="error" role="alert">{errorText(error)}</Notice>}
      {result && result.length === 0 && <EmptyState>{t('consultations.searchEmpty')}</EmptyState>}
      {result && result.length > 0 && <ConsultationTable rows={result} context={context} />}
    </section>
  );
}
