// The backend: dispatches a call to its handler after the session, role and input checks, the same for every transport.
import type { LocalStore } from '../db/open';
import { getAutoLockMinutes } from '../db/security-settings';
import { signAs } from '../db/signer';
import { TrustRefusedError } from '../db/write-path';
import { hasAnyRole } from '../domain/roles';
import { BACKEND_LOCK_GRACE_MS } from '../domain/security';
import { validate } from '../domain/validation';
import type { SyncEngine } from '../sync/engine';
import { AppError } from './errors';
import type { ApiError } from './errors';
import type { BackendEvent, CallContext } from './core/handler';
import { findHandler } from './handlers/index';
import { announceSyncChanges } from './jobs/background-sync';
import { auditSecurity } from './core/security-audit';
import { createSessionStore } from './core/sessions';
import type { Session } from './core/sessions';

export interface ApiRequest {
  method: string;
  input: unknown;
  sessionToken: string | null;
}

export type ApiResponse = { ok: true; value: unknown } | { ok: false; error: ApiError };

export interface Backend {
  call(request: ApiRequest): Promise<ApiResponse>;
  onEvent(listener: (event: BackendEvent) => void): () => void;
  /** Tells every window about work done beside the calls (a daily backup's progress). */
  announce(event: BackendEvent): void;
  close(): void;
}

export interface BackendOptions {
  store: LocalStore;
  /**
   * This device's sync engine: handlers reach it on the call context, and its merges are announced as data.changed.
   * The harness and the desktop's backend process pass a real one (and start it); a backend that does not sync is given
   * createLocalOnlySync(store) (backend/jobs/background-sync.ts). Closing the backend stops the engine.
   */
  sync: SyncEngine;
  now?: () => Date;
  /** Epoch ms for auto-lock and sign-in lockouts (default Date.now); security tests inject one. */
  clockMs?: () => number;
  /** Where unexpected errors are reported; they reach the user only as 'internal'. */
  logError?: (error: unknown, method: string) => void;
}

export function createBackend(options: BackendOptions): Backend {
  const clockMs = options.clockMs ?? Date.now;
  const sessions = createSessionStore(options.now, clockMs);
  const listeners = new Set<(event: BackendEvent) => void>();
  const events = { emit: (event: BackendEvent) => listeners.forEach((listener) => listener(event)) };
  const stopAnnouncingSync = announceSyncChanges(options.sync, events.emit);
  const logError = options.logError ?? ((error, method) => console.error(`[backend] ${method} failed:`, error));
  const now = options.now ?? (() => new Date());

  /** The backstop for auto-lock: a session with no sign of activity for the lock time (plus grace) locks here too. */
  function lockIfIdle(session: Session): void {
    if (session.locked) return;
    const limitMs = getAutoLockMinutes(options.store.db) * 60_000 + BACKEND_LOCK_GRACE_MS;
    if (clockMs() - session.lastActiveMs <= limitMs) return;
    const at = now();
    session.locked = true;
    try {
      const audit = () => auditSecurity(options.store, { action: 'session.locked', actor: session, reason: 'inactivity', details: { by: 'backend' }, at });
      if (session.signer) signAs(session.signer, audit);
      else audit();
    } catch (error) {
      logError(error, 'session.locked');
    }
  }

  async function call(request: ApiRequest): Promise<ApiResponse> {
    const handler = findHandler(request.method);
    if (!handler) return { ok: false, error: { code: 'api.unknownMethod', params: { method: String(request.method) } } };
    const session = sessions.get(request.sessionToken);
    if (handler.access !== 'public') {
      if (!session) return { ok: false, error: { code: 'auth.signInRequired' } };
      // A session from before this store had a root (no key) cannot sign; once sync or a takeover brought the root, its
      // user signs in again and gets their key.
      if (!session.signer && options.store.trust.enforced()) {
        sessions.remove(session.token);
        return { ok: false, error: { code: 'auth.signInRequired' } };
      }
      lockIfIdle(session);
      if (session.locked && !handler.whileLocked) return { ok: false, error: { code: 'auth.locked' } };
      if (handler.access !== 'signedIn' && !hasAnyRole(session.roles, handler.access)) {
        return { ok: false, error: { code: 'auth.forbidden' } };
      }
    }
    const parsed = validate(handler.input, request.input ?? {});
    if (!parsed.ok) return { ok: false, error: { code: 'validation.failed', fields: parsed.fields } };
    const ctx: CallContext = {
      store: options.store,
      sync: options.sync,
      sessions,
      events,
      session,
      sessionToken: request.sessionToken,
      now,
      clockMs,
    };
    try {
      // Role-restricted and signed-in handlers only run with a session, checked above. What they write is signed by the
      // session's key; public handlers sign for themselves once they know who is signing in (or the device key signs).
      const run = () => handler.run(ctx as CallContext & { session: NonNullable<typeof session> }, parsed.value);
      const value: unknown = await (handler.access !== 'public' && session?.signer ? signAs(session.signer, run) : run());
      if (handler.changes) events.emit({ type: 'data.changed', area: handler.changes });
      return { ok: true, value: value ?? null };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toApiError() };
      logError(error, request.method);
      // The write path refused a change the signer may not make (the permission table or the chain): nothing was written.
      if (error instanceof TrustRefusedError) return { ok: false, error: { code: 'auth.forbidden' } };
      return { ok: false, error: { code: 'internal' } };
    }
  }

  return {
    call,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    announce: events.emit,
    close() {
      stopAnnouncingSync();
      options.sync.stop();
      listeners.clear();
    },
  };
}
