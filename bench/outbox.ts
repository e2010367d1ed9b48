// Benchmark: what the outbox costs before and after the service acknowledges it, and how long pruning an old store's kept rows blocks.
// Run: npx tsx bench/outbox.ts [--years 5]. Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateDatabaseKey } from '../db/encryption';
import { openLocalStore } from '../db/open';
import { createOutbox } from '../db/outbox';
import { generateDataset } from './dataset';
import { percentile } from './stats';

const { values } = parseArgs({ options: { years: { type: 'string', default: '5' } } });
const years = Number(values.years);
const STEP = 500; // as sync/engine.ts PRUNE_STEP_ROWS

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-bench-outbox-'));
try {
  const store = openLocalStore({ dataDir, key: generateDatabaseKey() });
  const started = performance.now();
  const dataset = await generateDataset(store, { from: '2021-01-04', years });
  console.log(`dataset: ${dataset.offices} offices, ${dataset.staff} staff, ${dataset.shifts} shifts over ${years} years (${((performance.now() - started) / 1000).toFixed(1)} s), encrypted store`);
  const cells = store.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const before = fs.statSync(store.file).size;
  const compactCopy = (name: string) => {
    const file = path.join(dataDir, name);
    store.db.prepare('VACUUM INTO ?').run(file);
    const size = fs.statSync(file).size;
    fs.rmSync(file);
    return size;
  };
  const copyWithOutbox = compactCopy('with-outbox.sqlite3');
  console.log(`outbox: ${cells} cells; database file ${mib(before)}, compact copy ${mib(copyWithOutbox)}`);

  // As an earlier version left a synced store: every row sent and kept. The engine prunes it in steps after a push.
  store.db.prepare("UPDATE outbox SET sent_at = '2026-01-01T00:00:00.000Z'").run();
  const outbox = createOutbox(store.db);
  const steps: number[] = [];
  const pruneStarted = performance.now();
  for (;;) {
    const begin = performance.now();
    const removed = outbox.pruneSent(STEP);
    steps.push(performance.now() - begin);
    if (removed === 0) break;
  }
  const total = (performance.now() - pruneStarted) / 1000;
  steps.sort((a, b) => a - b);
  console.log(
    `prune of ${cells} kept cells: ${steps.length - 1} steps of ${STEP}, ${total.toFixed(1)} s in all; a step blocks median ${percentile(steps, 50).toFixed(1)} ms, p99 ${percentile(steps, 99).toFixed(1)} ms, max ${steps.at(-1)!.toFixed(1)} ms`,
  );
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const after = fs.statSync(store.file).size;
  const freePages = store.db.pragma('freelist_count', { simple: true }) as number;
  const pageSize = store.db.pragma('page_size', { simple: true }) as number;
  console.log(`after pruning: database file ${mib(after)} (${mib(freePages * pageSize)} of it free pages, reused by later writes); compact copy (a backup) ${mib(compactCopy('pruned.sqlite3'))}`);
  store.close();
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
