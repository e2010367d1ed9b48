// Repository for the consultation log: append-only entries and amendments, the local search index, ICPC-2 imports and retention.
import type Database from 'better-sqlite3';
import { currentEntry, redactChanges } from '../domain/consultations/amendments';
import type { Amendment, AmendmentKind, ConsultationRecord, CurrentEntry, EntryFields, EntryMedicine } from '../domain/consultations/amendments';
import type { ContactKind, Outcome, PatientKind, PatientSex } from '../domain/consultations/entry';
import type { Icpc2ImportRow } from '../domain/consultations/icpc2-import';
import type { StatisticsCount, StatisticsEntry, StatisticsPeriod } from '../domain/consultations/statistics';
import { writeConsultationFacts } from './consultation-facts';
import { newId } from './ids';
import type { ChangeSet } from './write-path';
import { statement } from './statements';

interface ConsultationRow {
  id: string;
  office_id: string;
  nurse_id: string;
  at: string;
  patient_kind: string;
  patient_id_number: string | null;
  birth_year: number | null;
  sex: string | null;
  contact: string;
  icpc2_code: string;
  routine_id: string | null;
  routine_version: number | null;
  medicine: string | null;
  outcome: string;
  doctor_id: string | null;
  follow_up_date: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
  anonymised_at: string | null;
}

interface AmendmentRow {
  id: string;
  consultation_id: string;
  kind: string;
  changes: string | null;
  reason: string | null;
  by_user_id: string;
  at: string;
}

function toRecord(row: ConsultationRow): ConsultationRecord {
  return {
    id: row.id,
    officeId: row.office_id,
    nurseId: row.nurse_id,
    at: row.at,
    patient: { kind: row.patient_kind as PatientKind, idNumber: row.patient_id_number, birthYear: row.birth_year, sex: row.sex as PatientSex | null },
    contact: row.contact as ContactKind,
    icpc2Code: row.icpc2_code,
    routineId: row.routine_id,
    routineVersion: row.routine_version,
    medicine: row.medicine ? (JSON.parse(row.medicine) as EntryMedicine | null) : null,
    outcome: row.outcome as Outcome,
    doctorId: row.doctor_id,
    followUpDate: row.follow_up_date,
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
    anonymisedAt: row.anonymised_at,
  };
}

function toAmendment(row: AmendmentRow): Amendment {
  return {
    id: row.id,
    consultationId: row.consultation_id,
    kind: row.kind as AmendmentKind,
    changes: row.changes ? (JSON.parse(row.changes) as Partial<EntryFields>) : {},
    reason: row.reason ?? '',
    byUserId: row.by_user_id,
    at: row.at,
  };
}

/** Saves a new entry (append-only: it is never updated, only amended). */
export function insertConsultation(changes: ChangeSet, values: EntryFields & { recordedBy: string; recordedAt: string }): string {
  const id = newId();
  changes.insert('consultations', id, {
    office_id: values.officeId,
    nurse_id: values.nurseId,
    at: values.at,
    patient_kind: values.patient.kind,
    patient_id_number: values.patient.idNumber,
    birth_year: values.patient.birthYear,
    sex: values.patient.sex,
    contact: values.contact,
    icpc2_code: values.icpc2Code,
    routine_id: values.routineId,
    routine_version: values.routineVersion,
    medicine: values.medicine ? JSON.stringify(values.medicine) : null,
    outcome: values.outcome,
    doctor_id: values.doctorId,
    follow_up_date: values.followUpDate,
    note: values.note,
    recorded_by: values.recordedBy,
    recorded_at: values.recordedAt,
    anonymised_at: null,
  });
  // The de-identified figures every computer counts (migration 015), in the same transaction.
  writeConsultationFacts(changes, id, { ...values, cancelled: false });
  return id;
}

