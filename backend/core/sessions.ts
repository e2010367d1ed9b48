// Signed-in sessions, kept in the backend's memory: a random token per sign-in, locked after inactivity, gone on sign-out or restart.
import { randomBytes } from 'node:crypto';
import type { Role } from '../../domain/roles';
import type { Signer } from '../../db/signer';

export interface Session {
  token: string;
  userId: string;
  staffId: string;
  name: string;
  username: string;
  roles: Role[];
  signedInAt: string;
  /** Locked (låst): the screen is covered and only unlock and sign-out are accepted until the same user's password is given. */
  locked: boolean;
  /** Epoch ms of the last sign of the user's activity (sign-in, unlock, the UI's activity reports). */
  lastActiveMs: number;
  /**
   * The user's unwrapped key, which signs every change they make (in memory only, gone with the session). Null for a
   * session on a store from before signing (no root yet) whose user has no key: the device key signs, as before.
   */
  signer: Signer | null;
}

export interface SessionStore {
  create(values: Omit<Session, 'token' | 'signedInAt' | 'locked' | 'lastActiveMs'>): Session;
  get(token: string | null | undefined): Session | null;
  remove(token: string): void;
  /** Ends every session of a user, e.g. when the user is deactivated or loses roles. */
  removeUser(userId: string): void;
  /** Ends every session (after a restore the users themselves may have changed). */
  removeAll(): void;
  /** Ends the sessions that have no key (signed in before the takeover): from the takeover on, only signed changes count. */
  removeUnsigned(): void;
}

/** `now` stamps sign-ins; `clockMs` measures inactivity (real elapsed time, also in tests that move the business date). */
export function createSessionStore(now: () => Date = () => new Date(), clockMs: () => number = Date.now): SessionStore {
  const sessions = new Map<string, Session>();
  return {
    create(values) {
      const at = now();
      const session: Session = { ...values, token: randomBytes(32).toString('base64url'), signedInAt: at.toISOString(), locked: false, lastActiveMs: clockMs() };
      sessions.set(session.token, session);
      return session;
    },
    get: (token) => (token ? (sessions.get(token) ?? null) : null),
    remove: (token) => void sessions.delete(token),
    removeAll: () => sessions.clear(),
    removeUnsigned() {
      for (const [token, session] of sessions) if (!session.signer) sessions.delete(token);
    },
    removeUser(userId) {
      for (const [token, session] of sessions) if (session.userId === userId) sessions.delete(token);
    },
  };
}
