// Security policy shared by the UI and the backend: auto-lock after inactivity and limits on failed sign-ins.
import { z } from 'zod';

/** Auto-lock (automatisk låsing): minutes without activity before the screen locks; an admin sets it per device. */
export const AUTO_LOCK_DEFAULT_MINUTES = 5;
export const AUTO_LOCK_MIN_MINUTES = 1;
export const AUTO_LOCK_MAX_MINUTES = 60;

export const autoLockSchema = z.object({
  minutes: z.number('invalidFormat').int('invalidFormat').min(AUTO_LOCK_MIN_MINUTES, 'outOfRange').max(AUTO_LOCK_MAX_MINUTES, 'outOfRange'),
});

/**
 * The UI tells the backend the user is active at most this often. The backend locks a session on its own only after
 * the lock time plus BACKEND_LOCK_GRACE_MS without such a sign, so the screen always locks first and the backend's lock
 * is the backstop for a UI that stopped counting (or was tampered with).
 */
export const ACTIVITY_REPORT_INTERVAL_MS = 30_000;
export const BACKEND_LOCK_GRACE_MS = 60_000;

/** Failed sign-ins (and unlocks) per username: after MAX_FAILED_SIGN_INS in a row, the username is refused for LOCKOUT_MINUTES. */
export const MAX_FAILED_SIGN_INS = 5;
export const SIGN_IN_LOCKOUT_MINUTES = 15;

export type LockReason = 'inactivity' | 'manual';
export const lockReasonSchema = z.enum(['inactivity', 'manual'], 'invalidChoice');
