// Property test: the optimised rota week (one pattern read, no re-sort without patterns, shared emergency lookup) and the overview built from it equal the straightforward computation on random data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar/dates';
import type { IsoWeekday, LocalDate } from '../../domain/calendar/dates';
import { publicHolidaysBetween } from '../../domain/calendar/holidays';
import { addIsoWeeks, isoWeekDates, isoWeekOf } from '../../domain/calendar/isoWeek';
import type { IsoWeek } from '../../domain/calendar/isoWeek';
import { buildOverviewWeek } from '../../domain/overview/week';
import { visibleAbsence, visibleWarning } from '../../domain/rota/absence-privacy';
import { expandPatterns } from '../../domain/rota/patterns';
import { checkWeek, DEFAULT_ROTA_LIMITS } from '../../domain/rota/rules';
import type { ShiftKind } from '../../domain/rota/types';
import { pick, seededRandom } from '../../domain/seeded-random';
import { getCooperationSettings } from '../../db/cooperation';
import { listOffices } from '../../db/offices';
import { createAbsence, createPattern, createShift, listAbsences, listPatternExceptions, listPatterns, listShifts, setPatternException } from '../../db/rota';
import { listStaff } from '../../db/staff';
import { openExampleBackend } from '../../test/helpers/example-backend';
import type { ExampleBackend } from '../../test/helpers/example-backend';
import { emergencyNurseLookup } from './emergency-nurse';
import { loadRotaWeek } from './rota-week';
import type { PlannedShift, RotaWeek } from './rota-week';

/** The rota week as computed before the optimisation (issue 17), kept here as the reference. */
function referencePlanned(db: ExampleBackend['store']['db'], from: LocalDate, to: LocalDate): PlannedShift[] {
  const patterns = listPatterns(db, addDays(from, -7), addDays(to, 7));
  const exceptions = listPatternExceptions(db, patterns.map((pattern) => pattern.id));
  const holidays = new Set(publicHolidaysBetween(from, to).map((holiday) => holiday.date));
  const occurrences = expandPatterns(patterns, { from, to }, exceptions)
    .filter((occurrence) => occurrence.changed || occurrence.kind === 'legevakt' || !holidays.has(occurrence.date))
    .map(({ key, occurrenceDate, changed, ...shift }): PlannedShift => ({ ...shift, id: key, occurrenceDate, changed }));
  const single = listShifts(db, from, to).map((shift): PlannedShift => ({ ...shift, occurrenceDate: null, changed: false }));
  return [...single, ...occurrences].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.start.localeCompare(b.start)));
}

function referenceRotaWeek(db: ExampleBackend['store']['db'], week: IsoWeek): RotaWeek {
  const dates = isoWeekDates(week);
  const monday = dates[0]!;
  const sunday = dates[6]!;
  const offices = listOffices(db);
  const staff = listStaff(db);
  const around = referencePlanned(db, addDays(monday, -3), sunday);
  const absences = listAbsences(db, addDays(monday, -3), sunday);
  const holidays = publicHolidaysBetween(monday, sunday);
  const limits = { ...DEFAULT_ROTA_LIMITS, ...getCooperationSettings(db).rotaLimits };
  const isEmergencyNurse = emergencyNurseLookup(db, staff);
  const warnings = checkWeek({ week, offices, staff, shifts: around, absences, publicHolidays: holidays, limits, ...(isEmergencyNurse ? { isEmergencyNurse } : {}) });
  return {
    week,
    dates,
    holidays,
    offices,
    staff,
    shifts: around.filter((shift) => shift.date >= monday),
    absences: absences.filter((absence) => absence.to >= monday),
    patterns: listPatterns(db, monday, sunday),
    warnings,
    limits,
  };
}

const KINDS: readonly ShiftKind[] = ['clinic', 'clinic', 'clinic', 'video', 'legevakt', 'admin', 'course'];
const TIMES = [['08:00', '15:30'], ['08:00', '16:00'], ['09:00', '13:00'], ['15:30', '08:00'], ['08:00', '08:00'], ['12:00', '15:30']] as const;
const FIRST: LocalDate = '2026-03-23'; // spans Easter 2026 and the summer-time change