export function appendAmendment(changes: ChangeSet, amendment: Omit<Amendment, 'id'>): string {
  const id = newId();
  changes.insert('consultation_amendments', id, {
    consultation_id: amendment.consultationId,
    kind: amendment.kind,
    changes: JSON.stringify(amendment.changes),
    reason: amendment.reason,
    by_user_id: amendment.byUserId,
    at: amendment.at,
  });
  // The entry's facts follow its current values (this amendment applied): only the columns that changed are written.
  const entry = getCurrentEntry(changes.db, amendment.consultationId);
  if (entry) writeConsultationFacts(changes, entry.id, entry);
  return id;
}

function loadAmendments(db: Database.Database, ids: readonly string[]): Map<string, Amendment[]> {
  const byConsultation = new Map<string, Amendment[]>();
  if (ids.length === 0) return byConsultation;
  const rows = statement(db, 'SELECT * FROM consultation_amendments WHERE deleted = 0 AND consultation_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as AmendmentRow[];
  for (const row of rows) byConsultation.set(row.consultation_id, [...(byConsultation.get(row.consultation_id) ?? []), toAmendment(row)]);
  return byConsultation;
}

/** Entries with their amendments applied, in the order of the ids given; unknown ids are left out. */
export function getCurrentEntries(db: Database.Database, ids: readonly string[]): CurrentEntry[] {
  if (ids.length === 0) return [];
  const rows = statement(db, 'SELECT * FROM consultations WHERE deleted = 0 AND id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as ConsultationRow[];
  const byId = new Map(rows.map((row) => [row.id, toRecord(row)]));
  const amendments = loadAmendments(db, ids);
  return ids.flatMap((id) => {
    const record = byId.get(id);
    return record ? [currentEntry(record, amendments.get(id) ?? [])] : [];
  });
}

export function getCurrentEntry(db: Database.Database, id: string): CurrentEntry | null {
  return getCurrentEntries(db, [id])[0] ?? null;
}

/** Recomputes the index rows of entries whose amendments changed since the last read (see migration 005). */
export function refreshConsultationIndex(db: Database.Database): number {
  const stale = statement(db, 'SELECT id FROM consultation_index WHERE stale = 1', 'pluck').all() as string[];
  if (stale.length === 0) return 0;
  const update = statement(db, `UPDATE consultation_index SET at = ?, office_id = ?, nurse_id = ?, contact = ?, icpc2_code = ?, outcome = ?, doctor_id = ?,
       patient_id_number = ?, cancelled = ?, stale = 0 WHERE id = ?`);
  db.transaction(() => {
    for (let i = 0; i < stale.length; i += 500) {
      for (const entry of getCurrentEntries(db, stale.slice(i, i + 500))) {
        update.run(entry.at, entry.officeId, entry.nurseId, entry.contact, entry.icpc2Code, entry.outcome, entry.doctorId, entry.patient.idNumber, entry.cancelled ? 1 : 0, entry.id);
      }
    }
  })();
  return stale.length;
}

export interface ConsultationFilter {
  /** Inclusive, `YYYY-MM-DD`. */
  fromDate: string;
  /** Inclusive, `YYYY-MM-DD`. */
  toDate: string;
  officeId?: string | null;
  nurseId?: string | null;
  outcome?: Outcome | null;
  icpc2Code?: string | null;
  includeCancelled?: boolean;
}

function filterSql(filter: ConsultationFilter): { where: string; params: (string | number)[] } {
  const where = ['at >= ?', 'at < ?'];
  const params: (string | number)[] = [filter.fromDate, `${filter.toDate}T99`];
  if (filter.officeId) {
    where.push('office_id = ?');
    params.push(filter.officeId);
  }
  if (filter.nurseId) {
    where.push('nurse_id = ?');
    params.push(filter.nurseId);
  }
  if (filter.outcome) {
    where.push('outcome = ?');
    params.push(filter.outcome);
  }
  if (filter.icpc2Code) {
    where.push('icpc2_code = ?');
    params.push(filter.icpc2Code);
  }
  if (!filter.includeCancelled) where.push('cancelled = 0');
  return { where: where.join(' AND '), params };
}

/**
 * How many matches past the page's start a list counts before it stops: the first page of a whole year says "av over
 * 1000" instead of reading every match (a count reads each matching index row; ~3,500 for a nurse's year at 120,000
 * entries). Larger than the largest page, so the next-page button is still right.
 */
export const LIST_COUNT_AHEAD = 1000;

/**
 * A page of matching entries, newest first, and how many match: exactly when there are at most offset +
 * LIST_COUNT_AHEAD, else `total` is that bound and `totalIsExact` false (there are more).
 */
export function listConsultations(
  db: Database.Database,
  filter: ConsultationFilter,
  page: { offset: number; limit: number },
  countAhead = LIST_COUNT_AHEAD,
): { total: number; totalIsExact: boolean; entries: CurrentEntry[] } {
  refreshConsultationIndex(db);
  const { where, params } = filterSql(filter);
  const bound = page.offset + Math.max(countAhead, page.limit);
  const counted = statement(db, `SELECT count(*) FROM (SELECT 1 FROM consultation_index WHERE ${where} LIMIT ?)`, 'pluck').get(...params, bound + 1) as number;
  const ids = statement(db, `SELECT id FROM consultation_index WHERE ${where} ORDER BY at DESC, rowid DESC LIMIT ? OFFSET ?`, 'pluck').all(...params, page.limit, page.offset) as string[];
  return { total: Math.min(counted, bound), totalIsExact: counted <= bound, entries: getCurrentEntries(db, ids) };
}

/** Every entry (cancelled ones too) whose current identity number is this one, newest first. */
export function findByIdentityNumber(db: Database.Database, identityNumber: string): CurrentEntry[] {
  refreshConsultationIndex(db);
  const ids = statement(db, 'SELECT id FROM consultation_index WHERE patient_id_number = ? ORDER BY at DESC, id DESC LIMIT 500', 'pluck').all(identityNumber) as string[];
  return getCurrentEntries(db, ids);
}

/** Ids of every entry that has ever carried this identity number (original or amendment), for the access report. */
export function idsEverWithIdentityNumber(db: Database.Database, identityNumber: string): string[] {
  const original = statement(db, 'SELECT id FROM consultations WHERE patient_id_number = ?', 'pluck').all(identityNumber) as string[];
  const amended = statement(db, "SELECT DISTINCT consultation_id FROM consultation_amendments WHERE json_extract(changes, '$.patient.idNumber') = ?", 'pluck')
    .all(identityNumber) as string[];
  return [...new Set([...original, ...amended])];
}

/** The statistics fields of every entry that is not cancelled, from the index. */
export function statisticsEntries(db: Database.Database, filter: ConsultationFilter): StatisticsEntry[] {
  refreshConsultationIndex(db);
  const { where, params } = filterSql({ ...filter, includeCancelled: false });
  const rows = statement(db, `SELECT office_id, at, contact, outcome, doctor_id, icpc2_code FROM consultation_index WHERE ${where}`).all(...params) as {
    office_id: string;
    at: string;
    contact: string;
    outcome: string;
    doctor_id: string | null;
    icpc2_code: string;
  }[];
  return rows.map((row) => ({
    officeId: row.office_id,
    at: row.at,
    contact: row.contact as ContactKind,
    outcome: row.outcome as Outcome,
    doctorId: row.doctor_id,
    icpc2Code: row.icpc2_code,
  }));
}

/**
 * What the statistics need, pre-counted (consultation_day_counts, migrations 014 and 015): per office and week (by its
 * Monday) or month, the entries that are not cancelled under each outcome (with or without a doctor), contact and
 * chapter. The table holds at most a few dozen rows per office and day however many entries there are, and is kept
 * from consultation_facts, never from the patient tables, so every computer gives the same figures.
 */
export function statisticsCounts(db: Database.Database, filter: { fromDate: string; toDate: string; officeId?: string | null | undefined }, period: StatisticsPeriod): StatisticsCount[] {
  const office = filter.officeId ? ' AND office_id = ?' : '';
  const params = filter.officeId ? [filter.fromDate, filter.toDate, filter.officeId] : [filter.fromDate, filter.toDate];
  // Summed in SQL per month, or per week by its Monday (date(day, 'weekday 0', '-6 days'): the Sunday on or after
  // the day, less six days), whose ISO week is the week's: a few hundred rows leave SQLite instead of one per day and key.
  const bucket = period === 'month' ? 'substr(day, 1, 7)' : "coalesce(date(day, 'weekday 0', '-6 days'), day)";
  const sql = `SELECT office_id, ${bucket} AS bucket, key, sum(n) AS n FROM consultation_day_counts
    WHERE day >= ? AND day <= ?${office} AND n > 0 GROUP BY office_id, bucket, key`;
  const rows = statement(db, sql).all(...params) as { office_id: string; bucket: string; key: string; n: number }[];
  return rows.map(({ office_id: officeId, bucket, key, n }): StatisticsCount => {
    // Keys as the triggers write them: 'o:<outcome>', 'od:<outcome>' (with a doctor), 'c:<contact>', 'h:<letter>' or 'h:?'.
    if (key.startsWith('o:')) return { officeId, bucket, n, kind: 'outcome', outcome: key.slice(2) as Outcome, withDoctor: false };
    if (key.startsWith('od:')) return { officeId, bucket, n, kind: 'outcome', outcome: key.slice(3) as Outcome, withDoctor: true };
    if (key.startsWith('c:')) return { officeId, bucket, n, kind: 'contact', contact: key.slice(2) as ContactKind };
    return { officeId, bucket, n, kind: 'chapter', code: key.slice(2) };
  });
}

/** Entries dated before the cut-off that still hold an identity number or a note: what retention will anonymise. */
export function entriesToAnonymise(db: Database.Database, beforeDate: string): { id: string; at: string; officeId: string }[] {
  return (
    statement(db, 'SELECT id, at, office_id FROM consultations WHERE deleted = 0 AND anonymised_at IS NULL AND at < ? AND (patient_id_number IS NOT NULL OR note IS NOT NULL OR id IN (SELECT consultation_id FROM consultation_amendments) OR id IN (SELECT consultation_id FROM prescription_requests)) ORDER BY at')
      .all(beforeDate) as { id: string; at: string; office_id: string }[]
  ).map((row) => ({ id: row.id, at: row.at, officeId: row.office_id }));
}

/** Removes the identity number and note from an entry and from its amendments; everything the statistics use stays. */
export function anonymiseConsultation(changes: ChangeSet, id: string, at: string): void {
  changes.redact('consultations', id, { patient_id_number: null, note: null, anonymised_at: at });
  const amendments = statement(changes.db, 'SELECT id, changes, reason FROM consultation_amendments WHERE consultation_id = ?').all(id) as {
    id: string;
    changes: string | null;
    reason: string | null;
  }[];
  for (const amendment of amendments) {
    const redacted = JSON.stringify(redactChanges(amendment.changes ? (JSON.parse(amendment.changes) as Partial<EntryFields>) : {}));
    if (redacted !== amendment.changes || amendment.reason !== '') changes.redact('consultation_amendments', amendment.id, { changes: redacted, reason: '' });
  }
}

/** ICPC-2 codes imported from the office's official file, by code. */
export function listImportedIcpc2Codes(db: Database.Database): Icpc2ImportRow[] {
  return (statement(db, 'SELECT id, text FROM icpc2_codes WHERE deleted = 0 ORDER BY id').all() as { id: string; text: string }[]).map((row) => ({ code: row.id, text: row.text }));
}

/** Adds or updates imported codes; the code is the row id, so importing the same file twice changes nothing. */
export function saveImportedIcpc2Codes(changes: ChangeSet, rows: readonly Icpc2ImportRow[]): { added: number; updated: number; unchanged: number } {
  const existing = new Map(listImportedIcpc2Codes(changes.db).map((row) => [row.code, row.text]));
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const row of rows) {
    const before = existing.get(row.code);
    if (before === row.text) unchanged += 1;
    else {
      changes.upsert('icpc2_codes', row.code, { text: row.text });
      if (before === undefined) added += 1;
      else updated += 1;
    }
  }
  return { added, updated, unchanged };
}
