// User administration handlers (admins only): list, create, change roles/active, reset password.
import { z } from 'zod';
import { idSchema } from '../../domain/ids';
import { passwordSchema, userCreateSchema, userUpdateSchema } from '../../domain/users';
import { getStaffMember } from '../../db/staff';
import { createUser, findCredentials, getUser, listUsers, setPasswordHash, updateUser } from '../../db/users';
import { AppError, fieldError } from '../errors';
import { defineHandler } from '../core/handler';
import type { SignedInContext } from '../core/handler';
import { hashPassword } from '../core/passwords';
import { auditInWrite } from '../core/security-audit';

const setPasswordInput = z.object({ id: idSchema, password: passwordSchema });

async function addUser(ctx: SignedInContext, input: z.output<typeof userCreateSchema>) {
  const passwordHash = await hashPassword(input.password);
  const id = ctx.store.writer.write((changes) => {
    if (!getStaffMember(changes.db, input.staffId)) throw fieldError({ staffId: 'invalidChoice' });
    if (findCredentials(changes.db, input.username)) throw fieldError({ username: 'duplicate' });
    const id = createUser(changes, { staffId: input.staffId, username: input.username, passwordHash, roles: input.roles });
    auditInWrite(changes, ctx.store, { action: 'user.created', actor: ctx.session, targetTable: 'users', targetId: id, details: { username: input.username, roles: input.roles }, at: ctx.now() });
    return id;
  });
  return { id };
}

/** Changes a user's roles and whether they are active; the change is audited and their open sessions end. */
function changeRoles(ctx: SignedInContext, input: z.output<typeof userUpdateSchema>) {
  // An admin cannot lock themselves out: there would be nobody left to undo it on this device.
  if (input.id === ctx.session.userId && (!input.active || !input.roles.includes('admin'))) {
    throw new AppError('users.cannotRemoveOwnAdmin');
  }
  ctx.store.writer.write((changes) => {
    const before = getUser(changes.db, input.id);
    if (!before) throw new AppError('users.notFound');
    updateUser(changes, input.id, { roles: input.roles, active: input.active });
    // Role and activation changes are security events (who may see patient data).
    if (before.active !== input.active || [...before.roles].sort().join() !== [...input.roles].sort().join()) {
      auditInWrite(changes, ctx.store, {
        action: 'user.rolesChanged',
        actor: ctx.session,
        targetTable: 'users',
        targetId: input.id,
        details: { username: before.username, rolesBefore: before.roles, roles: input.roles, activeBefore: before.active, active: input.active },
        at: ctx.now(),
      });
    }
  });
  // Changed roles take effect at once: the user's open sessions end and they sign in again.
  if (input.id !== ctx.session.userId) ctx.sessions.removeUser(input.id);
  return { id: input.id };
}

async function setPassword(ctx: SignedInContext, input: z.output<typeof setPasswordInput>) {
  const passwordHash = await hashPassword(input.password);
  ctx.store.writer.write((changes) => {
    const user = getUser(changes.db, input.id);
    if (!user) throw new AppError('users.notFound');
    setPasswordHash(changes, input.id, passwordHash);
    auditInWrite(changes, ctx.store, { action: 'user.passwordChanged', actor: ctx.session, targetTable: 'users', targetId: input.id, details: { username: user.username }, at: ctx.now() });
  });
  return { id: input.id };
}

export const usersHandlers = {
  'users.list': defineHandler({
    access: ['admin'],
    input: z.object({}),
    run: (ctx) => listUsers(ctx.store.db),
  }),
  'users.create': defineHandler({ access: ['admin'], changes: 'users', input: userCreateSchema, run: addUser }),
  'users.update': defineHandler({ access: ['admin'], changes: 'users', input: userUpdateSchema, run: changeRoles }),
  'users.setPassword': defineHandler({ access: ['admin'], changes: 'users', input: setPasswordInput, run: setPassword }),
};
export type UsersHandlers = typeof usersHandlers;
