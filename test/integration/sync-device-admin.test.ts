// The admin's sync handlers against an in-process service: enrolling a device that holds its own data (confirmation), and managing the cooperation's devices.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STANDARD_OPENING_HOURS } from '../../domain/offices';
import { createSyncService } from '../../server/service';
import type { SyncService } from '../../server/service';
import { createSqliteStorage } from '../../server/sqlite-storage';
import type { SyncStorage } from '../../server/storage';
import { createOutbox } from '../../db/outbox';
import { createMemorySecretStore } from '../../sync/secret-store';
import { createInProcessTransport } from '../helpers/sync-in-process';
import { openTempStore } from '../helpers/temp-store';
import { createBackend } from '../../backend/api';
import { createSyncEngine } from '../../sync/engine';

const SERVER = 'https://sync.example';

let storage: SyncStorage;
let service: SyncService;
let offline = false;
const opened: { close(): void }[] = [];

/** A device: its own store and backend, syncing with the in-process service. */
function device() {
  const store = openTempStore({ key: null });
  const sync = createSyncEngine({
    store,
    secrets: createMemorySecretStore(),
    transportFor: () => createInProcessTransport(service, { offline: () => offline }),
  });
  const backend = createBackend({ store, sync });
  opened.push(backend, store);
  const call = (method: string, input: unknown, token: string | null) => backend.call({ method, input, sessionToken: token });
  async function ok<T>(method: string, input: unknown, token: string | null): Promise<T> {
    const result = await call(method, input, token);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  }
  return { store, sync, backend, call, ok };
}

/** A device with its own cooperation, an admin signed in and one office. */
async function adminDevice() {
  const pc = device();
  const { sessionToken } = await pc.ok<{ sessionToken: string }>(
    'setup.createCooperation',
    { cooperationName: 'Indre Namdal', adminName: 'Ada Admin', username: 'ada', password: 'langt-passord' },
    null,
  );
  const office = await pc.ok<{ id: string }>(
    'offices.create',
    { name: 'Namsskogan legekontor', municipality: 'Namsskogan', address: '', phone: '74 33 30 00', openingHours: STANDARD_OPENING_HOURS, drivingMinutes: {} },
    sessionToken,
  );
  return { ...pc, admin: sessionToken, officeId: office.id };
}

const auditActions = (pc: ReturnType<typeof device>) =>
  pc.store.db.prepare('SELECT action, target_id AS targetId, details FROM audit_events ORDER BY at, id').all() as { action: string; targetId: string | null; details: string }[];

beforeEach(() => {
  offline = false;
  storage = createSqliteStorage(':memory:');
  service = createSyncService({ storage });
});
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) item.close();
  await storage.close();
});

describe('enrolling a device that holds its own data', () => {
  it('refuses without confirmation and sends nothing; with it the device is enrolled and the code is used', async () => {
    const pc = await adminDevice();
    const { code } = await service.createEnrolmentCode({ cooperationId: 'indre-namdal', office: 'Grong legekontor' });

    expect(await pc.ok('sync.localData', {}, pc.admin)).toEqual({ hasLocalData: true, offices: 1, staff: 1, users: 1 });
    const refused = await pc.call('sync.enrol', { serverUrl: SERVER, code }, pc.admin);
    expect(refused).toEqual({ ok: false, error: { code: 'sync.mergeNotConfirmed' } });
    const notConfirmed = await pc.call('sync.enrol', { serverUrl: SERVER, code, confirmMerge: false }, pc.admin);
    expect(notConfirmed).toEqual({ ok: false, error: { code: 'sync.mergeNotConfirmed' } });
    expect(await pc.ok('sync.status', {}, null)).toMatchObject({ enrolled: false });
    expect(await service.listDevices('indre-namdal')).toEqual([]);

    // The same code still works: the refusal never reached the service.
    const result = await pc.ok<{ errorCode: string | null; status: { enrolled: boolean; office: string } }>('sync.enrol', { serverUrl: SERVER, code, confirmMerge: true }, pc.admin);
    expect(result).toMatchObject({ errorCode: null, status: { enrolled: true, office: 'Grong legekontor', pendingChanges: 0 } });
    // Including the audit event of the enrolment itself.
    expect(createOutbox(pc.store.db).pendingCount()).toBe(0);
    // Everything the device made alone is now on the service.
    expect(await storage.countCells('indre-namdal')).toBeGreaterThan(10);
    const enrolled = auditActions(pc).find((event) => event.action === 'device.enrolled');
    expect(JSON.parse(enrolled!.details)).toMatchObject({ office: 'Grong legekontor', mergedLocalData: true });
  });

  it("takes the enrolment code's office as this computer's office, unless one was chosen here (the header shows it)", async () => {
    const pc = await adminDevice();
    const { code } = await service.createEnrolmentCode({ cooperationId: 'indre-namdal', office: 'namsskogan legekontor ' });
    expect(await pc.ok('settings.get', {}, pc.admin)).toMatchObject({ deviceOfficeId: null });
    await pc.ok('sync.enrol', { serverUrl: SERVER, code, confirmMerge: true }, pc.admin);
    expect(await pc.ok('settings.get', {}, pc.admin)).toMatchObject({ deviceOfficeId: pc.officeId, deviceOfficeName: 'Namsskogan legekontor' });

    const other = await adminDevice();
    const otherOffice = await other.ok<{ id: string }>('offices.create', { name: 'Grong legekontor', municipality: 'Grong', address: '', phone: '', openingHours: STANDARD_OPENING_HOURS, drivingMinutes: {} }, other.admin);
    await other.ok('settings.setDeviceOffice', { officeId: otherOffice.id }, other.admin);
    const second = await service.createEnrolmentCode({ cooperationId: 'other', office: 'Namsskogan legekontor' });
    await other.ok('sync.enrol', { serverUrl: SERVER, code: second.code, confirmMerge: true }, other.admin);
    expect(await other.ok('settings.get', {}, other.admin)).toMatchObject({ deviceOfficeId: otherOffice.id });
  });

  it('a brand-new device still joins from the first-run screen without any confirmation', async () => {
    const fresh = device();
    expect(await fresh.ok('sync.localData', {}, null).catch((error: Error) => error.message)).toMatch(/auth.signInRequired/);
    const { code } = await service.createEnrolmentCode({ cooperationId: 'indre-namdal', office: 'Lierne legekontor' });
    expect(await fresh.ok('sync.enrolNewDevice', { serverUrl: SERVER, code }, null)).toMatchObject({ errorCode: null });
  });
});

