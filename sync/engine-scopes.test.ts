// The engine's scopes, agreement check and repair against a fake service that filters by office: purge on shrink (gone from the file too), download on growth, a corrupted row flagged, a repair that keeps pending changes.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openTempStore } from '../test/helpers/temp-store';
import { listAuditEvents } from '../db/audit';
import { createSyncEngine } from './engine';
import { tableDigest } from './digest';
import type { DigestCell } from './digest';
import type { PulledChange, SnapshotRow } from './protocol';
import { createMemorySecretStore } from './secret-store';
import { SyncTransportError } from './transport';
import type { SyncTransport } from './transport';
import type { SqlValue } from '../db/sync-tables';

const NOW = Date.UTC(2026, 10, 27, 12);
const hlc = (ms: number, clock = 'other-device') => `${String(ms).padStart(15, '0')}-000000-${clock}`;
const GRONG = 'office-grong';
const LIERNE = 'office-lierne';
const GRONG_PATIENT = '01017012345';
const LIERNE_PATIENT = '02028054321';

type Cells = Map<string, Map<string, Map<string, { value: SqlValue; hlc: string; seq: number }>>>;

/** A service that holds cells and serves only the patient data of the device's offices (as the real one does). */
function scopedService(initialOffices: string[]) {
  const cells: Cells = new Map();
  let seq = 0;
  const state = { offices: [...initialOffices], failPush: false, failSnapshotAfterPages: Infinity, pages: 0 };
  const put = (table: string, row: string, column: string, value: SqlValue, at: string) => {
    let rows = cells.get(table);
    if (!rows) cells.set(table, (rows = new Map()));
    let columns = rows.get(row);
    if (!columns) rows.set(row, (columns = new Map()));
    const current = columns.get(column);
    if (!current || at > current.hlc) columns.set(column, { value, hlc: at, seq: ++seq });
  };
  const officeOf = (table: string, row: string): string | null => {
    const value = (t: string, r: string, c: string) => cells.get(t)?.get(r)?.get(c)?.value ?? null;
    if (table === 'consultations') return value(table, row, 'office_id') as string | null;
    if (table === 'consultation_amendments') return officeOf('consultations', value(table, row, 'consultation_id') as string);
    if (table === 'audit_events') return value(table, row, 'patient_ref') === null ? 'all' : officeOf('consultations', value(table, row, 'target_id') as string);
    return 'all';
  };
  const visible = (table: string, row: string) => {
    const office = officeOf(table, row);
    return office === 'all' || (office !== null && state.offices.includes(office));
  };
  const rowsInScope = (): SnapshotRow[] => {
    const rows: SnapshotRow[] = [];
    for (const [table, byRow] of [...cells].sort(([a], [b]) => (a < b ? -1 : 1))) {
      for (const [row, columns] of [...byRow].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (!visible(table, row)) continue;
        const values: Record<string, SqlValue> = {};
        const hlcs: Record<string, string> = {};
        for (const [column, cell] of columns) {
          values[column] = cell.value;
          hlcs[column] = cell.hlc;
        }
        rows.push({ table, row, hlc: Object.values(hlcs).sort()[0]!, values, hlcs });
      }
    }
    return rows;
  };
  const transport: SyncTransport = {
    enrol: async () => ({
      deviceId: 'device-1',
      secret: 's'.repeat(43),
      cooperationId: 'coop',
      cooperationName: 'Indre Namdal',
      office: 'Grong, Lierne',
      offices: [...state.offices].sort(),
      rootPublicKey: null,
      serverTime: NOW,
    }),
    async push(_auth, request) {
      if (state.failPush) throw new SyncTransportError('server.unavailable', 503, 'push fails');
      for (const transaction of request.transactions) for (const cell of transaction.cells) put(cell.table, cell.row, cell.column, cell.value, transaction.hlc);
      return { accepted: 1, ignored: 0, lastSeq: seq, serverTime: NOW };
    },
    async pull(_auth, query) {
      const changes: PulledChange[] = [];
      for (const [table, byRow] of cells) {
        for (const [row, columns] of byRow) {
          if (!visible(table, row)) continue;
          for (const [column, cell] of columns) if (cell.seq > query.after) changes.push({ seq: cell.seq, hlc: cell.hlc, table, row, column, value: cell.value });
        }
      }
      changes.sort((a, b) => a.seq - b.seq);
      return { changes, transactions: {}, deviceKeys: {}, lastSeq: Math.max(query.after, seq), more: false, offices: [...state.offices].sort(), serverTime: NOW };
    },
    async snapshot(_auth, query) {
      state.pages += 1;
      if (state.pages > state.failSnapshotAfterPages) throw new SyncTransportError('network', 0, 'the line went down');
      const all = rowsInScope();
      const limit = 2;
      const start = query.after ? all.findIndex((row) => `${row.table}/${row.row}` === query.after) + 1 : 0;
      const page = all.slice(start, start + limit);
      const next = start + limit < all.length ? `${page.at(-1)!.table}/${page.at(-1)!.row}` : null;
      const count = (rows: SnapshotRow[]) => rows.reduce((sum, row) => sum + Object.keys(row.values).length, 0);
      return { asOf: query.asOf ?? seq, rows: page, next, totalCells: query.total ?? count(all), cells: count(page), serverTime: NOW };
    },
    async digest() {
      const tables: Record<string, { rows: number; digest: string }> = {};
      const byTable = new Map<string, DigestCell[]>();
      for (const row of rowsInScope()) {
        const list = byTable.get(row.table) ?? [];
        for (const [column, value] of Object.entries(row.values)) list.push({ row: row.row, column, hlc: row.hlcs![column]!, value });
        byTable.set(row.table, list);
      }
      for (const [table, list] of byTable) tables[table] = tableDigest(list);
      return { asOf: seq, tables, serverTime: NOW };
    },
    createEnrolmentCode: async () => ({ code: 'AAAA-BBBB-CCCC', expiresAt: new Date(NOW).toISOString() }),
    listDevices: async () => ({ devices: [], serverTime: NOW }),
    revokeDevice: async (_auth, { deviceId }) => ({ revoked: true, deviceId, revokedAt: new Date(NOW).toISOString() }),
    setDeviceOffices: async (_auth, { deviceId, offices }) => ({ deviceId, offices }),
  };
  return { transport, put, state };
}

