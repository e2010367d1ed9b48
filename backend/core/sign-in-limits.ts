// Failed sign-in limiting per username, kept device-locally in local_meta so a restart does not reset it.
import type Database from 'better-sqlite3';
import { getMeta, setMeta } from '../../db/local-meta';
import { MAX_FAILED_SIGN_INS, SIGN_IN_LOCKOUT_MINUTES } from '../../domain/security';

interface FailureState {
  /** Failures in a row since the last success or lockout. */
  count: number;
  /** Epoch ms until which the username is refused; null when not locked out. */
  lockedUntil: number | null;
}

const metaKey = (username: string) => `signIn.failures:${username.trim().toLowerCase()}`;

function read(db: Database.Database, username: string): FailureState {
  const saved = getMeta(db, metaKey(username));
  if (!saved) return { count: 0, lockedUntil: null };
  try {
    const state = JSON.parse(saved) as FailureState;
    return { count: Number(state.count) || 0, lockedUntil: typeof state.lockedUntil === 'number' ? state.lockedUntil : null };
  } catch {
    return { count: 0, lockedUntil: null };
  }
}

/** Whole minutes left of a lockout (at least 1), or null when the username may try. */
export function lockoutMinutesLeft(db: Database.Database, username: string, nowMs: number): number | null {
  const { lockedUntil } = read(db, username);
  if (lockedUntil === null || lockedUntil <= nowMs) return null;
  return Math.max(1, Math.ceil((lockedUntil - nowMs) / 60_000));
}

/** Counts one failure; returns the failures in a row and, when this one reached the limit, when the lockout ends. */
export function recordSignInFailure(db: Database.Database, username: string, nowMs: number): { count: number; lockedUntil: number | null } {
  const state = read(db, username);
  const count = (state.lockedUntil !== null && state.lockedUntil <= nowMs ? 0 : state.count) + 1;
  if (count >= MAX_FAILED_SIGN_INS) {
    const lockedUntil = nowMs + SIGN_IN_LOCKOUT_MINUTES * 60_000;
    setMeta(db, metaKey(username), JSON.stringify({ count: 0, lockedUntil }));
    return { count, lockedUntil };
  }
  setMeta(db, metaKey(username), JSON.stringify({ count, lockedUntil: null }));
  return { count, lockedUntil: null };
}

export function clearSignInFailures(db: Database.Database, username: string): void {
  setMeta(db, metaKey(username), null);
}
