// Tilgangslogg (admins): the audit log by date and action, and "who has accessed this patient's entries".
import { useState } from 'react';
import { addDays } from '../../../../domain/calendar/dates';
import { AUDIT_ACTIONS } from '../../../../domain/audit/actions';
import type { AuditAction } from '../../../../domain/audit/actions';
import { api } from '../../api/client';
import { can } from '../../app/permissions';
import { AuditEventTable } from '../../components/AuditEventTable';
import { EmptyState, Loaded } from '../../components/page';
import { TitledSection } from '../../components/TitledSection';
import { useT } from '../../i18n';
import { auditActionText } from '../../i18n/audit-labels';
import { useQuery } from '../../stores/query';
import { useSession } from '../../stores/session';
import { AnySelect, PeriodFields } from './FilterFields';
import { IdentityLookup } from './IdentityLookup';

export function AuditView({ today }: { today: string }) {
  const { t } = useT();
  // Only people who may open entries get a link to them (an admin alone would land on "Ingen tilgang").
  const linkEntries = can(useSession((state) => state.user), 'logConsultations');
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
            {result.events.length > 0 && <AuditEventTable events={result.events} caption={t('audit.patientTitle')} linkEntries={linkEntries} />}
          </>
        )}
      </IdentityLookup>
      <TitledSection titleId="audit-title" title={t('audit.title')}>
        <div className="consultation-filters">
          <PeriodFields idPrefix="audit" from={fromDate} to={toDate} onFrom={setFromDate} onTo={setToDate} />
          <AnySelect id="audit-action" label={t('audit.action')} value={action} options={AUDIT_ACTIONS.map((a) => ({ value: a, label: auditActionText(t, a) }))} onChange={setAction} />
        </div>
        <Loaded query={list}>{(data) => (data.events.length === 0 ? <EmptyState>{t('audit.empty')}</EmptyState> : <AuditEventTable events={data.events} caption={t('audit.title')} linkEntries={linkEntries} />)}</Loaded>
      </TitledSection>
    </>
  );
}
