// Tests for the weekly overview builder: rows per office and day, video with base office, absences, weekend columns.
import { describe, expect, it } from 'vitest';
import { STANDARD_OPENING_HOURS } from '../offices';
import type { Office } from '../offices';
import type { StaffMember } from '../staff';
import type { Shift } from '../rota/types';
import { buildOverviewWeek } from './week';

const grong: Office = { id: 'o-grong', name: 'Grong legekontor', municipality: 'Grong', address: null, phone: null, openingHours: STANDARD_OPENING_HOURS, drivingMinutes: {} };
const royrvik: Office = { ...grong, id: 'o-royrvik', name: 'Røyrvik legekontor', municipality: 'Røyrvik' };
const person = (id: string, name: string, profession: StaffMember['profession'], baseOfficeId = 'o-grong'): StaffMember => ({
  id, name, profession, baseOfficeId, hprNumber: null, homeMunicipality: null, positionPercent: 100, active: true,
});
const staff = [person('d1', 'Dr. Ås', 'doctor'), person('n1', 'Nina Sykepleier', 'nurse', 'o-royrvik'), person('s1', 'Siv Sekretær', 'secretary')];
const shift = (id: string, staffId: string, officeId: string, date: string, kind: Shift['kind'] = 'clinic', start = '08:00', end = '15:30'): Shift => ({
  id, staffId, officeId, date, start, end, kind, note: null, patternId: null,
});
const week = { year: 2026, week: 48 }; // 23.–29. November 2026

describe('weekly overview builder', () => {
  it('places people in their rows and days, with times only when they differ from opening hours', () => {
    const overview = buildOverviewWeek({
      week, offices: [grong, royrvik], staff, absences: [], holidays: [], warnings: [],
      shifts: [shift('a', 'd1', 'o-grong', '2026-11-23'), shift('b', 's1', 'o-grong', '2026-11-24', 'clinic', '08:00', '12:00'), shift('c', 'd1', 'o-royrvik', '2026-11-25', 'video')],
      isEmergencyNurse: () => true,
    });
    const g = overview.offices.find((o) => o.officeId === 'o-grong')!;
    const row = (block: typeof g, key: string) => block.rows.find((r) => r.key === key)!;
    expect(row(g, 'doctors').cells[0]).toEqual([{ text: 'Dr. Ås', detail: null, staffId: 'd1' }]);
    expect(row(g, 'receptionists').cells[1]).toEqual([{ text: 'Siv Sekretær', detail: '08:00–12:00', staffId: 's1' }]);
    const r = overview.offices.find((o) => o.officeId === 'o-royrvik')!;
    expect(row(r, 'video').cells[2]).toEqual([{ text: 'Dr. Ås', detail: 'fra Grong', staffId: 'd1' }]);
    expect(overview.showWeekend).toBe(false);
    expect(g.closed).toEqual([false, false, false, false, false, true, true]);
  });

  it('marks emergency nurses, lists absences under the base office and opens the weekend only for shifts', () => {
    const overview = buildOverviewWeek({
      week, offices: [grong, royrvik], staff, holidays: [], warnings: [],
      shifts: [shift('n', 'n1', 'o-royrvik', '2026-11-23'), shift('l', 'd1', 'o-grong', '2026-11-28', 'legevakt', '15:30', '08:00')],
      absences: [{ id: 'x', staffId: 's1', from: '2026-11-20', to: '2026-11-29', kind: 'holiday', note: null }],
      isEmergencyNurse: (id) => id === 'n1',
    });
    const r = overview.offices.find((o) => o.officeId === 'o-royrvik')!;
    expect(r.rows.find((row) => row.key === 'nurses')!.cells[0]![0]).toMatchObject({ text: 'Nina Sykepleier', emergency: true });
    const g = overview.offices.find((o) => o.officeId === 'o-grong')!;
    const absences = g.rows.find((row) => row.key === 'absences')!;
    expect(absences.cells.slice(0, 5).every((cell) => cell[0]?.detail === 'ferie')).toBe(true);
    expect(g.rows.find((row) => row.key === 'legevakt')!.cells[5]![0]).toMatchObject({ detail: '15:30–08:00' });
    expect(overview.showWeekend).toBe(true);
    expect(r.rows.map((row) => row.key)).toEqual(['doctors', 'video', 'nurses', 'receptionists']);
  });

  it('lists an absence whose reason is hidden from the reader by name only', () => {
    const overview = buildOverviewWeek({
      week, offices: [grong], staff, holidays: [], warnings: [], shifts: [],
      absences: [{ id: 'x', staffId: 's1', from: '2026-11-23', to: '2026-11-23', kind: null, note: null }],
    });
    const absences = overview.offices[0]!.rows.find((row) => row.key === 'absences')!;
    expect(absences.cells[0]).toEqual([{ text: 'Siv Sekretær', detail: null, staffId: 's1' }]);
  });

  it('marks public holidays as closed days', () => {
    const overview = buildOverviewWeek({
      week: { year: 2026, week: 52 }, offices: [grong], staff, shifts: [], absences: [], warnings: [],
      holidays: [{ date: '2026-12-25', name: 'Første juledag' }, { date: '2026-12-26', name: 'Andre juledag' }] as never,
    });
    expect(overview.offices[0]!.closed).toEqual([false, false, false, false, true, true, true]);
  });
});
