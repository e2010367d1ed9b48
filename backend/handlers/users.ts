// User administration handlers (admins only): list, create, change roles/active, reset password; each change also signed into the chain of authority.
import { z } from 'zod';
import { idSchema } from '../../domain/ids';
import type { Role } from '../../domain/roles';
import { passwordSchema, userCreateSchema, userUpdateSchema } from '../../domain/users';
import { writeAuthorityRecords } from '../../db/authority-records';
import type { NewAuthorityRecord } from '../../db/authority-records';
import { newId } from '../../db/ids';
import { getStaffMember } from '../../db/staff';
import { wrapPrivateKey } from '../../db/signing';
import { createUser, findCredentials, getUser, listUsers, setPasswordHash, updateUser } from '../../db/users';
import type { ChangeSet } from '../../db/write-path';
import { AppError, fieldError } from '../errors';
import { newAccountKey } from '../core/account-keys';
import { defineHandler } from '../core/handler';
import type { SignedInContext } from '../core/handler';
import { hashPasswordWithKey } from '../core/passwords';
import { auditInWrite } from '../core/security-audit';

const setPasswordInput = z.object({ id: idSchema, password: passwordSchema });

/**
 * Writes authority records signed by the calling admin's key. On a store from before signing (no root yet, so the admin
 * has no key) there is no chain to write to, and only the users row changes, as before.
 */
function signRecords(ctx: SignedInContext, changes: ChangeSet, records: Omit<NewAuthorityRecord, 'signerId'>[]): void {
  const signer = ctx.session.signer;
  if (!signer || !ctx.store.trust.enforced() || records.length === 0) return;
  writeAuthorityRecords(changes, records.map((record) => ({ ...record, signerId: ctx.session.userId })), signer.key);
}

/** A new account: a key pair wrapped under the initial password, the users row and an account record signed by the admin. */
async function addUser(ctx: SignedInContext, input: z.output<typeof userCreateSchema>) {
  const secrets = await hashPasswordWithKey(input.password);
  const { key, wrappedKey } = newAccountKey(secrets.wrappingKey);
  const id = ctx.store.writer.write((changes) => {
    if (!getStaffMember(changes.db, input.staffId)) throw fieldError({ staffId: 'invalidChoice' });
    if (findCredentials(changes.db, input.username)) throw fieldError({ username: 'duplicate' });
    const id = createUser(changes, { id: newId(), staffId: input.staffId, username: input.username, passwordHash: secrets.hash, roles: input.roles, wrappedKey });
    signRecords(ctx, changes, [{ kind: 'account', subjectId: id, publicKey: key.publicKey, details: { roles: input.roles } }]);
    auditInWrite(changes, ctx.store, { action: 'user.created', actor: ctx.session, targetTable: 'users', targetId: id, details: { username: input.username, roles: input.roles }, at: ctx.now() });
    return id;
  });
  return { id };
}

/** The grant, revoke, deactivate and reactivate records that take the chain from what it holds for the user to the wanted state. */
function roleRecords(held: { roles: readonly Role[]; active: boolean }, wanted: { roles: readonly Role[]; active: boolean }, subjectId: string) {
  const records: Omit<NewAuthorityRecord, 'signerId'>[] = [];
  for (const role of wanted.roles) if (!held.roles.includes(role)) records.push({ kind: 'grant', subjectId, role });
  for (const role of held.roles) if (!wanted.roles.includes(role)) records.push({ kind: 'revoke', subjectId, role });
  if (held.active !== wanted.active) records.push({ kind: wanted.active ? 'reactivate' : 'deactivate', subjectId });
  return records;
}

/** Changes a user's roles and whether they are active; the change is signed into the chain, audited, and their open sessions end. */
function changeRoles(ctx: SignedInContext, input: z.output<typeof userUpdateSchema>) {
  // An admin cannot lock themselves out: there would be nobody left to undo it on this device.
  if (input.id === ctx.session.userId && (!input.active || !input.roles.includes('admin'))) {
    throw new AppError('users.cannotRemoveOwnAdmin');
  }
  ctx.store.writer.write((changes) => {
    const before = getUser(changes.db, input.id);
    if (!before) throw new AppError('users.notFound');
    updateUser(changes, input.id, { roles: input.roles, active: input.active });
    // The chain, not the column, is what sessions read: compare with what it holds now.
    const held = ctx.store.trust.enforced() ? ctx.store.trust.authority().current(input.id) : null;
    if (held) signRecords(ctx, changes, roleRecords(held, input, input.id));
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

/**
 * Sets a password. The admin's own: the same key, re-wrapped under the new password. Another user's (a reset): a new
 * key pair bound by a `key` record the admin signs, so the old key signs nothing from then on; their sessions end.
 */
async function setPassword(ctx: SignedInContext, input: z.output<typeof setPasswordInput>) {
  const secrets = await hashPasswordWithKey(input.password);
  const own = input.id === ctx.session.userId;
  const reset = own ? null : newAccountKey(secrets.wrappingKey);
  ctx.store.writer.write((changes) => {
    const user = getUser(changes.db, input.id);
    if (!user) throw new AppError('users.notFound');
    if (own) {
      const signer = ctx.session.signer;
      setPasswordHash(changes, input.id, secrets.hash, signer ? wrapPrivateKey(signer.key.privateKey, secrets.wrappingKey) : undefined);
    } else if (reset && ctx.session.signer && ctx.store.trust.enforced()) {
      setPasswordHash(changes, input.id, secrets.hash, reset.wrappedKey);
      signRecords(ctx, changes, [{ kind: 'key', subjectId: input.id, publicKey: reset.key.publicKey }]);
    } else {
      setPasswordHash(changes, input.id, secrets.hash);
    }
    auditInWrite(changes, ctx.store, { action: 'user.passwordChanged', actor: ctx.session, targetTable: 'users', targetId: input.id, details: { username: user.username }, at: ctx.now() });
  });
  // A reset replaces the key: sessions holding the old one could no longer sign.
  if (!own) ctx.sessions.removeUser(input.id);
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
