// Signed-in sessions, kept in the backend's memory: a random token per sign-in, gone on sign-out or restart.
import { randomBytes } from 'node:crypto';
import type { Role } from '../domain/roles';

export interface Session {
  token: string;
  userId: string;
  staffId: string;
  name: string;
  username: string;
  roles: Role[];
  signedInAt: string;
}

export interface SessionStore {
  create(values: Omit<Session, 'token' | 'signedInAt'>): Session;
  get(token: string | null | undefined): Session | null;
  remove(token: string): void;
  /** Ends every session of a user, e.g. when the user is deactivated or loses roles. */
  removeUser(userId: string): void;
}

export function createSessionStore(now: () => Date = () => new Date()): SessionStore {
  const sessions = new Map<string, Session>();
  return {
    create(values) {
      const session: Session = { ...values, token: randomBytes(32).toString('base64url'), signedInAt: now().toISOString() };
      sessions.set(session.token, session);
      return session;
    },
    get: (token) => (token ? (sessions.get(token) ?? null) : null),
    remove: (token) => void sessions.delete(token),
    removeUser(userId) {
      for (const [token, session] of sessions) if (session.userId === userId) sessions.delete(token);
    },
  };
}
