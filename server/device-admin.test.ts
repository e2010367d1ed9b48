// Device administration over HTTP on both storage adapters (SQLite and a real PostgreSQL): codes work once, own cooperation only, revocation is immediate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachStorageAdapter } from '../test/helpers/storage-adapters';
import { startSyncServer } from './http';
import type { RunningSyncServer } from './http';
import { createSyncService } from './service';
import type { SyncService } from './service';
import type { SyncStorage } from './storage';

interface Answer {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string } };
}

function deviceAdminSuite(name: string, open: () => Promise<SyncStorage>) {
  describe(`device administration on ${name}`, () => {
    let storage: SyncStorage;
    let service: SyncService;
    let server: RunningSyncServer;
    let clock = 0;

    async function request(path: string, init: { method?: string; body?: unknown; auth?: string | null } = {}): Promise<Answer> {
      const response = await fetch(`${server.url}${path}`, {
        method: init.method ?? 'GET',
        headers: { 'x-samvakt-protocol': '3', ...(init.auth ? { authorization: init.auth } : {}) },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
      return { status: response.status, body: (await response.json()) as Answer['body'] };
    }

    /** Enrols a device over HTTP with a code and returns its credential header. */
    async function enrolWith(code: string, deviceName = 'PC') {
      const clockId = `clock-${name}-${clock++}`;
      const answer = await request('/v1/enrol', { method: 'POST', body: { protocol: 3, code, clockId, name: deviceName, publicKey: 'A'.repeat(43) } });
      const header = `Bearer ${String(answer.body.deviceId)}.${String(answer.body.secret)}`;
      clockOf.set(header, clockId);
      return { answer, header, deviceId: String(answer.body.deviceId) };
    }

    async function enrolled(cooperationId: string, deviceName: string) {
      const { code } = await service.createEnrolmentCode({ cooperationId, office: 'Grong legekontor' });
      const device = await enrolWith(code, deviceName);
      expect(device.answer.status).toBe(200);
      return device;
    }

    const newCode = (auth: string, body: Record<string, unknown>) => request('/v1/devices/enrolment-codes', { method: 'POST', auth, body: { protocol: 3, ...body } });
    const list = (auth: string, cooperation: string) => request(`/v1/devices?protocol=3&cooperation=${cooperation}`, { auth });
    const revoke = (auth: string, deviceId: string, cooperationId: string) =>
      request(`/v1/devices/${deviceId}/revoke`, { method: 'POST', auth, body: { protocol: 3, cooperationId } });
    const pull = (auth: string, cooperation: string) => request(`/v1/pull?protocol=3&cooperation=${cooperation}&after=0`, { auth });
    const setOffices = (auth: string, deviceId: string, cooperationId: string, offices: unknown) =>
      request(`/v1/devices/${deviceId}/offices`, { method: 'POST', auth, body: { protocol: 3, cooperationId, offices } });
    /** Synced offices rows (unsigned: these cooperations have no root yet), pushed by a device, which then serves them (it created them). */
    async function pushOffices(auth: string, cooperationId: string, offices: Record<string, string>) {
      const stamp = `${String(Date.now()).padStart(15, '0')}-000000-${clockOf.get(auth)!}`;
      const cells = Object.entries(offices).flatMap(([id, officeName]) => [
        { table: 'offices', row: id, column: 'name', value: officeName },
        { table: 'offices', row: id, column: 'deleted', value: 0 },
      ]);
      const pushed = await request('/v1/push', { method: 'POST', auth, body: { protocol: 3, cooperationId, transactions: [{ hlc: stamp, author: 'legacy', cells }] } });
      expect(pushed.status).toBe(200);
    }
    const clockOf = new Map<string, string>();

    beforeAll(async () => {
      storage = await open();
      service = createSyncService({ storage, log: () => {} });
      server = await startSyncServer({ service, port: 0, log: () => {}, rateLimit: { perSecond: 1000, burst: 5000 }, enrolPerMinute: 1000 });
    });
    afterAll(async () => {
      await server.close();
      await storage.close();
    });

    it('makes an enrolment code for the own cooperation that enrols a device at that office once', async () => {
      const admin = await enrolled('coop-a', 'Resepsjonen Grong');
      await pushOffices(admin.header, 'coop-a', { 'o-namsskogan': 'Namsskogan legekontor', 'o-grong': 'Grong legekontor' });
      const made = await newCode(admin.header, { cooperationId: 'coop-a', offices: ['o-namsskogan'], validHours: 2 });
      expect(made.status).toBe(200);
      expect(made.body.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      const hours = (Date.parse(String(made.body.expiresAt)) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(1.9);
      expect(hours).toBeLessThanOrEqual(2);

      const first = await enrolWith(String(made.body.code), 'Kontor Namsskogan');
      expect(first.answer.status).toBe(200);
      expect(first.answer.body).toMatchObject({ cooperationId: 'coop-a', office: 'Namsskogan legekontor', offices: ['o-namsskogan'] });
      const again = await enrolWith(String(made.body.code), 'Noen andre');
      expect(again.answer.status).toBe(403);
      expect(again.answer.body.error?.code).toBe('enrol.codeInvalid');
      // The new device works at once, and its pulls say which offices it serves.
      const pulled = await pull(first.header, 'coop-a');
      expect([pulled.status, pulled.body.offices]).toEqual([200, ['o-namsskogan']]);
      // The admin's computer named Grong by name (an operator's code): matched once the office synced, and it created both.
      expect((await pull(admin.header, 'coop-a')).body.offices).toEqual(['o-grong', 'o-namsskogan']);
      // Codes name synced offices by id, at least one.
      const unknown = await newCode(admin.header, { cooperationId: 'coop-a', offices: ['o-snasa'] });
      expect([unknown.status, unknown.body.error?.code]).toEqual([422, 'device.unknownOffice']);
      const none = await newCode(admin.header, { cooperationId: 'coop-a', offices: [] });
      expect([none.status, none.body.error?.code]).toEqual([400, 'request.malformed']);
    });

    it('changes the offices a device serves, authorised like revoking; its next pull says so', async () => {
      const admin = await enrolled('coop-offices', 'Admin-PC');
      const other = await enrolled('coop-offices', 'Resepsjon');
      const foreign = await enrolled('coop-offices-theirs', 'Deres PC');
      await pushOffices(admin.header, 'coop-offices', { 'o-lierne': 'Lierne legekontor', 'o-snasa': 'Snåsa legekontor' });
      const changed = await setOffices(admin.header, other.deviceId, 'coop-offices', ['o-snasa', 'o-lierne']);
      expect([changed.status, changed.body]).toEqual([200, { deviceId: other.deviceId, offices: ['o-lierne', 'o-snasa'] }]);
      expect((await pull(other.header, 'coop-offices')).body.offices).toEqual(['o-lierne', 'o-snasa']);
      const listed = (await list(admin.header, 'coop-offices')).body.devices as { id: string; office: string; offices: string[] }[];
      expect(listed.find((device) => device.id === other.deviceId)).toMatchObject({ offices: ['o-lierne', 'o-snasa'], office: 'Lierne legekontor, Snåsa legekontor' });
      const cases: [string, Answer, number, string][] = [
        ['an unknown office', await setOffices(admin.header, other.deviceId, 'coop-offices', ['o-ukjent']), 422, 'device.unknownOffice'],
        ['no office', await setOffices(admin.header, other.deviceId, 'coop-offices', []), 400, 'request.malformed'],
        ['another cooperation’s device', await setOffices(admin.header, foreign.deviceId, 'coop-offices', ['o-lierne']), 404, 'device.notFound'],
        ['naming another cooperation', await setOffices(admin.header, foreign.deviceId, 'coop-offices-theirs', ['o-lierne']), 403, 'sync.wrongCooperation'],
        ['without a credential', await request(`/v1/devices/${other.deviceId}/offices`, { method: 'POST', body: { protocol: 3, cooperationId: 'coop-offices', offices: ['o-lierne'] } }), 401, 'auth.missing'],
      ];
      for (const [label, answer, status, code] of cases) expect([label, answer.status, answer.body.error?.code]).toEqual([label, status, code]);
      expect((await pull(other.header, 'coop-offices')).body.offices).toEqual(['o-lierne', 'o-snasa']);
      expect((await pull(foreign.header, 'coop-offices-theirs')).body.offices).toEqual([]);
      // The agreement digest over HTTP: every synced table, at the sequence it was read.
      const digest = await request('/v1/digest?protocol=3&cooperation=coop-offices', { auth: other.header });
      expect(digest.status).toBe(200);
      expect(digest.body).toMatchObject({ asOf: expect.any(Number) as number, tables: { offices: { rows: 2 }, consultations: { rows: 0 } } });
      const wrong = await request('/v1/digest?protocol=3&cooperation=coop-offices-theirs', { auth: other.header });
      expect([wrong.status, wrong.body.error?.code]).toEqual([403, 'sync.wrongCooperation']);
    });

    it('lists the own cooperation’s devices with a marker for the caller, and never secrets or clock ids', async () => {
      const admin = await enrolled('coop-list', 'Admin-PC');
      const other = await enrolled('coop-list', 'Resepsjon');
      await enrolled('coop-elsewhere', 'Fremmed PC');
      const answer = await list(admin.header, 'coop-list');
      expect(answer.status).toBe(200);
      const devices = answer.body.devices as Record<string, unknown>[];
      expect(devices.map((device) => [device.name, device.self])).toEqual([
        ['Admin-PC', true],
        ['Resepsjon', false],
      ]);
      expect(devices.find((device) => device.id === other.deviceId)).toMatchObject({ office: 'Grong legekontor', revokedAt: null });
      for (const device of devices) expect(Object.keys(device).sort()).toEqual(['enrolledAt', 'id', 'name', 'office', 'offices', 'revokedAt', 'self']);
      expect(JSON.stringify(answer.body)).not.toMatch(/secret|hash|clock/i);
    });

    it('refuses another cooperation: naming it is sync.wrongCooperation, its devices are device.notFound and stay active', async () => {
      const admin = await enrolled('coop-mine', 'Min PC');
      const foreign = await enrolled('coop-theirs', 'Deres PC');
      const cases: [string, Answer, number, string][] = [
        ['list another cooperation', await list(admin.header, 'coop-theirs'), 403, 'sync.wrongCooperation'],
        ['code for another cooperation', await newCode(admin.header, { cooperationId: 'coop-theirs', offices: ['o-lierne'] }), 403, 'sync.wrongCooperation'],
        ['revoke naming another cooperation', await revoke(admin.header, foreign.deviceId, 'coop-theirs'), 403, 'sync.wrongCooperation'],
        ['revoke another cooperation’s device', await revoke(admin.header, foreign.deviceId, 'coop-mine'), 404, 'device.notFound'],
        ['revoke an unknown device', await revoke(admin.header, '00000000-0000-4000-8000-000000000000', 'coop-mine'), 404, 'device.notFound'],
      ];
      for (const [label, answer, status, code] of cases) {
        expect([label, answer.status, answer.body.error?.code]).toEqual([label, status, code]);
      }
      expect((await pull(foreign.header, 'coop-theirs')).status).toBe(200);
      expect((await service.listDevices('coop-theirs'))[0]!.revokedAt).toBeNull();
    });

    it('refuses revoking the calling device itself, and unauthenticated or malformed requests', async () => {
      const admin = await enrolled('coop-self', 'Admin-PC');
      const self = await revoke(admin.header, admin.deviceId, 'coop-self');
      expect([self.status, self.body.error?.code]).toEqual([409, 'device.cannotRevokeSelf']);
      expect((await pull(admin.header, 'coop-self')).status).toBe(200);
      const cases: [Answer, number, string][] = [
        [await request('/v1/devices?protocol=3&cooperation=coop-self'), 401, 'auth.missing'],
        [await newCode(admin.header, { cooperationId: 'coop-self', offices: [''] }), 400, 'request.malformed'],
        [await newCode(admin.header, { cooperationId: 'coop-self', office: 'Grong' }), 400, 'request.malformed'],
        [await newCode(admin.header, { cooperationId: 'coop-self', offices: ['o-grong'], validHours: 10_000 }), 400, 'request.malformed'],
        [await newCode(admin.header, { cooperationId: 'coop-self', offices: ['o-grong'], protocol: 99 }), 400, 'protocol.unsupported'],
        [await newCode(admin.header, { cooperationId: 'coop-self', offices: ['o-grong'], protocol: 2 }), 400, 'protocol.unsupported'],
        [await request(`/v1/devices/${admin.deviceId}/revoke`, { method: 'POST', auth: admin.header, body: { protocol: 3 } }), 400, 'request.malformed'],
        [await request('/v1/devices/not-an-id/revoke', { method: 'POST', auth: admin.header, body: { protocol: 3, cooperationId: 'coop-self' } }), 404, 'request.notFound'],
      ];
      for (const [answer, status, code] of cases) expect([answer.status, answer.body.error?.code]).toEqual([status, code]);
    });

    it('revokes a device at once: its next pull, push and admin call get 401 auth.revoked; revoking again answers the same', async () => {
      const admin = await enrolled('coop-revoke', 'Admin-PC');
      const lost = await enrolled('coop-revoke', 'Mistet bærbar');
      expect((await pull(lost.header, 'coop-revoke')).status).toBe(200);

      const revoked = await revoke(admin.header, lost.deviceId, 'coop-revoke');
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ revoked: true, deviceId: lost.deviceId });
      const revokedAt = String(revoked.body.revokedAt);

      const afterPull = await pull(lost.header, 'coop-revoke');
      expect([afterPull.status, afterPull.body.error?.code]).toEqual([401, 'auth.revoked']);
      const afterPush = await request('/v1/push', { method: 'POST', auth: lost.header, body: { protocol: 3, cooperationId: 'coop-revoke', transactions: [] } });
      expect([afterPush.status, afterPush.body.error?.code]).toEqual([401, 'auth.revoked']);
      const afterAdmin = await revoke(lost.header, admin.deviceId, 'coop-revoke');
      expect([afterAdmin.status, afterAdmin.body.error?.code]).toEqual([401, 'auth.revoked']);

      const listed = (await list(admin.header, 'coop-revoke')).body.devices as { id: string; revokedAt: string | null }[];
      expect(listed.find((device) => device.id === lost.deviceId)?.revokedAt).toBe(revokedAt);
      const twice = await revoke(admin.header, lost.deviceId, 'coop-revoke');
      expect(twice.status).toBe(200);
      expect(twice.body.revokedAt).toBe(revokedAt);
      expect((await pull(admin.header, 'coop-revoke')).status).toBe(200);
    });
  });
}

forEachStorageAdapter(deviceAdminSuite);
