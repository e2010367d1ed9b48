// The routine page's tables: nurses authorised for a version, the version history, and the authorisation events.
import type { ApiOutput } from '../../../../backend/api-types';
import type { Routine } from '../../../../domain/routines/types';
import { DataTable } from '../../components/DataTable';
import { formatDate, formatStamp } from '../../format/dates';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { VersionStateLabel, YesNo } from './routine-parts';
import { versionState } from './routine-view';
import type { AuthorisedNurse } from './routine-view';

type DetailEvent = ApiOutput<'routines.get'>['events'][number];

interface AuthorisedTableProps {
  nurses: readonly AuthorisedNurse[];
  version: number;
  canEdit: boolean;
  onRevoke: (nurse: AuthorisedNurse) => void;
  emptyText: string;
}

export function AuthorisedTable({ nurses, version, canEdit, onRevoke, emptyText }: AuthorisedTableProps) {
  const { t, language } = useT();
  if (nurses.length === 0) return <p className="empty-state">{emptyText}</p>;
  const columns = [t('routines.auth.colNurse'), t('routines.auth.colSince'), t('routines.auth.colBy'), canEdit && { label: t('routines.auth.colActions'), hidden: true }];
  return (
    <DataTable caption={t('routines.detail.authorisedTitle', { version })} columns={columns}>
      {nurses.map((nurse) => (
        <tr key={nurse.nurseId}>
          <th scope="row">{nurse.nurseName}</th>
          <td className="nowrap">{formatDate(nurse.since, language)}</td>
          <td>{nurse.byDoctorName}</td>
          {canEdit && (
            <td>
              <button type="button" className="button button--small button--danger" onClick={() => onRevoke(nurse)} aria-label={t('routines.auth.revokeFor', { name: nurse.nurseName })}>
                {t('routines.auth.revoke')}
              </button>
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}

const VERSION_COLUMNS: readonly MessageKey[] = ['routines.detail.colVersion', 'routines.detail.colState', 'routines.field.validFrom', 'routines.field.reviewDate', 'routines.field.expiresOn', 'routines.field.responsibleDoctor'];

/** Every version, newest first: its state today, validity and responsible doctor. */
export function VersionTable({ versions, today, names }: { versions: readonly Routine[]; today: string; names: ReadonlyMap<string, string> }) {
  const { t, language } = useT();
  const date = (value: string) => formatDate(value, language);
  return (
    <DataTable caption={t('routines.detail.versionsTitle')} columns={VERSION_COLUMNS.map((key) => t(key))}>
      {[...versions]
        .sort((a, b) => b.version - a.version)
        .map((version) => (
          <tr key={version.id}>
            <th scope="row" className="numeric">
              {version.version}
            </th>
            <td>
              <VersionStateLabel state={versionState(version, today)} />
            </td>
            <td className="nowrap">{date(version.validFrom)}</td>
            <td className="nowrap">{date(version.reviewDate)}</td>
            <td className="nowrap">{date(version.expiresOn)}</td>
            <td>{names.get(version.responsibleDoctorId) ?? t('common.none')}</td>
          </tr>
        ))}
    </DataTable>
  );
}

const EVENT_COLUMNS: readonly MessageKey[] = ['routines.auth.colEffective', 'routines.auth.colNurse', 'routines.detail.colVersion', 'routines.auth.colEvent', 'routines.auth.colBy', 'routines.auth.colAt', 'routines.auth.reason'];

/** Every authorisation and revocation, newest first, with who recorded it and why. */
export function EventTable({ events }: { events: readonly DetailEvent[] }) {
  const { t, language } = useT();
  return (
    <DataTable caption={t('routines.detail.eventsTitle')} columns={EVENT_COLUMNS.map((key) => t(key))}>
      {events.map((event) => (
        <tr key={event.id}>
          <td className="nowrap">{formatDate(event.effectiveDate, language)}</td>
          <th scope="row" className="nowrap">
            {event.nurseName}
          </th>
          <td className="numeric">{event.routineVersion}</td>
          <td>
            <YesNo yes={event.kind === 'granted'} yesText={t('routines.auth.granted')} noText={t('routines.auth.revoked')} />
          </td>
          <td className="nowrap">{event.doctorName}</td>
          <td className="nowrap">{formatStamp(event.at)}</td>
          <td>{event.reason ?? ''}</td>
        </tr>
      ))}
    </DataTable>
  );
}
