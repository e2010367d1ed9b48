// Session handlers: sign in, sign out, and who is signed in.
import { z } from 'zod';
import type { Role } from '../../domain/roles';
import { findCredentials } from '../../db/users';
import { AppError } from '../errors';
import { defineHandler } from '../handler';
import type { CallContext } from '../handler';
import { hashPassword, verifyPassword } from '../passwords';
import type { Session } from '../sessions';

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

/** Starts a session for a user whose password has been checked; used by sign-in and first-run setup. */
export function startSession(ctx: CallContext, user: { id: string; staffId: string; staffName: string; username: string; roles: Role[] }) {
  const session = ctx.sessions.create({
    userId: user.id,
    staffId: user.staffId,
    name: user.staffName,
    username: user.username,
    roles: user.roles,
  });
  return { sessionToken: session.token, user: publicUser(session) };
}

export const sessionHandlers = {
  'session.current': defineHandler({
    access: 'public',
    input: z.object({}),
    run: (ctx): SignedInUser | null => (ctx.session ? publicUser(ctx.session) : null),
  }),
  'session.signIn': defineHandler({
    access: 'public',
    input: z.object({ username: z.string().trim().toLowerCase().min(1, 'required').max(100), password: z.string().min(1, 'required').max(200) }),
    run: async (ctx, input) => {
      const user = findCredentials(ctx.store.db, input.username);
      // An unknown username costs the same hashing as a wrong password, so timing does not reveal which usernames exist.
      const matches = await verifyPassword(input.password, user?.passwordHash ?? (await unknownUserHash()));
      if (!user || !matches) throw new AppError('auth.invalidCredentials');
      if (!user.active) throw new AppError('auth.userInactive');
      return startSession(ctx, user);
    },
  }),
  'session.signOut': defineHandler({
    access: 'signedIn',
    input: z.object({}),
    run: (ctx) => {
      if (ctx.sessionToken) ctx.sessions.remove(ctx.sessionToken);
      return { signedOut: true };
    },
  }),
};
export type SessionHandlers = typeof sessionHandlers;
