// Repository for the rota: one-off shifts, absences, recurring patterns and their per-occurrence exceptions.
import type Database from 'better-sqlite3';
import type { IsoWeekday, LocalDate } from '../domain/calendar/dates';
import { expandPattern, occurrenceKey } from '../domain/rota/patterns';
import { addDays } from '../domain/calendar/dates';
import { publicHolidaysBetween } from '../domain/calendar/holidays';
import type {
  Absence,
  AbsenceValues,
  OccurrenceReplacement,
  PatternException,
  RecurringPattern,
  RecurringPatternValues,
  Shift,
  ShiftKind,
  ShiftValues,
} from '../domain/rota/types';
import type { AbsenceKind } from '../domain/rota/types';
import { newId } from './ids';
import { noticePatternChange, noticeShiftChange, noticeToday } from './rota-publications';
import { changedColumns } from './write-path';
import type { ChangeSet } from './write-path';
import { statement } from './statements';

interface ShiftRow {
  id: string;
  staff_id: string;
  office_id: string;
  date: string;
  start_time: string;
  end_time: string;
  kind: string;
  note: string | null;
}

function toShift(row: ShiftRow): Shift {
  return {
    id: row.id,
    staffId: row.staff_id,
    officeId: row.office_id,
    date: row.date,
    start: row.start_time,
    end: row.end_time,
    kind: row.kind as ShiftKind,
    note: row.note,
    patternId: null,
  };
}

function shiftColumns(values: Omit<ShiftValues, 'patternId'>) {
  return {
    staff_id: values.staffId,
    office_id: values.officeId,
    date: values.date,
    start_time: values.start,
    end_time: values.end,
    kind: values.kind,
    note: values.note,
  };
}

/** What a rota notice names about a shift (domain/rota/notices.ts). */
const factsOf = (shift: { staffId: string; officeId: string; date: string; start: string; end: string; kind: string }) => ({
  staffId: shift.staffId,
  officeId: shift.officeId,
  date: shift.date,
  start: shift.start,
  end: shift.end,
  kind: shift.kind,
});

const SHIFT_SELECT = 'SELECT id, staff_id, office_id, date, start_time, end_time, kind, note FROM shifts';

/** One-off shifts dated from..to (inclusive). */
export function listShifts(db: Database.Database, from: LocalDate, to: LocalDate): Shift[] {
  return (statement(db, `${SHIFT_SELECT} WHERE date BETWEEN ? AND ? AND deleted = 0 ORDER BY date, start_time, id`).all(from, to) as ShiftRow[]).map(toShift);
}

export function listShiftsOfStaff(db: Database.Database, staffId: string, from: LocalDate, to: LocalDate): Shift[] {
  return (
    statement(db, `${SHIFT_SELECT} WHERE staff_id = ? AND date BETWEEN ? AND ? AND deleted = 0 ORDER BY date, start_time, id`).all(staffId, from, to) as ShiftRow[]
  ).map(toShift);
}

export function getShift(db: Database.Database, id: string): Shift | null {
  const row = statement(db, `${SHIFT_SELECT} WHERE id = ? AND deleted = 0`).get(id) as ShiftRow | undefined;
  return row ? toShift(row) : null;
}

export function createShift(changes: ChangeSet, values: Omit<ShiftValues, 'patternId'>): string {
  const id = newId();
  changes.insert('shifts', id, shiftColumns(values));
  noticeShiftChange(changes, null, factsOf(values));
  return id;
}

export function updateShift(changes: ChangeSet, id: string, values: Omit<ShiftValues, 'patternId'>): void {
  const current = getShift(changes.db, id);
  if (!current) throw new Error(`shift ${id} does not exist`);
  changes.update('shifts', id, changedColumns(shiftColumns(current), shiftColumns(values)));
  noticeShiftChange(changes, factsOf(current), factsOf(values));
}

export function deleteShift(changes: ChangeSet, id: string): void {
  const current = getShift(changes.db, id);
  changes.remove('shifts', id);
  if (current) noticeShiftChange(changes, factsOf(current), null);
}

interface AbsenceRow {
  id: string;
  staff_id: string;
  from_date: string;
  to_date: string;
  kind: string;
  note: string | null;
}

function toAbsence(row: AbsenceRow): Absence {
  return { id: row.id, staffId: row.staff_id, from: row.from_date, to: row.to_date, kind: row.kind as AbsenceKind, note: row.note };
}

