// Repository for draft and published rota weeks: the publish/draft records per office, the notices to staff they and later shift changes cause, and each user's read marks.
import type Database from 'better-sqlite3';
import type { LocalDate } from '../domain/calendar/dates';
import { osloToday } from '../domain/calendar/oslo';
import { parseHlc } from '../domain/hlc';
import { shiftChangeNotices } from '../domain/rota/notices';
import type { ShiftFacts, ShiftNotice } from '../domain/rota/notices';
import { isDraftShift, publicationStates } from '../domain/rota/publication';
import type { OfficePublication, PublicationRecord } from '../domain/rota/publication';
import type { RotaNoticeDetails, RotaNoticeKind } from '../domain/rota/notices';
import { newId } from './ids';
import { currentSigner } from './signer';
import { statement } from './statements';
import type { ChangeSet } from './write-path';

interface PublicationRow {
  id: string;
  office_id: string;
  kind: string;
  from_week: string;
  through_week: string;
  hlc: string;
}

/** Every publish/draft record (few: one per publication), in the order they apply. */
export function listPublicationRecords(db: Database.Database): PublicationRecord[] {
  const rows = statement(db, 'SELECT id, office_id, kind, from_week, through_week, hlc FROM rota_publications WHERE deleted = 0 ORDER BY hlc, id').all() as PublicationRow[];
  return rows.map((row) => ({
    id: row.id,
    officeId: row.office_id,
    kind: row.kind === 'draft' ? 'draft' : 'publish',
    fromWeek: row.from_week,
    throughWeek: row.through_week,
    hlc: row.hlc,
  }));
}

/** Each office's publication state (offices with no records are absent: every week published). */
export function readPublicationStates(db: Database.Database): Map<string, OfficePublication> {
  return publicationStates(listPublicationRecords(db));
}

export interface NewPublicationRecord {
  officeId: string;
  kind: 'publish' | 'draft';
  fromWeek: LocalDate;
  throughWeek: LocalDate;
  byUserId: string;
  at: string;
}

/** Appends a record, stamped with this transaction's clock (the order records apply in). */
export function insertPublicationRecord(changes: ChangeSet, record: NewPublicationRecord): string {
  const id = newId();
  changes.insert('rota_publications', id, {
    office_id: record.officeId,
    kind: record.kind,
    from_week: record.fromWeek,
    through_week: record.throughWeek,
    by_user_id: record.byUserId,
    hlc: changes.hlc,
    at: record.at,
  });
  return id;
}

export interface RotaNoticeRecord {
  id: string;
  staffId: string;
  officeId: string;
  kind: RotaNoticeKind;
  publicationId: string;
  details: RotaNoticeDetails;
  at: string;
}

export type NewRotaNotice = Omit<RotaNoticeRecord, 'id'> & { byUserId: string };

export function insertRotaNotice(changes: ChangeSet, notice: NewRotaNotice): string {
  const id = newId();
  changes.insert('rota_notices', id, {
    staff_id: notice.staffId,
    office_id: notice.officeId,
    kind: notice.kind,
    publication_id: notice.publicationId,
    details: JSON.stringify(notice.details),
    by_user_id: notice.byUserId,
    at: notice.at,
  });
  return id;
}

interface NoticeRow {
  id: string;
  staff_id: string;
  office_id: string;
  kind: string;
  publication_id: string;
  details: string;
  at: string;
}

const toNotice = (row: NoticeRow): RotaNoticeRecord => ({
  id: row.id,
  staffId: row.staff_id,
  officeId: row.office_id,
  kind: row.kind as RotaNoticeKind,
  publicationId: row.publication_id,
  details: JSON.parse(row.details) as RotaNoticeDetails,
  at: row.at,
});

/** A staff member's notices that this user has not marked read, newest first (at most `limit`). */
export function listUnreadRotaNotices(db: Database.Database, staffId: string, userId: string, limit = 100): RotaNoticeRecord[] {
  const rows = statement(
    db,
    `SELECT id, staff_id, office_id, kind, publication_id, details, at FROM rota_notices n
     WHERE n.staff_id = ? AND n.deleted = 0
       AND NOT EXISTS (SELECT 1 FROM rota_notice_reads r WHERE r.user_id = ? AND r.notice_id = n.id AND r.deleted = 0)
     ORDER BY n.at DESC, n.id DESC LIMIT ?`,
  ).all(staffId, userId, limit) as NoticeRow[];
  return rows.map(toNotice);
}

