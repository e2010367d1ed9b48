// Test-only fixtures for the rota rules: the four demo offices with their driving minutes, fictional staff and a fully staffed week.
import type { LocalDate } from '../calendar/dates';
import { isoWeekDates } from '../calendar/isoWeek';
import type { IsoWeek } from '../calendar/isoWeek';
import { STANDARD_OPENING_HOURS } from '../offices';
import type { CheckWeekInput, RotaOffice, RotaStaff } from './context';
import type { Absence, Shift } from './types';

export const GRONG = 'office-grong';
export const NAMSSKOGAN = 'office-namsskogan';
export const ROYRVIK = 'office-royrvik';
export const LIERNE = 'office-lierne';

export const OFFICES: RotaOffice[] = [
  { id: GRONG, name: 'Grong legekontor', openingHours: STANDARD_OPENING_HOURS, drivingMinutes: { [NAMSSKOGAN]: 45, [ROYRVIK]: 90, [LIERNE]: 90 } },
  { id: NAMSSKOGAN, name: 'Namsskogan legekontor', openingHours: STANDARD_OPENING_HOURS, drivingMinutes: { [GRONG]: 45, [ROYRVIK]: 50, [LIERNE]: 130 } },
  { id: ROYRVIK, name: 'Røyrvik legekontor', openingHours: STANDARD_OPENING_HOURS, drivingMinutes: { [GRONG]: 90, [NAMSSKOGAN]: 50, [LIERNE]: 150 } },
  { id: LIERNE, name: 'Lierne legekontor', openingHours: STANDARD_OPENING_HOURS, drivingMinutes: { [GRONG]: 90, [NAMSSKOGAN]: 130, [ROYRVIK]: 150 } },
];

/** Fictional people. d1–d4 and n1–n4 are the regular doctor and nurse of office 1–4; d5, lis and n5 are spare. */
export const STAFF: RotaStaff[] = [
  { id: 'd1', name: 'Astrid Lyng', profession: 'doctor' },
  { id: 'd2', name: 'Bjørn Vatne', profession: 'doctor' },
  { id: 'd3', name: 'Cecilie Holm', profession: 'doctor' },
  { id: 'd4', name: 'Dag Rønning', profession: 'doctor' },
  { id: 'd5', name: 'Eirik Solberg', profession: 'doctor' },
  { id: 'lis', name: 'Frida Aune', profession: 'doctorInTraining' },
  { id: 'n1', name: 'Gunn Berg', profession: 'nurse' },
  { id: 'n2', name: 'Hege Moe', profession: 'nurse' },
  { id: 'n3', name: 'Ingrid Strand', profession: 'nurse' },
  { id: 'n4', name: 'Jon Fjell', profession: 'nurse' },
  { id: 'n5', name: 'Kari Lund', profession: 'nurse' },
  { id: 'sec', name: 'Lise Dahl', profession: 'secretary' },
];

export const REGULAR: Record<string, { doctor: string; nurse: string }> = {
  [GRONG]: { doctor: 'd1', nurse: 'n1' },
  [NAMSSKOGAN]: { doctor: 'd2', nurse: 'n2' },
  [ROYRVIK]: { doctor: 'd3', nurse: 'n3' },
  [LIERNE]: { doctor: 'd4', nurse: 'n4' },
};

let counter = 0;

/** A shift with sensible defaults (clinic 08:00–15:30) and a fresh id unless one is given. */
export function shift(fields: Partial<Shift> & Pick<Shift, 'staffId' | 'officeId' | 'date'>): Shift {
  counter += 1;
  return { id: `s${String(counter).padStart(4, '0')}`, start: '08:00', end: '15:30', kind: 'clinic', note: null, patternId: null, ...fields };
}

export function absence(fields: Partial<Absence> & Pick<Absence, 'staffId' | 'from' | 'to'>): Absence {
  counter += 1;
  return { id: `a${String(counter).padStart(4, '0')}`, kind: 'holiday', note: null, ...fields };
}

/** Every office has its regular doctor and nurse on clinic 08:00–15:30 on each weekday of the week, except `skipDates`. */
export function staffedWeek(week: IsoWeek, skipDates: readonly LocalDate[] = []): Shift[] {
  const shifts: Shift[] = [];
  for (const date of isoWeekDates(week).slice(0, 5)) {
    if (skipDates.includes(date)) continue;
    for (const office of OFFICES) {
      const regular = REGULAR[office.id];
      if (!regular) continue;
      shifts.push(shift({ id: `${regular.doctor}-${date}`, staffId: regular.doctor, officeId: office.id, date }));
      shifts.push(shift({ id: `${regular.nurse}-${date}`, staffId: regular.nurse, officeId: office.id, date }));
    }
  }
  return shifts;
}

export function input(week: IsoWeek, shifts: Shift[], extra: Partial<CheckWeekInput> = {}): CheckWeekInput {
  return { week, offices: OFFICES, staff: STAFF, shifts, absences: [], ...extra };
}
