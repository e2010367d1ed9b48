// The trial's figures: consultations per office and week or month, share resolved without a doctor, by contact and ICPC-2 chapter.
import { isoWeekOf } from '../calendar/isoWeek';
import type { ContactKind, LocalDateTime, Outcome } from './entry';
import { CONTACT_KINDS, OUTCOMES, resolvedWithoutDoctor } from './entry';
import { icpc2Chapter } from './icpc2-starter';

export type StatisticsPeriod = 'week' | 'month';

/** What the statistics need of an entry: no identity, no note. */
export interface StatisticsEntry {
  officeId: string;
  at: LocalDateTime;
  contact: ContactKind;
  outcome: Outcome;
  doctorId: string | null;
  icpc2Code: string;
}

export interface StatisticsRow {
  officeId: string;
  /** `2026-W48` for a week, `2026-11` for a month. */
  period: string;
  count: number;
  resolvedWithoutDoctor: number;
  /** resolvedWithoutDoctor / count, 0–1; 0 when count is 0. */
  shareResolvedWithoutDoctor: number;
  byContact: Record<ContactKind, number>;
  byOutcome: Record<Outcome, number>;
  /** Keyed by chapter letter (A, R, U …); '?' for a code whose chapter is unknown. */
  byChapter: Record<string, number>;
}

/** The period an entry falls in: ISO week (its week-year, so 31 Dec may be week 1) or calendar month. */
export function periodOf(at: LocalDateTime, period: StatisticsPeriod): string {
  if (period === 'month') return at.slice(0, 7);
  const week = isoWeekOf(at.slice(0, 10));
  return `${week.year}-W${String(week.week).padStart(2, '0')}`;
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

function emptyRow(officeId: string, period: string): StatisticsRow {
  return {
    officeId,
    period,
    count: 0,
    resolvedWithoutDoctor: 0,
    shareResolvedWithoutDoctor: 0,
    byContact: zeroes(CONTACT_KINDS),
    byOutcome: zeroes(OUTCOMES),
    byChapter: {},
  };
}

/**
 * Counts entries per office and period, sorted by period then office. Cancelled entries must be left out by the caller
 * (statistics count what happened, and a cancelled entry did not happen); amended entries count with their current values.
 */
export function consultationStatistics(entries: Iterable<StatisticsEntry>, period: StatisticsPeriod): StatisticsRow[] {
  const rows = new Map<string, StatisticsRow>();
  for (const entry of entries) {
    const key = `${periodOf(entry.at, period)}|${entry.officeId}`;
    let row = rows.get(key);
    if (!row) {
      row = emptyRow(entry.officeId, periodOf(entry.at, period));
      rows.set(key, row);
    }
    row.count += 1;
    if (resolvedWithoutDoctor(entry)) row.resolvedWithoutDoctor += 1;
    row.byContact[entry.contact] += 1;
    row.byOutcome[entry.outcome] += 1;
    const chapter = icpc2Chapter(entry.icpc2Code)?.letter ?? '?';
    row.byChapter[chapter] = (row.byChapter[chapter] ?? 0) + 1;
  }
  return [...rows.values()]
    .map((row) => ({ ...row, shareResolvedWithoutDoctor: row.count === 0 ? 0 : row.resolvedWithoutDoctor / row.count }))
    .sort((a, b) => a.period.localeCompare(b.period) || a.officeId.localeCompare(b.officeId));
}

/**
 * Entries counted ahead, per office, bucket and one value (db/consultations.ts reads them from consultation_day_counts).
 * The bucket is any day of the period (`2026-11-23`) or, for monthly statistics, the month (`2026-11`): periodOf gives the period.
 */
export type StatisticsCount = { officeId: string; bucket: string; n: number } & (
  | { kind: 'outcome'; outcome: Outcome; withDoctor: boolean }
  | { kind: 'contact'; contact: ContactKind }
  /** The code, or any code of its chapter (its first letter): icpc2Chapter gives the chapter. */
  | { kind: 'chapter'; code: string }
);

/**
 * The same rows as consultationStatistics gives for the entries the counts were made from, in time linear in the
 * number of counts (a few per office and day) rather than in the number of entries. Every entry is counted once under
 * its outcome, once under its contact and once under its chapter; the outcome counts make the period's count.
 */
export function statisticsFromCounts(counts: Iterable<StatisticsCount>, period: StatisticsPeriod): StatisticsRow[] {
  const rows = new Map<string, StatisticsRow>();
  const periods = new Map<string, string>();
  const chapters = new Map<string, string>();
  for (const count of counts) {
    if (count.n === 0) continue;
    let periodKey = periods.get(count.bucket);
    if (periodKey === undefined) {
      periodKey = periodOf(count.bucket, period);
      periods.set(count.bucket, periodKey);
    }
    const key = `${periodKey}|${count.officeId}`;
    let row = rows.get(key);
    if (!row) {
      row = emptyRow(count.officeId, periodKey);
      rows.set(key, row);
    }
    if (count.kind === 'outcome') {
      row.count += count.n;
      row.byOutcome[count.outcome] += count.n;
      if (resolvedWithoutDoctor({ outcome: count.outcome, doctorId: count.withDoctor ? '' : null })) row.resolvedWithoutDoctor += count.n;
    } else if (count.kind === 'contact') {
      row.byContact[count.contact] += count.n;
    } else {
      let chapter = chapters.get(count.code);
      if (chapter === undefined) {
        chapter = icpc2Chapter(count.code)?.letter ?? '?';
        chapters.set(count.code, chapter);
      }
      row.byChapter[chapter] = (row.byChapter[chapter] ?? 0) + count.n;
    }
  }
  return [...rows.values()]
    .filter((row) => row.count > 0)
    .map((row) => ({ ...row, shareResolvedWithoutDoctor: row.count === 0 ? 0 : row.resolvedWithoutDoctor / row.count }))
    .sort((a, b) => a.period.localeCompare(b.period) || a.officeId.localeCompare(b.officeId));
}

/** Adds rows together (e.g. all offices, or a whole year) with the share recomputed from the sums. */
export function sumStatistics(rows: readonly StatisticsRow[], officeId: string, period: string): StatisticsRow {
  const total = emptyRow(officeId, period);
  for (const row of rows) {
    total.count += row.count;
    total.resolvedWithoutDoctor += row.resolvedWithoutDoctor;
    for (const kind of CONTACT_KINDS) total.byContact[kind] += row.byContact[kind];
    for (const outcome of OUTCOMES) total.byOutcome[outcome] += row.byOutcome[outcome];
    for (const [chapter, count] of Object.entries(row.byChapter)) total.byChapter[chapter] = (total.byChapter[chapter] ?? 0) + count;
  }
  total.shareResolvedWithoutDoctor = total.count === 0 ? 0 : total.resolvedWithoutDoctor / total.count;
  return total;
}
