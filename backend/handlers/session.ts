// Session handlers: sign in (with failed-attempt limits), sign out, lock and unlock, activity reports, and who is signed in.
import { z } from 'zod';
import type { Role } from '../../domain/roles';
import { signAs } from '../../db/signer';
import type { Signer } from '../../db/signer';
import { findCredentials } from '../../db/users';
import { getAutoLockMinutes } from '../../db/security-settings';
import { lockReasonSchema } from '../../domain/security';
import { AppError } from '../errors';
import { defineHandler } from '../core/handler';
import type { CallContext, SignedInContext } from '../core/handler';
import { carryOutSignIn, planSignIn } from '../core/account-keys';
import { hashPassword, hashPasswordWithKey, needsRehash, verifyPasswordKey } from '../core/passwords';
import { auditSecurity } from '../core/security-audit';
import type { Session } from '../core/sessions';
import { clearSignInFailures, lockoutMinutesLeft, recordSignInFailure } from '../core/sign-in-limits';

let dummyHash: Promise<string> | null = null;
function unknownUserHash(): Promise<string> {
  dummyHash ??= hashPassword('unknown-user-placeholder');
  return dummyHash;
}

export interface SignedInUser {
  userId: string;
  staffId: string;
  name: string;
  username: string;
  roles: Role[];
}

function publicUser(session: Session): SignedInUser {
  return { userId: session.userId, staffId: session.staffId, name: session.name, username: session.username, roles: session.roles };
}

/**
 * Starts a session for a user whose password has been checked; used by sign-in and first-run setup. `roles` are the
 * chain's (docs/trust.md); `signer` is the user's unwrapped key, null only on a store from before signing.
 */
export function startSession(ctx: CallContext, user: { id: string; staffId: string; staffName: string; username: string; roles: Role[] }, signer: Signer | null) {
  const session = ctx.sessions.create({
    userId: user.id,
    staffId: user.staffId,
    name: user.staffName,
    username: user.username,
    roles: user.roles,
    signer,
  });
  const audit = () => auditSecurity(ctx.store, { action: 'session.signedIn', actor: session, at: ctx.now() });
  if (signer) signAs(signer, audit);
  else audit();
  return { sessionToken: session.token, user: publicUser(session) };
}

/** `untrusted`: the password matched a users row the chain of authority does not back (a planted account or key). */
type FailureReason = 'unknownUser' | 'wrongPassword' | 'inactive' | 'lockedOut' | 'untrusted';

/** Audits a failed sign-in or unlock, and counts it towards the username's lockout (a lockout itself is not counted). */
function signInFailed(ctx: CallContext, username: string, userId: string | null, reason: FailureReason, during: 'signIn' | 'unlock'): never {
  const at = ctx.now();
  const nowMs = ctx.clockMs();
  if (reason === 'lockedOut') {
    auditSecurity(ctx.store, { action: 'session.signInFailed', actor: { userId, username }, reason, details: { during }, at });
    throw new AppError('auth.tooManyAttempts', { minutes: lockoutMinutesLeft(ctx.store.db, username, nowMs) ?? 1 });
  }
  const failure = recordSignInFailure(ctx.store.db, username, nowMs);
  auditSecurity(ctx.store, {
    action: 'session.signInFailed',
    actor: { userId, username },
    reason,
    details: { during, failuresInRow: failure.count, ...(failure.lockedUntil ? { lockedUntil: new Date(failure.lockedUntil).toISOString() } : {}) },
    at,
  });
  if (failure.lockedUntil) throw new AppError('auth.tooManyAttempts', { minutes: lockoutMinutesLeft(ctx.store.db, username, nowMs) ?? 1 });
  if (reason === 'inactive') throw new AppError('auth.userInactive');
  throw new AppError('auth.invalidCredentials');
}

function endSession(ctx: SignedInContext, reason: 'signOut' | 'unlockFailures') {
  if (ctx.sessionToken) ctx.sessions.remove(ctx.sessionToken);
  auditSecurity(ctx.store, { action: 'session.signedOut', actor: ctx.session, reason, at: ctx.now() });
}

const signInInput = z.object({ username: z.string().trim().toLowerCase().min(1, 'required').max(100), password: z.string().min(1, 'required').max(200) });
const lockInput = z.object({ reason: lockReasonSchema });
const unlockInput = z.object({ password: z.string().min(1, 'required').max(200) });