function absenceColumns(values: AbsenceValues) {
  return { staff_id: values.staffId, from_date: values.from, to_date: values.to, kind: values.kind, note: values.note };
}

const ABSENCE_SELECT = 'SELECT id, staff_id, from_date, to_date, kind, note FROM absences';

/** Absences that overlap from..to. */
export function listAbsences(db: Database.Database, from: LocalDate, to: LocalDate): Absence[] {
  return (statement(db, `${ABSENCE_SELECT} WHERE to_date >= ? AND from_date <= ? AND deleted = 0 ORDER BY from_date, id`).all(from, to) as AbsenceRow[]).map(toAbsence);
}

export function getAbsence(db: Database.Database, id: string): Absence | null {
  const row = statement(db, `${ABSENCE_SELECT} WHERE id = ? AND deleted = 0`).get(id) as AbsenceRow | undefined;
  return row ? toAbsence(row) : null;
}

export function createAbsence(changes: ChangeSet, values: AbsenceValues): string {
  const id = newId();
  changes.insert('absences', id, absenceColumns(values));
  return id;
}

export function updateAbsence(changes: ChangeSet, id: string, values: AbsenceValues): void {
  const current = getAbsence(changes.db, id);
  if (!current) throw new Error(`absence ${id} does not exist`);
  changes.update('absences', id, changedColumns(absenceColumns(current), absenceColumns(values)));
}

export function deleteAbsence(changes: ChangeSet, id: string): void {
  changes.remove('absences', id);
}

interface PatternRow {
  id: string;
  staff_id: string;
  office_id: string;
  kind: string;
  start_time: string;
  end_time: string;
  weekdays: string;
  interval_weeks: number;
  from_date: string;
  to_date: string | null;
  note: string | null;
}

function toPattern(row: PatternRow): RecurringPattern {
  return {
    id: row.id,
    staffId: row.staff_id,
    officeId: row.office_id,
    kind: row.kind as ShiftKind,
    start: row.start_time,
    end: row.end_time,
    weekdays: JSON.parse(row.weekdays) as IsoWeekday[],
    intervalWeeks: row.interval_weeks,
    from: row.from_date,
    to: row.to_date,
    note: row.note,
  };
}

function patternColumns(values: RecurringPatternValues) {
  return {
    staff_id: values.staffId,
    office_id: values.officeId,
    kind: values.kind,
    start_time: values.start,
    end_time: values.end,
    weekdays: JSON.stringify(values.weekdays),
    interval_weeks: values.intervalWeeks,
    from_date: values.from,
    to_date: values.to,
    note: values.note,
  };
}

const PATTERN_SELECT = 'SELECT id, staff_id, office_id, kind, start_time, end_time, weekdays, interval_weeks, from_date, to_date, note FROM rota_patterns';

/** Patterns that may have occurrences between from and to (inclusive). */
export function listPatterns(db: Database.Database, from?: LocalDate, to?: LocalDate): RecurringPattern[] {
  const rows =
    from && to
      ? statement(db, `${PATTERN_SELECT} WHERE deleted = 0 AND from_date <= ? AND (to_date IS NULL OR to_date >= ?) ORDER BY from_date, id`).all(to, from)
      : statement(db, `${PATTERN_SELECT} WHERE deleted = 0 ORDER BY from_date, id`).all();
  return (rows as PatternRow[]).map(toPattern);
}

export function getPattern(db: Database.Database, id: string): RecurringPattern | null {
  const row = statement(db, `${PATTERN_SELECT} WHERE id = ? AND deleted = 0`).get(id) as PatternRow | undefined;
  return row ? toPattern(row) : null;
}

export function createPattern(changes: ChangeSet, values: RecurringPatternValues): string {
  const id = newId();
  changes.insert('rota_patterns', id, patternColumns(values));
  notePatternOccurrences(changes, null, { ...values, id });
  return id;
}

export function updatePattern(changes: ChangeSet, id: string, values: RecurringPatternValues): void {
  const current = getPattern(changes.db, id);
  if (!current) throw new Error(`pattern ${id} does not exist`);
  changes.update('rota_patterns', id, changedColumns(patternColumns(current), patternColumns(values)));
  notePatternOccurrences(changes, current, { ...values, id });
}

