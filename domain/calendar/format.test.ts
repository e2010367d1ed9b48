// Tests for Norwegian wording of dates, weeks and durations.
import { describe, expect, it } from 'vitest';
import { formatDateRangeNb, formatDayMonthNb, formatDurationNb, formatFullDateNb, formatIsoWeekNb, formatWeekdayDateNb, joinNamesNb, weekdayNameNb } from './format';

describe('Norwegian formatting', () => {
  it('names weekdays and dates', () => {
    expect(weekdayNameNb(1)).toBe('mandag');
    expect(weekdayNameNb(7)).toBe('søndag');
    expect(formatDayMonthNb('2026-03-05')).toBe('05.03.');
    expect(formatWeekdayDateNb('2026-11-24')).toBe('tirsdag 24.11.');
    expect(formatWeekdayDateNb('2026-05-17')).toBe('søndag 17.05.');
    expect(formatFullDateNb('2026-11-24')).toBe('24.11.2026');
    expect(formatDateRangeNb('2026-11-23', '2026-11-27')).toBe('23.11.–27.11.');
    expect(formatDateRangeNb('2026-11-23', '2026-11-23')).toBe('23.11.');
    expect(formatIsoWeekNb({ year: 2026, week: 48 })).toBe('uke 48');
    expect(formatIsoWeekNb({ year: 2026, week: 53 }, true)).toBe('uke 53 2026');
  });

  it('formats durations', () => {
    expect(formatDurationNb(510)).toBe('8 t 30 min');
    expect(formatDurationNb(540)).toBe('9 t');
    expect(formatDurationNb(45)).toBe('45 min');
    expect(formatDurationNb(0)).toBe('0 min');
    expect(formatDurationNb(-30)).toBe('−30 min');
  });

  it('joins names', () => {
    expect(joinNamesNb([])).toBe('');
    expect(joinNamesNb(['Kari'])).toBe('Kari');
    expect(joinNamesNb(['Kari', 'Ola'])).toBe('Kari og Ola');
    expect(joinNamesNb(['Kari', 'Ola', 'Anne'])).toBe('Kari, Ola og Anne');
  });
});
