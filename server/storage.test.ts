// The shared service's rules on both storage adapters (SQLite and a real PostgreSQL): enrolment, idempotent push, merge rules, paging, snapshot, redaction, isolation.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { forEachStorageAdapter } from '../test/helpers/storage-adapters';
import type { PushTransaction, WireChange } from '../sync/protocol';
import { SyncServiceError } from './request-checks';
import { createSyncService } from './service';
import type { SyncService } from './service';
import type { StoredDevice, SyncStorage } from './storage';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const hlc = (offsetMs: number, clockId: string, counter = 0) => `${String(NOW + offsetMs).padStart(15, '0')}-${String(counter).padStart(6, '0')}-${clockId}`;
/** Any well-formed device key: these cooperations have no root, so nothing is signed or checked. */
const DEVICE_KEY = 'A'.repeat(43);

/** Changes as unsigned (legacy) transactions, one per run of the same timestamp: what a cooperation without a root accepts as before signing. */
function legacyTransactions(changes: readonly WireChange[]): PushTransaction[] {
  const transactions: PushTransaction[] = [];
  for (const { hlc: stamp, ...cell } of changes) {
    const last = transactions.at(-1);
    if (last?.hlc === stamp) last.cells.push(cell);
    else transactions.push({ hlc: stamp, author: 'legacy', cells: [cell] });
  }
  return transactions;
}

async function rejection(promise: Promise<unknown>): Promise<SyncServiceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncServiceError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

