// "Resepter til signering": the doctor's open prepared prescriptions, oldest first, answered "Signert i journalsystemet" or declined with a reason.
import { useState } from 'react';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { ActionButton } from '../../components/ActionButton';
import { DataTable } from '../../components/DataTable';
import { EmptyState, ErrorNotice, Loaded } from '../../components/page';
import { useAction } from '../../components/use-action';
import { useT } from '../../i18n';
import { useQuery } from '../../stores/query';
import { PrescriptionDeclineDialog } from './PrescriptionDeclineDialog';
import { MedicineCell, PatientCell, RequestedCell, ResponsibleCell, useRowText } from './PrescriptionParts';
import { patientText } from './prescription-view';
import type { PrescriptionRow } from './prescription-view';
import { ROUTINE_PATHS } from './routine-paths';

const AREAS = ['consultations', 'staff'] as const;

export function PrescriptionsToSign() {
  const { t } = useT();
  const text = useRowText();
  const query = useQuery('prescriptions.toSign', {}, AREAS);
  const action = useAction();
  const [declining, setDeclining] = useState<PrescriptionRow | null>(null);
  const title = t('prescriptions.toSign.title');

  async function sign(row: PrescriptionRow) {
    const done = await action.run(() => api.call('prescriptions.answer', { requestId: row.id, answer: 'signed' }));
    if (done) navigate(ROUTINE_PATHS.prescriptions, { flash: { key: 'prescriptions.signedDone', params: { patient: text(patientText(row)) } }, replace: true });
  }

  return (
    <section aria-labelledby="prescriptions-to-sign">
      <h2 id="prescriptions-to-sign">{title}</h2>
      <p>{t('prescriptions.toSign.intro')}</p>
      {action.error && <ErrorNotice error={action.error} title={t('prescriptions.notDone')} />}
      <Loaded query={query}>
        {({ rows }) =>
          rows.length === 0 ? (
            <EmptyState>{t('prescriptions.toSign.empty')}</EmptyState>
          ) : (
            <DataTable
              caption={title}
              columns={[
                t('prescriptions.col.requested'),
                t('prescriptions.col.patient'),
                t('prescriptions.col.medicine'),
                t('prescriptions.col.nurse'),
                t('prescriptions.col.doctor'),
                t('prescriptions.col.answer'),
              ]}
            >
              {rows.map((row) => (
                <tr key={row.id}>
                  <RequestedCell row={row} />
                  <PatientCell row={row} />
                  <MedicineCell row={row} />
                  <td>
                    {row.nurseName}
                    <span className="muted"> · {row.officeName}</span>
                  </td>
                  <ResponsibleCell row={row} />
                  <td className="nowrap">
                    <ActionButton label={t('prescriptions.sign')} about={text(patientText(row))} onClick={() => void sign(row)} />{' '}
                    <ActionButton label={t('prescriptions.decline')} about={text(patientText(row))} danger onClick={() => setDeclining(row)} />
                  </td>
                </tr>
              ))}
            </DataTable>
          )
        }
      </Loaded>
      {declining && (
        <PrescriptionDeclineDialog
          row={declining}
          onClose={() => setDeclining(null)}
          onDone={() => {
            const patient = text(patientText(declining));
            setDeclining(null);
            navigate(ROUTINE_PATHS.prescriptions, { flash: { key: 'prescriptions.declinedDone', params: { patient } }, replace: true });
          }}
        />
      )}
    </section>
  );
}
