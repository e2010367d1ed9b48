// Tests for 'YYYY-MM-DD' date arithmetic, weekdays, time parsing and their zod schemas.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  civilToDayNumber,
  compareDates,
  dayNumber,
  dayNumberToCivil,
  daysBetween,
  eachDate,
  formatTimeOfDay,
  fromDayNumber,
  isDateWithin,
  isLocalDate,
  isTimeOfDay,
  isoWeekday,
  localDate,
  localDateSchema,
  maxDate,
  minDate,
  parseLocalDate,
  parseTimeOfDay,
  timeOfDaySchema,
} from './dates';

describe('dates', () => {
  it('validates real dates only', () => {
    expect(isLocalDate('2026-11-24')).toBe(true);
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2100-02-29')).toBe(false);
    expect(isLocalDate('2000-02-29')).toBe(true);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-04-31')).toBe(false);
    expect(isLocalDate('2026-4-3')).toBe(false);
    expect(isLocalDate('24.11.2026')).toBe(false);
    expect(isLocalDate(20261124)).toBe(false);
    expect(() => parseLocalDate('2026-02-30')).toThrow(RangeError);
    expect(() => localDate(2026, 2, 29)).toThrow(RangeError);
    expect(localDate(2026, 3, 5)).toBe('2026-03-05');
  });

  it('counts days from 1970-01-01 like Date.UTC does', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(fromDayNumber(0)).toBe('1970-01-01');
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (days) => {
        const date = fromDayNumber(days);
        expect(new Date(days * 86_400_000).toISOString().slice(0, 10)).toBe(date);
        expect(dayNumber(date)).toBe(days);
        const civil = dayNumberToCivil(days);
        expect(civilToDayNumber(civil.year, civil.month, civil.day)).toBe(days);
      }),
    );
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2026-01-31', 365)).toBe('2027-01-31');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-04-01', '2026-03-01')).toBe(-31);
  });

  it('gives ISO weekdays with Monday = 1 and Sunday = 7', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-24')).toBe(2);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('1969-12-28')).toBe(7);
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (days) => {
        const utcDay = new Date(days * 86_400_000).getUTCDay();
        expect(isoWeekday(fromDayNumber(days))).toBe(utcDay === 0 ? 7 : utcDay);
      }),
    );
  });

  it('compares and ranges dates', () => {
    expect(compareDates('2026-01-02', '2026-01-10')).toBeLessThan(0);
    expect(compareDates('2026-01-10', '2026-01-10')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBeGreaterThan(0);
    expect(isDateWithin('2026-05-17', '2026-05-17', '2026-05-17')).toBe(true);
    expect(isDateWithin('2026-05-18', '2026-05-10', '2026-05-17')).toBe(false);
    expect(eachDate('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(eachDate('2026-01-02', '2026-01-01')).toEqual([]);
    expect(minDate('2026-01-02', '2025-12-31')).toBe('2025-12-31');
    expect(maxDate('2026-01-02', '2025-12-31')).toBe('2026-01-02');
  });

  it('parses and formats times of day', () => {
    expect(parseTimeOfDay('00:00')).toBe(0);
    expect(parseTimeOfDay('08:30')).toBe(510);
    expect(parseTimeOfDay('23:59')).toBe(1439);
    expect(() => parseTimeOfDay('24:00')).toThrow(RangeError);
    expect(() => parseTimeOfDay('8:30')).toThrow(RangeError);
    expect(isTimeOfDay('15:30')).toBe(true);
    expect(isTimeOfDay('15:60')).toBe(false);
    expect(formatTimeOfDay(510)).toBe('08:30');
    expect(() => formatTimeOfDay(1440)).toThrow(RangeError);
  });

  it('has zod schemas that fail with field codes', () => {
    expect(localDateSchema.parse(' 2026-11-24 ')).toBe('2026-11-24');
    expect(localDateSchema.safeParse('2026-02-30').error?.issues[0]?.message).toBe('invalidFormat');
    expect(timeOfDaySchema.parse('07:05')).toBe('07:05');
    expect(timeOfDaySchema.safeParse('7:05').error?.issues[0]?.message).toBe('invalidFormat');
  });
});
