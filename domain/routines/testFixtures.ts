// Test-only fixtures for routines: UUIDv7-shaped ids, a complete routine version, authorisation events and a nurse's competence records.
import { competenceType, record } from '../competence/testFixtures';
import type { AuthorisationEvent } from './authorisations';
import type { Routine } from './types';

/** A UUIDv7-shaped id that sorts by n. */
export function uuid(n: number): string {
  return `0190a1b2-c3d4-7e5f-8a9b-${n.toString(16).padStart(12, '0')}`;
}

export const NURSE = uuid(1);
export const OTHER_NURSE = uuid(2);
export const DOCTOR = uuid(3);
export const ROUTINE = uuid(10);
export const AKUTT = competenceType({ id: uuid(20), name: 'Akuttmedisinkurs', requiredFor: ['legevakt', 'emergencyNurse'] });
export const HLR = competenceType({ id: uuid(21), name: 'HLR/AHLR', renewalMonths: 12 });
export const TYPES = [AKUTT, HLR];

/** Version 1 of a cystitis routine, active 2026-01-01 … 2027-12-31, requiring the emergency course. */
export function routine(fields: Partial<Routine> = {}): Routine {
  return {
    id: uuid(100 + (fields.version ?? 1)),
    routineId: ROUTINE,
    version: 1,
    status: 'active',
    retiredFrom: null,
    supersededByVersion: null,
    title: 'Blærekatarr',
    icpc2Codes: ['U71'],
    indication: 'Ukomplisert blærekatarr hos ikke-gravide kvinner.',
    inclusionCriteria: ['Kvinne 18–65 år', 'Positiv urinstiks'],
    exclusionCriteria: [
      { text: 'Feber', redFlag: true },
      { text: 'Gravid', redFlag: false },
    ],
    medicine: { name: 'Pivmecillinam', atcCode: 'J01CA08', strength: '200 mg', form: 'tablett', route: 'oralt', dose: '1 tablett', frequency: '3 ganger daglig', durationDays: 3, maxQuantity: '9 tabletter' },
    nurseMay: 'give',
    followUpAdvice: 'Ta kontakt ved feber.',
    responsibleDoctorId: DOCTOR,
    requiredCompetenceTypeIds: [AKUTT.id],
    validFrom: '2026-01-01',
    reviewDate: '2026-12-31',
    expiresOn: '2027-12-31',
    ...fields,
  };
}

let counter = 1000;

/** An event with a fresh, increasing id; `at` defaults to noon UTC on the effective date. */
export function event(fields: Partial<AuthorisationEvent> & Pick<AuthorisationEvent, 'kind' | 'effectiveDate'>): AuthorisationEvent {
  counter += 1;
  return {
    id: uuid(counter),
    routineId: ROUTINE,
    routineVersion: 1,
    nurseId: NURSE,
    byDoctorId: DOCTOR,
    at: `${fields.effectiveDate}T12:00:00.000Z`,
    reason: null,
    ...fields,
  };
}

/** The nurse's emergency course, valid 2025-10-01 through 2027-10-01. */
export const NURSE_AKUTT = record({ staffId: NURSE, competenceTypeId: AKUTT.id, obtained: '2025-10-01', expiresOn: '2027-10-01' });
