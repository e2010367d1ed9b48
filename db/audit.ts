// Repository for the append-only audit log: recording events and finding (and counting, for paging) them by user, action, target or patient.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AuditAction, AuditEvent } from '../domain/audit/actions';
import { newId } from './ids';
import { createRowVersionStore } from './row-versions';
import type { ChangeSet } from './write-path';
import { statement } from './statements';

/**
 * A one-way reference to an identity number, so the log can answer "who has accessed this
 * patient" without holding the number. Anyone holding the number can compute it; nobody can
 * read the number back from the log.
 */
export function patientRef(identityNumber: string): string {
  return createHash('sha256').update(`samvakt-patient:${identityNumber}`).digest('hex').slice(0, 32);
}

export interface AuditInput {
  at: string;
  userId: string | null;
  username: string;
  action: AuditAction;
  targetTable?: string | null;
  targetId?: string | null;
  patientRef?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Appends one audit event in the caller's transaction, so the event and what it records commit together. */
export function recordAudit(changes: ChangeSet, deviceId: string, event: AuditInput): string {
  const id = newId();
  changes.insert('audit_events', id, {
    at: event.at,
    user_id: event.userId,
    username: event.username,
    action: event.action,
    target_table: event.targetTable ?? null,
    target_id: event.targetId ?? null,
    patient_ref: event.patientRef ?? null,
    reason: event.reason ?? null,
    details: JSON.stringify(event.details ?? {}),
    device_id: deviceId,
  });
  return id;
}

interface AuditRow {
  id: string;
  at: string;
  user_id: string | null;
  username: string;
  action: string;
  target_table: string | null;
  target_id: string | null;
  patient_ref: string | null;
  reason: string | null;
  details: string;
  device_id: string;
}

function toEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    at: row.at,
    userId: row.user_id,
    username: row.username,
    action: row.action as AuditAction,
    targetTable: row.target_table,
    targetId: row.target_id,
    patientRef: row.patient_ref,
    reason: row.reason,
    details: JSON.parse(row.details) as Record<string, unknown>,
    deviceId: row.device_id,
  };
}

export interface AuditFilter {
  fromAt?: string;
  toAt?: string;
  userId?: string;
  actions?: readonly string[];
  targetIds?: readonly string[];
  patientRef?: string;
  limit?: number;
  /** Events to skip (newest first), for paging. */
  offset?: number;
}

function whereClause(filter: AuditFilter): { where: string; params: (string | number)[] } {
  const where: string[] = ['deleted = 0'];
  const params: (string | number)[] = [];
  if (filter.fromAt) {
    where.push('at >= ?');
    params.push(filter.fromAt);
  }
  if (filter.toAt) {
    where.push('at < ?');
    params.push(filter.toAt);
  }
  if (filter.userId) {
    where.push('user_id = ?');
    params.push(filter.userId);
  }
  if (filter.actions && filter.actions.length > 0) {
    where.push(`action IN (${filter.actions.map(() => '?').join(', ')})`);
    params.push(...filter.actions);
  }
  const about: string[] = [];
  if (filter.targetIds && filter.targetIds.length > 0) {
    about.push(`target_id IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(filter.targetIds));
  }
  if (filter.patientRef) {
    about.push('patient_ref = ?');
    params.push(filter.patientRef);
  }
  if (about.length > 0) where.push(`(${about.join(' OR ')})`);
  else if (filter.targetIds) where.push('0'); // asked about no targets: nothing matches
  return { where: where.join(' AND '), params };
}

/** Events matching the filter, newest first. targetIds and patientRef match either (an event about the patient). */
export function listAuditEvents(db: Database.Database, filter: AuditFilter = {}): AuditEvent[] {
  const { where, params } = whereClause(filter);
  const rows = statement(db, `SELECT * FROM audit_events WHERE ${where} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`).all(
    ...params,
    filter.limit ?? 500,
    filter.offset ?? 0,
  ) as AuditRow[];
  return rows.map(toEvent);
}

/** How many events match the filter (limit and offset aside), for paging. */
export function countAuditEvents(db: Database.Database, filter: AuditFilter = {}): number {
  const { where, params } = whereClause(filter);
  return (statement(db, `SELECT count(*) AS n FROM audit_events WHERE ${where}`).get(...params) as { n: number }).n;
}

/**
 * The hybrid-logical-clock stamp an event was written at (the clock the chain of authority is ordered by), or null for
 * an event without versions. Events are append-only, so every column carries the same stamp.
 */
export function auditEventStamper(db: Database.Database): (eventId: string) => string | null {
  const versions = createRowVersionStore(db);
  return (eventId) => versions.get('audit_events', eventId).get('action') ?? null;
}
