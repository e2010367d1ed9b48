// The example consultation log: a few hundred entries over recent weeks with realistic variety, some amended or cancelled; synthetic identity numbers only.
import { addDays, isoWeekday } from '../../domain/calendar/dates';
import type { LocalDate } from '../../domain/calendar/dates';
import { osloToUtcIso } from '../../domain/calendar/oslo';
import type { EntryFields } from '../../domain/consultations/amendments';
import type { ContactKind, Outcome } from '../../domain/consultations/entry';
import { syntheticIdentityNumber } from '../../domain/consultations/synthetic';
import { pick, seededRandom } from '../../domain/seeded-random';
import { appendAmendment, insertConsultation } from '../../db/consultations';
import { listRoutineVersions } from '../../db/routines';
import type { ChangeSet } from '../../db/write-path';

type Lookup = (name: string) => string;

const NURSES_BY_OFFICE: Record<string, readonly string[]> = {
  Grong: ['Marte Kvernmo', 'Jonas Sandmo'],
  Namsskogan: ['Eli Brennhaug', 'Tone Aasvang'],
  Røyrvik: ['Per Olav Skogmo', 'Randi Fossli'],
  Lierne: ['Siri Heggdal', 'Vegard Tørresdal'],
};
const DOCTOR_BY_OFFICE: Record<string, string> = { Grong: 'Ingrid Solbakk', Namsskogan: 'Kari Elvenes', Røyrvik: 'Anders Tunheim', Lierne: 'Sofie Brattland' };
/** Entries per working day at each office, on average: Grong is the largest. */
const DAILY_AVERAGE: Record<string, number> = { Grong: 4, Namsskogan: 2, Røyrvik: 1.2, Lierne: 2 };

/** Common reasons, weighted; the ones with an example routine come first. */
const CODES = ['U71', 'R74', 'R76', 'F70', 'S76', 'A98', 'R05', 'D11', 'S18', 'A03', 'L03', 'K85', 'T90', 'R78', 'H71'] as const;
const CODE_WEIGHTS = [14, 14, 8, 6, 6, 8, 8, 5, 6, 5, 4, 4, 3, 3, 3];
const OUTCOMES: readonly Outcome[] = ['resolvedByNurse', 'doctorByPhone', 'doctorByVideo', 'bookedWithDoctor', 'sentToLegevakt', 'emergency113'];
const OUTCOME_WEIGHTS = [58, 14, 6, 17, 4, 1];
const CONTACTS: readonly ContactKind[] = ['inPerson', 'phone', 'video'];
const CONTACT_WEIGHTS = [55, 38, 7];
const NOTES = ['Råd om væske og hvile', 'Ny kontakt ved forverring', 'Kontroll om en uke', 'Urinstiks tatt', 'Sårskift, tørt og rent', null, null, null];

/** Runs fn in one transaction signed by the given user (each entry and amendment is signed by the user it names). */
type WriteAs = (userId: string, fn: (changes: ChangeSet) => void) => void;

/**
 * Writes about 300 entries on working days of the last six weeks (before today, so none lies in the future), a few
 * amended and two cancelled, by the example receptionist and nurse. Deterministic: the same day gives the same log.
 */
export function writeExampleConsultations(writeAs: WriteAs, today: LocalDate, staff: Lookup, office: Lookup, receptionistUserId: string, nurseUserId: string): void {
  const written: { id: string; fields: EntryFields }[] = [];
  writeAs(receptionistUserId, (changes) => written.push(...writeEntries(changes, today, staff, office, receptionistUserId)));
  // A few corrections and two cancellations, so the history views have something to show.
  writeAs(nurseUserId, (changes) =>
    written.slice(5, 9).forEach(({ id, fields }, index) => {
      appendAmendment(changes, {
        consultationId: id,
        kind: 'amended',
        changes: { outcome: fields.outcome === 'bookedWithDoctor' ? 'resolvedByNurse' : 'bookedWithDoctor', ...(fields.doctorId ? {} : { doctorId: null }) },
        reason: index % 2 === 0 ? 'Feil utfall registrert' : 'Pasienten fikk likevel time hos lege',
        byUserId: nurseUserId,
        at: osloToUtcIso(dateOfAt(fields.at), '16:00'),
      });
    }),
  );
  writeAs(receptionistUserId, (changes) => {
    for (const { id, fields } of written.slice(20, 22)) {
      appendAmendment(changes, { consultationId: id, kind: 'cancelled', changes: {}, reason: 'Registrert to ganger', byUserId: receptionistUserId, at: osloToUtcIso(dateOfAt(fields.at), '16:05') });
    }
  });
}

function writeEntries(changes: ChangeSet, today: LocalDate, staff: Lookup, office: Lookup, receptionistUserId: string): { id: string; fields: EntryFields }[] {
  const next = seededRandom(20261126);
  const routines = listRoutineVersions(changes.db).filter((routine) => routine.status === 'active');
  const written: { id: string; fields: EntryFields }[] = [];
  for (let day = 42; day >= 1; day -= 1) {
    const date = addDays(today, -day);
    if (isoWeekday(date) > 5) continue;
    for (const [municipality, nurses] of Object.entries(NURSES_BY_OFFICE)) {
      const count = Math.round((DAILY_AVERAGE[municipality] ?? 1) * (0.4 + next() * 1.2));
      for (let i = 0; i < count; i += 1) {
        const minutes = 8 * 60 + Math.floor(next() * 7.5 * 60);
        const at = `${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        const icpc2Code = pick(next, CODES, CODE_WEIGHTS);
        const routine = routines.find((r) => r.icpc2Codes.includes(icpc2Code));
        let outcome = pick(next, OUTCOMES, OUTCOME_WEIGHTS);
        const useRoutine = routine !== undefined && next() < 0.6;
        if (useRoutine) outcome = 'resolvedByNurse';
        const nurseName = pick(next, nurses);
        const doctor = outcome === 'doctorByPhone' || outcome === 'doctorByVideo' ? staff(DOCTOR_BY_OFFICE[municipality] as string) : null;
        const withNumber = next() < 0.9;
        const birthYear = 1935 + Math.floor(next() * 85);
        const birthDate = `${birthYear}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
        const idNumber = withNumber ? syntheticIdentityNumber(birthDate, Math.floor(next() * 1000)) : null;
        const m = routine?.medicine;
        const fields: EntryFields = {
          at,
          officeId: office(municipality),
          nurseId: staff(nurseName),
          patient: idNumber
            ? { kind: 'synthetic', idNumber, birthYear, sex: Number(idNumber[8]) % 2 === 0 ? 'female' : 'male' }
            : { kind: 'none', idNumber: null, birthYear, sex: next() < 0.5 ? 'female' : 'male' },
          contact: pick(next, CONTACTS, CONTACT_WEIGHTS),
          icpc2Code,
          routineId: useRoutine && routine ? routine.routineId : null,
          routineVersion: useRoutine && routine ? routine.version : null,
          medicine: useRoutine && m ? { action: routine.nurseMay === 'give' ? 'given' : 'prepared', name: m.name, details: `${m.strength} ${m.form}, ${m.dose}` } : null,
          outcome,
          doctorId: doctor,
          followUpDate: next() < 0.15 ? addDays(date, 7) : null,
          note: pick(next, NOTES),
        };
        const id = insertConsultation(changes, { ...fields, recordedBy: receptionistUserId, recordedAt: osloToUtcIso(date, at.slice(11)) });
        written.push({ id, fields });
      }
    }
  }
  return written;
}

function dateOfAt(at: string): LocalDate {
  return at.slice(0, 10);
}
