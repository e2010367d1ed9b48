// Tests for recurring patterns: weekly and every-N-weeks occurrences across year ends and week 53, and per-occurrence exceptions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, eachDate, fromDayNumber } from '../calendar/dates';
import { isoWeekOf } from '../calendar/isoWeek';
import { expandPattern, expandPatterns, isPatternOccurrence, occurrenceKey, patternOccurrences } from './patterns';
import type { IsoWeekday } from '../calendar/dates';
import type { PatternException, RecurringPattern } from './types';

function pattern(fields: Partial<RecurringPattern> = {}): RecurringPattern {
  return {
    id: 'p1',
    staffId: 'd1',
    officeId: 'office-royrvik',
    kind: 'clinic',
    start: '08:00',
    end: '15:30',
    weekdays: [2],
    intervalWeeks: 1,
    from: '2026-11-03',
    to: null,
    note: null,
    ...fields,
  };
}

describe('pattern occurrences', () => {
  it('produces weekly occurrences on the chosen weekdays within from..to', () => {
    const p = pattern({ weekdays: [1, 3], from: '2026-11-24', to: '2026-12-09' });
    // Monday 23.11. is in the first week but before `from`.
    expect(patternOccurrences(p, { from: '2026-11-01', to: '2026-12-31' })).toEqual(['2026-11-25', '2026-11-30', '2026-12-02', '2026-12-07', '2026-12-09']);
  });

  it('clips to the requested range', () => {
    const p = pattern({ weekdays: [2], from: '2026-01-06' });
    expect(patternOccurrences(p, { from: '2026-11-20', to: '2026-12-05' })).toEqual(['2026-11-24', '2026-12-01']);
    expect(patternOccurrences(p, { from: '2025-01-01', to: '2025-12-31' })).toEqual([]);
    expect(patternOccurrences(pattern({ to: '2026-11-10' }), { from: '2026-11-11', to: '2026-12-31' })).toEqual([]);
  });

  it('keeps every second week correct across a year with week 53 (2026 → 2027)', () => {
    // Week 51 of 2026, then week 53, then week 2 of 2027.
    const p = pattern({ weekdays: [2], intervalWeeks: 2, from: '2026-12-15' });
    const dates = patternOccurrences(p, { from: '2026-12-01', to: '2027-01-31' });
    expect(dates).toEqual(['2026-12-15', '2026-12-29', '2027-01-12', '2027-01-26']);
    expect(dates.map((date) => isoWeekOf(date).week)).toEqual([51, 53, 2, 4]);
  });

  it('keeps every second week correct across an ordinary year end (2025 → 2026, 52 weeks)', () => {
    const p = pattern({ weekdays: [2], intervalWeeks: 2, from: '2025-12-16' });
    const dates = patternOccurrences(p, { from: '2025-12-01', to: '2026-01-31' });
    expect(dates).toEqual(['2025-12-16', '2025-12-30', '2026-01-13', '2026-01-27']);
    expect(dates.map((date) => isoWeekOf(date).week)).toEqual([51, 1, 3, 5]);
  });

  it('anchors on the ISO week of `from`, not on the first matching weekday', () => {
    // from is a Wednesday; Monday of that week is before from and skipped; the rhythm stays on that week.
    const p = pattern({ weekdays: [1, 3], intervalWeeks: 2, from: '2026-11-25' });
    expect(patternOccurrences(p, { from: '2026-11-01', to: '2026-12-31' })).toEqual(['2026-11-25', '2026-12-07', '2026-12-09', '2026-12-21', '2026-12-23']);
  });

  it('starts a range in an off week at the next on week', () => {
    const p = pattern({ weekdays: [5], intervalWeeks: 3, from: '2026-01-02' });
    expect(patternOccurrences(p, { from: '2026-01-05', to: '2026-02-28' })).toEqual(['2026-01-23', '2026-02-13']);
  });

  it('agrees with isPatternOccurrence day by day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20_000, max: 22_000 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: -30, max: 400 }),
        (fromDay, weekdays, intervalWeeks, length, rangeOffset) => {
          const from = fromDayNumber(fromDay);
          const p = pattern({ weekdays: weekdays as IsoWeekday[], intervalWeeks, from, to: addDays(from, length) });
          const range = { from: addDays(from, rangeOffset - 40), to: addDays(from, rangeOffset + 40) };
          const expected = eachDate(range.from, range.to).filter((date) => isPatternOccurrence(p, date));
          expect(patternOccurrences(p, range)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('pattern exceptions', () => {
  const p = pattern({ weekdays: [2], from: '2026-11-03' });
  const range = { from: '2026-11-23', to: '2026-12-13' };

  it('generates one shift per occurrence with a key', () => {
    const shifts = expandPattern(p, range);
    expect(shifts.map((s) => s.date)).toEqual(['2026-11-24', '2026-12-01', '2026-12-08']);
    expect(shifts[0]).toEqual({
      staffId: 'd1',
      officeId: 'office-royrvik',
      date: '2026-11-24',
      start: '08:00',
      end: '15:30',
      kind: 'clinic',
      note: null,
      patternId: 'p1',
      occurrenceDate: '2026-11-24',
      key: occurrenceKey('p1', '2026-11-24'),
      changed: false,
    });
  });

  it('removes, changes and moves single occurrences while the rest stays', () => {
    const exceptions: PatternException[] = [
      { id: 'e1', patternId: 'p1', date: '2026-11-24', replacement: null },
      {
        id: 'e2',
        patternId: 'p1',
        date: '2026-12-01',
        replacement: { staffId: 'd2', officeId: 'office-royrvik', date: '2026-12-03', start: '09:00', end: '14:00', kind: 'video', note: 'Byttet' },
      },
      // Moved into the range from an occurrence before it.
      {
        id: 'e3',
        patternId: 'p1',
        date: '2026-11-17',
        replacement: { staffId: 'd1', officeId: 'office-royrvik', date: '2026-11-23', start: '08:00', end: '15:30', kind: 'clinic', note: null },
      },
      // Not an occurrence (a Wednesday) and another pattern: both ignored.
      { id: 'e4', patternId: 'p1', date: '2026-12-09', replacement: { staffId: 'd1', officeId: 'x', date: '2026-12-10', start: '08:00', end: '09:00', kind: 'admin', note: null } },
      { id: 'e5', patternId: 'other', date: '2026-12-08', replacement: null },
    ];
    const shifts = expandPattern(p, range, exceptions);
    expect(shifts.map((s) => [s.date, s.occurrenceDate, s.staffId, s.kind, s.changed])).toEqual([
      ['2026-11-23', '2026-11-17', 'd1', 'clinic', true],
      ['2026-12-03', '2026-12-01', 'd2', 'video', true],
      ['2026-12-08', '2026-12-08', 'd1', 'clinic', false],
    ]);
    // A changed occurrence moved out of the range is not in it.
    const moveOut: PatternException = { ...exceptions[1]!, replacement: { ...exceptions[1]!.replacement!, date: '2026-12-20' } };
    expect(expandPattern(p, range, [moveOut]).map((s) => s.date)).toEqual(['2026-11-24', '2026-12-08']);
  });

  it('expands several patterns together in date order', () => {
    const q = pattern({ id: 'p2', staffId: 'n1', weekdays: [1], start: '07:30' });
    const shifts = expandPatterns([p, q], { from: '2026-11-23', to: '2026-11-30' }, [{ id: 'e', patternId: 'p2', date: '2026-11-30', replacement: null }]);
    expect(shifts.map((s) => [s.patternId, s.date])).toEqual([
      ['p2', '2026-11-23'],
      ['p1', '2026-11-24'],
    ]);
  });
});
