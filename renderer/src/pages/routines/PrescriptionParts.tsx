// Cells shared by the prescription lists: when it was logged (with the overdue flag), the masked patient, the medicine, the responsible doctor and the status.
import { useT } from '../../i18n';
import { formatLocal, overdueText, patientText, responsibleText, statusText } from './prescription-view';
import type { PrescriptionRow, Text } from './prescription-view';

/** Turns a plain text or a message key into the text in the user's language. */
export function useRowText(): (text: string | Text) => string {
  const { t } = useT();
  return (text) => (typeof text === 'string' ? text : t(text.key, text.params));
}

/** "03.12.2026 09:45" and, when overdue, "⚠ Ubesvart over én virkedag (siden …)". */
export function RequestedCell({ row }: { row: PrescriptionRow }) {
  const text = useRowText();
  const overdue = overdueText(row);
  return (
    <td className="nowrap">
      {formatLocal(row.requestedLocal)}
      {overdue && (
        <span className="review-due">
          <span aria-hidden="true">⚠ </span>
          {text(overdue)}
        </span>
      )}
    </td>
  );
}

export function PatientCell({ row }: { row: PrescriptionRow }) {
  const text = useRowText();
  return (
    <td className="nowrap">
      {text(patientText(row))}
      {row.icpc2Code && <span className="muted"> · {row.icpc2Code}</span>}
    </td>
  );
}

export function MedicineCell({ row }: { row: PrescriptionRow }) {
  const { t } = useT();
  if (!row.medicine) return <td>{t('prescriptions.noMedicine')}</td>;
  return (
    <td>
      {row.medicine.name}
      {row.medicine.details && <span className="muted"> ({row.medicine.details})</span>}
    </td>
  );
}

export function ResponsibleCell({ row }: { row: PrescriptionRow }) {
  const text = useRowText();
  return <td>{text(responsibleText(row))}</td>;
}

export function StatusCell({ row }: { row: PrescriptionRow }) {
  const text = useRowText();
  return <td>{text(statusText(row))}</td>;
}
