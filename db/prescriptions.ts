// Repository for prepared prescriptions: the append-only requests (written with the consultation entry) and the doctors' answers.
import type Database from 'better-sqlite3';
import type { PrescriptionAnswer, PrescriptionAnswerKind, PrescriptionRequest, ResponsibleKind } from '../domain/consultations/prescriptions';
import { newId } from './ids';
import type { ChangeSet } from './write-path';
import { statement } from './statements';

interface RequestRow {
  id: string;
  consultation_id: string;
  office_id: string;
  nurse_id: string;
  responsible_kind: string;
  doctor_id: string | null;
  requested_by: string;
  at: string;
}

interface AnswerRow {
  id: string;
  request_id: string;
  answer: string;
  reason: string | null;
  by_user_id: string;
  by_staff_id: string;
  at: string;
}

function toRequest(row: RequestRow): PrescriptionRequest {
  return {
    id: row.id,
    consultationId: row.consultation_id,
    officeId: row.office_id,
    nurseId: row.nurse_id,
    responsibleKind: row.responsible_kind as ResponsibleKind,
    doctorId: row.doctor_id,
    requestedBy: row.requested_by,
    at: row.at,
  };
}

function toAnswer(row: AnswerRow): PrescriptionAnswer {
  return {
    id: row.id,
    requestId: row.request_id,
    answer: row.answer as PrescriptionAnswerKind,
    reason: row.reason,
    byUserId: row.by_user_id,
    byStaffId: row.by_staff_id,
    at: row.at,
  };
}

/** Saves a request in the caller's transaction (the one that saves the consultation entry). */
export function insertPrescriptionRequest(changes: ChangeSet, request: Omit<PrescriptionRequest, 'id'>): string {
  const id = newId();
  changes.insert('prescription_requests', id, {
    consultation_id: request.consultationId,
    office_id: request.officeId,
    nurse_id: request.nurseId,
    responsible_kind: request.responsibleKind,
    doctor_id: request.doctorId,
    requested_by: request.requestedBy,
    at: request.at,
  });
  return id;
}

export function insertPrescriptionAnswer(changes: ChangeSet, answer: Omit<PrescriptionAnswer, 'id'>): string {
  const id = newId();
  changes.insert('prescription_answers', id, {
    request_id: answer.requestId,
    answer: answer.answer,
    reason: answer.reason,
    by_user_id: answer.byUserId,
    by_staff_id: answer.byStaffId,
    at: answer.at,
  });
  return id;
}

export function getPrescriptionRequest(db: Database.Database, id: string): PrescriptionRequest | null {
  const row = statement(db, 'SELECT * FROM prescription_requests WHERE deleted = 0 AND id = ?').get(id) as RequestRow | undefined;
  return row ? toRequest(row) : null;
}

/** Retention: erases the reasons doctors gave on this consultation's prescriptions (they may describe the patient). */
export function erasePrescriptionReasons(changes: ChangeSet, consultationId: string): void {
  const ids = statement(
    changes.db,
    'SELECT a.id FROM prescription_answers a JOIN prescription_requests r ON r.id = a.request_id WHERE r.consultation_id = ? AND a.reason IS NOT NULL',
    'pluck',
  ).all(consultationId) as string[];
  for (const id of ids) changes.redact('prescription_answers', id, { reason: null });
}

/** True when a request was ever made for this consultation. */
export function hasRequestFor(db: Database.Database, consultationId: string): boolean {
  return statement(db, 'SELECT 1 FROM prescription_requests WHERE deleted = 0 AND consultation_id = ? LIMIT 1', 'pluck').get(consultationId) !== undefined;
}

/** Every request, newest first, up to a limit (the lists filter them with the domain's rules). */
export function listPrescriptionRequests(db: Database.Database, limit = 2000): PrescriptionRequest[] {
  return (statement(db, 'SELECT * FROM prescription_requests WHERE deleted = 0 ORDER BY at DESC, id DESC LIMIT ?').all(limit) as RequestRow[]).map(toRequest);
}

/** The answers to these requests, grouped by request. */
export function answersFor(db: Database.Database, requestIds: readonly string[]): Map<string, PrescriptionAnswer[]> {
  const byRequest = new Map<string, PrescriptionAnswer[]>();
  if (requestIds.length === 0) return byRequest;
  const rows = statement(db, 'SELECT * FROM prescription_answers WHERE deleted = 0 AND request_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(requestIds)) as AnswerRow[];
  for (const row of rows) byRequest.set(row.request_id, [...(byRequest.get(row.request_id) ?? []), toAnswer(row)]);
  return byRequest;
}
