// The client engine's edges with a fake service: newer versions' changes kept for later, clock drift, revocation, references arriving early, signed pushes and refused ones.
import { describe, expect, it } from 'vitest';
import { openTempStore } from '../test/helpers/temp-store';
import { createSyncEngine, toPushTransaction, toSyncError } from './engine';
import { deviceSigner } from '../db/signer';
import { generateSigningKey } from '../db/signing';
import { isBulkLoading } from '../db/bulk-load';
import { createMerger } from './merge';
import type { EnrolRequest, PulledChange, PushRequest, SnapshotResponse } from './protocol';
import { createMemorySecretStore } from './secret-store';
import { SyncTransportError } from './transport';
import type { SyncTransport } from './transport';

const NOW = Date.UTC(2026, 10, 27, 12);
const hlc = (ms: number, clock = 'other-device') => `${String(ms).padStart(15, '0')}-000000-${clock}`;

/** A fake service: serves `log` to pulls (no snapshot content), records pushes, or fails with `failWith`. */
function fakeService(log: PulledChange[] = []) {
  const pushes: PushRequest[] = [];
  const enrolments: EnrolRequest[] = [];
  const state: { failWith: SyncTransportError | null; failPushWith: SyncTransportError | null; rootPublicKey: string | null; loseAnswers: number } = {
    failWith: null,
    failPushWith: null,
    rootPublicKey: null,
    /** Pushes whose answer is lost after the service stored them (as a crash between push and removal would be). */
    loseAnswers: 0,
  };
  const transport: SyncTransport = {
    async enrol(request) {
      enrolments.push(request);
      return {
        deviceId: '00000000-0000-4000-8000-000000000001',
        secret: 's'.repeat(43),
        cooperationId: 'coop',
        cooperationName: 'Indre Namdal',
        office: 'Grong',
        offices: ['office-grong'],
        rootPublicKey: state.rootPublicKey,
        serverTime: NOW,
      };
    },
    async push(_auth, request) {
      if (state.failWith) throw state.failWith;
      if (state.failPushWith) throw state.failPushWith;
      pushes.push(request);
      if (state.loseAnswers > 0) {
        state.loseAnswers -= 1;
        throw new SyncTransportError('network', 0, 'the answer was lost');
      }
      return { accepted: request.transactions.reduce((sum, transaction) => sum + transaction.cells.length, 0), ignored: 0, lastSeq: 1, serverTime: NOW };
    },
    async pull(_auth, query) {
      if (state.failWith) throw state.failWith;
      const changes = log.filter((change) => change.seq > query.after);
      return { changes, transactions: {}, deviceKeys: {}, lastSeq: changes.at(-1)?.seq ?? query.after, more: false, offices: ['office-grong'], serverTime: NOW };
    },
    snapshot: async () => ({ asOf: 0, rows: [], next: null, totalCells: 0, cells: 0, serverTime: NOW }),
    createEnrolmentCode: async () => ({ code: 'AAAA-BBBB-CCCC', expiresAt: new Date(NOW + 3_600_000).toISOString() }),
    listDevices: async () => ({ devices: [], serverTime: NOW }),
    revokeDevice: async (_auth, { deviceId }) => ({ revoked: true, deviceId, revokedAt: new Date(NOW).toISOString() }),
    digest: async () => ({ asOf: 0, tables: {}, serverTime: NOW }),
    setDeviceOffices: async (_auth, { deviceId, offices }) => ({ deviceId, offices: [...offices].sort() }),
  };
  return { transport, pushes, enrolments, state };
}

function setup(log: PulledChange[] = []) {
  const store = openTempStore({ key: null, now: () => NOW });
  const service = fakeService(log);
  const engine = createSyncEngine({ store, secrets: createMemorySecretStore(), now: () => NOW, transportFor: () => service.transport });
  return { store, engine, ...service };
}

