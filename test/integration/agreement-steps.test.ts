// The agreement check in steps: a call made while the check runs is answered before it ends, a write meanwhile does not leak into its snapshot, and the result is still right.
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../backend/api';
import type { SqlValue } from '../../db/sync-tables';
import { openTempStore } from '../helpers/temp-store';
import { tableDigest } from '../../sync/digest';
import type { DigestCell } from '../../sync/digest';
import { createSyncEngine } from '../../sync/engine';
import { createMemorySecretStore } from '../../sync/secret-store';
import type { SyncTransport } from '../../sync/transport';

const NOW = Date.UTC(2026, 11, 3, 12);
const OFFICES = 600;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A service that keeps what is pushed (cell by cell, last writer wins) and answers the digest from it with sync/digest.ts. */
function keepingService() {
  const cells = new Map<string, DigestCell & { table: string }>();
  let seq = 0;
  const transport: SyncTransport = {
    enrol: async () => ({
      deviceId: 'device-1',
      secret: 's'.repeat(43),
      cooperationId: 'coop',
      cooperationName: 'Indre Namdal',
      office: '',
      offices: [],
      rootPublicKey: null,
      serverTime: NOW,
    }),
    async push(_auth, request) {
      for (const transaction of request.transactions) {
        for (const cell of transaction.cells) {
          const key = `${cell.table}/${cell.row}/${cell.column}`;
          const current = cells.get(key);
          if (!current || transaction.hlc > current.hlc) cells.set(key, { table: cell.table, row: cell.row, column: cell.column, hlc: transaction.hlc, value: cell.value as SqlValue });
        }
        seq += 1;
      }
      return { accepted: request.transactions.length, ignored: 0, lastSeq: seq, serverTime: NOW };
    },
    // Nothing comes from other computers: the cursor moves to the service's sequence.
    pull: async () => ({ changes: [], transactions: {}, deviceKeys: {}, lastSeq: seq, more: false, offices: [], serverTime: NOW }),
    snapshot: async () => ({ asOf: seq, rows: [], next: null, totalCells: 0, cells: 0, serverTime: NOW }),
    async digest() {
      const byTable = new Map<string, DigestCell[]>();
      for (const { table, ...cell } of cells.values()) byTable.set(table, [...(byTable.get(table) ?? []), cell]);
      return { asOf: seq, tables: Object.fromEntries([...byTable].map(([table, list]) => [table, tableDigest(list)])), serverTime: NOW };
    },
    createEnrolmentCode: async () => ({ code: 'AAAA-BBBB-CCCC', expiresAt: new Date(NOW).toISOString() }),
    listDevices: async () => ({ devices: [], serverTime: NOW }),
    revokeDevice: async (_auth, { deviceId }) => ({ revoked: true, deviceId, revokedAt: new Date(NOW).toISOString() }),
    setDeviceOffices: async (_auth, { deviceId, offices }) => ({ deviceId, offices }),
  };
  return { transport };
}

describe('agreement check in steps', () => {
  it('answers a call made while the check runs before the check ends, keeps a write made meanwhile out of its snapshot, and agrees', async () => {
    // Encrypted (the default of temp stores), so the second connection needs the key too.
    const store = openTempStore({ now: () => NOW });
    const service = keepingService();
    // Steps of one row: the check takes hundreds of turns of the event loop.
    const engine = createSyncEngine({ store, secrets: createMemorySecretStore(), now: () => NOW, transportFor: () => service.transport, agreementStepMs: 0.001 });
    const backend = createBackend({ store, sync: engine });
    try {
      for (let from = 0; from < OFFICES; from += 100) {
        store.writer.write((changes) => {
          for (let i = from; i < from + 100; i++) changes.insert('offices', `office-${String(i).padStart(4, '0')}`, { name: `Kontor ${i}` });
        });
      }
      await engine.enrol({ serverUrl: 'https://sync.example', code: 'AAAA-BBBB-CCCC' });
      expect(engine.status().pendingChanges).toBe(0);

      const progress: number[] = [];
      engine.listen({ status: (status) => status.agreementProgress !== null && progress.push(status.agreementProgress) });
      let ended = false;
      const check = engine.checkAgreement().finally(() => {
        ended = true;
      });
      while (!((engine.status().agreementProgress ?? 0) > 0)) await turn();

      // A call through the backend, and a write on the app's connection, while the digests are being computed.
      const answered = await backend.call({ method: 'setup.status', input: {}, sessionToken: null });
      expect(answered.ok).toBe(true);
      store.writer.write((changes) => changes.insert('offices', 'office-zzzz', { name: 'Skrevet under kontrollen' }));
      expect(ended).toBe(false);
      const during = engine.status().agreementProgress;
      expect(during).toBeGreaterThan(0);
      expect(during).toBeLessThan(100);

      // The snapshot began before the write: the check compares the state the service's digest describes.
      const result = await check;
      expect(result).toMatchObject({ state: 'agree', tables: [] });
      expect(engine.status().agreementProgress).toBeNull();
      expect(progress.length).toBeGreaterThan(5);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));

      // The next check pushes the new office first and agrees again; a value changed behind the app's back is still found.
      expect(await engine.checkAgreement()).toMatchObject({ state: 'agree', tables: [] });
      store.db.prepare("UPDATE offices SET name = 'Endret i SQLite' WHERE id = 'office-0599'").run();
      expect(await engine.checkAgreement()).toMatchObject({ state: 'differ', tables: ['offices'] });
    } finally {
      backend.close();
      store.close();
    }
  });

  it('gives two checks asked for at once the same result from one run', async () => {
    const store = openTempStore({ now: () => NOW });
    const service = keepingService();
    let digests = 0;
    const digest = service.transport.digest.bind(service.transport);
    service.transport.digest = (auth, query) => {
      digests += 1;
      return digest(auth, query);
    };
    const engine = createSyncEngine({ store, secrets: createMemorySecretStore(), now: () => NOW, transportFor: () => service.transport });
    try {
      store.writer.write((changes) => changes.insert('offices', 'office-a', { name: 'Grong legekontor' }));
      await engine.enrol({ serverUrl: 'https://sync.example', code: 'AAAA-BBBB-CCCC' });
      const [first, second] = await Promise.all([engine.checkAgreement(), engine.checkAgreement()]);
      expect(first).toMatchObject({ state: 'agree' });
      expect(second).toBe(first);
      expect(digests).toBe(1);
    } finally {
      store.close();
    }
  });
});
