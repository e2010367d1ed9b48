// Tests that accounts carry signing keys bound by the chain of authority: setup's root, created accounts, sign-in from the chain, password change and reset, and the takeover of a store from before signing.
import { afterEach, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../db/audit';
import { createCooperation } from '../db/cooperation';
import { listOutbox } from '../db/outbox';
import { createOffice } from '../db/offices';
import { createStaffMember } from '../db/staff';
import { generateSigningKey, keyFingerprintText, unwrapPrivateKey, wrapPrivateKey } from '../db/signing';
import { createUser, findCredentials } from '../db/users';
import { formatFingerprint } from '../domain/trust/authority';
import { STANDARD_OPENING_HOURS } from '../domain/offices';
import { FAST_SCRYPT, openTempStore } from '../test/helpers/temp-store';
import { createBackend } from './api';
import type { Backend } from './api';
import { hashPassword, hashPasswordWithKey, verifyPasswordKey } from './core/passwords';
import { createLocalOnlySync } from './jobs/background-sync';
import { runDailyBackup } from './jobs/daily-backup';

type Store = ReturnType<typeof openTempStore>;
const opened: Store[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

function open(): { store: Store; backend: Backend; logged: string[]; call: (method: string, input: unknown, token?: string | null) => ReturnType<Backend['call']> } {
  const store = openTempStore();
  opened.push(store);
  const logged: string[] = [];
  const backend = createBackend({ store, sync: createLocalOnlySync(store), logError: (error, method) => logged.push(`${method}: ${String(error)}`) });
  return { store, backend, logged, call: (method, input, token = null) => backend.call({ method, input, sessionToken: token }) };
}

async function value<T>(result: ReturnType<Backend['call']>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(JSON.stringify(settled.error));
  return settled.value as T;
}

interface SignedIn {
  sessionToken: string;
  user: { userId: string; roles: string[] };
}

/** A cooperation made by setup, with an admin signed in, and a staff member to give accounts to. */
async function setUp() {
  const office = open();
  const admin = await value<SignedIn>(office.call('setup.createCooperation', { cooperationName: 'Testsamarbeid', adminName: 'Ada Admin', username: 'ada', password: 'ada-passord-1' }));
  const { id: staffId } = await value<{ id: string }>(
    office.call('staff.create', { name: 'Nora Nyansatt', profession: 'nurse', hprNumber: '', homeMunicipality: 'Grong', baseOfficeId: null, positionPercent: 80, active: true }, admin.sessionToken),
  );
  return { ...office, admin, staffId };
}

const signIn = (call: ReturnType<typeof open>['call'], username: string, password: string) => call('session.signIn', { username, password });

/** Copies the rows of the tables a second computer would have received by sync (the rows as they are, no outbox). */
function copyRows(from: Store, to: Store, tables: readonly string[]) {
  for (const table of tables) {
    const rows = from.db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
    for (const row of rows) {
      const columns = Object.keys(row);
      to.db.prepare(`INSERT OR REPLACE INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => row[c]));
    }
  }
}

describe('first-run setup', () => {
  it('makes the admin the root of the chain, signs the setup with their key and pins the root', async () => {
    const { store, admin } = await setUp();
    const authority = store.trust.authority();
    expect(store.trust.enforced()).toBe(true);
    expect(authority.rootUserId).toBe(admin.user.userId);
    expect(authority.rejected).toEqual([]);
    expect(store.trust.pinnedRoot()).toBe(authority.rootPublicKey);
    expect(formatFingerprint(keyFingerprintText(authority.rootPublicKey!))).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    const records = store.db.prepare('SELECT kind, subject_id, signer_id, role FROM authority_records').all();
    expect(records).toEqual([{ kind: 'root', subject_id: admin.user.userId, signer_id: admin.user.userId, role: 'admin' }]);
    // The admin's key is stored wrapped, and the password opens it.
    const credentials = findCredentials(store.db, 'ada')!;
    const key = unwrapPrivateKey(credentials.wrappedKey!, (await verifyPasswordKey('ada-passord-1', credentials.passwordHash))!);
    expect(key?.publicKey).toBe(authority.rootPublicKey);
    // Every change so far was signed by the admin.
    const authors = store.db.prepare('SELECT DISTINCT author FROM outbox_transactions').pluck().all();
    expect(authors).toEqual([`user:${admin.user.userId}`]);
  });
});

describe('accounts and sign-in', () => {
  it('binds a created user\'s key with an admin-signed account record; the user signs in here and on a second computer', async () => {
    const { store, call, admin, staffId } = await setUp();
    const { id } = await value<{ id: string }>(call('users.create', { staffId, username: 'nora', password: 'nora-passord-1', roles: ['nurse'] }, admin.sessionToken));
    const record = store.db.prepare("SELECT kind, signer_id, details FROM authority_records WHERE subject_id = ? AND kind = 'account'").get(id);
    expect(record).toEqual({ kind: 'account', signer_id: admin.user.userId, details: JSON.stringify({ roles: ['nurse'] }) });
    const authority = store.trust.authority();
    expect(authority.rejected).toEqual([]);
    expect(authority.current(id)).toMatchObject({ roles: ['nurse'], active: true });
    expect(authority.current(id)!.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const here = await value<SignedIn>(signIn(call, 'nora', 'nora-passord-1'));
    expect(here.user.roles).toEqual(['nurse']);

    // A second computer that received the rows (and nothing else) signs her in too: the key travels with the account.
    const other = open();
    copyRows(store, other.store, ['cooperation', 'staff', 'users', 'authority_records']);
    const there = await value<SignedIn>(signIn(other.call, 'nora', 'nora-passord-1'));
    expect(there.user).toMatchObject({ userId: id, roles: ['nurse'] });
    expect(other.store.trust.authority().current(id)!.publicKey).toBe(authority.current(id)!.publicKey);
    // What she does there is signed by her key.
    const lastTransaction = other.store.db.prepare('SELECT author FROM outbox_transactions ORDER BY hlc DESC LIMIT 1').pluck().get();
    expect(lastTransaction).toBe(`user:${id}`);
  });

  it('a wrong password neither signs in nor unwraps the key', async () => {
    const { store, call } = await setUp();
    expect(await signIn(call, 'ada', 'ada-passord-2')).toEqual({ ok: false, error: { code: 'auth.invalidCredentials' } });
    const credentials = findCredentials(store.db, 'ada')!;
    expect(await verifyPasswordKey('ada-passord-2', credentials.passwordHash)).toBeNull();
    // Even a wrapping key made with the same salt from another password opens nothing.
    const [, n, r, p, salt] = credentials.passwordHash.split('$');
    const other = await hashPasswordWithKey('ada-passord-2', { N: Number(n), r: Number(r), p: Number(p) });
    expect(unwrapPrivateKey(credentials.wrappedKey!, other.wrappingKey)).toBeNull();
    expect(salt).toBeTruthy();
  });

  it('a planted users row with a chosen password cannot sign in, nor can a planted key on a real account', async () => {
    const { store, call, staffId } = await setUp();
    const chosen = await hashPasswordWithKey('angriper-passord', FAST_SCRYPT);
    const plantedKey = wrapPrivateKey(generateSigningKey().privateKey, chosen.wrappingKey);
    // As if merged from a rogue computer: rows only, no account record.
    store.db
      .prepare("INSERT INTO users (id, staff_id, username, password_hash, roles, active, wrapped_key) VALUES ('01900000-0000-7000-8000-00000000beef', ?, 'mallory', ?, '[\"admin\"]', 1, ?)")
      .run(staffId, chosen.hash, plantedKey);
    expect(await signIn(call, 'mallory', 'angriper-passord')).toEqual({ ok: false, error: { code: 'auth.invalidCredentials' } });
    // The admin's own row with the attacker's password and key: the key is not the one the chain binds.
    store.db.prepare("UPDATE users SET password_hash = ?, wrapped_key = ? WHERE username = 'ada'").run(chosen.hash, plantedKey);
    expect(await signIn(call, 'ada', 'angriper-passord')).toEqual({ ok: false, error: { code: 'auth.invalidCredentials' } });
    const failures = listAuditEvents(store.db).filter((event) => event.action === 'session.signInFailed');
    expect(failures.map((event) => event.reason).sort()).toEqual(['untrusted', 'untrusted']);
  });

  it('takes the session\'s roles from the chain: raising users.roles alone grants nothing', async () => {
    const { store, call, admin, staffId } = await setUp();
    const { id } = await value<{ id: string }>(call('users.create', { staffId, username: 'nora', password: 'nora-passord-1', roles: ['nurse'] }, admin.sessionToken));
    store.db.prepare('UPDATE users SET roles = ? WHERE id = ?').run('["admin","nurse"]', id);
    const nora = await value<SignedIn>(signIn(call, 'nora', 'nora-passord-1'));
    expect(nora.user.roles).toEqual(['nurse']);
    expect(await call('users.list', {}, nora.sessionToken)).toEqual({ ok: false, error: { code: 'auth.forbidden' } });
    // Roles changed by an admin are signed into the chain and count at the next sign-in.
    await value(call('users.update', { id, roles: ['nurse', 'receptionist'], active: true }, admin.sessionToken));
    expect(store.db.prepare("SELECT kind, role FROM authority_records WHERE subject_id = ? AND kind = 'grant'").all(id)).toEqual([{ kind: 'grant', role: 'receptionist' }]);
    expect((await value<SignedIn>(signIn(call, 'nora', 'nora-passord-1'))).user.roles.sort()).toEqual(['nurse', 'receptionist']);
    await value(call('users.update', { id, roles: ['receptionist'], active: true }, admin.sessionToken));
    expect((await value<SignedIn>(signIn(call, 'nora', 'nora-passord-1'))).user.roles).toEqual(['receptionist']);
  });

  it('refuses a deactivated user, even when the users row says active again', async () => {
    const { store, call, admin, staffId } = await setUp();
    const { id } = await value<{ id: string }>(call('users.create', { staffId, username: 'nora', password: 'nora-passord-1', roles: ['nurse'] }, admin.sessionToken));
    await value(call('users.update', { id, roles: ['nurse'], active: false }, admin.sessionToken));
    expect(store.trust.authority().current(id)!.active).toBe(false);
    expect(await signIn(call, 'nora', 'nora-passord-1')).toEqual({ ok: false, error: { code: 'auth.userInactive' } });
    store.db.prepare('UPDATE users SET active = 1 WHERE id = ?').run(id);
    expect(await signIn(call, 'nora', 'nora-passord-1')).toEqual({ ok: false, error: { code: 'auth.userInactive' } });
    await value(call('users.update', { id, roles: ['nurse'], active: true }, admin.sessionToken));
    expect((await signIn(call, 'nora', 'nora-passord-1')).ok).toBe(true);
  });

  it('keeps the key when the admin changes their own password, and makes a new one at a reset', async () => {
    const { store, call, admin, staffId } = await setUp();
    const adminId = admin.user.userId;
    const rootKey = store.trust.authority().current(adminId)!.publicKey;
    await value(call('users.setPassword', { id: adminId, password: 'ada-passord-nytt' }, admin.sessionToken));
    expect(store.trust.authority().current(adminId)!.publicKey).toBe(rootKey);
    expect((await signIn(call, 'ada', 'ada-passord-nytt')).ok).toBe(true);
    expect((await signIn(call, 'ada', 'ada-passord-1')).ok).toBe(false);

    const { id } = await value<{ id: string }>(call('users.create', { staffId, username: 'nora', password: 'nora-passord-1', roles: ['nurse'] }, admin.sessionToken));
    const firstKey = store.trust.authority().current(id)!.publicKey;
    const nora = await value<SignedIn>(signIn(call, 'nora', 'nora-passord-1'));
    await value(call('users.setPassword', { id, password: 'nora-passord-2' }, admin.sessionToken));
    const secondKey = store.trust.authority().current(id)!.publicKey;
    expect(secondKey).not.toBe(firstKey);
    expect(store.db.prepare("SELECT signer_id FROM authority_records WHERE subject_id = ? AND kind = 'key'").pluck().all(id)).toEqual([adminId]);
    // Her session with the old key ended; the new password opens the new key.
    expect(await call('session.lockState', {}, nora.sessionToken)).toEqual({ ok: false, error: { code: 'auth.signInRequired' } });
    expect((await signIn(call, 'nora', 'nora-passord-1')).ok).toBe(false);
    expect((await signIn(call, 'nora', 'nora-passord-2')).ok).toBe(true);
  });

  it('re-wraps the key when a hash from before today\'s parameters is re-made at sign-in', async () => {
    const { store, call, admin } = await setUp();
    const adminId = admin.user.userId;
    const credentials = findCredentials(store.db, 'ada')!;
    const key = unwrapPrivateKey(credentials.wrappedKey!, (await verifyPasswordKey('ada-passord-1', credentials.passwordHash))!)!;
    // As if the hash had been made with weaker parameters (the row as an older version left it, key wrapped under it).
    const weak = await hashPasswordWithKey('ada-passord-1', FAST_SCRYPT);
    store.db.prepare('UPDATE users SET password_hash = ?, wrapped_key = ? WHERE id = ?').run(weak.hash, wrapPrivateKey(key.privateKey, weak.wrappingKey), adminId);
    expect((await signIn(call, 'ada', 'ada-passord-1')).ok).toBe(true);
    const after = findCredentials(store.db, 'ada')!;
    expect(after.passwordHash.split('$')[1]).toBe('131072');
    expect(unwrapPrivateKey(after.wrappedKey!, (await verifyPasswordKey('ada-passord-1', after.passwordHash))!)?.publicKey).toBe(key.publicKey);
    expect((await signIn(call, 'ada', 'ada-passord-1')).ok).toBe(true);
  });
});

describe('upgrade: a store with data from before signing', () => {
  /** Data as the previous version wrote it: no root, no keys, unsigned changes. */
  async function legacyStore() {
    const office = open();
    const passwordHash = await hashPassword('gammelt-passord', FAST_SCRYPT);
    const ids = office.store.writer.write((changes) => {
      createCooperation(changes, { name: 'Gammelt samarbeid', exampleData: false });
      createOffice(changes, { name: 'Grong legekontor', municipality: 'Grong', address: '', phone: '', openingHours: STANDARD_OPENING_HOURS, drivingMinutes: {} });
      const made: Record<string, string> = {};
      for (const [username, roles, active] of [['admin', ['admin', 'doctor'], 1], ['kari', ['nurse'], 1], ['ola', ['receptionist'], 0]] as const) {
        const staffId = createStaffMember(changes, { name: username, profession: 'other', hprNumber: null, homeMunicipality: null, baseOfficeId: null, positionPercent: 100, active: true });
        made[username] = createUser(changes, { staffId, username, passwordHash, roles: [...roles] });
        if (!active) changes.update('users', made[username], { active: 0 });
      }
      return made as { admin: string; kari: string; ola: string };
    });
    expect(office.store.trust.enforced()).toBe(false);
    return { ...office, ids };
  }
  const counts = (store: Store) =>
    Object.fromEntries(['cooperation', 'offices', 'staff', 'users'].map((table) => [table, store.db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get()]));

  it('a session without a key ends once the root arrives from elsewhere (another window, or sync)', async () => {
    const { store, call } = await legacyStore();
    const kari = await value<SignedIn>(signIn(call, 'kari', 'gammelt-passord'));
    expect((await call('session.lockState', {}, kari.sessionToken)).ok).toBe(true);
    const window = createBackend({ store, sync: createLocalOnlySync(store), logError: () => undefined });
    await value(window.call({ method: 'session.signIn', input: { username: 'admin', password: 'gammelt-passord' }, sessionToken: null }));
    expect(await call('session.lockState', {}, kari.sessionToken)).toEqual({ ok: false, error: { code: 'auth.signInRequired' } });
    expect((await signIn(call, 'kari', 'gammelt-passord')).ok).toBe(true);
  });

  it('the first admin to sign in makes the root and the takeover, and keeps every row', async () => {
    const { store, call, ids } = await legacyStore();
    const before = counts(store);
    const outboxBefore = listOutbox(store.db).length;
    // A nurse signing in first does so as before, without a key; her session ends at the takeover.
    const early = await value<SignedIn>(signIn(call, 'kari', 'gammelt-passord'));
    expect(early.user.roles).toEqual(['nurse']);
    expect(store.trust.enforced()).toBe(false);

    const admin = await value<SignedIn>(signIn(call, 'admin', 'gammelt-passord'));
    expect(admin.user.roles.sort()).toEqual(['admin', 'doctor']);
    const authority = store.trust.authority();
    expect(store.trust.enforced()).toBe(true);
    expect(authority.rejected).toEqual([]);
    expect(authority.rootUserId).toBe(ids.admin);
    expect(authority.takenOver).toBe(true);
    expect(authority.current(ids.kari)).toEqual({ publicKey: null, roles: ['nurse'], active: true });
    expect(authority.current(ids.ola)).toEqual({ publicKey: null, roles: ['receptionist'], active: false });
    expect(authority.accountsWithoutKey().sort()).toEqual([ids.kari, ids.ola].sort());
    const kinds = store.db.prepare('SELECT kind, role FROM authority_records ORDER BY id').all();
    expect(kinds).toEqual([{ kind: 'root', role: 'admin' }, { kind: 'grant', role: 'doctor' }, { kind: 'takeover', role: null }]);
    expect(counts(store)).toEqual(before);
    expect(listOutbox(store.db).length).toBeGreaterThan(outboxBefore);
    expect(findCredentials(store.db, 'admin')!.wrappedKey).toMatch(/^v1\./);
    expect(await call('session.lockState', {}, early.sessionToken)).toEqual({ ok: false, error: { code: 'auth.signInRequired' } });
    // The admin works signed from now on.
    expect((await call('offices.create', { name: 'Lierne legekontor', municipality: 'Lierne', address: '', phone: '', openingHours: STANDARD_OPENING_HOURS, drivingMinutes: {} }, admin.sessionToken)).ok).toBe(true);

    // The nurse signs in again: she gets a key, bound by a record she signs with it.
    const kari = await value<SignedIn>(signIn(call, 'kari', 'gammelt-passord'));
    expect(kari.user.roles).toEqual(['nurse']);
    const after = store.trust.authority();
    expect(after.rejected).toEqual([]);
    expect(after.accountsWithoutKey()).toEqual([ids.ola]);
    const credentials = findCredentials(store.db, 'kari')!;
    const key = unwrapPrivateKey(credentials.wrappedKey!, (await verifyPasswordKey('gammelt-passord', credentials.passwordHash))!);
    expect(key?.publicKey).toBe(after.current(ids.kari)!.publicKey);
    expect(store.db.prepare("SELECT signer_id FROM authority_records WHERE kind = 'key'").pluck().all()).toEqual([ids.kari]);
    // She signs in again with the key she now has; the deactivated receptionist cannot.
    expect((await signIn(call, 'kari', 'gammelt-passord')).ok).toBe(true);
    expect(await signIn(call, 'ola', 'gammelt-passord')).toEqual({ ok: false, error: { code: 'auth.userInactive' } });
  });

});

describe('a write the signer may not make', () => {
  it('is refused as auth.forbidden with a log line, and nothing is written', async () => {
    const { store, call, logged, admin, staffId } = await setUp();
    await value(call('users.create', { staffId, username: 'bea', password: 'bea-passord-1', roles: ['admin'] }, admin.sessionToken));
    // In a second window (its own backend on the same store) Bea deactivates Ada, so Ada's session in this one lives on.
    const window = createBackend({ store, sync: createLocalOnlySync(store), logError: () => undefined });
    const bea = await value<SignedIn>(window.call({ method: 'session.signIn', input: { username: 'bea', password: 'bea-passord-1' }, sessionToken: null }));
    await value(window.call({ method: 'users.update', input: { id: admin.user.userId, roles: ['admin'], active: false }, sessionToken: bea.sessionToken }));
    expect(store.trust.authority().current(admin.user.userId)!.active).toBe(false);

    const outbox = listOutbox(store.db).length;
    const offices = store.db.prepare('SELECT count(*) FROM offices').pluck().get();
    const result = await call('offices.create', { name: 'Lierne legekontor', municipality: 'Lierne', address: '', phone: '', openingHours: STANDARD_OPENING_HOURS, drivingMinutes: {} }, admin.sessionToken);
    expect(result).toEqual({ ok: false, error: { code: 'auth.forbidden' } });
    expect(logged.join('\n')).toContain('trust.inactiveAuthor');
    expect(listOutbox(store.db).length).toBe(outbox);
    expect(store.db.prepare('SELECT count(*) FROM offices').pluck().get()).toBe(offices);
  });

  it('a restore is recorded even when the restored chain does not hold the admin\'s current key', async () => {
    const { store, call, admin, staffId } = await setUp();
    await value(call('users.create', { staffId, username: 'bea', password: 'bea-passord-1', roles: ['admin'] }, admin.sessionToken));
    const backup = await value<{ fileName: string }>(call('backups.create', {}, admin.sessionToken));
    // After the backup, Bea (in another window) resets Ada's password: Ada's key now is not the one in the backup.
    const window = createBackend({ store, sync: createLocalOnlySync(store), logError: () => undefined });
    const bea = await value<SignedIn>(window.call({ method: 'session.signIn', input: { username: 'bea', password: 'bea-passord-1' }, sessionToken: null }));
    await value(window.call({ method: 'users.setPassword', input: { id: admin.user.userId, password: 'ada-passord-2' }, sessionToken: bea.sessionToken }));
    const ada = await value<SignedIn>(signIn(call, 'ada', 'ada-passord-2'));
    const result = await call('backups.restore', { fileName: backup.fileName }, ada.sessionToken);
    expect(result.ok).toBe(true);
    expect(listAuditEvents(store.db).filter((event) => event.action === 'backup.restored')).toHaveLength(1);
  });

  it('the daily backup, with nobody signed in, is recorded under this computer\'s key', async () => {
    const { store } = await setUp();
    expect(await runDailyBackup({ store, now: () => new Date('2026-12-01T02:00:00Z'), log: () => undefined })).toBeTruthy();
    expect(listAuditEvents(store.db).filter((event) => event.action === 'backup.created')).toHaveLength(1);
    const author = store.db.prepare('SELECT author FROM outbox_transactions ORDER BY hlc DESC LIMIT 1').pluck().get();
    expect(author).toBe(`device:${store.clock.deviceId}`);
  });

  it('the daily backup of a computer not yet set up writes no audit event (there is no cooperation to sign it for)', async () => {
    const { store } = open();
    expect(await runDailyBackup({ store, now: () => new Date('2026-12-01T02:00:00Z'), log: () => undefined })).toBeTruthy();
    expect(store.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
  });
});
