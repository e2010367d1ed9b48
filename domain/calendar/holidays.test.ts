// Tests for Easter and the Norwegian public holidays.
import { describe, expect, it } from 'vitest';
import { isoWeekday } from './dates';
import { PUBLIC_HOLIDAY_KEYS, easterSunday, holidaysByDate, isPublicHoliday, norwegianPublicHolidays, publicHolidayOn, publicHolidaysBetween } from './holidays';

describe('Norwegian public holidays', () => {
  it('computes Easter Sunday', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2030)).toBe('2030-04-21');
    expect(easterSunday(2038)).toBe('2038-04-25');
    // Extremes of the Gregorian range.
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(easterSunday(1943)).toBe('1943-04-25');
    expect(easterSunday(2008)).toBe('2008-03-23');
  });

  it('Easter is always a Sunday between 22 March and 25 April', () => {
    for (let year = 1900; year <= 2300; year++) {
      const easter = easterSunday(year);
      expect(isoWeekday(easter)).toBe(7);
      expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25').toBe(true);
    }
  });

  it('lists the twelve holidays of 2026 with Norwegian names', () => {
    expect(norwegianPublicHolidays(2026).map((h) => [h.date, h.name])).toEqual([
      ['2026-01-01', 'Første nyttårsdag'],
      ['2026-04-02', 'Skjærtorsdag'],
      ['2026-04-03', 'Langfredag'],
      ['2026-04-05', 'Første påskedag'],
      ['2026-04-06', 'Andre påskedag'],
      ['2026-05-01', 'Arbeidernes dag'],
      ['2026-05-14', 'Kristi himmelfartsdag'],
      ['2026-05-17', 'Grunnlovsdag'],
      ['2026-05-24', 'Første pinsedag'],
      ['2026-05-25', 'Andre pinsedag'],
      ['2026-12-25', 'Første juledag'],
      ['2026-12-26', 'Andre juledag'],
    ]);
  });

  it('has every key once per year, and moveable feasts on the right weekdays', () => {
    for (let year = 2020; year <= 2040; year++) {
      const list = norwegianPublicHolidays(year);
      expect(list.map((h) => h.key).sort()).toEqual([...PUBLIC_HOLIDAY_KEYS].sort());
      const byKey = Object.fromEntries(list.map((h) => [h.key, h.date]));
      expect(isoWeekday(byKey.maundyThursday!)).toBe(4);
      expect(isoWeekday(byKey.goodFriday!)).toBe(5);
      expect(isoWeekday(byKey.easterMonday!)).toBe(1);
      expect(isoWeekday(byKey.ascensionDay!)).toBe(4);
      expect(isoWeekday(byKey.whitSunday!)).toBe(7);
      expect(isoWeekday(byKey.whitMonday!)).toBe(1);
    }
  });

  it('handles Ascension Day on 17 May (2018) and 1 May (2008)', () => {
    expect(norwegianPublicHolidays(2018).filter((h) => h.date === '2018-05-10')).toHaveLength(1);
    const may2008 = norwegianPublicHolidays(2008).filter((h) => h.date === '2008-05-01');
    expect(may2008.map((h) => h.key).sort()).toEqual(['ascensionDay', 'labourDay']);
    expect(holidaysByDate(norwegianPublicHolidays(2008)).size).toBe(11);
  });

  it('answers per date and per range', () => {
    expect(publicHolidayOn('2026-05-17')?.name).toBe('Grunnlovsdag');
    expect(publicHolidayOn('2026-12-24')).toBeNull();
    expect(isPublicHoliday('2026-12-31')).toBe(false);
    expect(isPublicHoliday('2027-01-01')).toBe(true);
    expect(publicHolidaysBetween('2026-12-20', '2027-01-05').map((h) => h.date)).toEqual(['2026-12-25', '2026-12-26', '2027-01-01']);
  });
});
