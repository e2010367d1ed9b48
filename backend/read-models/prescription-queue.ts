// Prepared prescriptions as the lists show them: each request with its consultation (identity masked), names, the answer and the working-day flag.
import { maskPatient } from '../../domain/consultations/amendments';
import type { CurrentEntry } from '../../domain/consultations/amendments';
import { firstAnswer, isOverdue, overdueFrom } from '../../domain/consultations/prescriptions';
import type { PrescriptionAnswer, RequestState } from '../../domain/consultations/prescriptions';
import { utcMsToOslo } from '../../domain/calendar/oslo';
import type Database from 'better-sqlite3';
import { getCurrentEntries } from '../../db/consultations';
import { listOffices } from '../../db/offices';
import { answersFor, listPrescriptionRequests } from '../../db/prescriptions';
import { listStaff } from '../../db/staff';

/** An ISO instant as Oslo wall-clock `YYYY-MM-DDTHH:mm`. */
export function osloLocal(iso: string): string {
  const wall = utcMsToOslo(new Date(iso).getTime());
  return `${wall.date}T${wall.time}`;
}

/** Every request with its state at `nowLocal`, and the answer that counts for each. */
export function prescriptionStates(db: Database.Database, nowLocal: string): { states: RequestState[]; answers: Map<string, PrescriptionAnswer>; entries: Map<string, CurrentEntry> } {
  const requests = listPrescriptionRequests(db);
  const allAnswers = answersFor(
    db,
    requests.map((r) => r.id),
  );
  const entries = new Map(getCurrentEntries(db, [...new Set(requests.map((r) => r.consultationId))]).map((entry) => [entry.id, entry]));
  const answers = new Map<string, PrescriptionAnswer>();
  const states = requests.map((request) => {
    const answer = firstAnswer(allAnswers.get(request.id) ?? []);
    if (answer) answers.set(request.id, answer);
    const entry = entries.get(request.consultationId);
    // Nothing to sign when the entry was cancelled or corrected so the medicine is no longer prepared.
    const cancelled = !entry || entry.cancelled !== null || entry.medicine?.action !== 'prepared';
    return { request, answered: answer !== null, cancelled, overdue: !cancelled && isOverdue(osloLocal(request.at), nowLocal, answer !== null) };
  });
  return { states, answers, entries };
}

/** The rows a list shows for these requests: masked identity, office and people by name, the answer if any. */
export function prescriptionRows(db: Database.Database, chosen: readonly RequestState[], answers: Map<string, PrescriptionAnswer>, entries: Map<string, CurrentEntry>) {
  const staffNames = new Map(listStaff(db).map((member) => [member.id, member.name]));
  const officeNames = new Map(listOffices(db).map((office) => [office.id, office.name]));
  return chosen.map(({ request, overdue, cancelled }) => {
    const entry = entries.get(request.consultationId) ?? null;
    const answer = answers.get(request.id) ?? null;
    const requestedLocal = osloLocal(request.at);
    return {
      id: request.id,
      consultationId: request.consultationId,
      consultationAt: entry?.at ?? null,
      officeName: officeNames.get(request.officeId) ?? '',
      nurseName: staffNames.get(request.nurseId) ?? '',
      patient: entry ? maskPatient(entry.patient) : null,
      icpc2Code: entry?.icpc2Code ?? null,
      medicine: entry?.medicine ? { name: entry.medicine.name, details: entry.medicine.details } : null,
      responsibleKind: request.responsibleKind,
      doctorName: request.doctorId ? (staffNames.get(request.doctorId) ?? '') : null,
      requestedLocal,
      overdueFrom: overdueFrom(requestedLocal),
      overdue,
      cancelled,
      /** The entry still stands but no longer says the prescription was prepared (corrected). */
      withdrawn: entry !== null && entry.cancelled === null && entry.medicine?.action !== 'prepared',
      answer: answer ? { answer: answer.answer, reason: answer.reason, byName: staffNames.get(answer.byStaffId) ?? '', atLocal: osloLocal(answer.at) } : null,
    };
  });
}
export type PrescriptionRow = ReturnType<typeof prescriptionRows>[number];
