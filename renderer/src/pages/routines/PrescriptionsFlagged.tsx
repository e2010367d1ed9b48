// The lead's list: prepared prescriptions unanswered for more than one working day, or logged when no doctor was responsible.
import { DataTable } from '../../components/DataTable';
import { EmptyState, Loaded } from '../../components/page';
import { useT } from '../../i18n';
import { useQuery } from '../../stores/query';
import { MedicineCell, PatientCell, RequestedCell, ResponsibleCell } from './PrescriptionParts';

const AREAS = ['consultations', 'staff', 'offices'] as const;

export function PrescriptionsFlagged() {
  const { t } = useT();
  const query = useQuery('prescriptions.flagged', {}, AREAS);
  const title = t('prescriptions.flagged.title');
  return (
    <section aria-labelledby="prescriptions-flagged">
      <h2 id="prescriptions-flagged">{title}</h2>
      <p>{t('prescriptions.flagged.intro')}</p>
      <Loaded query={query}>
        {({ rows }) =>
          rows.length === 0 ? (
            <EmptyState>{t('prescriptions.flagged.empty')}</EmptyState>
          ) : (
            <DataTable
              caption={title}
              columns={[
                t('prescriptions.col.requested'),
                t('prescriptions.col.office'),
                t('prescriptions.col.patient'),
                t('prescriptions.col.medicine'),
                t('prescriptions.col.nurse'),
                t('prescriptions.col.doctor'),
              ]}
            >
              {rows.map((row) => (
                <tr key={row.id}>
                  <RequestedCell row={row} />
                  <td>{row.officeName}</td>
                  <PatientCell row={row} />
                  <MedicineCell row={row} />
                  <td>{row.nurseName}</td>
                  <ResponsibleCell row={row} />
                </tr>
              ))}
            </DataTable>
          )
        }
      </Loaded>
    </section>
  );
}