/** Every notice about one publication (tests and the lead's view of whom it told). */
export function listNoticesOfPublication(db: Database.Database, publicationId: string): RotaNoticeRecord[] {
  return (statement(db, 'SELECT id, staff_id, office_id, kind, publication_id, details, at FROM rota_notices WHERE publication_id = ? AND deleted = 0 ORDER BY staff_id').all(publicationId) as NoticeRow[]).map(toNotice);
}

/** The notice, if it is addressed to this staff member. */
export function getRotaNoticeOf(db: Database.Database, id: string, staffId: string): RotaNoticeRecord | null {
  const row = statement(db, 'SELECT id, staff_id, office_id, kind, publication_id, details, at FROM rota_notices WHERE id = ? AND staff_id = ? AND deleted = 0').get(id, staffId) as NoticeRow | undefined;
  return row ? toNotice(row) : null;
}

/** Marks a notice read by this user (a second mark, from another computer, is harmless). */
export function insertNoticeRead(changes: ChangeSet, noticeId: string, userId: string, at: string): void {
  if (statement(changes.db, 'SELECT 1 FROM rota_notice_reads WHERE notice_id = ? AND user_id = ? AND deleted = 0').get(noticeId, userId)) return;
  changes.insert('rota_notice_reads', newId(), { notice_id: noticeId, user_id: userId, at });
}

/** Transactions that write no notices: bulk work that is not a change to anyone's rota (the example data). */
const quiet = new WeakSet<ChangeSet>();

/** The shifts this transaction writes tell nobody (the example dataset is a starting point, not news). */
export function withoutRotaNotices(changes: ChangeSet): void {
  quiet.add(changes);
}

/**
 * A shift worth a notice: published (staff see it) and not yet past. A correction of yesterday's shift is record
 * keeping, not news to the person who worked it.
 */
function shownAhead(states: ReadonlyMap<string, OfficePublication>, shift: ShiftFacts, today: LocalDate): boolean {
  return shift.date >= today && !isDraftShift(states, shift, today);
}

/** "Today" for notices: the Oslo date of this transaction's clock. */
export function noticeToday(changes: ChangeSet): LocalDate {
  return osloToday(parseHlc(changes.hlc).wallMs);
}

/**
 * A pattern's occurrences changed (before → after, per occurrence): each person whose published shifts changed gets ONE
 * notice, naming the first changed shift and how many changed, not one per week of a weekly pattern.
 */
export function noticePatternChange(changes: ChangeSet, pairs: readonly { before: ShiftFacts | null; after: ShiftFacts | null }[]): void {
  if (quiet.has(changes) || pairs.length === 0) return;
  const states = statesOf(changes);
  const today = noticeToday(changes);
  const perPerson = new Map<string, ShiftNotice[]>();
  for (const { before, after } of pairs) {
    for (const notice of shiftChangeNotices(before, after, (shift) => shownAhead(states, shift, today))) {
      const list = perPerson.get(notice.staffId);
      if (list) list.push(notice);
      else perPerson.set(notice.staffId, [notice]);
    }
  }
  const { byUserId, at } = authorAndTime(changes);
  for (const [staffId, notices] of perPerson) {
    const first = notices[0]!;
    insertRotaNotice(changes, { staffId, officeId: first.officeId, kind: 'shiftChanged', publicationId: '', details: { ...first.details, occurrences: notices.length }, byUserId, at });
  }
}

function statesOf(changes: ChangeSet): Map<string, OfficePublication> {
  let states = statesOfTransaction.get(changes);
  if (!states) statesOfTransaction.set(changes, (states = readPublicationStates(changes.db)));
  return states;
}

function authorAndTime(changes: ChangeSet): { byUserId: string; at: string } {
  const author = currentSigner()?.author ?? '';
  return { byUserId: author.startsWith('user:') ? author.slice(5) : '', at: new Date(parseHlc(changes.hlc).wallMs).toISOString() };
}

/** The states read once per transaction (a week copy writes many shifts; records do not change while it runs). */
const statesOfTransaction = new WeakMap<ChangeSet, Map<string, OfficePublication>>();

/**
 * Writes the notices a change of one shift causes (domain/rota/notices.ts), in the same transaction: the person whose
 * published shift changed, was removed, or who got a shift in a published week. "Today" is this transaction's clock.
 */
export function noticeShiftChange(changes: ChangeSet, before: ShiftFacts | null, after: ShiftFacts | null): void {
  if (quiet.has(changes)) return;
  const states = statesOf(changes);
  const today = noticeToday(changes);
  const notices = shiftChangeNotices(before, after, (shift) => shownAhead(states, shift, today));
  if (notices.length === 0) return;
  const { byUserId, at } = authorAndTime(changes);
  for (const notice of notices) insertRotaNotice(changes, { ...notice, kind: 'shiftChanged', publicationId: '', byUserId, at });
}
