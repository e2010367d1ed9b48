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
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
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
