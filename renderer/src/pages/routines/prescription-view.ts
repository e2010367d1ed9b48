// What the prescription lists show for a row: the masked patient, the responsible doctor, the status and the times, as message keys (pure).
import type { ApiOutput } from '../../../../backend/api-types';
import type { MessageKey, MessageParams } from '../../i18n';

export type PrescriptionRow = ApiOutput<'prescriptions.toSign'>['rows'][number];

export interface Text {
  key: MessageKey;
  params?: MessageParams;
}

/** '2026-12-03T09:45' → '03.12.2026 09:45'. */
export function formatLocal(local: string): string {
  return `${local.slice(8, 10)}.${local.slice(5, 7)}.${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

/** The identity number as the backend masked it, or "Uten fødselsnummer, født 1961"; a plain text or a message. */
export function patientText(row: Pick<PrescriptionRow, 'patient'>): string | Text {
  if (!row.patient) return '–';
  if (row.patient.idNumber) return row.patient.idNumber;
  return { key: 'prescriptions.patientNone', params: { year: row.patient.birthYear ?? '?' } };
}

export function responsibleText(row: Pick<PrescriptionRow, 'responsibleKind' | 'doctorName'>): Text {
  if (row.doctorName === null || row.responsibleKind === 'none') return { key: 'prescriptions.responsible.none' };
  return { key: `prescriptions.responsible.${row.responsibleKind}`, params: { name: row.doctorName } };
}

/** Waiting, signed or declined (with who, when and why), or the consultation was cancelled. */
export function statusText(row: Pick<PrescriptionRow, 'answer' | 'cancelled' | 'withdrawn'>): Text {
  const answer = row.answer;
  if (answer?.answer === 'signed') return { key: 'prescriptions.status.signed', params: { name: answer.byName, time: formatLocal(answer.atLocal) } };
  if (answer?.answer === 'declined') return { key: 'prescriptions.status.declined', params: { name: answer.byName, time: formatLocal(answer.atLocal), reason: answer.reason ?? '' } };
  if (row.withdrawn) return { key: 'prescriptions.status.withdrawn' };
  if (row.cancelled) return { key: 'prescriptions.status.cancelled' };
  return { key: 'prescriptions.status.waiting' };
}

export function overdueText(row: Pick<PrescriptionRow, 'overdue' | 'overdueFrom'>): Text | null {
  return row.overdue ? { key: 'prescriptions.overdue', params: { time: formatLocal(row.overdueFrom) } } : null;
}
