// Office scopes on both storage adapters (SQLite and a real PostgreSQL): pulls and snapshots carry patient data only to devices serving its office, forged pushes are refused whole, changing offices changes what is served, and the agreement digest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachStorageAdapter } from '../test/helpers/storage-adapters';
import { tableDigest } from '../sync/digest';
import type { PulledChange, PushTransaction, SnapshotRow, WireCell } from '../sync/protocol';
import { SyncServiceError } from './request-checks';
import { createSyncService } from './service';
import type { SyncService } from './service';
import type { StoredDevice, SyncStorage } from './storage';

const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);
const DEVICE_KEY = 'A'.repeat(43);
const GRONG = 'o-grong';
const LIERNE = 'o-lierne';
const GRONG_NUMBER = '01017012345';
const LIERNE_NUMBER = '02028054321';

type Values = Record<string, string | number | null>;

async function refusal(promise: Promise<unknown>): Promise<SyncServiceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncServiceError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A row's cells as an insert writes them (every column, and deleted = 0). */
const row = (table: string, id: string, values: Values): WireCell[] => [
  ...Object.entries(values).map(([column, value]) => ({ table, row: id, column, value })),
  { table, row: id, column: 'deleted', value: 0 },
];

function scopesSuite(name: string, open: () => Promise<SyncStorage>) {
  describe(`office scopes on ${name}`, () => {
    let storage: SyncStorage;
    let service: SyncService;
    let logs: string[];
    let cooperations = 0;
    let tick = 0;

    beforeAll(async () => {
      storage = await open();
      logs = [];
      service = createSyncService({ storage, now: () => NOW, log: (line) => logs.push(line) });
    });
    afterAll(async () => {
      await storage.close();
    });

    async function enrol(cooperationId: string, clockId: string, offices: string[]): Promise<StoredDevice> {
      const { code } = await service.createEnrolmentCode({ cooperationId, offices, ...(offices.length === 0 ? { officeNames: ['Grong legekontor'] } : {}) });
      const enrolled = await service.enrol({ protocol: 3, code, clockId, publicKey: DEVICE_KEY });
      return service.authenticate(`Bearer ${enrolled.deviceId}.${enrolled.secret}`);
    }
    /** The device as the service knows it now (after an office change). */
    const current = async (device: StoredDevice) => (await storage.findDevice(device.id))!;
    const stamp = (device: StoredDevice) => `${String(NOW - 60_000 + tick++).padStart(15, '0')}-000000-${device.clockId}`;
    const push = (device: StoredDevice, ...transactions: WireCell[][]) =>
      service.push(device, {
        protocol: 3,
        cooperationId: device.cooperationId,
        transactions: transactions.map((cells): PushTransaction => ({ hlc: stamp(device), author: 'legacy', cells })),
      });
    async function pullAll(device: StoredDevice, limit = 3, extra: Record<string, string> = {}): Promise<{ changes: PulledChange[]; lastSeq: number; offices: string[] }> {
      const changes: PulledChange[] = [];
      let after = 0;
      for (;;) {
        const page = await service.pull(await current(device), { protocol: '3', cooperation: device.cooperationId, after: String(after), limit: String(limit), ...extra });
        changes.push(...page.changes);
        expect(page.lastSeq).toBeGreaterThanOrEqual(after);
        after = page.lastSeq;
        if (!page.more) return { changes, lastSeq: after, offices: page.offices };
      }
    }
    async function snapshotAll(device: StoredDevice, limit = 40): Promise<SnapshotRow[]> {
      const rows: SnapshotRow[] = [];
      let next: string | null = null;
      let asOf: number | undefined;
      for (;;) {
        const page = await service.snapshot(await current(device), {
          protocol: '3',
          cooperation: device.cooperationId,
          limit: String(limit),
          ...(next ? { after: next, asOf: String(asOf) } : {}),
        });
        asOf = page.asOf;
        rows.push(...page.rows);
        next = page.next;
        if (!next) return rows;
      }
    }
    const rowsOf = (changes: readonly { table: string; row: string }[]) => [...new Set(changes.map((change) => `${change.table}/${change.row}`))].sort();

    /**
     * A cooperation with Grong and Lierne (created by the admin's computer, which therefore serves both), a Grong, a
     * Lierne and a both-offices computer, and at each office an entry, its amendment, a prescription request and answer,
     * and audit events with a patient reference; plus a shift and an audit event without one, for everyone.
     */
    async function cooperation() {
      const cooperationId = `coop-scopes-${++cooperations}`;
      const admin = await enrol(cooperationId, `admin${cooperations}`, []);
      await push(admin, [...row('offices', GRONG, { name: 'Grong legekontor' }), ...row('offices', LIERNE, { name: 'Lierne legekontor' })]);
      const grong = await enrol(cooperationId, `grong${cooperations}`, [GRONG]);
      const lierne = await enrol(cooperationId, `lierne${cooperations}`, [LIERNE]);
      const both = await enrol(cooperationId, `both${cooperations}`, [LIERNE, GRONG]);
      // Each entry with everything that follows it, in one push (references resolve inside the push).
      await push(
        grong,
        row('consultations', 'k-grong', { office_id: GRONG, patient_id_number: GRONG_NUMBER, outcome: 'self-care' }),
        [
          ...row('prescription_requests', 'p-grong', { consultation_id: 'k-grong', office_id: GRONG }),
          ...row('audit_events', 'e-grong', { action: 'consultation.created', target_table: 'consultations', target_id: 'k-grong', patient_ref: 'ref-grong' }),
        ],
        row('audit_events', 'e-search', { action: 'consultation.searchedByIdentity', patient_ref: 'ref-search' }),
        row('audit_events', 'e-plain', { action: 'session.signedIn', patient_ref: null }),
        row('shifts', 's-1', { office_id: GRONG, note: 'Dagvakt' }),
      );
      // Later pushes find the office of the row they follow among the stored rows.
      await push(grong, row('consultation_amendments', 'a-grong', { consultation_id: 'k-grong', kind: 'correction', reason: 'Feil dato' }));
      await push(both, row('prescription_answers', 'ans-grong', { request_id: 'p-grong', answer: 'declined', reason: 'Ikke indisert' }));
      await push(
        lierne,
        row('consultations', 'k-lierne', { office_id: LIERNE, patient_id_number: LIERNE_NUMBER, outcome: 'self-care' }),
        row('audit_events', 'e-lierne', { action: 'consultation.created', target_table: 'consultations', target_id: 'k-lierne', patient_ref: 'ref-lierne' }),
      );
      return { cooperationId, admin, grong, lierne, both };
    }

    const GRONG_ROWS = [
      'audit_events/e-grong',
      'audit_events/e-search',
      'consultation_amendments/a-grong',
      'consultations/k-grong',
      'prescription_answers/ans-grong',
      'prescription_requests/p-grong',
    ];
    const LIERNE_ROWS = ['audit_events/e-lierne', 'consultations/k-lierne'];
    const SHARED_ROWS = ['audit_events/e-plain', `offices/${GRONG}`, `offices/${LIERNE}`, 'shifts/s-1'];

    it("serves a Lierne-only computer no Grong entry, amendment, prescription or patient audit event, in pulls and snapshots; both offices get both; everyone gets the rest", async () => {
      const { lierne, both, admin } = await cooperation();
      const lastSeq = await storage.lastSeq(lierne.cooperationId);

      const lierneFeed = await pullAll(lierne);
      expect(rowsOf(lierneFeed.changes)).toEqual([...LIERNE_ROWS, ...SHARED_ROWS].sort());
      expect(JSON.stringify(lierneFeed.changes)).not.toContain(GRONG_NUMBER);
      // The cursor still moves past every cell it was not given, and the last page says there is no more.
      expect(lierneFeed.lastSeq).toBe(lastSeq);
      expect(lierneFeed.offices).toEqual([LIERNE]);
      const lierneSnapshot = await snapshotAll(lierne);
      expect(rowsOf(lierneSnapshot)).toEqual([...LIERNE_ROWS, ...SHARED_ROWS].sort());
      expect(JSON.stringify(lierneSnapshot)).not.toContain(GRONG_NUMBER);

      for (const device of [both, admin]) {
        const feed = await pullAll(device);
        expect(rowsOf(feed.changes)).toEqual([...GRONG_ROWS, ...LIERNE_ROWS, ...SHARED_ROWS].sort());
        expect(feed.offices).toEqual([GRONG, LIERNE]);
        expect(rowsOf(await snapshotAll(device))).toEqual([...GRONG_ROWS, ...LIERNE_ROWS, ...SHARED_ROWS].sort());
      }
      // A snapshot's progress counts the cells this computer will get.
      const first = await service.snapshot(lierne, { protocol: '3', cooperation: lierne.cooperationId, limit: '40' });
      expect(first.totalCells).toBe(lierneFeed.changes.length);
    });

    it('refuses a forged push of Grong patient data from a Lierne-only computer whole (403 scope.officeRefused), storing nothing, and logs it', async () => {
      const { lierne, grong } = await cooperation();
      const before = await storage.lastSeq(lierne.cooperationId);
      const forged: [string, WireCell[]][] = [
        ['an entry naming Grong', row('consultations', 'k-forged', { office_id: GRONG, patient_id_number: '03039012345' })],
        ['an amendment of a Grong entry', row('consultation_amendments', 'a-forged', { consultation_id: 'k-grong', kind: 'correction', reason: 'x' })],
        ['erasing a Grong entry’s number', [{ table: 'consultations', row: 'k-grong', column: 'patient_id_number', value: null }]],
        ['an audit event about a Grong entry', row('audit_events', 'e-forged', { action: 'consultation.revealed', target_table: 'consultations', target_id: 'k-grong', patient_ref: 'ref-grong' })],
        ['an answer to a Grong prescription', row('prescription_answers', 'ans-forged', { request_id: 'p-grong', answer: 'signed' })],
        // Saying Lierne in its own office column does not help a request that follows a Grong entry.
        ['a request for a Grong entry claiming Lierne', row('prescription_requests', 'p-forged', { consultation_id: 'k-grong', office_id: LIERNE })],
      ];
      for (const [label, cells] of forged) {
        logs.length = 0;
        // With a harmless shift in the same push: nothing of it is stored either.
        const refused = await refusal(push(lierne, row('shifts', `s-${label.length}`, { note: label }), cells));
        expect([label, refused.status, refused.code]).toEqual([label, 403, 'scope.officeRefused']);
        expect(logs.some((line) => line.includes(lierne.id) && line.includes('scope.officeRefused'))).toBe(true);
      }
      expect(await storage.lastSeq(lierne.cooperationId)).toBe(before);
      expect(rowsOf((await pullAll(grong)).changes).filter((key) => key.includes('forged') || key.startsWith('shifts/s-') && key !== 'shifts/s-1')).toEqual([]);
      // Its own office's data goes through.
      expect(await push(lierne, row('consultations', 'k-lierne-2', { office_id: LIERNE, patient_id_number: '04049012345' }))).toMatchObject({ accepted: 3 });
    });

    it('ignores anything a pull or snapshot request says about offices: the scope is the one the service keeps', async () => {
      const { lierne } = await cooperation();
      const attempts: Record<string, string>[] = [{ offices: GRONG }, { office: GRONG }, { 'offices[]': GRONG }, { scope: 'all' }];
      for (const extra of attempts) {
        const feed = await pullAll(lierne, 100, extra);
        expect(rowsOf(feed.changes)).toEqual([...LIERNE_ROWS, ...SHARED_ROWS].sort());
        const page = await service.snapshot(lierne, { protocol: '3', cooperation: lierne.cooperationId, ...extra });
        expect(JSON.stringify(page)).not.toContain(GRONG_NUMBER);
      }
      const other = await cooperation();
      expect((await refusal(service.pull(lierne, { protocol: '3', cooperation: other.cooperationId, after: '0' }))).code).toBe('sync.wrongCooperation');
    });

    it("follows a change of a computer's offices in its next pull and snapshot", async () => {
      const { lierne } = await cooperation();
      expect(rowsOf(await snapshotAll(lierne))).not.toContain('consultations/k-grong');
      await service.setDeviceOffices(lierne.id, [LIERNE, GRONG]);
      const widened = await pullAll(lierne);
      expect(widened.offices).toEqual([GRONG, LIERNE]);
      expect(rowsOf(widened.changes)).toEqual([...GRONG_ROWS, ...LIERNE_ROWS, ...SHARED_ROWS].sort());
      expect(rowsOf(await snapshotAll(lierne))).toEqual([...GRONG_ROWS, ...LIERNE_ROWS, ...SHARED_ROWS].sort());
      await service.setDeviceOffices(lierne.id, [GRONG]);
      const moved = await pullAll(lierne);
      expect(moved.offices).toEqual([GRONG]);
      expect(rowsOf(moved.changes)).toEqual([...GRONG_ROWS, ...SHARED_ROWS].sort());
      expect(JSON.stringify(await snapshotAll(lierne))).not.toContain(LIERNE_NUMBER);
      // And it may now push Grong's data, not Lierne's.
      expect(await push(await current(lierne), row('consultation_amendments', 'a-moved', { consultation_id: 'k-grong', kind: 'note', reason: 'x' }))).toMatchObject({ accepted: 4 });
      expect((await refusal(push(await current(lierne), row('consultation_amendments', 'a-old', { consultation_id: 'k-lierne', kind: 'note', reason: 'x' })))).code).toBe('scope.officeRefused');
    });

    it('gives the agreement digest of what the computer may hold: what it pulled hashes the same, one changed cell differs, scope counts', async () => {
      const { lierne, both, admin, grong } = await cooperation();
      const digest = async (device: StoredDevice) => service.digest(await current(device), { protocol: '3', cooperation: device.cooperationId });
      const fromPull = async (device: StoredDevice) => {
        const { changes } = await pullAll(device, 1000);
        const tables = new Map<string, PulledChange[]>();
        for (const change of changes) tables.set(change.table, [...(tables.get(change.table) ?? []), change]);
        return Object.fromEntries([...tables].map(([table, cells]) => [table, tableDigest(cells)]));
      };
      const lierneDigest = await digest(lierne);
      expect(lierneDigest.asOf).toBe(await storage.lastSeq(lierne.cooperationId));
      expect(lierneDigest.tables).toMatchObject(await fromPull(lierne));
      expect(lierneDigest.tables.consultations).toMatchObject({ rows: 1 });
      // Every synced table is listed, an empty one too.
      expect(lierneDigest.tables.routines).toEqual(tableDigest([]));
      const bothDigest = await digest(both);
      expect(bothDigest.tables).toMatchObject(await fromPull(both));
      expect(bothDigest.tables.consultations).toMatchObject({ rows: 2 });
      expect(bothDigest.tables.consultations!.digest).not.toBe(lierneDigest.tables.consultations!.digest);
      // The same offices, the same digest.
      expect((await digest(admin)).tables).toEqual(bothDigest.tables);
      // One cell changes: that table's digest changes, and only that one.
      await push(grong, [{ table: 'shifts', row: 's-1', column: 'note', value: 'Kveldsvakt' }]);
      const after = await digest(both);
      expect(after.asOf).toBeGreaterThan(bothDigest.asOf);
      expect(after.tables.shifts!.digest).not.toBe(bothDigest.tables.shifts!.digest);
      expect({ ...after.tables, shifts: null }).toEqual({ ...bothDigest.tables, shifts: null });
      expect(after.tables).toMatchObject(await fromPull(both));
    });

    it('serves in a snapshot, at any page size, exactly the cells the scope filter lets through, and continues a row from a key inside it', async () => {
      const { grong, lierne, both } = await cooperation();
      // An audit event without a patient reference in a patient-scoped table, and a row of a table nobody scopes, after the rest.
      await push(grong, row('audit_events', 'z-plain', { action: 'session.signedOut', patient_ref: null }), row('staff', 'z-staff', { name: 'Kari' }));
      const cellsOf = (rows: readonly SnapshotRow[]) =>
        rows.flatMap((each) => Object.entries(each.values).map(([column, value]) => `${each.table}/${each.row}/${column}/${each.hlcs?.[column] ?? each.hlc}/${JSON.stringify(value)}`));
      for (const device of [grong, lierne, both]) {
        const offices = (await current(device)).offices;
        // What the scope filter (the digest's read, a join on row_offices per cell) gives this computer.
        const expected: string[] = [];
        await storage.scopedCells(device.cooperationId, offices, (cell) => expected.push(`${cell.table}/${cell.row}/${cell.column}/${cell.hlc}/${JSON.stringify(cell.value)}`));
        for (const maxRows of [1, 2, 3, 1000]) {
          const rows: SnapshotRow[] = [];
          let after = null as Parameters<SyncStorage['snapshotPage']>[1];
          for (;;) {
            const page = await storage.snapshotPage(device.cooperationId, after, maxRows, offices);
            const pageRows = JSON.parse(page.rowsJson) as SnapshotRow[];
            expect(pageRows.length).toBeLessThanOrEqual(maxRows);
            rows.push(...pageRows);
            if (!page.next) break;
            after = page.next;
          }
          expect(cellsOf(rows)).toEqual(expected);
        }
      }
      // A key from an older service pointing into the middle of a patient-scoped row: the rest of that row comes first.
      const page = await storage.snapshotPage(grong.cooperationId, { table: 'consultations', row: 'k-grong', column: 'office_id' }, 1, (await current(grong)).offices);
      expect(JSON.parse(page.rowsJson)).toEqual([expect.objectContaining({ table: 'consultations', row: 'k-grong', values: { outcome: 'self-care', patient_id_number: GRONG_NUMBER } })]);
      expect(page.next).toEqual({ table: 'consultations', row: 'k-grong', column: 'patient_id_number' });
    });
  });
}

forEachStorageAdapter(scopesSuite);
