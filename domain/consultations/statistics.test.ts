// Tests for the trial's statistics arithmetic: counts, share resolved without doctor, contact and chapter breakdowns.
import { describe, expect, it } from 'vitest';
import { consultationStatistics, periodOf, sumStatistics } from './statistics';
import type { StatisticsEntry } from './statistics';

function entry(overrides: Partial<StatisticsEntry>): StatisticsEntry {
  return { officeId: 'grong', at: '2026-11-24T09:00', contact: 'inPerson', outcome: 'resolvedByNurse', doctorId: null, icpc2Code: 'U71', ...overrides };
}

describe('periodOf', () => {
  it('uses the ISO week-year for weeks and the calendar month for months', () => {
    expect(periodOf('2026-11-26T10:00', 'week')).toBe('2026-W48');
    expect(periodOf('2026-12-31T10:00', 'week')).toBe('2026-W53');
    expect(periodOf('2027-01-01T10:00', 'week')).toBe('2026-W53');
    expect(periodOf('2024-12-30T10:00', 'week')).toBe('2025-W01');
    expect(periodOf('2026-12-31T10:00', 'month')).toBe('2026-12');
  });
});

describe('consultationStatistics', () => {
  const entries = [
    entry({}),
    entry({ contact: 'phone', icpc2Code: 'R74' }),
    entry({ outcome: 'resolvedByNurse', doctorId: 'dr', icpc2Code: 'R75' }),
    entry({ outcome: 'bookedWithDoctor', contact: 'video' }),
    entry({ officeId: 'snasa', at: '2026-11-25T12:00' }),
    entry({ at: '2026-12-01T08:00', outcome: 'sentToLegevakt' }),
  ];

  it('counts per office and week, with the share resolved without a doctor', () => {
    const rows = consultationStatistics(entries, 'week');
    expect(rows.map((r) => [r.period, r.officeId, r.count, r.resolvedWithoutDoctor])).toEqual([
      ['2026-W48', 'grong', 4, 2],
      ['2026-W48', 'snasa', 1, 1],
      ['2026-W49', 'grong', 1, 0],
    ]);
    expect(rows[0]?.shareResolvedWithoutDoctor).toBe(0.5);
    expect(rows[0]?.byContact).toEqual({ inPerson: 2, phone: 1, video: 1 });
    expect(rows[0]?.byChapter).toEqual({ U: 2, R: 2 });
    expect(rows[0]?.byOutcome.bookedWithDoctor).toBe(1);
    expect(rows[2]?.shareResolvedWithoutDoctor).toBe(0);
  });

  it('groups by month across weeks', () => {
    const rows = consultationStatistics(entries, 'month');
    expect(rows.map((r) => [r.period, r.officeId, r.count])).toEqual([
      ['2026-11', 'grong', 4],
      ['2026-11', 'snasa', 1],
      ['2026-12', 'grong', 1],
    ]);
  });

  it('sums rows with the share recomputed from the sums, not averaged', () => {
    const total = sumStatistics(consultationStatistics(entries, 'week'), 'all', 'total');
    expect(total).toMatchObject({ count: 6, resolvedWithoutDoctor: 3, shareResolvedWithoutDoctor: 0.5 });
    expect(total.byChapter).toEqual({ U: 4, R: 2 });
    expect(sumStatistics([], 'all', 'total').shareResolvedWithoutDoctor).toBe(0);
  });
});
