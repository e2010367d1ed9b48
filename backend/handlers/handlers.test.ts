// Tests for the offices, staff, users, settings and setup handlers: what they save, and that bad input saves nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STANDARD_OPENING_HOURS } from '../../domain/offices';
import { openTempStore } from '../../test/helpers/temp-store';
import { createBackend } from '../api';
import { createLocalOnlySync } from '../jobs/background-sync';
import type { Backend } from '../api';
import { listOutbox } from '../../db/outbox';

let store: ReturnType<typeof openTempStore>;
let backend: Backend;
let admin: string;

const office = { name: 'Snåsa legekontor', municipality: 'Snåsa', address: '', phone: '74 15 00 00', openingHours: STANDARD_OPENING_HOURS, drivingMinutes: {} };
const staffMember = { name: 'Nora Nyansatt', profession: 'nurse', hprNumber: '', homeMunicipality: 'Grong', baseOfficeId: null, positionPercent: 80, active: true };

async function call(method: string, input: unknown, token: string | null = admin) {
  return backend.call({ method, input, sessionToken: token });
}
async function ok<T = { id: string }>(method: string, input: unknown, token: string | null = admin): Promise<T> {
  const result = await call(method, input, token);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}
const outboxSize = () => listOutbox(store.db).length;

beforeEach(async () => {
  store = openTempStore();
  backend = createBackend({ store, sync: createLocalOnlySync(store) });
  const created = await ok<{ sessionToken: string }>(
    'setup.createCooperation',
    { cooperationName: 'Testsamarbeid', adminName: 'Ada Admin', username: 'Ada', password: 'langt-passord' },
    null,
  );
  admin = created.sessionToken;
});
afterEach(() => store.close());

describe('first-run setup', () => {
  it('creates the cooperation and an admin who is signed in at once, and cannot run twice', async () => {
    expect(await ok('session.current', {})).toMatchObject({ username: 'ada', roles: ['admin'], name: 'Ada Admin' });
    expect(await ok('setup.status', {}, null)).toMatchObject({ needsSetup: false, cooperationName: 'Testsamarbeid', exampleAccounts: [] });
    const again = await call('setup.createCooperation', { cooperationName: 'X', adminName: 'Y', username: 'y', password: 'langt-passord' }, null);
    expect(again).toEqual({ ok: false, error: { code: 'setup.alreadyDone' } });
  });
});

describe('offices', () => {
  it('creates, lists and updates an office', async () => {
    const { id } = await ok('offices.create', office);
    await ok('offices.update', { ...office, id, phone: '74 15 11 11' });
    const list = await ok<{ id: string; phone: string; address: string | null }[]>('offices.list', {});
    expect(list).toEqual([expect.objectContaining({ id, phone: '74 15 11 11', address: null })]);
  });

  it('refuses a duplicate name (ignoring case and spaces) and writes nothing', async () => {
    await ok('offices.create', office);
    const before = outboxSize();
    const duplicate = await call('offices.create', { ...office, name: '  snåsa   LEGEKONTOR ' });
    expect(duplicate).toEqual({ ok: false, error: { code: 'validation.failed', fields: { name: 'duplicate' } } });
    expect(outboxSize()).toBe(before);
  });

  it('refuses empty names, bad phone numbers and closing before opening, and writes nothing', async () => {
    const before = outboxSize();
    const result = await call('offices.create', {
      ...office,
      name: '   ',
      phone: 'ring meg',
      openingHours: { ...STANDARD_OPENING_HOURS, '1': { open: '15:00', close: '08:00' } },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'validation.failed', fields: { name: 'required', phone: 'phoneFormat', 'openingHours.1.close': 'timeOrder' } },
    });
    expect(outboxSize()).toBe(before);
    expect(await ok('offices.list', {})).toEqual([]);
  });

  it('will not delete an office that staff are based at', async () => {
    const { id } = await ok('offices.create', office);
    await ok('staff.create', { ...staffMember, baseOfficeId: id });
    expect(await call('offices.remove', { id })).toMatchObject({ ok: false, error: { code: 'offices.inUse', params: { count: 1 } } });
    const { id: empty } = await ok('offices.create', { ...office, name: 'Tomt kontor' });
    await ok('offices.remove', { id: empty });
    expect((await ok<unknown[]>('offices.list', {})).length).toBe(1);
  });
});

