// A service database from before office scopes, on both adapters: at start, devices named by office get that office's id (or none, logged), and every stored patient-scoped row gets its office.
import Database from 'better-sqlite3';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestPostgres } from '../test/helpers/postgres';
import type { TestPostgres } from '../test/helpers/postgres';
import { tempDir } from '../test/helpers/temp-store';
import type { PushTransaction, WireCell } from '../sync/protocol';
import { createPostgresStorage } from './postgres-storage';
import { backfillRowOffices } from './scopes';
import { createSyncService } from './service';
import { createSqliteStorage } from './sqlite-storage';
import type { StoredDevice, SyncStorage } from './storage';

const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);
const row = (table: string, id: string, values: Record<string, string | number | null>): WireCell[] => [
  ...Object.entries(values).map(([column, value]) => ({ table, row: id, column, value })),
  { table, row: id, column: 'deleted', value: 0 },
];

/** How each adapter is opened again on the same database, and how the test turns that database back into one from before scopes. */
interface Adapter {
  open(log: (line: string) => void): Promise<SyncStorage>;
  /** Runs SQL on the database behind the adapter's back (the storage closed). */
  raw(sql: string): Promise<void>;
}

/** What the version before scopes had: one office name per device and code, no office lists, no row offices. */
const BEFORE_SCOPES = [
  'DELETE FROM row_offices',
  'UPDATE devices SET offices = NULL, office_names = NULL, serves_created = 0',
  'UPDATE enrolment_codes SET offices = NULL, office_names = NULL',
];

let postgres: TestPostgres | null = null;
afterAll(async () => {
  await postgres?.stop();
});

const adapters: [string, () => Promise<Adapter>][] = [
  [
    'SQLite',
    async () => {
      const file = path.join(tempDir('samvakt-scope-migration-'), 'service.sqlite3');
      return {
        open: async (log) => {
          const storage = createSqliteStorage(file, { log });
          await storage.init();
          return storage;
        },
        raw: async (sql) => {
          const db = new Database(file);
          db.exec(sql);
          db.close();
        },
      };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      postgres ??= await startTestPostgres();
      const url = postgres.url;
      return {
        open: async (log) => {
          const storage = createPostgresStorage(url, { log });
          await storage.init();
          return storage;
        },
        raw: async (sql) => {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          await client.query(sql);
          await client.end();
        },
      };
    },
  ],
];

for (const [name, make] of adapters) {
  describe(`a service database from before office scopes, on ${name}`, () => {
    it('matches each device’s office name to a synced office (none: no patient data, logged) and gives every stored patient row its office', async () => {
      const adapter = await make();
      let storage = await adapter.open(() => {});
      let service = createSyncService({ storage, now: () => NOW, log: () => {} });
      let tick = 0;
      const enrol = async (office: string, clockId: string) => {
        const { code } = await service.createEnrolmentCode({ cooperationId: 'coop-old', office });
        const enrolled = await service.enrol({ protocol: 3, code, clockId, publicKey: 'A'.repeat(43) });
        return service.authenticate(`Bearer ${enrolled.deviceId}.${enrolled.secret}`);
      };
      // As every request does, the push authenticates the device anew (its offices may have changed since).
      const push = async (device: StoredDevice, ...transactions: WireCell[][]) =>
        service.push((await storage.findDevice(device.id))!, {
          protocol: 3,
          cooperationId: 'coop-old',
          transactions: transactions.map((cells): PushTransaction => ({ hlc: `${String(NOW - 60_000 + tick++).padStart(15, '0')}-000000-${device.clockId}`, author: 'legacy', cells })),
        });
      // Stored as the service of today would store them, then turned back into what the version before kept.
      const grong = await enrol('Grong legekontor', 'grong');
      await push(grong, [...row('offices', 'o-grong', { name: 'Grong legekontor' }), ...row('offices', 'o-lierne', { name: 'Lierne legekontor' })]);
      await push(
        grong,
        row('consultations', 'k-grong', { office_id: 'o-grong', patient_id_number: '01017012345' }),
        row('consultations', 'k-lierne', { office_id: 'o-lierne', patient_id_number: '02028054321' }),
        row('consultation_amendments', 'a-grong', { consultation_id: 'k-grong', kind: 'correction' }),
        row('audit_events', 'e-search', { action: 'consultation.searchedByIdentity', patient_ref: 'ref' }),
        row('audit_events', 'e-lierne', { action: 'consultation.revealed', patient_ref: 'ref-2', target_table: 'consultations', target_id: 'k-lierne' }),
        row('audit_events', 'e-plain', { action: 'session.signedIn', patient_ref: null }),
      );
      const lierne = await enrol('lierne legekontor ', 'lierne');
      const snasa = await enrol('Snåsa legekontor', 'snasa');
      await storage.close();
      await adapter.raw(BEFORE_SCOPES.join(';\n'));

      const logs: string[] = [];
      storage = await adapter.open((line) => logs.push(line));
      service = createSyncService({ storage, now: () => NOW, log: () => {} });
      const offices = async (device: StoredDevice) => (await storage.findDevice(device.id))!.offices;
      expect(await offices(grong)).toEqual(['o-grong']);
      expect(await offices(lierne)).toEqual(['o-lierne']);
      expect(await offices(snasa)).toEqual([]);
      expect(logs.some((line) => line.includes(snasa.id) && line.includes('Snåsa legekontor') && line.includes('no patient data'))).toBe(true);
      expect(logs.some((line) => /gave 6 stored patient-scoped rows their office/.test(line))).toBe(true);

      const served = async (device: StoredDevice) => {
        const page = await service.pull((await storage.findDevice(device.id))!, { protocol: '3', cooperation: 'coop-old', after: '0', limit: '1000' });
        return [...new Set(page.changes.map((change) => `${change.table}/${change.row}`))].sort();
      };
      const shared = ['audit_events/e-plain', 'offices/o-grong', 'offices/o-lierne'];
      // The search without an entry belongs to the office of the computer that stored it (Grong, now that its name matched).
      expect(await served(grong)).toEqual(['audit_events/e-search', 'consultation_amendments/a-grong', 'consultations/k-grong', ...shared].sort());
      expect(await served(lierne)).toEqual(['audit_events/e-lierne', 'consultations/k-lierne', ...shared].sort());
      expect(await served(snasa)).toEqual(shared);
      // Starting again finds nothing left to do.
      await storage.close();
      const again: string[] = [];
      storage = await adapter.open((line) => again.push(line));
      expect(again.filter((line) => line.includes('gave'))).toEqual([]);
      await storage.close();
      // The backfill pages through the rows (here two at a time) and gives the same offices.
      await adapter.raw('DELETE FROM row_offices');
      storage = await adapter.open(() => {});
      service = createSyncService({ storage, now: () => NOW, log: () => {} });
      await adapter.raw('DELETE FROM row_offices');
      expect(await backfillRowOffices(storage, 2)).toBe(6);
      expect(await served(lierne)).toEqual(['audit_events/e-lierne', 'consultations/k-lierne', ...shared].sort());
      expect(await served(grong)).toEqual(['audit_events/e-search', 'consultation_amendments/a-grong', 'consultations/k-grong', ...shared].sort());
      await storage.close();
    }, 120_000);
  });
}
