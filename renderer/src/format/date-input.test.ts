// Tests for typed dates (dd.mm.åååå) and the "go to week or date" parser.
import { describe, expect, it } from 'vitest';
import { parseDisplayDate, parseWeekOrDate, toDisplayDate } from './date-input';

describe('typed dates', () => {
  it('shows dd.mm.åååå and reads it back, with one-digit days and months and other separators', () => {
    expect(toDisplayDate('2027-03-14')).toBe('14.03.2027');
    expect(toDisplayDate('')).toBe('');
    expect(parseDisplayDate('14.03.2027')).toBe('2027-03-14');
    expect(parseDisplayDate(' 4.3.2027 ')).toBe('2027-03-04');
    expect(parseDisplayDate('04/03/27')).toBe('2027-03-04');
    expect(parseDisplayDate('2027-03-04')).toBe('2027-03-04');
  });

  it('refuses what is not a real date, and the American order when it cannot be a date', () => {
    expect(parseDisplayDate('30.02.2027')).toBeNull();
    expect(parseDisplayDate('03/14/2027')).toBeNull();
    expect(parseDisplayDate('i morgen')).toBeNull();
    expect(parseDisplayDate('')).toBeNull();
  });
});

describe('go to week or date', () => {
  it('takes a week number in the shown year, or with a year', () => {
    expect(parseWeekOrDate('14', 2027)).toEqual({ year: 2027, week: 14 });
    expect(parseWeekOrDate('uke 14', 2027)).toEqual({ year: 2027, week: 14 });
    expect(parseWeekOrDate('14/2028', 2027)).toEqual({ year: 2028, week: 14 });
    expect(parseWeekOrDate('53', 2026)).toEqual({ year: 2026, week: 53 });
  });

  it('goes to the ISO week of a date (1 January 2027 is in week 53 of 2026)', () => {
    expect(parseWeekOrDate('14.03.2027', 2026)).toEqual({ year: 2027, week: 10 });
    expect(parseWeekOrDate('01.01.2027', 2027)).toEqual({ year: 2026, week: 53 });
  });

  it('refuses weeks that do not exist and other text', () => {
    expect(parseWeekOrDate('53', 2027)).toBeNull();
    expect(parseWeekOrDate('0', 2027)).toBeNull();
    expect(parseWeekOrDate('neste uke', 2027)).toBeNull();
  });
});
