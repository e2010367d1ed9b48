// The audit log as a table in words: when, who (the person's name), what (the action) and why (the reason), for the access log and Min logg.
import type { ApiOutput } from '../../../backend/api-types';
import { hrefFor, itemPath } from '../app/routes';
import { formatStamp } from '../format/dates';
import { useT } from '../i18n';
import { auditActionText, auditActorName, auditReasonText } from '../i18n/audit-labels';
import { DataTable } from './DataTable';

type AuditEvent = ApiOutput<'audit.list'>['events'][number];

interface AuditEventTableProps {
  events: readonly AuditEvent[];
  caption: string;
  /** Leaves out the "Hvem" column (Min logg: it is always you). */
  showWho?: boolean;
  /** Adds a link to the consultation an event concerned. */
  linkEntries?: boolean;
}

export function AuditEventTable({ events, caption, showWho = true, linkEntries = false }: AuditEventTableProps) {
  const { t } = useT();
  return (
    <DataTable
      className="table audit-table"
      caption={caption}
      wrap={false}
      columns={[t('audit.when'), showWho && t('audit.who'), t('audit.action'), linkEntries && t('audit.entry'), t('audit.reason')]}
    >
      {events.map((event) => (
        <tr key={event.id}>
          <td>{formatStamp(event.at)}</td>
          {showWho && <td>{auditActorName(t, event)}</td>}
          <td>{auditActionText(t, event.action)}</td>
          {linkEntries && (
            <td>{event.targetTable === 'consultations' && event.targetId ? <a href={hrefFor(itemPath('consultations', event.targetId))}>{t('audit.openEntry')}</a> : ''}</td>
          )}
          <td>{auditReasonText(t, event.action, event.reason)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