describe("managing the cooperation's devices", () => {
  async function enrolledAdmin() {
    const pc = await adminDevice();
    const { code } = await service.createEnrolmentCode({ cooperationId: 'indre-namdal', office: 'Grong legekontor' });
    await pc.ok('sync.enrol', { serverUrl: SERVER, code, confirmMerge: true }, pc.admin);
    return pc;
  }

  it('says so in plain words when the device is not enrolled or the service does not answer', async () => {
    const pc = await adminDevice();
    for (const [method, input] of [
      ['sync.devices', {}],
      ['sync.createEnrolmentCode', { officeIds: [pc.officeId] }],
      ['sync.revokeDevice', { deviceId: '00000000-0000-4000-8000-000000000000' }],
    ] as const) {
      expect(await pc.call(method, input, pc.admin)).toEqual({ ok: false, error: { code: 'sync.notEnrolled' } });
    }
    const { code } = await service.createEnrolmentCode({ cooperationId: 'indre-namdal', office: 'Grong legekontor' });
    await pc.ok('sync.enrol', { serverUrl: SERVER, code, confirmMerge: true }, pc.admin);
    offline = true;
    expect(await pc.call('sync.devices', {}, pc.admin)).toEqual({ ok: false, error: { code: 'sync.unreachable' } });
    expect(await pc.call('sync.createEnrolmentCode', { officeIds: [pc.officeId] }, pc.admin)).toEqual({ ok: false, error: { code: 'sync.unreachable' } });
    expect(auditActions(pc).map((event) => event.action)).not.toContain('device.enrolmentCodeCreated');
  });

  it('makes a code for a local office that enrols a new device once, logs it without the code, and lists the devices', async () => {
    const pc = await enrolledAdmin();
    const made = await pc.ok<{ code: string; expiresAt: string; office: string }>('sync.createEnrolmentCode', { officeIds: [pc.officeId], validHours: 24 }, pc.admin);
    expect(made.office).toBe('Namsskogan legekontor');
    expect(Date.parse(made.expiresAt) - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    const audit = auditActions(pc).find((event) => event.action === 'device.enrolmentCodeCreated')!;
    expect(audit.targetId).toBe(pc.officeId);
    expect(audit.details).not.toContain(made.code);
    expect(JSON.parse(audit.details)).toEqual({ office: 'Namsskogan legekontor', offices: ['Namsskogan legekontor'], expiresAt: made.expiresAt });

    const other = device();
    expect(await other.ok('sync.enrolNewDevice', { serverUrl: SERVER, code: made.code }, null)).toMatchObject({ errorCode: null, status: { office: 'Namsskogan legekontor' } });
    const third = device();
    expect(await third.ok('sync.enrolNewDevice', { serverUrl: SERVER, code: made.code }, null)).toMatchObject({ errorCode: 'sync.enrolCodeInvalid' });

    const devices = await pc.ok<{ office: string; self: boolean; revokedAt: string | null }[]>('sync.devices', {}, pc.admin);
    expect(devices.map(({ office, self, revokedAt }) => ({ office, self, revokedAt }))).toEqual([
      // The operator's code named Grong; the office this computer created itself is served too (the service's rule).
      { office: 'Namsskogan legekontor, Grong legekontor', self: true, revokedAt: null },
      { office: 'Namsskogan legekontor', self: false, revokedAt: null },
    ]);
    expect(await pc.call('sync.createEnrolmentCode', { officeIds: ['no-such-office'] }, pc.admin)).toEqual({ ok: false, error: { code: 'offices.notFound' } });
    expect(await pc.call('sync.createEnrolmentCode', { officeIds: [pc.officeId], validHours: 5 }, pc.admin)).toMatchObject({ ok: false, error: { code: 'validation.failed', fields: { validHours: 'invalidChoice' } } });
  });

  it("changes another computer's offices ('Endre kontorer'): the service and the computer follow, and it is audited", async () => {
    const pc = await enrolledAdmin();
    const lierne = await pc.ok<{ id: string }>(
      'offices.create',
      { name: 'Lierne legekontor', municipality: 'Lierne', address: '', phone: '74 34 60 00', openingHours: STANDARD_OPENING_HOURS, drivingMinutes: {} },
      pc.admin,
    );
    await pc.sync.syncNow();
    const { code } = await pc.ok<{ code: string }>('sync.createEnrolmentCode', { officeIds: [pc.officeId] }, pc.admin);
    const other = device();
    await other.ok('sync.enrolNewDevice', { serverUrl: SERVER, code }, null);
    expect(other.sync.status().offices).toEqual([{ id: pc.officeId, name: 'Namsskogan legekontor' }]);
    const target = (await pc.ok<{ id: string; self: boolean }[]>('sync.devices', {}, pc.admin)).find((each) => !each.self)!;

    const both = [pc.officeId, lierne.id].sort();
    expect(await pc.ok('sync.setDeviceOffices', { deviceId: target.id, officeIds: [lierne.id, pc.officeId] }, pc.admin)).toEqual({ deviceId: target.id, offices: both });
    const listed = await pc.ok<{ id: string; offices: string[] }[]>('sync.devices', {}, pc.admin);
    expect(listed.find((each) => each.id === target.id)?.offices).toEqual(both);
    const after = await other.sync.syncNow();
    expect(after.lastErrorCode).toBeNull();
    expect(after.offices?.map((office) => office.id)).toEqual(both);
    const audit = auditActions(pc).find((event) => event.action === 'device.officesChanged')!;
    expect(audit.targetId).toBe(target.id);
    expect(JSON.parse(audit.details)).toMatchObject({ offices: ['Lierne legekontor', 'Namsskogan legekontor'] });

    expect(await pc.call('sync.setDeviceOffices', { deviceId: target.id, officeIds: [] }, pc.admin)).toMatchObject({ ok: false, error: { code: 'validation.failed' } });
    expect(await pc.call('sync.setDeviceOffices', { deviceId: target.id, officeIds: ['no-such-office'] }, pc.admin)).toEqual({ ok: false, error: { code: 'offices.notFound' } });
  });

  it('revokes another device, which stops at its next sync; refuses itself and unknown devices', async () => {
    const pc = await enrolledAdmin();
    const { code } = await pc.ok<{ code: string }>('sync.createEnrolmentCode', { officeIds: [pc.officeId] }, pc.admin);
    const other = device();
    await other.ok('sync.enrolNewDevice', { serverUrl: SERVER, code }, null);
    const [self, target] = await pc.ok<{ id: string; name: string; self: boolean }[]>('sync.devices', {}, pc.admin);

    expect(await pc.call('sync.revokeDevice', { deviceId: self!.id }, pc.admin)).toEqual({ ok: false, error: { code: 'sync.cannotRevokeSelf' } });
    expect(await pc.call('sync.revokeDevice', { deviceId: '00000000-0000-4000-8000-000000000000' }, pc.admin)).toEqual({ ok: false, error: { code: 'sync.deviceNotFound' } });
    expect(await other.sync.syncNow()).toMatchObject({ state: 'idle', lastErrorCode: null });

    const revoked = await pc.ok<{ revoked: boolean; revokedAt: string }>('sync.revokeDevice', { deviceId: target!.id }, pc.admin);
    expect(revoked).toMatchObject({ revoked: true });
    expect(await other.sync.syncNow()).toMatchObject({ state: 'stopped', lastErrorCode: 'sync.revoked' });
    const listed = await pc.ok<{ id: string; revokedAt: string | null }[]>('sync.devices', {}, pc.admin);
    expect(listed.find((each) => each.id === target!.id)?.revokedAt).toBe(revoked.revokedAt);
    const audit = auditActions(pc).find((event) => event.action === 'device.revoked')!;
    expect(audit.targetId).toBe(target!.id);
    expect(JSON.parse(audit.details)).toMatchObject({ office: 'Namsskogan legekontor' });
    // The revoked device cannot manage devices either, even with an admin signed in (the users came down with the data).
    const { sessionToken } = await other.ok<{ sessionToken: string }>('session.signIn', { username: 'ada', password: 'langt-passord' }, null);
    expect(await other.call('sync.devices', {}, sessionToken)).toEqual({ ok: false, error: { code: 'sync.deviceRejected' } });
  });
});
