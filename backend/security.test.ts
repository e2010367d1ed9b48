// Tests sign-in limits, locking (screen and backend backstop), unlocking and the security events in the audit log, over a real store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../db/audit';
import { findCredentials } from '../db/users';
import { AUTO_LOCK_DEFAULT_MINUTES, BACKEND_LOCK_GRACE_MS, MAX_FAILED_SIGN_INS, SIGN_IN_LOCKOUT_MINUTES } from '../domain/security';
import { openTempStore, seedSignedCooperation } from '../test/helpers/temp-store';
import { createBackend } from './api';
import { createLocalOnlySync } from './jobs/background-sync';
import type { ApiResponse, Backend } from './api';
import { listOutbox } from '../db/outbox';

const PASSWORD = 'riktig-passord';
let store: ReturnType<typeof openTempStore>;
let backend: Backend;
let clock: number;
const now = () => new Date(clock);
const userIds = new Map<string, string>();

beforeEach(async () => {
  clock = Date.parse('2026-11-30T08:00:00Z');
  store = openTempStore();
  backend = createBackend({ store, sync: createLocalOnlySync(store), now, clockMs: () => clock });
  const seeded = await seedSignedCooperation(store, [{ username: 'kari', roles: ['nurse'] }, { username: 'admin', roles: ['admin'] }, { username: 'ola', roles: ['receptionist'] }], PASSWORD);
  for (const [username, account] of seeded) userIds.set(username, account.id);
});
afterEach(() => store.close());

const call = (method: string, input: unknown, sessionToken: string | null = null): Promise<ApiResponse> => backend.call({ method, input, sessionToken });

async function signIn(username: string, password = PASSWORD): Promise<string> {
  const result = await call('session.signIn', { username, password });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.value as { sessionToken: string }).sessionToken;
}

const actions = () => listAuditEvents(store.db).map((event) => `${event.action}:${event.username}`).reverse();

describe('password hashes from before today\'s scrypt parameters', () => {
  it('are re-made with N = 2^17 at the next sign-in, and the password still works afterwards', async () => {
    const before = findCredentials(store.db, 'kari')!.passwordHash;
    expect(before.split('$')[1]).toBe('1024');
    await signIn('kari');
    const after = findCredentials(store.db, 'kari')!.passwordHash;
    expect(after.split('$').slice(0, 4)).toEqual(['scrypt', '131072', '8', '1']);
    expect(findCredentials(store.db, 'ola')!.passwordHash.split('$')[1]).toBe('1024');
    const secondSignIn = await call('session.signIn', { username: 'kari', password: PASSWORD });
    expect(secondSignIn.ok).toBe(true);
    expect(findCredentials(store.db, 'kari')!.passwordHash).toBe(after);
  });
});

describe('failed sign-ins', () => {
  it(`locks a username out after ${MAX_FAILED_SIGN_INS} failures in a row, for known and unknown usernames alike, and audits each`, async () => {
    for (const username of ['kari', 'nobody']) {
      for (let attempt = 1; attempt < MAX_FAILED_SIGN_INS; attempt++) {
        expect(await call('session.signIn', { username, password: 'feil-passord' })).toEqual({ ok: false, error: { code: 'auth.invalidCredentials' } });
      }
      expect(await call('session.signIn', { username, password: 'feil-passord' })).toEqual({
        ok: false,
        error: { code: 'auth.tooManyAttempts', params: { minutes: SIGN_IN_LOCKOUT_MINUTES } },
      });
    }
    // Even the right password is refused during the lockout, and that is audited too.
    expect(await call('session.signIn', { username: 'kari', password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'auth.tooManyAttempts' } });
    const failures = listAuditEvents(store.db, { actions: ['session.signInFailed'] });
    expect(failures).toHaveLength(2 * MAX_FAILED_SIGN_INS + 1);
    expect(failures.filter((event) => event.username === 'kari').map((event) => event.reason)).toEqual(['lockedOut', ...Array(MAX_FAILED_SIGN_INS).fill('wrongPassword')]);
    expect(failures.find((event) => event.username === 'nobody')).toMatchObject({ userId: null, reason: 'unknownUser' });
    expect(failures.find((event) => event.username === 'kari' && event.reason === 'wrongPassword')?.userId).toBe(userIds.get('kari'));
    // Another username is not affected.
    await signIn('ola');
  });

  it('keeps the lockout across a restart and lifts it when the time is up; a success clears the count', async () => {
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt++) await call('session.signIn', { username: 'kari', password: 'feil-passord' });
    backend = createBackend({ store, sync: createLocalOnlySync(store), now, clockMs: () => clock });
    clock += (SIGN_IN_LOCKOUT_MINUTES - 1) * 60_000;
    expect(await call('session.signIn', { username: 'kari', password: PASSWORD })).toEqual({ ok: false, error: { code: 'auth.tooManyAttempts', params: { minutes: 1 } } });
    clock += 61_000;
    await signIn('kari');
    // The count starts again from zero after a success.
    for (let attempt = 1; attempt < MAX_FAILED_SIGN_INS; attempt++) await call('session.signIn', { username: 'kari', password: 'feil-passord' });
    await signIn('kari');
    for (let attempt = 2; attempt < MAX_FAILED_SIGN_INS; attempt++) await call('session.signIn', { username: 'kari', password: 'feil-passord' });
    // Without the success in between this would have been failure number 2 × (limit − 1) and a lockout.
    expect(await call('session.signIn', { username: 'kari', password: 'feil-passord' })).toMatchObject({ error: { code: 'auth.invalidCredentials' } });
  });
});