describe('rota week and overview after the optimisation (issue 17 part 5)', () => {
  let app: ExampleBackend;
  beforeAll(async () => {
    app = await openExampleBackend(() => new Date('2026-05-01T10:00:00Z'));
    const next = seededRandom(1705);
    const offices = listOffices(app.store.db).map((office) => office.id);
    const staff = listStaff(app.store.db).map((member) => member.id);
    const day = () => addDays(FIRST, Math.floor(next() * 42));
    await app.writeAs('leder', (changes) => {
      for (let i = 0; i < 240; i++) {
        const [start, end] = pick(next, TIMES);
        createShift(changes, { staffId: pick(next, staff), officeId: pick(next, offices), date: day(), start, end, kind: pick(next, KINDS), note: next() < 0.2 ? 'merknad' : null });
      }
      for (let i = 0; i < 14; i++) {
        const [start, end] = pick(next, TIMES);
        const from = day();
        const weekdays = [...new Set([1 + Math.floor(next() * 7), 1 + Math.floor(next() * 5)])].sort((a, b) => a - b) as IsoWeekday[];
        const patternId = createPattern(changes, {
          staffId: pick(next, staff),
          officeId: pick(next, offices),
          kind: pick(next, KINDS),
          start,
          end,
          weekdays,
          intervalWeeks: 1 + Math.floor(next() * 2),
          from,
          to: next() < 0.5 ? null : addDays(from, 7 + Math.floor(next() * 30)),
          note: null,
        });
        // Exceptions on arbitrary dates: some are occurrences (removed or moved), some are not and must be ignored.
        for (let e = 0; e < 3; e++) {
          const date = addDays(from, Math.floor(next() * 21));
          const [s, t] = pick(next, TIMES);
          setPatternException(changes, patternId, date, next() < 0.4 ? null : { staffId: pick(next, staff), officeId: pick(next, offices), date: addDays(date, Math.floor(next() * 3) - 1), start: s, end: t, kind: pick(next, KINDS), note: null });
        }
      }
      for (let i = 0; i < 25; i++) {
        const from = day();
        createAbsence(changes, { staffId: pick(next, staff), from, to: addDays(from, Math.floor(next() * 6)), kind: pick(next, ['holiday', 'sick', 'course', 'leave', 'timeOff'] as const), note: null });
      }
    });
  });
  afterAll(() => app.store.close());

  it('gives the same rota week as the straightforward computation, week by week', () => {
    let occurrences = 0;
    let changed = 0;
    for (let offset = -1; offset < 8; offset++) {
      const week = addIsoWeeks(isoWeekOf(FIRST), offset);
      const rota = loadRotaWeek(app.store.db, week);
      expect(rota).toEqual(referenceRotaWeek(app.store.db, week));
      occurrences += rota.shifts.filter((shift) => shift.occurrenceDate !== null).length;
      changed += rota.shifts.filter((shift) => shift.changed).length;
    }
    // The random data really has pattern occurrences, moved ones among them, to merge with the one-off shifts.
    expect(occurrences).toBeGreaterThan(20);
    expect(changed).toBeGreaterThan(0);
  });

  it('gives the same overview as building it from the straightforward rota week', async () => {
    const token = await app.signIn('leder');
    // The lead sees every absence's reason, as in the call.
    const lead = { staffId: '', roles: ['lead' as const] };
    for (let offset = -1; offset < 8; offset++) {
      const week = addIsoWeeks(isoWeekOf(FIRST), offset);
      const value = await app.ok<ReturnType<typeof buildOverviewWeek>>('overview.week', { week, officeId: null }, token);
      const rota = referenceRotaWeek(app.store.db, week);
      const isEmergencyNurse = emergencyNurseLookup(app.store.db, rota.staff);
      const { warnings, offices, showWeekend } = value;
      const expected = buildOverviewWeek({
        week,
        offices: rota.offices,
        staff: rota.staff,
        shifts: rota.shifts,
        absences: rota.absences.map((absence) => visibleAbsence(lead, absence)),
        holidays: rota.holidays,
        warnings: rota.warnings.map((warning) => visibleWarning(lead, warning)),
        ...(isEmergencyNurse ? { isEmergencyNurse } : {}),
      });
      expect({ warnings, offices, showWeekend }).toEqual({ warnings: expected.warnings, offices: expected.offices, showWeekend: expected.showWeekend });
    }
  });
});