/** Two offices, an entry at each (with an amendment and an audit event naming the patient), and a shift. */
function seed(put: ReturnType<typeof scopedService>['put']) {
  const at = hlc(NOW - 60_000);
  put('offices', GRONG, 'name', 'Grong legekontor', at);
  put('offices', GRONG, 'deleted', 0, at);
  put('offices', LIERNE, 'name', 'Lierne legekontor', at);
  put('offices', LIERNE, 'deleted', 0, at);
  const entry = (id: string, office: string, patient: string) => {
    for (const [column, value] of Object.entries({ office_id: office, at: '2026-11-26T09:00', patient_kind: 'identified', patient_id_number: patient, icpc2_code: 'R74', deleted: 0 })) {
      put('consultations', id, column, value, at);
    }
    put('consultation_amendments', `${id}-a`, 'consultation_id', id, at);
    put('consultation_amendments', `${id}-a`, 'reason', `Retting for ${patient}`, at);
    put('audit_events', `${id}-e`, 'action', 'consultation.created', at);
    put('audit_events', `${id}-e`, 'target_table', 'consultations', at);
    put('audit_events', `${id}-e`, 'target_id', id, at);
    put('audit_events', `${id}-e`, 'patient_ref', `ref-${patient}`, at);
  };
  entry('c-grong', GRONG, GRONG_PATIENT);
  entry('c-lierne', LIERNE, LIERNE_PATIENT);
  put('shifts', 'shift-1', 'office_id', GRONG, at);
  put('shifts', 'shift-1', 'date', '2026-11-30', at);
}