describe('locking', () => {
  it('a locked session can only unlock, check its state or sign out; the same user unlocks with the password and keeps the session', async () => {
    const token = await signIn('kari');
    expect(await call('session.lock', { reason: 'inactivity' }, token)).toEqual({ ok: true, value: { locked: true } });
    expect(await call('offices.list', {}, token)).toEqual({ ok: false, error: { code: 'auth.locked' } });
    expect(await call('session.activity', {}, token)).toEqual({ ok: false, error: { code: 'auth.locked' } });
    expect(await call('session.lockState', {}, token)).toEqual({ ok: true, value: { locked: true, autoLockMinutes: AUTO_LOCK_DEFAULT_MINUTES } });
    expect(await call('session.unlock', { password: 'feil-passord' }, token)).toEqual({ ok: false, error: { code: 'auth.invalidCredentials' } });
    expect(await call('session.unlock', { password: PASSWORD }, token)).toEqual({ ok: true, value: { unlocked: true } });
    expect(await call('offices.list', {}, token)).toMatchObject({ ok: true });
    expect(actions()).toEqual(['session.signedIn:kari', 'session.locked:kari', 'session.signInFailed:kari', 'session.unlocked:kari']);
  });

  it('ends the session after too many wrong unlock passwords', async () => {
    const token = await signIn('kari');
    await call('session.lock', { reason: 'manual' }, token);
    for (let attempt = 1; attempt < MAX_FAILED_SIGN_INS; attempt++) {
      expect(await call('session.unlock', { password: 'feil-passord' }, token)).toMatchObject({ error: { code: 'auth.invalidCredentials' } });
    }
    expect(await call('session.unlock', { password: 'feil-passord' }, token)).toMatchObject({ error: { code: 'auth.tooManyAttempts' } });
    expect(await call('session.lockState', {}, token)).toEqual({ ok: false, error: { code: 'auth.signInRequired' } });
    expect(listAuditEvents(store.db, { actions: ['session.signedOut'] })[0]).toMatchObject({ username: 'kari', reason: 'unlockFailures' });
  });

  it('another user signing in at the locked screen does not unlock the first session', async () => {
    const kari = await signIn('kari');
    await call('session.lock', { reason: 'inactivity' }, kari);
    const ola = await signIn('ola');
    expect(await call('offices.list', {}, ola)).toMatchObject({ ok: true });
    expect(await call('offices.list', {}, kari)).toEqual({ ok: false, error: { code: 'auth.locked' } });
    expect(await call('session.signOut', {}, kari)).toMatchObject({ ok: true });
    expect(await call('offices.list', {}, kari)).toEqual({ ok: false, error: { code: 'auth.signInRequired' } });
  });

  it('locks in the backend too when the screen stops reporting activity (lock time + grace), and activity reports keep it open', async () => {
    const token = await signIn('kari');
    for (let minute = 0; minute < 12; minute++) {
      clock += 60_000;
      expect(await call('session.activity', {}, token)).toEqual({ ok: true, value: { autoLockMinutes: AUTO_LOCK_DEFAULT_MINUTES } });
    }
    // Other calls (a screen refreshing itself) are not activity.
    clock += AUTO_LOCK_DEFAULT_MINUTES * 60_000;
    expect(await call('offices.list', {}, token)).toMatchObject({ ok: true });
    clock += BACKEND_LOCK_GRACE_MS + 1;
    expect(await call('offices.list', {}, token)).toEqual({ ok: false, error: { code: 'auth.locked' } });
    expect(listAuditEvents(store.db, { actions: ['session.locked'] })[0]).toMatchObject({ reason: 'inactivity', details: { by: 'backend' } });
  });

  it("uses the admin's lock time for this device, and audits the change", async () => {
    const admin = await signIn('admin');
    expect(await call('settings.setAutoLock', { minutes: 0 }, admin)).toMatchObject({ error: { code: 'validation.failed', fields: { minutes: 'outOfRange' } } });
    expect(await call('settings.setAutoLock', { minutes: 2 }, admin)).toEqual({ ok: true, value: { minutes: 2 } });
    expect(await call('settings.get', {}, admin)).toMatchObject({ ok: true, value: { autoLockMinutes: 2 } });
    const kari = await signIn('kari');
    clock += 2 * 60_000 + BACKEND_LOCK_GRACE_MS + 1;
    expect(await call('offices.list', {}, kari)).toEqual({ ok: false, error: { code: 'auth.locked' } });
    expect(listAuditEvents(store.db, { actions: ['security.autoLockChanged'] })[0]).toMatchObject({ username: 'admin', details: { minutesBefore: 5, minutes: 2 } });
  });
});

