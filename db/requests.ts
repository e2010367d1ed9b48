// Repository for staff requests: open shifts, swap and leave requests, staff responses and leads' decisions (all append-only).
import type Database from 'better-sqlite3';
import type { LeaveKind, OpenShift, RequestDecision, RequestResponse, ResponseKind, StaffRequest } from '../domain/requests/types';
import type { ShiftKind } from '../domain/rota/types';
import type { Profession } from '../domain/staff';
import { newId } from './ids';
import type { ChangeSet } from './write-path';
import { statement } from './statements';

interface OpenShiftRow {
  id: string;
  office_id: string;
  date: string;
  start_time: string;
  end_time: string;
  kind: string;
  profession: string;
  required_competence_type_ids: string;
  note: string;
  by_user_id: string;
  at: string;
}

interface StaffRequestRow {
  id: string;
  kind: string;
  staff_id: string;
  office_id: string;
  shift_ref: string | null;
  date: string | null;
  to_staff_id: string | null;
  leave_kind: string | null;
  from_date: string | null;
  to_date: string | null;
  note: string;
  by_user_id: string;
  at: string;
}

interface ResponseRow {
  id: string;
  request_id: string;
  kind: string;
  staff_id: string;
  by_user_id: string;
  at: string;
}

interface DecisionRow {
  id: string;
  request_id: string;
  decision: string;
  staff_id: string | null;
  note: string;
  by_user_id: string;
  by_staff_id: string | null;
  hlc: string;
  at: string;
}

const toOpenShift = (row: OpenShiftRow): OpenShift => ({
  id: row.id,
  officeId: row.office_id,
  date: row.date,
  start: row.start_time,
  end: row.end_time,
  kind: row.kind as ShiftKind,
  profession: row.profession as Profession,
  requiredCompetenceTypeIds: JSON.parse(row.required_competence_type_ids) as string[],
  note: row.note || null,
  byUserId: row.by_user_id,
  at: row.at,
});

const toStaffRequest = (row: StaffRequestRow): StaffRequest => ({
  id: row.id,
  kind: row.kind === 'swap' ? 'swap' : 'leave',
  staffId: row.staff_id,
  officeId: row.office_id,
  shiftRef: row.shift_ref,
  date: row.date,
  toStaffId: row.to_staff_id,
  leaveKind: row.leave_kind as LeaveKind | null,
  from: row.from_date,
  to: row.to_date,
  note: row.note || null,
  byUserId: row.by_user_id,
  at: row.at,
});

const toResponse = (row: ResponseRow): RequestResponse => ({
  id: row.id,
  requestId: row.request_id,
  kind: row.kind as ResponseKind,
  staffId: row.staff_id,
  byUserId: row.by_user_id,
  at: row.at,
});

const toDecision = (row: DecisionRow): RequestDecision => ({
  id: row.id,
  requestId: row.request_id,
  decision: row.decision === 'approve' ? 'approve' : 'decline',
  staffId: row.staff_id,
  note: row.note || null,
  byUserId: row.by_user_id,
  byStaffId: row.by_staff_id,
  hlc: row.hlc,
  at: row.at,
});

const OPEN_SHIFT_SELECT = 'SELECT id, office_id, date, start_time, end_time, kind, profession, required_competence_type_ids, note, by_user_id, at FROM open_shifts';
const STAFF_REQUEST_SELECT = 'SELECT id, kind, staff_id, office_id, shift_ref, date, to_staff_id, leave_kind, from_date, to_date, note, by_user_id, at FROM staff_requests';

export function insertOpenShift(changes: ChangeSet, values: Omit<OpenShift, 'id'>): string {
  const id = newId();
  changes.insert('open_shifts', id, {
    office_id: values.officeId,
    date: values.date,
    start_time: values.start,
    end_time: values.end,
    kind: values.kind,
    profession: values.profession,
    required_competence_type_ids: JSON.stringify(values.requiredCompetenceTypeIds),
    note: values.note ?? '',
    by_user_id: values.byUserId,
    at: values.at,
  });
  return id;
}