describe('staff', () => {
  it('creates and edits staff, and refuses an unknown base office without writing', async () => {
    const { id } = await ok('staff.create', staffMember);
    await ok('staff.update', { ...staffMember, id, positionPercent: 100 });
    expect(await ok('staff.list', {})).toContainEqual(expect.objectContaining({ id, positionPercent: 100, hprNumber: null }));
    const before = outboxSize();
    const bad = await call('staff.create', { ...staffMember, baseOfficeId: '01900000-0000-7000-8000-000000000000' });
    expect(bad).toEqual({ ok: false, error: { code: 'validation.failed', fields: { baseOfficeId: 'invalidChoice' } } });
    const worse = await call('staff.create', { ...staffMember, profession: 'astronaut', positionPercent: 140, hprNumber: '12ab' });
    expect(worse).toMatchObject({ error: { fields: { profession: 'invalidChoice', positionPercent: 'outOfRange', hprNumber: 'hprFormat' } } });
    expect(outboxSize()).toBe(before);
  });
});

describe('users', () => {
  it('creates a user who can sign in, refuses duplicate usernames, and ends sessions when roles change', async () => {
    const { id: staffId } = await ok('staff.create', staffMember);
    const { id } = await ok('users.create', { staffId, username: 'nora', password: 'nora-passord', roles: ['nurse', 'receptionist'] });
    const dup = await call('users.create', { staffId, username: 'NORA', password: 'nora-passord', roles: ['nurse'] });
    expect(dup).toEqual({ ok: false, error: { code: 'validation.failed', fields: { username: 'duplicate' } } });
    const nora = await ok<{ sessionToken: string }>('session.signIn', { username: 'nora', password: 'nora-passord' }, null);
    expect(await call('users.list', {}, nora.sessionToken)).toEqual({ ok: false, error: { code: 'auth.forbidden' } });
    await ok('users.update', { id, roles: ['nurse'], active: true });
    expect(await call('offices.list', {}, nora.sessionToken)).toEqual({ ok: false, error: { code: 'auth.signInRequired' } });
    await ok('users.update', { id, roles: ['nurse'], active: false });
    expect(await call('session.signIn', { username: 'nora', password: 'nora-passord' }, null)).toEqual({ ok: false, error: { code: 'auth.userInactive' } });
  });

  it('refuses a password that is too short and a user with no role', async () => {
    const { id: staffId } = await ok('staff.create', staffMember);
    const result = await call('users.create', { staffId, username: 'kort', password: 'kort', roles: [] });
    expect(result).toEqual({ ok: false, error: { code: 'validation.failed', fields: { password: 'passwordTooShort', roles: 'roleRequired' } } });
  });

  it('does not let an admin remove their own admin role', async () => {
    const me = await ok<{ userId: string }>('session.current', {});
    expect(await call('users.update', { id: me.userId, roles: ['lead'], active: true })).toEqual({ ok: false, error: { code: 'users.cannotRemoveOwnAdmin' } });
  });

  it('resets a password', async () => {
    const { id: staffId } = await ok('staff.create', staffMember);
    const { id } = await ok('users.create', { staffId, username: 'nora', password: 'nora-passord', roles: ['nurse'] });
    await ok('users.setPassword', { id, password: 'nytt-passord-1' });
    expect((await call('session.signIn', { username: 'nora', password: 'nora-passord' }, null)).ok).toBe(false);
    expect((await call('session.signIn', { username: 'nora', password: 'nytt-passord-1' }, null)).ok).toBe(true);
  });
});

describe('settings', () => {
  it("stores this device's office locally, without putting it in the sync outbox", async () => {
    const { id } = await ok('offices.create', office);
    const before = outboxSize();
    await ok('settings.setDeviceOffice', { officeId: id });
    expect(outboxSize()).toBe(before);
    expect(await ok('settings.get', {})).toMatchObject({ deviceOfficeId: id, deviceOfficeName: 'Snåsa legekontor', cooperationName: 'Testsamarbeid' });
    await ok('settings.renameCooperation', { name: 'Nytt navn' });
    expect(await ok('settings.get', {})).toMatchObject({ cooperationName: 'Nytt navn' });
  });
});
