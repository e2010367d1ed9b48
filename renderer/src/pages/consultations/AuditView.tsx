// Tilgangslogg (admins): the audit log by date and action, and "who has accessed this patient's entries".
import { useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import { addDays } from '../../../../domain/calendar/dates';
import { AUDIT_ACTIONS } from '../../../../domain/audit/actions';
import type { AuditAction } from '../../../../domain/audit/actions';
import { api } from '../../api/client';
import { hrefFor, itemPath } from '../../app/routes';
import { DataTable } from '../../components/DataTable';
import { EmptyState, Loaded } from '../../components/page';
import { TitledSection } from '../../components/TitledSection';
import { useT } from '../../i18n';
import { useQuery } from '../../stores/query';
import { formatMoment } from './consultation-format';
import { AnySelect, PeriodFields } from './FilterFields';
import { IdentityLookup } from './IdentityLookup';

type AuditEvent = ApiOutput<'audit.list'>['events'][number];

export function AuditView({ today }: { today: string }) {
  const { t } = useT();
  const [fromDate, setFromDate] = useState(addDays(today, -6));
  const [toDate, setToDate] = useState(today);
  const [action, setAction] = useState('');
  const list = useQuery('audit.list', { fromDate: fromDate || today, toDate: toDate || today, action: (action || null) as AuditAction | null, limit: 500 }, ['audit', 'consultations']);
  return (
    <>
      {/* "Hvem har sett denne pasienten?": the admin types the identity number and a reason; the question is logged too. */}
      <IdentityLookup
        idPrefix="access"
        titleId="patient-access-title"
        title={t('audit.patientTitle')}
        hint={t('audit.patientHint')}
        submitLabel={t('audit.patientSearch')}
        lookup={(identityNumber, reason) => api.call('audit.patientAccess', { identityNumber, reason })}
      >
        {(result) => (
          <>
            <p role="status">{t('audit.patientResult', { entries: result.entryCount, events: result.events.length })}</p>
            {result.events.length > 0 && <AuditTable events={result.events} />}
          </>
        )}
      </IdentityLookup>
      <TitledSection titleId="audit-title" title={t('audit.title')}>
        <div className="consultation-filters">
          <PeriodFields idPrefix="audit" from={fromDate} to={toDate} onFrom={setFromDate} onTo={setToDate} />
          <AnySelect id="audit-action" label={t('audit.action')} value={action} options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))} onChange={setAction} />
        </div>
        <Loaded query={list}>{(data) => (data.events.length === 0 ? <EmptyState>{t('audit.empty')}</EmptyState> : <AuditTable events={data.events} />)}</Loaded>
      </TitledSection>
    </>
  );
}

function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  const { t } = useT();
  return (
    <DataTable className="table audit-table" wrap={false} columns={[t('audit.when'), t('audit.who'), t('audit.action'), t('audit.entry'), t('audit.reason')]}>
      {events.map((event) => (
        <tr key={event.id}>
          <td>{formatMoment(event.at)}</td>
          <td>{event.username}</td>
          <td>{t(`audit.actions.${event.action}`)}</td>
          <td>{event.targetTable === 'consultations' && event.targetId ? <a href={hrefFor(itemPath('consultations', event.targetId))}>{t('audit.openEntry')}</a> : ''}</td>
          <td>{event.reason ?? ''}</td>
        </tr>
      ))}
    </DataTable>
  );
}