describe('security events', () => {
  it('audits sign-out, user creation, role and password changes with who did it', async () => {
    const admin = await signIn('admin');
    const kariId = userIds.get('kari')!;
    expect(await call('users.update', { id: kariId, roles: ['nurse', 'lead'], active: true }, admin)).toMatchObject({ ok: true });
    // Saving without a change records nothing.
    expect(await call('users.update', { id: kariId, roles: ['lead', 'nurse'], active: true }, admin)).toMatchObject({ ok: true });
    expect(await call('users.setPassword', { id: kariId, password: 'nytt-langt-passord' }, admin)).toMatchObject({ ok: true });
    await call('session.signOut', {}, admin);
    const events = listAuditEvents(store.db).reverse();
    expect(events.map((event) => event.action)).toEqual(['session.signedIn', 'user.rolesChanged', 'user.passwordChanged', 'session.signedOut']);
    expect(events[1]).toMatchObject({
      userId: userIds.get('admin'),
      username: 'admin',
      targetTable: 'users',
      targetId: kariId,
      details: { username: 'kari', rolesBefore: ['nurse'], roles: ['nurse', 'lead'], activeBefore: true, active: true },
    });
    // Audit events are synced like every append-only table.
    const inOutbox = new Set(listOutbox(store.db).filter((entry) => entry.table === 'audit_events').map((entry) => entry.row));
    expect(inOutbox.size).toBe(4);
  });
});

describe('backups from the app', () => {
  it('an admin takes a backup and restores it: data back, everyone signed out, both audited', async () => {
    const admin = await signIn('admin');
    const kari = await signIn('kari');
    // The backup runs in steps: the first progress event comes while it runs, and other calls are answered meanwhile.
    const progressed = new Promise<void>((resolve) => {
      const stop = backend.onEvent((event) => {
        if (event.type === 'data.changed' && event.area === 'backups') {
          stop();
          resolve();
        }
      });
    });
    const creating = call('backups.create', {}, admin);
    await progressed;
    expect(await call('backups.list', {}, admin)).toMatchObject({ ok: true, value: { inProgress: { kind: 'manual', bytesTotal: expect.any(Number) } } });
    expect(await call('backups.create', {}, admin)).toEqual({ ok: false, error: { code: 'backups.busy' } });
    const created = await creating;
    expect(created).toMatchObject({ ok: true, value: { kind: 'manual' } });
    const fileName = (created as { value: { fileName: string } }).value.fileName;
    expect(await call('backups.list', {}, admin)).toMatchObject({ ok: true, value: { retention: { days: 7, weeks: 4 }, inProgress: null, backups: [{ fileName, kind: 'manual' }] } });
    expect(await call('backups.create', {}, kari)).toEqual({ ok: false, error: { code: 'auth.forbidden' } });

    await call('users.update', { id: userIds.get('ola')!, roles: ['receptionist'], active: false }, admin);
    expect(await call('backups.restore', { fileName: 'samvakt-manual-1999-01-01T00-00-00-000Z.sqlite3' }, admin)).toEqual({ ok: false, error: { code: 'backups.notFound' } });
    expect(await call('backups.restore', { fileName }, admin)).toMatchObject({ ok: true, value: { fileName } });
    // Ola is active again, as in the backup; every session has ended.
    await signIn('ola');
    expect(await call('offices.list', {}, admin)).toEqual({ ok: false, error: { code: 'auth.signInRequired' } });
    expect(await call('offices.list', {}, kari)).toEqual({ ok: false, error: { code: 'auth.signInRequired' } });
    const restored = listAuditEvents(store.db, { actions: ['backup.restored'] });
    expect(restored).toMatchObject([{ username: 'admin', details: { fileName } }]);
    // The role change made after the backup is gone with the rest of that data.
    expect(listAuditEvents(store.db, { actions: ['user.rolesChanged'] })).toEqual([]);
  });
});