async function signIn(ctx: CallContext, input: z.output<typeof signInInput>) {
  const user = findCredentials(ctx.store.db, input.username);
  // Unknown usernames are limited too, so a lockout does not reveal which usernames exist.
  if (lockoutMinutesLeft(ctx.store.db, input.username, ctx.clockMs()) !== null) signInFailed(ctx, input.username, user?.id ?? null, 'lockedOut', 'signIn');
  // An unknown username costs the same hashing as a wrong password, so timing does not reveal which usernames exist.
  const wrappingKey = await verifyPasswordKey(input.password, user?.passwordHash ?? (await unknownUserHash()));
  if (!user) signInFailed(ctx, input.username, null, 'unknownUser', 'signIn');
  if (!wrappingKey) signInFailed(ctx, input.username, user.id, 'wrongPassword', 'signIn');
  if (!user.active) signInFailed(ctx, input.username, user.id, 'inactive', 'signIn');
  // The password opens the private key; the chain of authority (not the users row) says whether it is this account's key and which roles it holds.
  const plan = planSignIn(ctx.store, user, wrappingKey);
  if (plan.kind === 'refused') signInFailed(ctx, input.username, user.id, plan.reason, 'signIn');
  // A hash from before today's scrypt parameters is re-made now that the password is at hand, the key re-wrapped under it.
  const rehash = needsRehash(user.passwordHash) ? await hashPasswordWithKey(input.password) : null;
  const { signer, roles } = carryOutSignIn(ctx.store, user, plan, wrappingKey, rehash);
  if (plan.kind === 'takeover') ctx.sessions.removeUnsigned();
  clearSignInFailures(ctx.store.db, input.username);
  return startSession(ctx, { ...user, roles }, signer);
}

/** Locks the screen: the UI calls it after the idle time, or the user chooses "Lås skjermen". */
function lock(ctx: SignedInContext, input: z.output<typeof lockInput>) {
  if (!ctx.session.locked) {
    ctx.session.locked = true;
    auditSecurity(ctx.store, { action: 'session.locked', actor: ctx.session, reason: input.reason, details: { by: 'screen' }, at: ctx.now() });
  }
  return { locked: true };
}

/**
 * The same user unlocks with their password and carries on where they were. Wrong passwords count towards the
 * username's lockout; when it is reached the session ends, and only a new sign-in (after the lockout) gets back in.
 */
async function unlock(ctx: SignedInContext, input: z.output<typeof unlockInput>) {
  const { session } = ctx;
  if (!session.locked) return { unlocked: true };
  if (lockoutMinutesLeft(ctx.store.db, session.username, ctx.clockMs()) !== null) {
    endSession(ctx, 'unlockFailures');
    signInFailed(ctx, session.username, session.userId, 'lockedOut', 'unlock');
  }
  const user = findCredentials(ctx.store.db, session.username);
  const matches = user ? (await verifyPasswordKey(input.password, user.passwordHash)) !== null : false;
  if (!user || !user.active || user.id !== session.userId) {
    endSession(ctx, 'unlockFailures');
    throw new AppError('auth.signInRequired');
  }
  if (!matches) {
    try {
      signInFailed(ctx, session.username, session.userId, 'wrongPassword', 'unlock');
    } catch (error) {
      if (error instanceof AppError && error.code === 'auth.tooManyAttempts') endSession(ctx, 'unlockFailures');
      throw error;
    }
  }
  clearSignInFailures(ctx.store.db, session.username);
  session.locked = false;
  session.lastActiveMs = ctx.clockMs();
  auditSecurity(ctx.store, { action: 'session.unlocked', actor: session, at: ctx.now() });
  return { unlocked: true };
}

export const sessionHandlers = {
  'session.current': defineHandler({
    access: 'public',
    input: z.object({}),
    run: (ctx): SignedInUser | null => (ctx.session ? publicUser(ctx.session) : null),
  }),
  /** Whether this session is locked and after how many idle minutes the screen locks (this device's setting). */
  'session.lockState': defineHandler({
    access: 'signedIn',
    whileLocked: true,
    input: z.object({}),
    run: (ctx) => ({ locked: ctx.session.locked, autoLockMinutes: getAutoLockMinutes(ctx.store.db) }),
  }),
  'session.signIn': defineHandler({ access: 'public', input: signInInput, run: signIn }),
  'session.signOut': defineHandler({
    access: 'signedIn',
    whileLocked: true,
    input: z.object({}),
    run: (ctx) => {
      endSession(ctx, 'signOut');
      return { signedOut: true };
    },
  }),
  /** The UI saw the user at work (throttled to ACTIVITY_REPORT_INTERVAL_MS); a locked session gets auth.locked instead. */
  'session.activity': defineHandler({
    access: 'signedIn',
    input: z.object({}),
    run: (ctx) => {
      ctx.session.lastActiveMs = ctx.clockMs();
      return { autoLockMinutes: getAutoLockMinutes(ctx.store.db) };
    },
  }),
  'session.lock': defineHandler({ access: 'signedIn', whileLocked: true, input: lockInput, run: lock }),
  'session.unlock': defineHandler({ access: 'signedIn', whileLocked: true, input: unlockInput, run: unlock }),
};
export type SessionHandlers = typeof sessionHandlers;
