// Benchmark: the shared service's ingest of pushed changes — SQLite against raw better-sqlite3 batched inserts of the same rows, and PostgreSQL.
// Run: npx tsx bench/sync-ingest.ts [--shifts 20000] [--consultations 5000] [--no-postgres]. Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createPostgresStorage } from '../server/postgres-storage';
import { createSyncService } from '../server/service';
import { createSqliteStorage } from '../server/sqlite-storage';
import type { SyncStorage } from '../server/storage';
import { generateSigningKey } from '../db/signing';
import { MAX_PUSH_CHANGES } from '../sync/protocol';
import type { WireChange } from '../sync/protocol';
import { startTestPostgres } from '../test/helpers/postgres';
import { batches, BENCH_OFFICES, signedPushes, syncDataset } from './sync-data';

const { values } = parseArgs({
  options: { shifts: { type: 'string', default: '20000' }, consultations: { type: 'string', default: '5000' }, 'no-postgres': { type: 'boolean', default: false } },
});
const dataset = syncDataset({ shifts: Number(values.shifts), consultations: Number(values.consultations) });
const { changes } = dataset;
// Signed as the app signs: one transaction per row, every check on (signature, authority, permission, write-once).
const signed = signedPushes(dataset, MAX_PUSH_CHANGES).pushes;
const pushBodies = signed.map((transactions) => JSON.stringify({ protocol: 3, cooperationId: 'bench', transactions }));
const pushedCells = signed.flat().reduce((sum, transaction) => sum + transaction.cells.length, 0);
console.log(`${changes.length} changes (${pushedCells} cells with the authority records) in ${pushBodies.length} signed pushes of up to ${MAX_PUSH_CHANGES} cells`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-bench-ingest-'));

function rawInsertRate(): number {
  const db = new Database(path.join(dir, 'raw.sqlite3'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE cells (cooperation_id TEXT NOT NULL, table_name TEXT NOT NULL, row_id TEXT NOT NULL, column_name TEXT NOT NULL,
    hlc TEXT NOT NULL, value_json TEXT NOT NULL, seq INTEGER NOT NULL, device_id TEXT NOT NULL,
    PRIMARY KEY (cooperation_id, table_name, row_id, column_name)) WITHOUT ROWID;
    CREATE INDEX cells_seq ON cells (cooperation_id, seq);`);
  const insert = db.prepare('INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  let seq = 0;
  const insertBatch = db.transaction((batch: WireChange[]) => {
    for (const change of batch) insert.run('bench', change.table, change.row, change.column, change.hlc, JSON.stringify(change.value), ++seq, 'device');
  });
  const started = performance.now();
  for (const batch of batches(changes, MAX_PUSH_CHANGES)) insertBatch(batch);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return changes.length / seconds;
}

async function serviceIngestRate(storage: SyncStorage): Promise<number> {
  const service = createSyncService({ storage, now: () => Date.UTC(2026, 10, 27) });
  const { code } = await service.createEnrolmentCode({ cooperationId: 'bench', offices: [...BENCH_OFFICES] });
  const enrolled = await service.enrol({ protocol: 3, code, clockId: 'bench-device', publicKey: generateSigningKey().publicKey });
  const device = await service.authenticate(`Bearer ${enrolled.deviceId}.${enrolled.secret}`);
  const started = performance.now();
  let accepted = 0;
  for (const body of pushBodies) accepted += (await service.push(device, JSON.parse(body))).accepted;
  const seconds = (performance.now() - started) / 1000;
  if (accepted !== pushedCells) throw new Error(`stored ${accepted} of ${pushedCells}`);
  // A retried push of everything stores nothing more.
  let again = 0;
  for (const body of pushBodies.slice(0, 3)) again += (await service.push(device, JSON.parse(body))).accepted;
  if (again !== 0) throw new Error('a retried push was stored again');
  return pushedCells / seconds;
}

const format = (rate: number) => `${Math.round(rate).toLocaleString('en-GB')} changes/s`;
try {
  const raw = rawInsertRate();
  const sqlite = createSqliteStorage(path.join(dir, 'service.sqlite3'));
  const sqliteRate = await serviceIngestRate(sqlite);
  await sqlite.close();
  console.log(`raw better-sqlite3 batched insert: ${format(raw)}`);
  console.log(`service ingest on SQLite:          ${format(sqliteRate)} = ${((sqliteRate / raw) * 100).toFixed(0)} % of raw (target ≥ 40 % with every check)`);
  if (!values['no-postgres']) {
    const postgres = await startTestPostgres();
    try {
      const storage = createPostgresStorage(postgres.url);
      await storage.init();
      const rate = await serviceIngestRate(storage);
      await storage.close();
      console.log(`service ingest on PostgreSQL:      ${format(rate)} (target ≥ 20,000 changes/s)`);
    } finally {
      await postgres.stop();
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
