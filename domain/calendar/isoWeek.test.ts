// Tests for ISO weeks: week numbers and week-years around New Year, week 53, week dates and stepping, checked against date-fns.
import { getISOWeek, getISOWeekYear } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber } from './dates';
import {
  addIsoWeeks,
  compareIsoWeeks,
  isoWeekDates,
  isoWeekIndex,
  isoWeekIndexOfDate,
  isoWeekKey,
  isoWeekMonday,
  isoWeekOf,
  isoWeekSchema,
  isoWeekSunday,
  isoWeeksInYear,
  mondayOfIsoWeekIndex,
  nextIsoWeek,
  parseIsoWeekKey,
  previousIsoWeek,
} from './isoWeek';

describe('ISO weeks', () => {
  it('numbers weeks around New Year by the Thursday rule', () => {
    expect(isoWeekOf('2026-11-24')).toEqual({ year: 2026, week: 48 });
    expect(isoWeekOf('2026-01-01')).toEqual({ year: 2026, week: 1 });
    expect(isoWeekOf('2025-12-29')).toEqual({ year: 2026, week: 1 });
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf('2027-01-03')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2027-01-04')).toEqual({ year: 2027, week: 1 });
  });

  it('has week 53 in 2026 (2026-12-28 and 2027-01-01 are in it)', () => {
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeekOf('2026-12-28')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekDates({ year: 2026, week: 53 })).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
  });

  it('knows which years have 53 weeks', () => {
    const long = [2004, 2009, 2015, 2020, 2026, 2032, 2037];
    for (let year = 2000; year <= 2040; year++) expect(isoWeeksInYear(year)).toBe(long.includes(year) ? 53 : 52);
    expect(() => isoWeekMonday({ year: 2025, week: 53 })).toThrow(RangeError);
    expect(() => isoWeekMonday({ year: 2026, week: 0 })).toThrow(RangeError);
    expect(isoWeekSchema.safeParse({ year: 2025, week: 53 }).success).toBe(false);
    expect(isoWeekSchema.safeParse({ year: 2026, week: 53 }).success).toBe(true);
  });

  it('gives the seven dates Monday to Sunday', () => {
    const dates = isoWeekDates({ year: 2026, week: 48 });
    expect(dates).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(isoWeekMonday({ year: 2026, week: 1 })).toBe('2025-12-29');
    expect(isoWeekSunday({ year: 2026, week: 1 })).toBe('2026-01-04');
  });

  it('steps to next and previous week across week 53 and year ends', () => {
    expect(nextIsoWeek({ year: 2026, week: 52 })).toEqual({ year: 2026, week: 53 });
    expect(nextIsoWeek({ year: 2026, week: 53 })).toEqual({ year: 2027, week: 1 });
    expect(previousIsoWeek({ year: 2027, week: 1 })).toEqual({ year: 2026, week: 53 });
    expect(nextIsoWeek({ year: 2025, week: 52 })).toEqual({ year: 2026, week: 1 });
    expect(previousIsoWeek({ year: 2026, week: 1 })).toEqual({ year: 2025, week: 52 });
    expect(addIsoWeeks({ year: 2026, week: 52 }, 2)).toEqual({ year: 2027, week: 1 });
    expect(addIsoWeeks({ year: 2026, week: 10 }, -10)).toEqual({ year: 2025, week: 52 });
    expect(compareIsoWeeks({ year: 2026, week: 53 }, { year: 2027, week: 1 })).toBeLessThan(0);
  });

  it('has a continuous week index', () => {
    expect(isoWeekIndexOfDate('1970-01-01')).toBe(0);
    expect(isoWeekIndexOfDate('1969-12-29')).toBe(0);
    expect(isoWeekIndexOfDate('1970-01-05')).toBe(1);
    expect(isoWeekIndex({ year: 2027, week: 1 }) - isoWeekIndex({ year: 2026, week: 52 })).toBe(2);
    expect(mondayOfIsoWeekIndex(isoWeekIndexOfDate('2026-12-31'))).toBe('2026-12-28');
  });

  it('round-trips week keys', () => {
    expect(isoWeekKey({ year: 2026, week: 5 })).toBe('2026-W05');
    expect(parseIsoWeekKey('2026-W53')).toEqual({ year: 2026, week: 53 });
    expect(parseIsoWeekKey('2025-W53')).toBeNull();
    expect(parseIsoWeekKey('2026-53')).toBeNull();
  });

  it('agrees with date-fns for every day over many years', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000, max: 60_000 }), (days) => {
        const date = fromDayNumber(days);
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        const jsDate = new Date(y, m - 1, d, 12);
        expect(isoWeekOf(date)).toEqual({ year: getISOWeekYear(jsDate), week: getISOWeek(jsDate) });
        expect(isoWeekDates(isoWeekOf(date))).toContain(date);
      }),
      { numRuns: 2000 },
    );
  });
});
