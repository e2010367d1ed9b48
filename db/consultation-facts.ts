// Repository for consultation_facts (migration 015): the de-identified figures per entry, written with the entry, and the counts read from them.
import type Database from 'better-sqlite3';
import { consultationFacts } from '../domain/consultations/facts';
import type { ConsultationFacts } from '../domain/consultations/facts';
import { ICPC2_CHAPTERS } from '../domain/consultations/icpc2-starter';
import type { ContactKind, Outcome } from '../domain/consultations/entry';
import { statement } from './statements';
import type { RowValues } from './sync-tables';
import type { ChangeSet } from './write-path';

type FactsColumns = Required<RowValues<'consultation_facts'>>;

function toColumns(facts: ConsultationFacts): FactsColumns {
  return {
    office_id: facts.officeId,
    day: facts.day,
    outcome: facts.outcome,
    with_doctor: facts.withDoctor ? 1 : 0,
    contact: facts.contact,
    chapter: facts.chapter,
    cancelled: facts.cancelled ? 1 : 0,
  };
}

/** The facts row as stored (null when the entry has none yet), for tests and the backfill. */
export function getConsultationFacts(db: Database.Database, id: string): (ConsultationFacts & { deleted: boolean }) | null {
  const row = statement(db, 'SELECT office_id, day, outcome, with_doctor, contact, chapter, cancelled, deleted FROM consultation_facts WHERE id = ?').get(id) as
    | (FactsColumns & { deleted: number })
    | undefined;
  if (!row) return null;
  return {
    officeId: String(row.office_id),
    day: String(row.day),
    outcome: row.outcome as Outcome,
    withDoctor: row.with_doctor === 1,
    contact: row.contact as ContactKind,
    chapter: String(row.chapter),
    cancelled: row.cancelled === 1,
    deleted: row.deleted === 1,
  };
}

/**
 * Brings an entry's facts row to the entry's current values in the caller's transaction: the whole row when it has none,
 * else only the columns that differ (so two computers amending different fields of one entry both win). Returns the
 * number of columns written (0 when the row already agrees).
 */
export function writeConsultationFacts(changes: ChangeSet, id: string, entry: Parameters<typeof consultationFacts>[0]): number {
  const next = toColumns(consultationFacts(entry));
  const before = statement(changes.db, 'SELECT office_id, day, outcome, with_doctor, contact, chapter, cancelled, deleted FROM consultation_facts WHERE id = ?').get(id) as
    | (FactsColumns & { deleted: number })
    | undefined;
  if (!before) {
    changes.insert('consultation_facts', id, next);
    return Object.keys(next).length;
  }
  const changed = Object.fromEntries(Object.entries(next).filter(([column, value]) => before[column as keyof FactsColumns] !== value)) as RowValues<'consultation_facts'>;
  if (before.deleted !== 0) {
    changes.upsert('consultation_facts', id, changed);
    return Object.keys(changed).length + 1;
  }
  if (Object.keys(changed).length > 0) changes.update('consultation_facts', id, changed);
  return Object.keys(changed).length;
}

/** The chapter as the statistics count it, in SQL (an approximation of chapterOfCode: the backfill compares in JS before writing). */
const CHAPTER_SQL = `CASE WHEN upper(substr(trim(i.icpc2_code), 1, 1)) IN (${Object.keys(ICPC2_CHAPTERS)
  .map((letter) => `'${letter}'`)
  .join(', ')}) THEN upper(substr(trim(i.icpc2_code), 1, 1)) ELSE '?' END`;

/**
 * Entries this computer holds whose facts row is missing or disagrees with the entry (from consultation_index, which
 * must be refreshed first), in id order after `afterId`: the backfill's next batch. A row that only seems to disagree
 * is compared again in JS and left as it is.
 */
export function entriesNeedingFacts(db: Database.Database, afterId: string, limit: number): string[] {
  return statement(
    db,
    `SELECT i.id FROM consultation_index i LEFT JOIN consultation_facts f ON f.id = i.id
     WHERE i.id > ? AND (f.id IS NULL OR f.deleted <> 0 OR f.office_id <> i.office_id OR f.day <> substr(i.at, 1, 10) OR f.outcome <> i.outcome
       OR f.with_doctor <> (i.doctor_id IS NOT NULL) OR f.contact <> i.contact OR f.cancelled <> i.cancelled OR f.chapter <> ${CHAPTER_SQL})
     ORDER BY i.id LIMIT ?`,
    'pluck',
  ).all(afterId, limit) as string[];
}

/** How many entries this computer holds that have no facts row yet (what the backfill has left). */
export function countEntriesWithoutFacts(db: Database.Database): number {
  return statement(db, 'SELECT count(*) FROM consultation_index i WHERE NOT EXISTS (SELECT 1 FROM consultation_facts f WHERE f.id = i.id)', 'pluck').get() as number;
}

/**
 * Entries per office for a date range (inclusive, not cancelled), for the weekly overview: from the day counts, so the
 * same on every computer whatever offices it serves. Each counted entry has exactly one outcome key ('o:' or 'od:').
 */
export function countsByOffice(db: Database.Database, fromDate: string, toDate: string): Record<string, number> {
  const rows = statement(
    db,
    `SELECT office_id, sum(n) AS n FROM consultation_day_counts
     WHERE day >= ? AND day <= ? AND (key GLOB 'o:*' OR key GLOB 'od:*') GROUP BY office_id HAVING sum(n) > 0`,
  ).all(fromDate, toDate) as { office_id: string; n: number }[];
  return Object.fromEntries(rows.map((row) => [row.office_id, row.n]));
}