function setup(offices = [GRONG, LIERNE]) {
  const store = openTempStore({ key: null, now: () => NOW });
  const service = scopedService(offices);
  seed(service.put);
  const secrets = createMemorySecretStore();
  const engine = createSyncEngine({ store, secrets, now: () => NOW, transportFor: () => service.transport });
  const count = (sql: string) => store.db.prepare(sql).pluck().get() as number;
  /** The database file and its WAL as bytes, searched for a text. */
  const fileHolds = (text: string) =>
    [store.file, `${store.file}-wal`].some((file) => fs.existsSync(file) && fs.readFileSync(file).includes(Buffer.from(text, 'utf8')));
  return { store, engine, service, count, fileHolds, secrets };
}

describe('sync engine: scopes, agreement and repair', () => {
  it('removes the entries of an office it no longer serves, audits it, and leaves none of their bytes in the file', async () => {
    const { store, engine, service, count, fileHolds } = setup();
    try {
      await engine.enrol({ serverUrl: 'https://sync.example', code: 'AAAA-BBBB-CCCC' });
      expect(count("SELECT count(*) FROM consultations WHERE id = 'c-grong'")).toBe(1);
      expect(fileHolds(GRONG_PATIENT)).toBe(true);

      service.state.offices = [LIERNE];
      const status = await engine.syncNow();

      expect(status.lastErrorCode).toBeNull();
      expect(status.offices).toEqual([{ id: LIERNE, name: 'Lierne legekontor' }]);
      expect(count("SELECT count(*) FROM consultations WHERE id = 'c-grong'")).toBe(0);
      expect(count("SELECT count(*) FROM consultation_amendments WHERE id = 'c-grong-a'")).toBe(0);
      expect(count("SELECT count(*) FROM audit_events WHERE id = 'c-grong-e'")).toBe(0);
      expect(count("SELECT count(*) FROM consultation_index WHERE id = 'c-grong'")).toBe(0);
      expect(count("SELECT count(*) FROM row_versions WHERE row_id LIKE 'c-grong%'")).toBe(0);
      // Lierne's entry and everything that is not patient data stay.
      expect(count("SELECT count(*) FROM consultations WHERE id = 'c-lierne'")).toBe(1);
      expect(count("SELECT count(*) FROM shifts WHERE id = 'shift-1'")).toBe(1);
      const audit = listAuditEvents(store.db, { limit: 50 }).filter((event) => event.action === 'sync.scopeShrunk');
      expect(audit).toHaveLength(1);
      expect(audit[0]!.details).toMatchObject({ offices: ['Grong legekontor'], removed: { consultations: 1, consultation_amendments: 1, audit_events: 1 } });
      expect(JSON.stringify(audit[0])).not.toContain(GRONG_PATIENT);
      // Secure delete and the emptied WAL: the identity number is nowhere in the file's bytes.
      expect(fileHolds(GRONG_PATIENT)).toBe(false);
      expect(fileHolds(LIERNE_PATIENT)).toBe(true);
    } finally {
      store.close();
    }
  });

  it('downloads the entries of an office it now serves, with the download named in the status, and audits it', async () => {
    const { store, engine, service, count } = setup([LIERNE]);
    try {
      await engine.enrol({ serverUrl: 'https://sync.example', code: 'AAAA-BBBB-CCCC' });
      expect(count("SELECT count(*) FROM consultations WHERE id = 'c-grong'")).toBe(0);

      service.state.offices = [GRONG, LIERNE];
      const seen: unknown[] = [];
      engine.listen({ status: (status) => status.download && seen.push(status.download) });
      const status = await engine.syncNow();

      expect(status.lastErrorCode).toBeNull();
      expect(status.download).toBeNull();
      expect(seen).toContainEqual({ reason: 'scope', offices: ['Grong legekontor'] });
      expect(count("SELECT count(*) FROM consultations WHERE id = 'c-grong'")).toBe(1);
      expect(count("SELECT count(*) FROM consultation_amendments WHERE id = 'c-grong-a'")).toBe(1);
      expect(count("SELECT count(*) FROM consultation_index WHERE id = 'c-grong'")).toBe(1);
      const audit = listAuditEvents(store.db, { limit: 50 }).filter((event) => event.action === 'sync.scopeGrown');
      expect(audit.map((event) => event.details)).toEqual([{ offices: ['Grong legekontor'] }]);
    } finally {
      store.close();
    }
  });

  it('agrees with the service after a sync, and flags the table of a value changed directly in SQLite', async () => {
    const { store, engine, count } = setup();
    try {
      await engine.enrol({ serverUrl: 'https://sync.example', code: 'AAAA-BBBB-CCCC' });
      store.writer.write((changes) => changes.insert('offices', 'office-snasa', { name: 'Snåsa legekontor' }));
      expect(await engine.checkAgreement()).toMatchObject({ state: 'agree', tables: [] });
      expect(count('SELECT count(*) FROM outbox')).toBe(0);

      store.db.prepare("UPDATE consultations SET icpc2_code = 'R80' WHERE id = 'c-lierne'").run();
      const result = await engine.checkAgreement();
      expect(result).toMatchObject({ state: 'differ', tables: ['consultations'] });
      expect(engine.status().agreement).toEqual(result);
    } finally {
      store.close();
    }
  });

  it('repairs: a failed push keeps the changes, the data is downloaded fresh, pending changes are applied again and later pushed', async () => {
    const { store, engine, service, count, secrets } = setup();
    try {
      await engine.enrol({ serverUrl: 'https://sync.example', code: 'AAAA-BBBB-CCCC' });
      store.db.prepare("UPDATE consultations SET icpc2_code = 'R80' WHERE id = 'c-lierne'").run();
      store.writer.write((changes) => changes.update('offices', LIERNE, { name: 'Lierne legesenter' }));
      service.state.failPush = true;
      // The download breaks off after two pages, as a crash or a lost line would.
      service.state.pages = 0;
      service.state.failSnapshotAfterPages = 2;
      const broken = await engine.repair({ requestedBy: 'admin' });
      expect(broken.repairing).toBe(true);
      expect(broken.download).toMatchObject({ reason: 'repair' });
      expect(broken.pendingChanges).toBeGreaterThan(0);

      // The next start resumes the download (a new engine on the same store, as after a restart).
      service.state.failSnapshotAfterPages = Infinity;
      const restarted = createSyncEngine({ store, secrets, now: () => NOW, transportFor: () => service.transport });
      const after = await restarted.syncNow();
      expect(after.lastErrorCode).toBe('sync.serverError');
      expect(after.repairing).toBe(false);
      expect(count("SELECT count(*) FROM consultations WHERE icpc2_code = 'R80'")).toBe(0);
      // The pending rename survived the emptying and the download: applied again, still waiting to be pushed.
      expect(count(`SELECT count(*) FROM offices WHERE id = '${LIERNE}' AND name = 'Lierne legesenter'`)).toBe(1);
      expect(after.pendingChanges).toBeGreaterThan(0);
      expect(listAuditEvents(store.db, { limit: 50 }).filter((event) => event.action === 'sync.repaired')).toHaveLength(1);

      service.state.failPush = false;
      const synced = await restarted.syncNow();
      expect(synced.pendingChanges).toBe(0);
      expect(await restarted.checkAgreement()).toMatchObject({ state: 'agree' });
    } finally {
      store.close();
    }
  });

  it('refuses a repair while the service cannot be reached, and changes nothing', async () => {
    const { store, engine, count, service } = setup();
    try {
      await engine.enrol({ serverUrl: 'https://sync.example', code: 'AAAA-BBBB-CCCC' });
      const pull = service.transport.pull;
      service.transport.pull = () => Promise.reject(new SyncTransportError('network', 0, 'offline'));
      await expect(engine.repair({ requestedBy: 'admin' })).rejects.toMatchObject({ code: 'sync.offline' });
      service.transport.pull = pull;
      expect(engine.status().repairing).toBe(false);
      expect(count('SELECT count(*) FROM consultations')).toBe(2);
    } finally {
      store.close();
    }
  });
});
