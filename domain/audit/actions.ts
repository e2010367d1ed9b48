// The audit log's vocabulary: which actions are recorded about patient data and security.
import { z } from 'zod';

export const AUDIT_ACTIONS = [
  // Patient data (the consultation log)
  'consultation.created',
  'consultation.amended',
  'consultation.cancelled',
  'consultation.viewed',
  'consultation.revealed',
  'consultation.searchedByIdentity',
  'consultation.exported',
  'consultation.anonymised',
  'audit.patientAccessListed',
  'audit.reviewCreated',
  'prescription.viewed',
  'prescription.answered',
  'audit.accessReportCreated',
  // Security events
  'session.signedIn',
  'session.signedOut',
  'session.signInFailed',
  'session.locked',
  'session.unlocked',
  'user.created',
  'user.rolesChanged',
  'user.passwordChanged',
  'security.autoLockChanged',
  'routine.authorisationChanged',
  'backup.created',
  'backup.restored',
  'device.enrolled',
  'device.enrolmentCodeCreated',
  'device.revoked',
  'device.officesChanged',
  // Sync: patient data of offices this computer no longer serves removed, data of offices it now serves downloaded, a repair
  'sync.scopeShrunk',
  'sync.scopeGrown',
  'sync.repaired',
  // The official ICPC-2 code list imported (its date drives the yearly import reminder)
  'icpc2.imported',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Reasons the app itself records as codes (a failed sign-in, a sign-out, a lock); screens show them in words. Every
 * other reason is what a person typed and is shown as typed.
 */
export const AUDIT_REASON_CODES = {
  'session.signInFailed': ['unknownUser', 'wrongPassword', 'inactive', 'lockedOut', 'untrusted'],
  'session.signedOut': ['signOut', 'unlockFailures'],
  'session.locked': ['inactivity', 'manual'],
} as const satisfies Partial<Record<AuditAction, readonly string[]>>;
export type AuditReasonCode = (typeof AUDIT_REASON_CODES)[keyof typeof AUDIT_REASON_CODES][number];

/** The reason's code when the app recorded one for this action, else null (the reason is free text). */
export function auditReasonCode(action: AuditAction, reason: string | null): AuditReasonCode | null {
  if (reason === null || !(action in AUDIT_REASON_CODES)) return null;
  const codes: readonly string[] = AUDIT_REASON_CODES[action as keyof typeof AUDIT_REASON_CODES];
  return codes.includes(reason) ? (reason as AuditReasonCode) : null;
}
export const auditActionSchema = z.enum(AUDIT_ACTIONS);

/** One audit event as screens show it. */
export interface AuditEvent {
  id: string;
  at: string;
  userId: string | null;
  username: string;
  action: AuditAction;
  targetTable: string | null;
  targetId: string | null;
  /** Set when the event concerns one patient; a one-way reference, never the identity number itself. */
  patientRef: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  deviceId: string;
}
