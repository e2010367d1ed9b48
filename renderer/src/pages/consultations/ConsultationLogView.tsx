// Logg: entries by date range, office, nurse, outcome and code, identity numbers masked; and the logged search by identity number.
import { useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import { addDays } from '../../../../domain/calendar/dates';
import { OUTCOMES } from '../../../../domain/consultations/entry';
import type { Outcome } from '../../../../domain/consultations/entry';
import { api } from '../../api/client';
import { hrefFor, itemPath } from '../../app/routes';
import { DataTable } from '../../components/DataTable';
import { CheckboxField, TextField } from '../../components/fields';
import { EmptyState, LoadError, Loaded, Loading } from '../../components/page';
import { TitledSection } from '../../components/TitledSection';
import { useT } from '../../i18n';
import { hasNextPage, logCountText } from './log-paging';
import { useQuery } from '../../stores/query';
import type { FormContext } from './consultation-errors';
import { formatAt, nameOf, patientText } from './consultation-format';
import { AnySelect, namedOptions, PeriodFields } from './FilterFields';
import { IdentityLookup } from './IdentityLookup';

type Row = ApiOutput<'consultations.list'>['rows'][number];
const PAGE_SIZE = 50;

export function ConsultationLogView() {
  const { t } = useT();
  const context = useQuery('consultations.formContext', {}, ['consultations', 'staff']);
  if (context.error && !context.data) return <LoadError error={context.error} onRetry={() => void context.reload()} />;
  if (!context.data) return <Loading />;
  const ctx = context.data;
  return (
    <>
      <LogList context={ctx} />
      {/* Søk på fødselsnummer: needs a reason, and both go to the audit log. */}
      <IdentityLookup
        idPrefix="search"
        titleId="identity-search-title"
        className="identity-search"
        title={t('consultations.searchTitle')}
        hint={t('consultations.searchHint')}
        submitLabel={t('consultations.search')}
        busyLabel={t('common.loading')}
        lookup={async (identityNumber, reason) => (await api.call('consultations.searchByIdentity', { identityNumber, reason })).rows}
      >
        {(rows) => (rows.length === 0 ? <EmptyState>{t('consultations.searchEmpty')}</EmptyState> : <ConsultationTable rows={rows} context={ctx} />)}
      </IdentityLookup>
    </>
  );
}

function LogList({ context }: { context: FormContext }) {
  const { t } = useT();
  const today = context.now.slice(0, 10);
  const [filter, setFilter] = useState({ fromDate: addDays(today, -6), toDate: today, officeId: '', nurseId: '', outcome: '', icpc2Code: '', includeCancelled: false });
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
  const set = (key: keyof typeof filter) => (value: string | boolean) => {
    setFilter((current) => ({ ...current, [key]: value }));
    setOffset(0);
  };
  return (
    <TitledSection titleId="consultation-log-title" title={t('consultations.logTitle')}>
      <div className="consultation-filters">
        <PeriodFields idPrefix="log" from={filter.fromDate} to={filter.toDate} onFrom={set('fromDate')} onTo={set('toDate')} />
        <AnySelect id="log-office" label={t('consultations.field.office')} value={filter.officeId} options={namedOptions(context.offices)} onChange={set('officeId')} />
        <AnySelect id="log-nurse" label={t('consultations.field.nurse')} value={filter.nurseId} options={namedOptions(context.nurses)} onChange={set('nurseId')} />
        <AnySelect id="log-outcome" label={t('consultations.field.outcome')} value={filter.outcome} options={OUTCOMES.map((o) => ({ value: o, label: t(`consultations.outcome.${o}`) }))} onChange={set('outcome')} />
        <TextField id="log-code" label={t('consultations.filter.code')} width="short" maxLength={3} value={filter.icpc2Code} onChange={set('icpc2Code')} />
        <CheckboxField
          id="log-cancelled"
          className="consultation-filters__cancelled"
          label={t('consultations.filter.includeCancelled')}
          checked={filter.includeCancelled}
          onChange={set('includeCancelled')}
        />
      </div>
      <Loaded query={list}>
        {(data) =>
          data.total === 0 ? (
            <EmptyState>{t('consultations.logEmpty')}</EmptyState>
          ) : (
            <>
              <p className="field-hint" role="status">
                {logCountText(t, { offset, pageSize: PAGE_SIZE, total: data.total, totalIsExact: data.totalIsExact })}
              </p>
              <ConsultationTable rows={data.rows} context={context} />
              <div className="pager">
                <button type="button" className="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                  {t('consultations.previousPage')}
                </button>
                <button type="button" className="button" disabled={!hasNextPage({ offset, pageSize: PAGE_SIZE, total: data.total, totalIsExact: data.totalIsExact })} onClick={() => setOffset(offset + PAGE_SIZE)}>
                  {t('consultations.nextPage')}
                </button>
              </div>
            </>
          )
        }
      </Loaded>
    </TitledSection>
  );
}

export function ConsultationTable({ rows, context }: { rows: readonly Row[]; context: FormContext }) {
  const { t } = useT();
  const columns = [
    t('consultations.col.time'),
    t('consultations.field.office'),
    t('consultations.field.nurse'),
    t('consultations.col.patient'),
    t('consultations.field.contact'),
    t('consultations.col.reason'),
    t('consultations.field.outcome'),
    t('consultations.col.status'),
  ];
  return (
    <DataTable className="table consultation-table" wrap={false} columns={columns}>
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
    </DataTable>
  );
}
