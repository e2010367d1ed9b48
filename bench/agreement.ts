// Benchmark: the agreement check's local digests on a computer holding the 5-year dataset (40k shifts, 120k consultations, 2.7M cells), in an encrypted store: in steps on a second connection (what the app runs) with the longest the event loop waits, and at once for comparison.
// Run: npx tsx bench/agreement.ts [--shifts 40000] [--consultations 120000] [--runs 5]. Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { beginBulkLoad, endBulkLoad } from '../db/bulk-load';
import { openLocalStore } from '../db/open';
import { closeReadSnapshot, openReadSnapshot } from '../db/read-snapshot';
import { localDigests, localDigestsInSteps } from '../sync/agreement';
import { tableDigest } from '../sync/digest';
import type { DigestCell } from '../sync/digest';
import { createMerger } from '../sync/merge';
import type { SnapshotRow } from '../sync/protocol';
import { percentile, summary } from './stats';
import { syncDataset } from './sync-data';

const { values } = parseArgs({ options: { shifts: { type: 'string', default: '40000' }, consultations: { type: 'string', default: '120000' }, runs: { type: 'string', default: '5' } } });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-bench-agreement-'));

/**
 * The store loaded the way a first download loads it, and what the service would answer. In a function, so the 2.7M
 * generated cells are garbage before the measuring starts (held, they made every major GC a stall of its own).
 */
function loadStore() {
  const started = performance.now();
  const dataset = syncDataset({ shifts: Number(values.shifts), consultations: Number(values.consultations) });
  // The dataset as snapshot rows (every row is written at one time), loaded the way a first download loads them.
  const rows: SnapshotRow[] = [];
  for (const change of dataset.changes) {
    const last = rows.at(-1);
    if (last && last.table === change.table && last.row === change.row) last.values[change.column] = change.value;
    else rows.push({ table: change.table, row: change.row, hlc: change.hlc, values: { [change.column]: change.value } });
  }
  const store = openLocalStore({ dataDir: path.join(dir, 'device'), key: randomBytes(32).toString('hex') });
  const merger = createMerger(store);
  beginBulkLoad(store.db);
  for (let i = 0; i < rows.length; i += 2500) merger.applyRows(rows.slice(i, i + 2500));
  endBulkLoad(store.db);
  console.log(`store: ${rows.length} rows, ${dataset.changes.length} cells (loaded in ${((performance.now() - started) / 1000).toFixed(1)} s)`);

  // What the service would answer, from the same cells with the shared canonical lines (sync/digest.ts).
  const byTable = new Map<string, DigestCell[]>();
  for (const change of dataset.changes) {
    const cells = byTable.get(change.table) ?? [];
    cells.push({ row: change.row, column: change.column, hlc: change.hlc, value: change.value });
    byTable.set(change.table, cells);
  }
  return { store, expected: Object.fromEntries([...byTable].map(([table, cells]) => [table, tableDigest(cells)])) };
}

try {
  const { store, expected } = loadStore();
  let started = performance.now();

  const cpuNow = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  const matches = (local: Record<string, { rows: number; digest: string }>) =>
    Object.entries(expected).every(([table, digest]) => local[table]?.digest === digest.digest && local[table]?.rows === digest.rows);

  // What the app runs: steps on a second connection, one read transaction. The longest the app waits for a call is the
  // longest gap between two turns of the event loop while the check runs (as bench/backup.ts measures a backup).
  const timings: number[] = [];
  const cpuTimings: number[] = [];
  const longestWaits: number[] = [];
  const longestWork: number[] = [];
  let stepsAgree = true;
  let lastGaps: number[] = [];
  for (let run = 0; run < Number(values.runs); run++) {
    // Each gap's own CPU time too: on the shared machine a long gap may be time spent waiting for a core.
    const gaps: number[] = [];
    const gapCpu: number[] = [];
    let last = performance.now();
    let lastCpu = cpuNow();
    let ticking = true;
    const tick = () => {
      const at = performance.now();
      const cpuAt = cpuNow();
      gaps.push(at - last);
      gapCpu.push(cpuAt - lastCpu);
      last = at;
      lastCpu = cpuAt;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    started = performance.now();
    const cpu = cpuNow();
    const snapshot = openReadSnapshot(store.file, store.key);
    try {
      stepsAgree &&= matches(await localDigestsInSteps(snapshot));
    } finally {
      closeReadSnapshot(snapshot);
    }
    cpuTimings.push(cpuNow() - cpu);
    timings.push(performance.now() - started);
    ticking = false;
    gaps.push(performance.now() - last);
    longestWaits.push(Math.max(...gaps));
    longestWork.push(Math.max(...gapCpu));
    lastGaps = gaps.sort((a, b) => a - b);
  }
  console.log(`local digests (in steps) equal the canonical digests of the same cells: ${stepsAgree ? 'yes' : 'NO'}`);
  console.log(summary('in steps, wall time from start to result', timings));
  // The development machine is shared: CPU time says what the digests cost when they are not waiting for a core.
  console.log(summary('in steps, CPU time of this process (target ≤ 500 ms)', cpuTimings));
  console.log(summary('in steps, longest wait of the event loop per run', longestWaits));
  console.log(summary('in steps, most CPU used between two turns per run (the wait on a quiet machine)', longestWork));
  console.log(`last run: ${lastGaps.length} turns, p99 wait ${percentile(lastGaps, 99).toFixed(1)} ms, median ${percentile(lastGaps, 50).toFixed(2)} ms`);

  // For comparison: all at once on the app's connection (what the check did before), which holds the event loop throughout.
  started = performance.now();
  const cpu = cpuNow();
  const whole = localDigests(store.db);
  console.log(`at once on the app's connection: ${(performance.now() - started).toFixed(0)} ms wall, ${(cpuNow() - cpu).toFixed(0)} ms CPU, all of it blocking; equal: ${matches(whole) ? 'yes' : 'NO'}`);
  store.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
