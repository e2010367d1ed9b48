// Benchmark: the agreement check's local digests on a computer holding the 5-year dataset (40k shifts, 120k consultations, 2.7M cells), in an encrypted store.
// Run: npx tsx bench/agreement.ts [--shifts 40000] [--consultations 120000] [--runs 5]. Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { beginBulkLoad, endBulkLoad } from '../db/bulk-load';
import { openLocalStore } from '../db/open';
import { localDigests } from '../sync/agreement';
import { tableDigest } from '../sync/digest';
import type { DigestCell } from '../sync/digest';
import { createMerger } from '../sync/merge';
import type { SnapshotRow } from '../sync/protocol';
import { summary } from './stats';
import { syncDataset } from './sync-data';

const { values } = parseArgs({ options: { shifts: { type: 'string', default: '40000' }, consultations: { type: 'string', default: '120000' }, runs: { type: 'string', default: '5' } } });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-bench-agreement-'));

try {
  let started = performance.now();
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
  const expected = Object.fromEntries([...byTable].map(([table, cells]) => [table, tableDigest(cells)]));

  const timings: number[] = [];
  const cpuTimings: number[] = [];
  let local: ReturnType<typeof localDigests> = {};
  for (let run = 0; run < Number(values.runs); run++) {
    started = performance.now();
    const cpu = process.cpuUsage();
    local = localDigests(store.db);
    const used = process.cpuUsage(cpu);
    timings.push(performance.now() - started);
    cpuTimings.push((used.user + used.system) / 1000);
  }
  const same = Object.entries(expected).every(([table, digest]) => local[table]?.digest === digest.digest && local[table]?.rows === digest.rows);
  console.log(`local digests equal the canonical digests of the same cells: ${same ? 'yes' : 'NO'}`);
  console.log(summary('local digests of every synced table, wall time (target ≤ 500 ms)', timings));
  // The development machine is shared: CPU time says what the digests cost when they are not waiting for a core.
  console.log(summary('the same, CPU time of this process', cpuTimings));
  store.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