function storageSuite(name: string, open: () => Promise<SyncStorage>) {
  describe(`sync service on ${name}`, () => {
    let storage: SyncStorage;
    let service: SyncService;
    let time = NOW;
    let counter = 0;

    async function enrolDevice(cooperationId: string, clockId = `clock${counter++}`): Promise<StoredDevice & { secret: string }> {
      // Serving office o1: a consultation without an office column belongs to the pushing device's first office.
      const { code } = await service.createEnrolmentCode({ cooperationId, offices: ['o1'] });
      const enrolled = await service.enrol({ protocol: 3, code, clockId, publicKey: DEVICE_KEY });
      const device = await service.authenticate(`Bearer ${enrolled.deviceId}.${enrolled.secret}`);
      return { ...device, secret: enrolled.secret };
    }
    const push = (device: StoredDevice, changes: WireChange[], cooperationId = device.cooperationId) =>
      service.push(device, { protocol: 3, cooperationId, transactions: legacyTransactions(changes) });
    const pullAll = async (device: StoredDevice, limit = 3) => {
      const all = [];
      let after = 0;
      for (;;) {
        const page = await service.pull(device, { protocol: '3', cooperation: device.cooperationId, after: String(after), limit: String(limit) });
        all.push(...page.changes);
        after = page.lastSeq;
        if (!page.more) return all;
      }
    };

    beforeAll(async () => {
      storage = await open();
    });
    afterAll(async () => {
      await storage.close();
    });
    beforeEach(() => {
      time = NOW;
      service = createSyncService({ storage, now: () => time, log: () => {} });
    });

    it('enrols a device once per code, and refuses a used, unknown or expired code', async () => {
      const { code } = await service.createEnrolmentCode({ cooperationId: 'coop-enrol', cooperationName: 'Indre Namdal', office: 'Grong', validHours: 1 });
      const enrolled = await service.enrol({ protocol: 3, code: code.toLowerCase(), clockId: 'dev-a', publicKey: DEVICE_KEY });
      expect(enrolled).toMatchObject({ cooperationId: 'coop-enrol', cooperationName: 'Indre Namdal', office: 'Grong', rootPublicKey: null });
      expect((await rejection(service.enrol({ protocol: 3, code, clockId: 'dev-b', publicKey: DEVICE_KEY }))).code).toBe('enrol.codeInvalid');
      expect((await rejection(service.enrol({ protocol: 3, code: 'AAAA-BBBB-CCCC', clockId: 'dev-b', publicKey: DEVICE_KEY }))).code).toBe('enrol.codeInvalid');
      const late = await service.createEnrolmentCode({ cooperationId: 'coop-enrol', office: 'Grong', validHours: 1 });
      time = NOW + 2 * 3_600_000;
      expect((await rejection(service.enrol({ protocol: 3, code: late.code, clockId: 'dev-c', publicKey: DEVICE_KEY }))).code).toBe('enrol.codeInvalid');
      // The server keeps only a hash of the secret.
      const stored = await storage.findDevice(enrolled.deviceId);
      expect(stored?.secretHash).not.toContain(enrolled.secret);
      expect(stored?.publicKey).toBe(DEVICE_KEY);
    });

    it('stores a retried push once and pages every change exactly once in sequence order', async () => {
      const device = await enrolDevice('coop-push');
      const changes: WireChange[] = Array.from({ length: 10 }, (_, i) => ({ hlc: hlc(i, device.clockId), table: 'shifts', row: `s${i}`, column: 'note', value: `n${i}` }));
      expect(await push(device, changes)).toMatchObject({ accepted: 10, ignored: 0 });
      expect(await push(device, changes)).toMatchObject({ accepted: 0, ignored: 10 });
      const pulled = await pullAll(device);
      expect(pulled.map((c) => c.row)).toEqual(changes.map((c) => c.row));
      const seqs = pulled.map((c) => c.seq);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(10);
    });

    it('keeps the newest value per column, and the first for append-only event columns', async () => {
      const device = await enrolDevice('coop-lww');
      await push(device, [
        { hlc: hlc(5, device.clockId), table: 'staff', row: 'x', column: 'name', value: 'Ny' },
        { hlc: hlc(1, device.clockId), table: 'staff', row: 'x', column: 'name', value: 'Gammel' },
        { hlc: hlc(1, device.clockId), table: 'audit_events', row: 'e', column: 'action', value: 'first' },
      ]);
      await push(device, [
        { hlc: hlc(3, device.clockId), table: 'staff', row: 'x', column: 'name', value: 'Mellom' },
        { hlc: hlc(9, device.clockId), table: 'audit_events', row: 'e', column: 'action', value: 'rewritten' },
      ]);
      const cells = await pullAll(device, 100);
      expect(cells.find((c) => c.table === 'staff')?.value).toBe('Ny');
      expect(cells.find((c) => c.table === 'audit_events')?.value).toBe('first');
    });

    it('removes the erased value of a redacted identity number from the log', async () => {
      const device = await enrolDevice('coop-redact');
      await push(device, [
        { hlc: hlc(1, device.clockId), table: 'consultations', row: 'k1', column: 'patient_id_number', value: '01017012345' },
        { hlc: hlc(1, device.clockId), table: 'consultations', row: 'k1', column: 'icpc2_code', value: 'R74' },
      ]);
      await push(device, [{ hlc: hlc(2, device.clockId), table: 'consultations', row: 'k1', column: 'patient_id_number', value: null }]);
      // A late retry of the original insert must not bring the number back.
      await push(device, [{ hlc: hlc(1, device.clockId), table: 'consultations', row: 'k1', column: 'patient_id_number', value: '01017012345' }]);
      const everything = JSON.stringify([await pullAll(device, 100), await storage.snapshotPage('coop-redact', null, 1000)]);
      expect(everything).not.toContain('01017012345');
      expect(everything).toContain('R74');
    });

    it('shows a device only its own cooperation and refuses naming another', async () => {
      const a = await enrolDevice('coop-a');
      const b = await enrolDevice('coop-b');
      await push(a, [{ hlc: hlc(1, a.clockId), table: 'offices', row: 'o1', column: 'name', value: 'Grong' }]);
      expect(await pullAll(b)).toEqual([]);
      expect((await rejection(push(b, [], 'coop-a'))).code).toBe('sync.wrongCooperation');
      expect((await rejection(service.push(b, { protocol: 1, cooperationId: 'coop-b', changes: [] }))).code).toBe('request.malformed');
      expect((await rejection(service.push(b, { protocol: 1, cooperationId: 'coop-b', transactions: [] }))).code).toBe('protocol.unsupported');
      expect((await rejection(service.pull(b, { protocol: '3', cooperation: 'coop-a', after: '0' }))).code).toBe('sync.wrongCooperation');
      const snapshot = await service.snapshot(b, { protocol: '3', cooperation: 'coop-b' });
      expect(snapshot.rows).toEqual([]);
    });

    it('refuses a whole push with a timestamp beyond the drift or of another device, storing nothing', async () => {
      const device = await enrolDevice('coop-clock');
      const ok = { hlc: hlc(0, device.clockId), table: 'offices', row: 'o', column: 'name', value: 'Lierne' };
      const ahead = { ...ok, row: 'p', hlc: hlc(25 * 3_600_000, device.clockId) };
      expect((await rejection(push(device, [ok, ahead]))).code).toBe('clock.ahead');
      expect((await rejection(push(device, [ok, { ...ok, row: 'q', hlc: hlc(0, 'someone-else') }]))).code).toBe('sync.foreignTimestamp');
      expect(await storage.lastSeq('coop-clock')).toBe(0);
      expect(await pullAll(device)).toEqual([]);
    });

    it('stops a revoked device at once', async () => {
      const device = await enrolDevice('coop-revoke');
      const header = `Bearer ${device.id}.${device.secret}`;
      await service.authenticate(header);
      expect(await service.revokeDevice(device.id)).toBe(true);
      expect((await rejection(service.authenticate(header))).code).toBe('auth.revoked');
      expect((await rejection(service.authenticate(`Bearer ${device.id}.${'x'.repeat(43)}`))).code).toBe('auth.invalid');
    });

    it('serves a snapshot in pages of whole rows, at a known sequence', async () => {
      const device = await enrolDevice('coop-snap');
      const changes: WireChange[] = [];
      for (let row = 0; row < 30; row++) {
        for (const column of ['name', 'profession', 'active']) changes.push({ hlc: hlc(row, device.clockId), table: 'staff', row: `r${String(row).padStart(2, '0')}`, column, value: `${column}${row}` });
      }
      changes.push({ hlc: hlc(99, device.clockId), table: 'staff', row: 'r00', column: 'name', value: 'endret' });
      await push(device, changes);
      const rows = [];
      let page = await service.snapshot(device, { protocol: '3', cooperation: 'coop-snap', limit: '100' });
      let pages = 1;
      const { asOf, totalCells } = page;
      rows.push(...page.rows);
      while (page.next) {
        page = await service.snapshot(device, { protocol: '3', cooperation: 'coop-snap', limit: '100', after: page.next, asOf: String(asOf), total: String(totalCells) });
        pages += 1;
        expect(page.cells).toBe(page.rows.length * 3);
        expect(page.asOf).toBe(asOf);
        rows.push(...page.rows);
      }
      expect(asOf).toBe(await storage.lastSeq('coop-snap'));
      expect(totalCells).toBe(90);
      // A limit of 100 cells is 5 whole rows (at most 20 cells a row): 30 rows in 6 full pages, then an empty last one.
      expect(pages).toBe(7);
      expect(rows.map((row) => row.row)).toEqual(Array.from({ length: 30 }, (_, i) => `r${String(i).padStart(2, '0')}`));
      expect(rows.every((row) => Object.keys(row.values).length === 3)).toBe(true);
      expect(rows[0]).toEqual({ table: 'staff', row: 'r00', hlc: hlc(0, device.clockId), values: { active: 'active0', name: 'endret', profession: 'profession0' }, hlcs: { active: hlc(0, device.clockId), name: hlc(99, device.clockId), profession: hlc(0, device.clockId) } });
    });

    it('numbers concurrent pushes without gaps a puller could fall into', async () => {
      const devices = await Promise.all([enrolDevice('coop-par'), enrolDevice('coop-par'), enrolDevice('coop-par')]);
      await Promise.all(
        devices.flatMap((device, d) =>
          Array.from({ length: 5 }, (_, batch) =>
            push(device, Array.from({ length: 20 }, (_, i) => ({ hlc: hlc(i, device.clockId, batch), table: 'shifts', row: `d${d}-b${batch}-${i}`, column: 'date', value: '2026-12-01' }))),
          ),
        ),
      );
      const pulled = await pullAll(devices[0]!, 7);
      expect(pulled).toHaveLength(300);
      expect(new Set(pulled.map((c) => c.row)).size).toBe(300);
    });
  });
}

forEachStorageAdapter(storageSuite);
