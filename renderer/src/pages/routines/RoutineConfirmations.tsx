// Who has confirmed reading a routine version (read and understood): the routine page's table and the printed sheet's list.
import type { ApiOutput } from '../../../../backend/api-types';
import { DataTable } from '../../components/DataTable';
import { TitledSection } from '../../components/TitledSection';
import { formatStamp } from '../../format/dates';
import { useT } from '../../i18n';

export type Confirmation = ApiOutput<'routines.get'>['confirmations'][number];

/** The confirmations of one version, first confirmation per nurse, in time order. */
export function confirmationsOf(confirmations: readonly Confirmation[], version: number): Confirmation[] {
  return confirmations.filter((confirmation) => confirmation.routineVersion === version);
}

export function ConfirmationsTable({ confirmations, caption, className }: { confirmations: readonly Confirmation[]; caption: string; className?: string }) {
  const { t } = useT();
  return (
    <DataTable caption={caption} className={className ?? 'table'} columns={[t('routines.confirmed.colNurse'), t('routines.confirmed.colAt')]}>
      {confirmations.map((confirmation) => (
        <tr key={confirmation.nurseId}>
          <td>{confirmation.nurseName}</td>
          <td>{formatStamp(confirmation.at)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** "Lest og forstått, versjon N" on the routine page, for the version in force (else the newest). */
export function ConfirmedSection({ confirmations, version }: { confirmations: readonly Confirmation[]; version: number }) {
  const { t } = useT();
  const list = confirmationsOf(confirmations, version);
  const title = t('routines.confirmed.title', { version });
  return (
    <TitledSection className="routine-section" titleId="confirmed-title" title={title}>
      {list.length === 0 ? <p className="muted">{t('routines.confirmed.none', { version })}</p> : <ConfirmationsTable confirmations={list} caption={title} />}
    </TitledSection>
  );
}
