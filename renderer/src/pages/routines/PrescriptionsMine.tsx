// "Mine forberedte resepter": what the signed-in nurse prepared for a doctor's signature, with the doctor's answer.
import { DataTable } from '../../components/DataTable';
import { EmptyState, Loaded } from '../../components/page';
import { useT } from '../../i18n';
import { useQuery } from '../../stores/query';
import { MedicineCell, PatientCell, RequestedCell, ResponsibleCell, StatusCell } from './PrescriptionParts';

const AREAS = ['consultations', 'staff'] as const;

export function PrescriptionsMine() {
  const { t } = useT();
  const query = useQuery('prescriptions.mine', {}, AREAS);
  const title = t('prescriptions.mine.title');
  return (
    <section aria-labelledby="prescriptions-mine">
      <h2 id="prescriptions-mine">{title}</h2>
      <p>{t('prescriptions.mine.intro')}</p>
      <Loaded query={query}>
        {({ rows }) =>
          rows.length === 0 ? (
            <EmptyState>{t('prescriptions.mine.empty')}</EmptyState>
          ) : (
            <DataTable
              caption={title}
              columns={[t('prescriptions.col.requested'), t('prescriptions.col.patient'), t('prescriptions.col.medicine'), t('prescriptions.col.doctor'), t('prescriptions.col.status')]}
            >
              {rows.map((row) => (
                <tr key={row.id}>
                  <RequestedCell row={row} />
                  <PatientCell row={row} />
                  <MedicineCell row={row} />
                  <ResponsibleCell row={row} />
                  <StatusCell row={row} />
                </tr>
              ))}
            </DataTable>
          )
        }
      </Loaded>
    </section>
  );
}
