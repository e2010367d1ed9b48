// Benchmark: how big the local store is against its current rows copied into plain tables, and where the rest goes.
// Run: SAMVAKT_DB_KEY=<key> npx tsx bench/store-size.ts --data-dir DIR (a store kept by `bench/consultations.ts --keep`).
// --second-year: then edits every shift of the last year twice and every staff row once through the write path (signed,
// as the lead), acknowledges the outbox as a sync would, and prints how much the store grew (target ≤ 10 %).
// Works on copies; the kept store is not changed. Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_KEY_ENV, parseDatabaseKey } from '../db/encryption';
import { openLocalStore } from '../db/open';
import { SYNCED_TABLES } from '../db/sync-tables';
import { exampleSigner, writeAs } from './dataset';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, 'second-year': { type: 'boolean', default: false } } });
if (!values['data-dir']) throw new Error('give --data-dir (a store kept by bench/consultations.ts --keep)');
const keyText = process.env[DATABASE_KEY_ENV];
if (!keyText) throw new Error(`give the store's key in ${DATABASE_KEY_ENV}`);
const key = parseDatabaseKey(keyText);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-bench-size-'));
try {
  // A copy to change: the outbox acknowledged, as after a sync.
  fs.copyFileSync(path.join(values['data-dir'], 'samvakt.sqlite3'), path.join(work, 'samvakt.sqlite3'));
  const store = openLocalStore({ dataDir: work, key });
  const file = fs.statSync(store.file).size;
  const outboxCells = store.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
  store.db.exec('DELETE FROM outbox; DELETE FROM outbox_transactions;');
  const compact = path.join(work, 'compact.sqlite3');
  store.db.prepare('VACUUM INTO ?').run(compact);

  // The same current rows in plain tables: no indexes, no row versions, no outbox, no derived tables.
  const plain = path.join(work, 'plain.sqlite3');
  store.db.prepare('ATTACH DATABASE ? AS plain KEY ?').run(plain, `x'${key}'`);
  for (const table of Object.keys(SYNCED_TABLES)) store.db.exec(`CREATE TABLE plain."${table}" AS SELECT * FROM main."${table}"`);
  store.db.exec('DETACH DATABASE plain');

  // Where the compact store's pages go, per table and index (dbstat, when the SQLite build has it).
  let breakdown: { name: string; bytes: number }[] = [];
  try {
    breakdown = store.db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT 15').all() as typeof breakdown;
  } catch {
    breakdown = [];
  }
  store.close();
  const compactSize = fs.statSync(compact).size;
  const plainSize = fs.statSync(plain).size;
  console.log(`store file as kept: ${mib(file)} (${outboxCells} outbox cells)`);
  console.log(`compact copy with the outbox acknowledged: ${mib(compactSize)}`);
  console.log(`current rows in plain tables (no indexes): ${mib(plainSize)}`);
  console.log(`ratio: ${(compactSize / plainSize).toFixed(2)}× (target ≤ 3×)`);
  if (breakdown.length) for (const part of breakdown) console.log(`  ${part.name.padEnd(40)} ${mib(part.bytes)}`);
  else console.log('  (this SQLite build has no dbstat: no per-table breakdown)');
  if (values['second-year']) await secondYear(compact);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

/** A year of edits to the same rows on a copy of the compact store; prints the growth once the outbox is acknowledged. */
async function secondYear(compact: string): Promise<void> {
  const dir = path.join(work, 'second-year');
  fs.mkdirSync(dir);
  fs.copyFileSync(compact, path.join(dir, 'samvakt.sqlite3'));
  const store = openLocalStore({ dataDir: dir, key });
  const before = fs.statSync(store.file).size;
  const signer = await exampleSigner(store, 'leder');
  const last = store.db.prepare("SELECT max(date) FROM shifts WHERE deleted = 0").pluck().get() as string;
  const from = `${Number(last.slice(0, 4)) - 1}${last.slice(4)}`;
  const shifts = store.db.prepare('SELECT id, start_time AS start FROM shifts WHERE deleted = 0 AND date > ?').all(from) as { id: string; start: string }[];
  const staff = store.db.prepare('SELECT id FROM staff WHERE deleted = 0').pluck().all() as string[];
  const started = performance.now();
  let edits = 0;
  for (const round of [0, 1]) {
    for (let i = 0; i < shifts.length; i += 500) {
      writeAs(store, signer, (changes) => {
        for (const shift of shifts.slice(i, i + 500)) {
          changes.update('shifts', shift.id, round === 0 ? { start_time: '08:15', note: 'Flyttet et kvarter' } : { start_time: shift.start, note: null });
          edits += 1;
        }
      });
      // What a sync does after the service's 200: the acknowledged cells leave the outbox.
      store.db.exec('DELETE FROM outbox; DELETE FROM outbox_transactions;');
    }
  }
  writeAs(store, signer, (changes) => {
    for (const id of staff) changes.update('staff', id, { phone: '900 00 000' });
  });
  store.db.exec('DELETE FROM outbox; DELETE FROM outbox_transactions;');
  edits += staff.length;
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const after = fs.statSync(store.file).size;
  store.close();
  console.log(`second year: ${edits} row edits (${shifts.length} shifts of the last year twice, ${staff.length} staff once) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`store before ${mib(before)}, after ${mib(after)}: +${(((after - before) / before) * 100).toFixed(1)} % (target ≤ 10 %)`);
}