describe('sync engine', () => {
  it('keeps a change for a table or column this version does not know, and applies it once it does', () => {
    const store = openTempStore({ key: null, now: () => NOW });
    try {
      const merger = createMerger(store);
      const result = merger.apply([
        { hlc: hlc(NOW), table: 'future_table', row: 'x', column: 'name', value: 'fra en nyere versjon' },
        { hlc: hlc(NOW), table: 'offices', row: 'o1', column: 'future_column', value: 42 },
      ]);
      expect(result).toMatchObject({ applied: 0, pending: 2 });
      expect(store.db.prepare('SELECT count(*) FROM sync_pending').pluck().get()).toBe(2);
      // As after an upgrade that added offices.name: a kept change for a column now known is applied and leaves the list.
      store.db.prepare("INSERT INTO sync_pending VALUES ('offices', 'o2', 'name', ?, '\"Lierne\"')").run(hlc(NOW));
      expect(merger.applyPending()).toMatchObject({ applied: 1 });
      expect(store.db.prepare("SELECT name FROM offices WHERE id = 'o2'").pluck().get()).toBe('Lierne');
      expect(store.db.prepare('SELECT count(*) FROM sync_pending').pluck().get()).toBe(2);
    } finally {
      store.close();
    }
  });

  it('creates a referred row that has not arrived yet and fills it when it does', () => {
    const store = openTempStore({ key: null, now: () => NOW });
    try {
      const merger = createMerger(store);
      merger.apply([{ hlc: hlc(NOW), table: 'shifts', row: 's1', column: 'staff_id', value: 'staff-1' }]);
      expect(store.db.prepare("SELECT staff_id FROM shifts WHERE id = 's1'").pluck().get()).toBe('staff-1');
      merger.apply([{ hlc: hlc(NOW - 5000), table: 'staff', row: 'staff-1', column: 'name', value: 'Ingrid Solbakk' }]);
      expect(store.db.prepare("SELECT name FROM staff WHERE id = 'staff-1'").pluck().get()).toBe('Ingrid Solbakk');
    } finally {
      store.close();
    }
  });

  it('stops with a clear code when a remote clock is beyond the drift, keeps local changes and applies nothing', async () => {
    const { store, engine, pushes } = setup([{ seq: 1, hlc: hlc(NOW + 2 * 86_400_000), table: 'offices', row: 'far', column: 'name', value: 'Fremtid' }]);
    try {
      store.writer.write((changes) => changes.insert('offices', 'local', { name: 'Grong' }));
      const status = await engine.enrol({ serverUrl: 'https://sync.example', code: 'AAAA-BBBB-CCCC' });
      expect(status).toMatchObject({ lastErrorCode: 'sync.clockDrift', state: 'error' });
      expect(status.pendingChanges).toBeGreaterThan(0);
      expect(pushes).toHaveLength(0);
      expect(store.db.prepare("SELECT count(*) FROM offices WHERE id = 'far'").pluck().get()).toBe(0);
    } finally {
      store.close();
    }
  });

  it('stops syncing when the device is revoked, keeping its changes', async () => {
    const { store, engine, state } = setup();
    try {
      await engine.enrol({ serverUrl: 'https://sync.example', code: 'AAAA-BBBB-CCCC' });
      store.writer.write((changes) => changes.insert('offices', 'after', { name: 'Lierne' }));
      state.failWith = new SyncTransportError('auth.revoked', 401, 'revoked');
      const status = await engine.syncNow();
      expect(status).toMatchObject({ state: 'stopped', lastErrorCode: 'sync.revoked', online: true });
      expect(status.pendingChanges).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });

  it('reports offline, then pushes everything once the service answers again', async () => {
    const { store, engine, state, pushes } = setup();
    try {
      state.failWith = new SyncTransportError('network', 0, 'unreachable');
      store.writer.write((changes) => changes.insert('offices', 'o', { name: 'Røyrvik' }));
      const offline = await engine.enrol({ serverUrl: 'https://sync.example', code: 'AAAA-BBBB-CCCC' });
      expect(offline).toMatchObject({ state: 'offline', online: false, lastErrorCode: 'sync.offline' });
      state.failWith = null;
      const online = await engine.syncNow();
      expect(online).toMatchObject({ state: 'idle', online: true, lastErrorCode: null, pendingChanges: 0 });
      expect(pushes.flatMap((push) => push.transactions.flatMap((transaction) => transaction.cells)).map((cell) => cell.row)).toContain('o');
    } finally {
      store.close();
    }
  });

  it('resumes a first download that broke off at its page, with the indexes back in place meanwhile', async () => {
    const consultation = (id: string) => ({
      table: 'consultations',
      row: id,
      hlc: hlc(NOW - 60_000),
      values: { office_id: 'o1', nurse_id: 'n1', at: '2026-11-20T10:00', icpc2_code: 'R74', outcome: 'resolvedByNurse', deleted: 0 },
    });
    const pages: SnapshotResponse[] = [
      { asOf: 7, rows: [consultation('c1'), consultation('c2')], next: 'page-2', totalCells: 18, cells: 12, serverTime: NOW },
      { asOf: 7, rows: [consultation('c3')], next: null, totalCells: 18, cells: 6, serverTime: NOW },
    ];
    const { store, engine, transport } = setup();
    const requested: (string | undefined)[] = [];
    let failSecond = true;
    transport.snapshot = async (_auth, query) => {
      requested.push(query.after);
      if (query.after === undefined) return pages[0]!;
      if (failSecond) throw new SyncTransportError('network', 0, 'unreachable');
      expect(query).toMatchObject({ asOf: 7, total: 18 });
      return pages[1]!;
    };
    const indexes = () => store.db.prepare(`SELECT count(*) FROM sqlite_master WHERE type IN ('index', 'trigger')`).pluck().get();
    try {
      const before = indexes();
      const broken = await engine.enrol({ serverUrl: 'https://sync.example', code: 'AAAA-BBBB-CCCC' });
      expect(broken).toMatchObject({ state: 'offline', firstDownload: { done: 12, total: 18 } });
      expect(isBulkLoading(store.db)).toBe(false);
      expect(indexes()).toBe(before);
      expect(store.db.prepare('SELECT id FROM consultation_index ORDER BY id').pluck().all()).toEqual(['c1', 'c2']);
      failSecond = false;
      const done = await engine.syncNow();
      expect(done).toMatchObject({ state: 'idle', firstDownload: null });
      expect(requested).toEqual([undefined, 'page-2', 'page-2']);
      expect(store.db.prepare('SELECT id FROM consultation_index ORDER BY id').pluck().all()).toEqual(['c1', 'c2', 'c3']);
      expect(indexes()).toBe(before);
    } finally {
      store.close();
    }
  });

  it('enrols with its device key, pins the root the service gives, and pushes signed transactions', async () => {
    const { store, engine, pushes, enrolments, state } = setup();
    try {
      const root = generateSigningKey();
      state.rootPublicKey = root.publicKey;
      store.writer.write((changes) => changes.insert('offices', 'o', { name: 'Snåsa' }));
      const status = await engine.enrol({ serverUrl: 'https://sync.example', code: 'AAAA-BBBB-CCCC' });
      expect(status).toMatchObject({ state: 'idle', pendingChanges: 0, rejectedCount: 0, pushRefusal: null });
      expect(enrolments[0]!.publicKey).toBe(deviceSigner(store.db, store.clock.deviceId).key.publicKey);
      expect(store.trust.pinnedRoot()).toBe(root.publicKey);
      const [transaction] = pushes[0]!.transactions;
      expect(transaction).toMatchObject({ author: `device:${store.clock.deviceId}`, hlc: expect.any(String), signature: expect.any(String) });
      expect(transaction!.digests).toHaveLength(transaction!.cells.length);
      expect(transaction!.cells.map((cell) => cell.i)).toEqual(transaction!.cells.map((_, i) => i));
      // Erasable columns only carry a blind; the others have none on the wire.
      expect(transaction!.cells.every((cell) => !('blind' in cell))).toBe(true);
    } finally {
      store.close();
    }
  });

  it('removes pushed transactions once the service acknowledges them, and sends them again when the answer was lost', async () => {
    const { store, engine, pushes, state } = setup();
    const rows = () => ({
      cells: store.db.prepare('SELECT count(*) FROM outbox').pluck().get(),
      seals: store.db.prepare('SELECT count(*) FROM outbox_transactions').pluck().get(),
    });
    try {
      await engine.enrol({ serverUrl: 'https://sync.example', code: 'AAAA-BBBB-CCCC' });
      expect(rows()).toEqual({ cells: 0, seals: 0 });
      store.writer.write((changes) => changes.insert('offices', 'o', { name: 'Lierne', municipality: 'Lierne' }));
      state.loseAnswers = 1;
      const written = rows();
      expect(written).toMatchObject({ cells: expect.any(Number), seals: 1 });
      const lost = await engine.syncNow();
      expect(lost).toMatchObject({ state: 'offline', pendingChanges: written.cells });
      expect(rows()).toEqual(written);
      const again = await engine.syncNow();
      expect(again).toMatchObject({ state: 'idle', pendingChanges: 0 });
      expect(rows()).toEqual({ cells: 0, seals: 0 });
      // The same signed transaction both times: the service recognises the second as one it has (idempotent push).
      const sent = pushes.slice(-2).map((push) => push.transactions.map((transaction) => transaction.hlc));
      expect(sent[0]).toEqual(sent[1]);
    } finally {
      store.close();
    }
  });

  it('removes, after a push, the rows an earlier version kept after sending them, and nothing unsent', async () => {
    const { store, engine, pushes } = setup();
    try {
      for (let i = 0; i < 5; i += 1) store.writer.write((changes) => changes.insert('offices', `old-${i}`, { name: `Kontor ${i}` }));
      // As the previous version left them: sent, kept for ever.
      const kept = store.db.prepare("UPDATE outbox SET sent_at = '2026-01-01T00:00:00.000Z'").run().changes;
      store.writer.write((changes) => changes.insert('offices', 'new', { name: 'Snåsa' }));
      expect(store.db.prepare('SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL').pluck().get()).toBe(kept);
      expect(store.db.prepare('SELECT count(*) FROM outbox WHERE sent_at IS NULL').pluck().get()).toBeGreaterThan(0);
      const status = await engine.enrol({ serverUrl: 'https://sync.example', code: 'AAAA-BBBB-CCCC' });
      expect(status).toMatchObject({ state: 'idle', pendingChanges: 0 });
      // Only what was unsent was pushed; the kept rows went without being sent again.
      expect(pushes.flatMap((push) => push.transactions.flatMap((transaction) => transaction.cells)).map((cell) => cell.row)).not.toContain('old-0');
      expect(store.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
      expect(store.db.prepare('SELECT count(*) FROM outbox_transactions').pluck().get()).toBe(0);
    } finally {
      store.close();
    }
  });

  it('sends a legacy outbox transaction without seal or indexes', () => {
    expect(
      toPushTransaction({ hlc: hlc(NOW), author: 'legacy', signature: null, digests: null, cells: [{ i: null, table: 'offices', row: 'o', column: 'name', value: 'Lierne', blind: null }] }),
    ).toEqual({ hlc: hlc(NOW), author: 'legacy', cells: [{ table: 'offices', row: 'o', column: 'name', value: 'Lierne' }] });
  });

  it('keeps a push the service refuses on a trust check in the outbox, says why, and backs off instead of retrying at once', async () => {
    const { store, engine, pushes, state } = setup();
    try {
      await engine.enrol({ serverUrl: 'https://sync.example', code: 'AAAA-BBBB-CCCC' });
      store.writer.write((changes) => changes.insert('offices', 'refused', { name: 'Namsskogan' }));
      state.failPushWith = new SyncTransportError('trust.forbidden', 403, 'user:u-1 may not write offices.name of refused');
      const refused = await engine.syncNow();
      expect(refused).toMatchObject({ state: 'error', lastErrorCode: 'sync.pushRefused', pushRefusal: { code: 'trust.forbidden' } });
      expect(refused.pendingChanges).toBeGreaterThan(0);
      expect(pushes).toHaveLength(0);
      state.failPushWith = null;
      const later = await engine.syncNow();
      expect(later).toMatchObject({ state: 'idle', lastErrorCode: null, pushRefusal: null, pendingChanges: 0 });
      expect(pushes.flatMap((push) => push.transactions.flatMap((transaction) => transaction.cells)).map((cell) => cell.row)).toContain('refused');
    } finally {
      store.close();
    }
  });

  it('maps every trust refusal of the service to sync.pushRefused', () => {
    for (const code of ['trust.badSignature', 'trust.unknownAuthor', 'trust.inactiveAuthor', 'trust.forbidden', 'trust.writeOnce', 'trust.unsigned', 'trust.rootMismatch', 'trust.badRecord'] as const) {
      expect(toSyncError(new SyncTransportError(code, 403, code)).code).toBe('sync.pushRefused');
    }
  });
});
