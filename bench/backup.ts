// Benchmark: a backup in steps (what the app runs) against VACUUM INTO (what it ran before): total time and the longest the app waits.
// Run: npx tsx bench/backup.ts [--years 5]. Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup, takeBackup } from '../db/backup';
import { generateDatabaseKey } from '../db/encryption';
import { openLocalStore } from '../db/open';
import { generateDataset } from './dataset';
import { percentile } from './stats';

const { values } = parseArgs({ options: { years: { type: 'string', default: '5' } } });
const years = Number(values.years);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-bench-backup-'));
try {
  const store = openLocalStore({ dataDir, key: generateDatabaseKey() });
  const dataset = await generateDataset(store, { from: '2021-01-04', years });
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  console.log(`dataset: ${dataset.offices} offices, ${dataset.shifts} shifts over ${years} years; database file ${mib(fs.statSync(store.file).size)}, encrypted`);

  let started = performance.now();
  const whole = createBackup(store, 'manual', new Date('2026-01-01T10:00:00Z'));
  console.log(`VACUUM INTO (before): ${((performance.now() - started) / 1000).toFixed(2)} s, all of it blocking; copy ${mib(whole.sizeBytes)}`);

  // The longest the event loop waits is the longest gap between two turns while the backup runs.
  const gaps: number[] = [];
  let last = performance.now();
  let ticking = true;
  const tick = () => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  started = performance.now();
  const stepped = await takeBackup(store, 'manual', { at: new Date('2026-01-01T11:00:00Z') });
  ticking = false;
  gaps.sort((a, b) => a - b);
  console.log(
    `in steps (now): ${((performance.now() - started) / 1000).toFixed(2)} s in all; the app waits at most ${gaps.at(-1)!.toFixed(1)} ms (p99 ${percentile(gaps, 99).toFixed(1)} ms, median ${percentile(gaps, 50).toFixed(2)} ms) over ${gaps.length} turns; copy ${mib(stepped.sizeBytes)}`,
  );
  store.close();
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
