// Repository for log reviews (stikkprøver): the append-only reviews with their sampled audit event ids, the marks on them, and the facts the sample is judged on.
import type Database from 'better-sqlite3';
import type { AccessFlag, ReviewVerdict } from '../domain/audit/review-sample';
import type { Role } from '../domain/roles';
import { patientRef } from './audit';
import { newId } from './ids';
import { statement } from './statements';
import type { ChangeSet } from './write-path';

export interface ReviewItemRef {
  auditEventId: string;
  flags: AccessFlag[];
}

export interface LogReviewRecord {
  id: string;
  fromDate: string;
  toDate: string;
  sampleSize: number;
  seed: number;
  candidateCount: number;
  items: ReviewItemRef[];
  byUserId: string;
  at: string;
}

export interface ReviewMark {
  id: string;
  reviewId: string;
  auditEventId: string;
  verdict: ReviewVerdict;
  note: string;
  byUserId: string;
  at: string;
}

interface ReviewRow {
  id: string;
  from_date: string;
  to_date: string;
  sample_size: number;
  seed: number;
  candidate_count: number;
  items: string;
  by_user_id: string;
  at: string;
}

function toReview(row: ReviewRow): LogReviewRecord {
  return {
    id: row.id,
    fromDate: row.from_date,
    toDate: row.to_date,
    sampleSize: row.sample_size,
    seed: row.seed,
    candidateCount: row.candidate_count,
    items: JSON.parse(row.items) as ReviewItemRef[],
    byUserId: row.by_user_id,
    at: row.at,
  };
}

/** Stores a drawn review in the caller's transaction. */
export function insertLogReview(changes: ChangeSet, review: Omit<LogReviewRecord, 'id'>): string {
  const id = newId();
  changes.insert('log_reviews', id, {
    from_date: review.fromDate,
    to_date: review.toDate,
    sample_size: review.sampleSize,
    seed: review.seed,
    candidate_count: review.candidateCount,
    items: JSON.stringify(review.items),
    by_user_id: review.byUserId,
    at: review.at,
  });
  return id;
}

/** Appends a mark on one sampled access; the newest mark of an access counts. */
export function insertReviewMark(changes: ChangeSet, mark: Omit<ReviewMark, 'id'>): string {
  const id = newId();
  changes.insert('log_review_marks', id, {
    review_id: mark.reviewId,
    audit_event_id: mark.auditEventId,
    verdict: mark.verdict,
    note: mark.note,
    by_user_id: mark.byUserId,
    at: mark.at,
  });
  return id;
}

const REVIEW_SELECT = 'SELECT id, from_date, to_date, sample_size, seed, candidate_count, items, by_user_id, at FROM log_reviews';

/** Every review, newest first. */
export function listLogReviews(db: Database.Database): LogReviewRecord[] {
  return (statement(db, `${REVIEW_SELECT} WHERE deleted = 0 ORDER BY at DESC, id DESC`).all() as ReviewRow[]).map(toReview);
}

export function getLogReview(db: Database.Database, id: string): LogReviewRecord | null {
  const row = statement(db, `${REVIEW_SELECT} WHERE id = ? AND deleted = 0`).get(id) as ReviewRow | undefined;
  return row ? toReview(row) : null;
}

/** The mark that counts for each access of a review (the newest), by audit event id. */
export function currentMarks(db: Database.Database, reviewId: string): Map<string, ReviewMark> {
  const rows = statement(
    db,
    `SELECT id, review_id, audit_event_id, verdict, note, by_user_id, at FROM log_review_marks
     WHERE review_id = ? AND deleted = 0 ORDER BY at, id`,
  ).all(reviewId) as { id: string; review_id: string; audit_event_id: string; verdict: string; note: string; by_user_id: string; at: string }[];
  const marks = new Map<string, ReviewMark>();
  for (const row of rows) {
    marks.set(row.audit_event_id, {
      id: row.id,
      reviewId: row.review_id,
      auditEventId: row.audit_event_id,
      verdict: row.verdict as ReviewVerdict,
      note: row.note,
      byUserId: row.by_user_id,
      at: row.at,
    });
  }
  return marks;
}

/** Number of marked accesses per review. */
export function markedCounts(db: Database.Database): Map<string, number> {
  const rows = statement(db, 'SELECT review_id, count(DISTINCT audit_event_id) AS n FROM log_review_marks WHERE deleted = 0 GROUP BY review_id').all() as {
    review_id: string;
    n: number;
  }[];
  return new Map(rows.map((row) => [row.review_id, row.n]));
}

export interface ReviewPerson {
  name: string;
  username: string;
  roles: Role[];
  staffId: string | null;
  baseOfficeId: string | null;
}

/** Every user (deleted ones too: reviews name who did what) with their person and base office. */
export function reviewPeople(db: Database.Database): Map<string, ReviewPerson> {
  const rows = statement(
    db,
    'SELECT u.id, u.username, u.roles, u.staff_id, s.name, s.base_office_id FROM users u LEFT JOIN staff s ON s.id = u.staff_id',
  ).all() as { id: string; username: string; roles: string; staff_id: string | null; name: string | null; base_office_id: string | null }[];
  return new Map(
    rows.map((row) => [
      row.id,
      {
        name: row.name ?? row.username,
        username: row.username,
        roles: JSON.parse(row.roles) as Role[],
        staffId: row.name === null ? null : row.staff_id || null,
        baseOfficeId: row.base_office_id || null,
      },
    ]),
  );
}

/** Office and patient reference of the consultation entries by id (the reference is one-way; the number never leaves here). */
export function entryFacts(db: Database.Database, ids: readonly string[]): Map<string, { officeId: string; patientRef: string | null }> {
  if (ids.length === 0) return new Map();
  const rows = statement(db, 'SELECT id, office_id, patient_id_number FROM consultations WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as {
    id: string;
    office_id: string;
    patient_id_number: string | null;
  }[];
  return new Map(rows.map((row) => [row.id, { officeId: row.office_id, patientRef: row.patient_id_number ? patientRef(row.patient_id_number) : null }]));
}

/** Patient references of the entries dated each day of a period (local dates, inclusive), for "a search with no entry that day". */
export function entryRefsByDate(db: Database.Database, fromDate: string, toDate: string): Map<string, Set<string>> {
  const rows = statement(
    db,
    `SELECT substr(at, 1, 10) AS date, patient_id_number FROM consultations
     WHERE deleted = 0 AND patient_id_number IS NOT NULL AND at >= ? AND at < ?`,
  ).all(fromDate, `${toDate}T99`) as { date: string; patient_id_number: string }[];
  const byDate = new Map<string, Set<string>>();
  for (const row of rows) {
    const refs = byDate.get(row.date) ?? new Set<string>();
    refs.add(patientRef(row.patient_id_number));
    byDate.set(row.date, refs);
  }
  return byDate;
}

/** The sampled audit events, by id (only what a review shows; no details). */
export function reviewedAuditEvents(
  db: Database.Database,
  ids: readonly string[],
): Map<string, { id: string; at: string; userId: string | null; username: string; action: string; targetTable: string | null; targetId: string | null; patientRef: string | null }> {
  if (ids.length === 0) return new Map();
  const rows = statement(
    db,
    'SELECT id, at, user_id, username, action, target_table, target_id, patient_ref FROM audit_events WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(ids)) as { id: string; at: string; user_id: string | null; username: string; action: string; target_table: string | null; target_id: string | null; patient_ref: string | null }[];
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, at: row.at, userId: row.user_id, username: row.username, action: row.action, targetTable: row.target_table, targetId: row.target_id, patientRef: row.patient_ref },
    ]),
  );
}
