// Tests for the planning grids' view model: who gets a row, what each cell holds, which warnings go where.
import { describe, expect, it } from 'vitest';
import type { Office } from '../../../../domain/offices';
import type { RotaWarning } from '../../../../domain/rota/warnings';
import type { StaffMember } from '../../../../domain/staff';
import { copyableShiftCount, officeDayWarnings, officeViewWarnings, officeWeekRows, personWeekDays } from './rota-view';
import type { PlannedShift, RotaWeek } from './rota-view';

const GRONG = '01900000-0000-7000-8000-000000000001';
const LIERNE = '01900000-0000-7000-8000-000000000002';
const open = { open: '08:00', close: '15:30' };
const office = (id: string, name: string): Office => ({
  id,
  name,
  municipality: name,
  address: null,
  phone: null,
  openingHours: { '1': open, '2': open, '3': open, '4': open, '5': open, '6': null, '7': null },
  drivingMinutes: {},
});
const person = (id: string, name: string, profession: StaffMember['profession'], base: string | null, active = true): StaffMember => ({
  id,
  name,
  profession,
  hprNumber: null,
  homeMunicipality: null,
  baseOfficeId: base,
  positionPercent: 100,
  active,
});
const shift = (id: string, staffId: string, officeId: string, date: string, start = '08:00', occurrenceDate: string | null = null): PlannedShift => ({
  id,
  staffId,
  officeId,
  date,
  start,
  end: '15:30',
  kind: 'clinic',
  note: null,
  patternId: occurrenceDate ? 'p' : null,
  occurrenceDate,
  changed: false,
});

const dates = ['2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12', '2027-03-13', '2027-03-14'];
const rota = {
  week: { year: 2027, week: 10 },
  dates,
  holidays: [],
  offices: [office(GRONG, 'Grong legekontor'), office(LIERNE, 'Lierne legekontor')],
  staff: [
    person('n1', 'Nina Sykepleier', 'nurse', GRONG),
    person('d2', 'Berit Lege', 'doctor', LIERNE),
    person('d1', 'Anna Lege', 'doctor', GRONG),
    person('x1', 'Sluttet', 'nurse', GRONG, false),
  ],
  shifts: [shift('s2', 'd2', GRONG, '2027-03-08', '12:00'), shift('s1', 'd2', LIERNE, '2027-03-08'), shift('s3', 'd1', GRONG, '2027-03-09', '08:00', '2027-03-09')],
  absences: [{ id: 'a1', staffId: 'n1', from: '2027-03-07', to: '2027-03-09', kind: 'sick', note: null }],
  patterns: [],
  warnings: [],
  limits: { minRestHours: 11, maxDayHours: 9, maxWeekHours: 40, coverageGapToleranceMinutes: 0, legevaktCountsTowardsHours: false },
} as unknown as RotaWeek;

describe('office view rows', () => {
  it('has the office’s own active people and everyone working there, doctors first', () => {
    const rows = officeWeekRows(rota, GRONG);
    expect(rows.map((row) => row.member.name)).toEqual(['Anna Lege', 'Berit Lege', 'Nina Sykepleier']);
  });

  it('shows all of a person’s shifts that day, by start time, and absences overlapping the day', () => {
    const berit = officeWeekRows(rota, GRONG).find((row) => row.member.id === 'd2')!;
    expect(berit.days[0]!.shifts.map((s) => s.id)).toEqual(['s1', 's2']);
    const nina = officeWeekRows(rota, GRONG).find((row) => row.member.id === 'n1')!;
    expect(nina.days.map((day) => day.absences.length)).toEqual([1, 1, 0, 0, 0, 0, 0]);
    expect(nina.days.map((day) => day.closed)).toEqual([false, false, false, false, false, true, true]);
  });

  it('person view marks only public holidays as closed', () => {
    expect(personWeekDays(rota, 'd2').map((day) => day.closed)).toEqual([false, false, false, false, false, false, false]);
    expect(personWeekDays({ ...rota, holidays: [{ date: '2027-03-09', key: 'newYearsDay', name: 'X' }] }, 'd2')[1]!.closed).toBe(true);
  });
});

describe('warnings and copying', () => {
  const warning = (id: string, kind: RotaWarning['kind'], officeId: string | null, shiftIds: string[], date = '2027-03-08') =>
    ({ id, kind, severity: 'error', officeId, staffIds: [], date, shiftIds, message: id, details: {} }) as unknown as RotaWarning;
  const warnings = [warning('w1', 'noDoctor', GRONG, []), warning('w2', 'doubleBooking', LIERNE, ['s1', 's2']), warning('w3', 'noNurse', LIERNE, [])];

  it('puts cover warnings on the office’s day and person warnings where their shifts are shown', () => {
    expect(officeDayWarnings(warnings, GRONG, '2027-03-08').map((w) => w.id)).toEqual(['w1']);
    const withWarnings = { ...rota, warnings };
    expect(officeViewWarnings(withWarnings, GRONG, officeWeekRows(withWarnings, GRONG)).map((w) => w.id)).toEqual(['w1', 'w2']);
  });

  it('copies only one-off shifts, optionally for one office', () => {
    expect(copyableShiftCount(rota, null)).toBe(2);
    expect(copyableShiftCount(rota, LIERNE)).toBe(1);
  });
});
