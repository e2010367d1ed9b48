// Records who did what in the append-only audit log: security events (sign-in, lock, role and authorisation changes, backups) and the signed-in user's work with patient data.
import { recordAudit } from '../../db/audit';
import type { AuditInput } from '../../db/audit';
import type { LocalStore } from '../../db/open';
import type { ChangeSet } from '../../db/write-path';
import type { AuditAction } from '../../domain/audit/actions';
import type { SignedInContext } from './handler';
import type { Session } from './sessions';

export interface SecurityEvent {
  action: AuditAction;
  /** Who did it: the session's user, or a username as typed (failed sign-ins), or null for the system (daily backup). */
  actor: Pick<Session, 'userId' | 'username'> | { userId: null; username: string } | null;
  targetTable?: string;
  targetId?: string;
  reason?: string | null;
  details?: Record<string, unknown>;
  at: Date;
}

/** Appends the event inside a write the caller is already making, so the change and its audit commit together. */
export function auditInWrite(changes: ChangeSet, store: LocalStore, event: SecurityEvent): void {
  recordAudit(changes, store.clock.deviceId, {
    at: event.at.toISOString(),
    userId: event.actor?.userId ?? null,
    username: event.actor?.username ?? 'system',
    action: event.action,
    targetTable: event.targetTable ?? null,
    targetId: event.targetId ?? null,
    reason: event.reason ?? null,
    ...(event.details ? { details: event.details } : {}),
  });
}

/** Appends the event in its own transaction (events that change nothing else: sign-in, lock, failures). */
export function auditSecurity(store: LocalStore, event: SecurityEvent): void {
  store.writer.write((changes) => auditInWrite(changes, store, event));
}

/** Appends an event by the signed-in user (an entry saved, viewed, revealed, searched for, exported) inside the caller's write. */
export function auditUserAction(ctx: SignedInContext, changes: ChangeSet, event: Omit<AuditInput, 'at' | 'userId' | 'username'>): void {
  recordAudit(changes, ctx.store.clock.deviceId, { at: ctx.now().toISOString(), userId: ctx.session.userId, username: ctx.session.username, ...event });
}