export function insertStaffRequest(changes: ChangeSet, values: Omit<StaffRequest, 'id'>): string {
  const id = newId();
  changes.insert('staff_requests', id, {
    kind: values.kind,
    staff_id: values.staffId,
    office_id: values.officeId,
    shift_ref: values.shiftRef,
    date: values.date,
    to_staff_id: values.toStaffId,
    leave_kind: values.leaveKind,
    from_date: values.from,
    to_date: values.to,
    note: values.note ?? '',
    by_user_id: values.byUserId,
    at: values.at,
  });
  return id;
}

export function insertResponse(changes: ChangeSet, values: Omit<RequestResponse, 'id'>): string {
  const id = newId();
  changes.insert('request_responses', id, { request_id: values.requestId, kind: values.kind, staff_id: values.staffId, note: '', by_user_id: values.byUserId, at: values.at });
  return id;
}

/** The decision carries the transaction's own timestamp (`changes.hlc`), which the conflict rule orders by. */
export function insertDecision(changes: ChangeSet, values: Omit<RequestDecision, 'id' | 'hlc'>): string {
  const id = newId();
  changes.insert('request_decisions', id, {
    request_id: values.requestId,
    decision: values.decision,
    staff_id: values.staffId,
    note: values.note ?? '',
    by_user_id: values.byUserId,
    by_staff_id: values.byStaffId,
    hlc: changes.hlc,
    at: values.at,
  });
  return id;
}

export function getOpenShift(db: Database.Database, id: string): OpenShift | null {
  const row = statement(db, `${OPEN_SHIFT_SELECT} WHERE id = ? AND deleted = 0`).get(id) as OpenShiftRow | undefined;
  return row ? toOpenShift(row) : null;
}

export function getStaffRequest(db: Database.Database, id: string): StaffRequest | null {
  const row = statement(db, `${STAFF_REQUEST_SELECT} WHERE id = ? AND deleted = 0`).get(id) as StaffRequestRow | undefined;
  return row ? toStaffRequest(row) : null;
}

/** Open shifts dated on or after `from` (older ones no longer matter to anyone's inbox). */
export function listOpenShifts(db: Database.Database, from: string): OpenShift[] {
  return (statement(db, `${OPEN_SHIFT_SELECT} WHERE date >= ? AND deleted = 0 ORDER BY date, start_time, id`).all(from) as OpenShiftRow[]).map(toOpenShift);
}

/** Swap and leave requests about dates on or after `from`. */
export function listStaffRequests(db: Database.Database, from: string): StaffRequest[] {
  return (
    statement(db, `${STAFF_REQUEST_SELECT} WHERE coalesce(to_date, date) >= ? AND deleted = 0 ORDER BY at, id`).all(from) as StaffRequestRow[]
  ).map(toStaffRequest);
}

/** Every response and decision of the given requests, grouped by request id. */
export function responsesAndDecisions(db: Database.Database, requestIds: readonly string[]): { responses: Map<string, RequestResponse[]>; decisions: Map<string, RequestDecision[]> } {
  const responses = new Map<string, RequestResponse[]>();
  const decisions = new Map<string, RequestDecision[]>();
  if (requestIds.length === 0) return { responses, decisions };
  const ids = JSON.stringify(requestIds);
  const responseRows = statement(db, 'SELECT id, request_id, kind, staff_id, by_user_id, at FROM request_responses WHERE request_id IN (SELECT value FROM json_each(?)) AND deleted = 0').all(ids) as ResponseRow[];
  for (const row of responseRows) {
    const list = responses.get(row.request_id) ?? [];
    list.push(toResponse(row));
    responses.set(row.request_id, list);
  }
  const decisionRows = statement(db, 'SELECT id, request_id, decision, staff_id, note, by_user_id, by_staff_id, hlc, at FROM request_decisions WHERE request_id IN (SELECT value FROM json_each(?)) AND deleted = 0').all(ids) as DecisionRow[];
  for (const row of decisionRows) {
    const list = decisions.get(row.request_id) ?? [];
    list.push(toDecision(row));
    decisions.set(row.request_id, list);
  }
  return { responses, decisions };
}
