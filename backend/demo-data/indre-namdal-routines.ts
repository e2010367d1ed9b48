// The example delegated routines (marked "EKSEMPEL – ikke klinisk godkjent") and the authorisations of the example nurses.
import { addDays } from '../../domain/calendar/dates';
import type { LocalDate } from '../../domain/calendar/dates';
import type { ExampleCompetenceKey } from '../../domain/competence/examples';
import { exampleRoutines } from '../../domain/routines/examples';
import { newId } from '../../db/ids';
import { appendAuthorisationEvent, appendConfirmation, saveRoutineVersion } from '../../db/routines';
import type { Routine } from '../../domain/routines/types';
import type { ChangeSet } from '../../db/write-path';
import { osloToUtcIso } from '../../domain/calendar/oslo';

type Lookup = (name: string) => string;

/** Nurses authorised for every example routine by the responsible doctor. Jonas is authorised, but his course has expired. */
const AUTHORISED = ['Marte Kvernmo', 'Eli Brennhaug', 'Per Olav Skogmo', 'Siri Heggdal', 'Jonas Sandmo', 'Vegard Tørresdal'];

export function writeExampleRoutines(changes: ChangeSet, today: LocalDate, staff: Lookup, competenceTypeIds: Record<ExampleCompetenceKey, string>): Routine[] {
  const validFrom = addDays(today, -90);
  const doctorId = staff('Ingrid Solbakk');
  const routines = exampleRoutines({ newId, responsibleDoctorId: doctorId, competenceTypeIds, validFrom, status: 'active' });
  for (const routine of routines) saveRoutineVersion(changes, routine);

  const grantedAt = osloToUtcIso(validFrom, '10:00');
  for (const routine of routines) {
    for (const nurse of AUTHORISED) {
      appendAuthorisationEvent(changes, {
        routineId: routine.routineId,
        routineVersion: routine.version,
        nurseId: staff(nurse),
        kind: 'granted',
        byDoctorId: doctorId,
        effectiveDate: validFrom,
        reason: null,
        at: grantedAt,
      });
    }
  }
  // One revocation, so the history and the nurse's check show what that looks like.
  const first = routines[0]!;
  appendAuthorisationEvent(changes, {
    routineId: first.routineId,
    routineVersion: first.version,
    nurseId: staff('Vegard Tørresdal'),
    kind: 'revoked',
    byDoctorId: doctorId,
    effectiveDate: addDays(today, -10),
    reason: 'Ny opplæring i urinstiks avtales før rutinen brukes igjen',
    at: osloToUtcIso(addDays(today, -10), '09:00'),
  });  return routines;
}

/** The example nurse confirms she has read each routine's version (signed by her: a confirmation is only ever her own). */
export function writeExampleConfirmations(changes: ChangeSet, routines: readonly Routine[], nurseId: string, userId: string, today: LocalDate): void {
  const at = osloToUtcIso(addDays(today, -89), '08:15');
  for (const routine of routines) appendConfirmation(changes, { routineId: routine.routineId, routineVersion: routine.version, nurseId, userId, at });
}
