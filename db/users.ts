// Repository for user accounts (logins of staff members with roles).
import type Database from 'better-sqlite3';
import type { Role } from '../domain/roles';
import type { UserSummary } from '../domain/users';
import { newId } from './ids';
import type { ChangeSet } from './write-path';
import { statement } from './statements';

interface UserRow {
  id: string;
  staff_id: string;
  staff_name: string | null;
  username: string;
  roles: string;
  active: number;
}

/** A user with the password hash and wrapped private key, for sign-in only; never leaves the backend. */
export interface UserCredentials extends UserSummary {
  passwordHash: string;
  /** The Ed25519 private key encrypted under the password's wrapping key; null for an account from before signing. */
  wrappedKey: string | null;
}

function toUser(row: UserRow): UserSummary {
  return {
    id: row.id,
    staffId: row.staff_id,
    staffName: row.staff_name ?? '',
    username: row.username,
    roles: JSON.parse(row.roles) as Role[],
    active: row.active === 1,
  };
}

const SELECT = `SELECT u.id, u.staff_id, s.name AS staff_name, u.username, u.roles, u.active, u.password_hash, u.wrapped_key
  FROM users u LEFT JOIN staff s ON s.id = u.staff_id`;

export function listUsers(db: Database.Database): UserSummary[] {
  const rows = statement(db, `${SELECT} WHERE u.deleted = 0`).all() as UserRow[];
  return rows.map(toUser).sort((a, b) => a.username.localeCompare(b.username, 'nb'));
}

export function getUser(db: Database.Database, id: string): UserSummary | null {
  const row = statement(db, `${SELECT} WHERE u.id = ? AND u.deleted = 0`).get(id) as UserRow | undefined;
  return row ? toUser(row) : null;
}

export function findCredentials(db: Database.Database, username: string): UserCredentials | null {
  const row = statement(db, `${SELECT} WHERE u.username = ? AND u.deleted = 0 ORDER BY u.id LIMIT 1`).get(username) as
    | (UserRow & { password_hash: string; wrapped_key: string | null })
    | undefined;
  return row ? { ...toUser(row), passwordHash: row.password_hash, wrappedKey: row.wrapped_key } : null;
}

/** Every username by user id, deleted users included: history keeps naming who did what. */
export function usernamesById(db: Database.Database): Map<string, string> {
  const rows = statement(db, 'SELECT id, username FROM users').all() as { id: string; username: string }[];
  return new Map(rows.map((row) => [row.id, row.username]));
}

/** Every user's person by user id, deleted users included: the audit log and histories name who did what. */
export function peopleByUserId(db: Database.Database): Map<string, { name: string; username: string; roles: Role[] }> {
  const rows = statement(db, 'SELECT u.id, u.username, u.roles, s.name FROM users u LEFT JOIN staff s ON s.id = u.staff_id').all() as {
    id: string;
    username: string;
    roles: string;
    name: string | null;
  }[];
  return new Map(rows.map((row) => [row.id, { name: row.name ?? row.username, username: row.username, roles: JSON.parse(row.roles) as Role[] }]));
}

export function countUsers(db: Database.Database): number {
  return (statement(db, 'SELECT count(*) AS n FROM users WHERE deleted = 0').get() as { n: number }).n;
}

export function createUser(
  changes: ChangeSet,
  values: { staffId: string; username: string; passwordHash: string; roles: Role[]; wrappedKey?: string | null; id?: string },
): string {
  const id = values.id ?? newId();
  changes.insert('users', id, {
    staff_id: values.staffId,
    username: values.username,
    password_hash: values.passwordHash,
    roles: JSON.stringify(values.roles),
    active: 1,
    ...(values.wrappedKey ? { wrapped_key: values.wrappedKey } : {}),
  });
  return id;
}

export function updateUser(changes: ChangeSet, id: string, values: { roles: Role[]; active: boolean }): void {
  changes.update('users', id, { roles: JSON.stringify(values.roles), active: values.active ? 1 : 0 });
}

/** Sets the password hash and, when given, the private key wrapped under the new password (both change together). */
export function setPasswordHash(changes: ChangeSet, id: string, passwordHash: string, wrappedKey?: string): void {
  changes.update('users', id, { password_hash: passwordHash, ...(wrappedKey ? { wrapped_key: wrappedKey } : {}) });
}

export function setWrappedKey(changes: ChangeSet, id: string, wrappedKey: string): void {
  changes.update('users', id, { wrapped_key: wrappedKey });
}

/** Every account (deactivated ones too) with its roles and state, as the users table holds them: what a takeover lists. */
export function accountsForTakeover(db: Database.Database): { userId: string; roles: Role[]; active: boolean }[] {
  const rows = statement(db, 'SELECT id, roles, active FROM users WHERE deleted = 0 ORDER BY id').all() as { id: string; roles: string; active: number }[];
  return rows.map((row) => ({ userId: row.id, roles: JSON.parse(row.roles) as Role[], active: row.active === 1 }));
}
