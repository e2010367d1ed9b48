// Tests for copying a week's shifts to the following weeks.
import { describe, expect, it } from 'vitest';
import { copyWeekShifts } from './copyWeek';
import { shift } from './testFixtures';

describe('copyWeekShifts', () => {
  const week = { year: 2026, week: 53 };
  const shifts = [
    shift({ staffId: 'd1', officeId: 'g', date: '2026-12-28', note: 'Morgen' }),
    shift({ staffId: 'd1', officeId: 'g', date: '2027-01-03', kind: 'legevakt', start: '16:00', end: '08:00' }),
    shift({ staffId: 'd2', officeId: 'g', date: '2026-12-29', patternId: 'p1' }),
    shift({ staffId: 'd2', officeId: 'g', date: '2027-01-04' }),
  ];

  it('copies the week’s own shifts to the next N weeks, across the year end', () => {
    const drafts = copyWeekShifts(shifts, week, 2);
    expect(drafts.map((d) => [d.date, d.staffId, d.kind, d.start, d.end, d.patternId])).toEqual([
      ['2027-01-04', 'd1', 'clinic', '08:00', '15:30', null],
      ['2027-01-10', 'd1', 'legevakt', '16:00', '08:00', null],
      ['2027-01-11', 'd1', 'clinic', '08:00', '15:30', null],
      ['2027-01-17', 'd1', 'legevakt', '16:00', '08:00', null],
    ]);
    expect(drafts[0]?.note).toBe('Morgen');
    expect(drafts[0]).not.toHaveProperty('id');
  });

  it('skips pattern shifts unless asked', () => {
    expect(copyWeekShifts(shifts, week, 1, { includePatternShifts: true }).map((d) => [d.date, d.patternId])).toEqual([
      ['2027-01-04', null],
      ['2027-01-10', null],
      ['2027-01-05', null],
    ]);
    expect(copyWeekShifts(shifts, week, 0)).toEqual([]);
    expect(() => copyWeekShifts(shifts, week, -1)).toThrow(RangeError);
  });
});