export function deletePattern(changes: ChangeSet, id: string): void {
  const current = getPattern(changes.db, id);
  changes.remove('rota_patterns', id);
  if (current) notePatternOccurrences(changes, current, null);
}

/** How far ahead a pattern's change is compared for notices (half a year: further out, nobody has planned around it). */
const PATTERN_NOTICE_DAYS = 182;

/** A pattern's occurrences from today on (as plannedShifts shows them: no clinic shift on a public holiday unless changed by hand). */
function occurrencesAhead(db: Database.Database, pattern: RecurringPattern | null, from: LocalDate) {
  const byDate = new Map<LocalDate, ReturnType<typeof factsOf>>();
  if (!pattern) return byDate;
  const range = { from, to: addDays(from, PATTERN_NOTICE_DAYS) };
  const holidays = new Set(publicHolidaysBetween(range.from, range.to).map((holiday) => holiday.date));
  for (const occurrence of expandPattern(pattern, range, listPatternExceptions(db, [pattern.id]))) {
    if (occurrence.changed || occurrence.kind === 'legevakt' || !holidays.has(occurrence.date)) byDate.set(occurrence.occurrenceDate, factsOf(occurrence));
  }
  return byDate;
}

/** A new, changed or removed pattern tells the people whose published shifts it changes (one notice per person). */
function notePatternOccurrences(changes: ChangeSet, before: RecurringPattern | null, after: RecurringPattern | null) {
  const today = noticeToday(changes);
  const old = occurrencesAhead(changes.db, before, today);
  const next = occurrencesAhead(changes.db, after, today);
  const pairs = [...new Set([...old.keys(), ...next.keys()])].sort().map((date) => ({ before: old.get(date) ?? null, after: next.get(date) ?? null }));
  noticePatternChange(changes, pairs);
}

interface ExceptionRow {
  id: string;
  pattern_id: string;
  date: string;
  replacement: string | null;
}

/** Exceptions of the given patterns (all live ones). */
export function listPatternExceptions(db: Database.Database, patternIds: readonly string[]): PatternException[] {
  if (patternIds.length === 0) return [];
  const rows = statement(db, `SELECT id, pattern_id, date, replacement FROM rota_pattern_exceptions WHERE deleted = 0 AND pattern_id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(patternIds)) as ExceptionRow[];
  return rows.map((row) => ({
    id: row.id,
    patternId: row.pattern_id,
    date: row.date,
    replacement: row.replacement ? (JSON.parse(row.replacement) as OccurrenceReplacement) : null,
  }));
}

/** Changes (replacement) or removes (null) one occurrence; the rest of the pattern stays. */
export function setPatternException(changes: ChangeSet, patternId: string, date: LocalDate, replacement: OccurrenceReplacement | null): string {
  const id = occurrenceKey(patternId, date);
  const before = occurrenceNow(changes.db, patternId, date);
  noticeShiftChange(changes, before, replacement ? factsOf(replacement) : null);
  changes.upsert('rota_pattern_exceptions', id, { pattern_id: patternId, date, replacement: replacement ? JSON.stringify(replacement) : null });
  return id;
}

/** Puts an occurrence back to what the pattern says. */
export function clearPatternException(changes: ChangeSet, patternId: string, date: LocalDate): void {
  const id = occurrenceKey(patternId, date);
  if (!statement(changes.db, 'SELECT 1 FROM rota_pattern_exceptions WHERE id = ? AND deleted = 0').get(id)) return;
  const before = occurrenceNow(changes.db, patternId, date);
  changes.remove('rota_pattern_exceptions', id);
  noticeShiftChange(changes, before, occurrenceNow(changes.db, patternId, date));
}

/** An occurrence as it stands (its exception's replacement, or the pattern's own), for notices; null when removed or none. */
function occurrenceNow(db: Database.Database, patternId: string, date: LocalDate) {
  const pattern = getPattern(db, patternId);
  if (!pattern) return null;
  const row = statement(db, 'SELECT replacement FROM rota_pattern_exceptions WHERE id = ? AND deleted = 0').get(occurrenceKey(patternId, date)) as { replacement: string | null } | undefined;
  if (row) return row.replacement ? factsOf(JSON.parse(row.replacement) as OccurrenceReplacement) : null;
  return factsOf({ ...pattern, date });
}
