// Benchmark: the service's side of a first download alone — every snapshot page (SyncService.snapshotJson) for a computer of one office and of all four, in process, on SQLite or PostgreSQL.
// Run: npx tsx bench/sync-snapshot.ts [--shifts 40000] [--consultations 120000] [--db <file>] [--postgres] [--runs 3].
// --db keeps the loaded SQLite service database in <file> and reuses it on the next run (loading takes minutes).
// Prints figures and a digest of the pages' text (equal digests: the same rows served); asserts nothing.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateSigningKey } from '../db/signing';
import { createPostgresStorage } from '../server/postgres-storage';
import { createSyncService } from '../server/service';
import type { SyncService } from '../server/service';
import { createSqliteStorage } from '../server/sqlite-storage';
import type { SyncStorage } from '../server/storage';
import { MAX_PUSH_CHANGES, MAX_SNAPSHOT_LIMIT } from '../sync/protocol';
import type { SnapshotResponse } from '../sync/protocol';
import { startTestPostgres } from '../test/helpers/postgres';
import type { TestPostgres } from '../test/helpers/postgres';
import { summary } from './stats';
import { BENCH_OFFICES, signedPushes, syncDataset } from './sync-data';

const { values } = parseArgs({
  options: {
    shifts: { type: 'string', default: '40000' },
    consultations: { type: 'string', default: '120000' },
    db: { type: 'string' },
    postgres: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
  },
});
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-bench-snapshot-'));
let postgres: TestPostgres | null = null;
let storage: SyncStorage | null = null;

async function load(service: SyncService): Promise<void> {
  const started = performance.now();
  const { code } = await service.createEnrolmentCode({ cooperationId: 'bench', offices: [...BENCH_OFFICES] });
  const enrolled = await service.enrol({ protocol: 3, code, clockId: 'bench-device', publicKey: generateSigningKey().publicKey });
  const device = await service.authenticate(`Bearer ${enrolled.deviceId}.${enrolled.secret}`);
  const dataset = syncDataset({ shifts: Number(values.shifts), consultations: Number(values.consultations) });
  for (const transactions of signedPushes(dataset, MAX_PUSH_CHANGES).pushes) await service.push(device, { protocol: 3, cooperationId: 'bench', transactions });
  console.log(`loaded ${dataset.rows} rows, ${dataset.changes.length} cells in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Every page of one computer's snapshot, as the engine asks for them (50,000 cells a page). */
async function download(service: SyncService, offices: readonly string[]): Promise<{ seconds: number; pages: number[]; firstPage: number; cells: number; total: number; digest: string }> {
  const { code } = await service.createEnrolmentCode({ cooperationId: 'bench', offices: [...offices] });
  const enrolled = await service.enrol({ protocol: 3, code, clockId: `bench-reader-${Math.random().toString(36).slice(2)}`, publicKey: generateSigningKey().publicKey });
  const device = await service.authenticate(`Bearer ${enrolled.deviceId}.${enrolled.secret}`);
  const hash = createHash('sha256');
  const pages: number[] = [];
  let query: Record<string, string | undefined> = { protocol: '3', cooperation: 'bench', limit: String(MAX_SNAPSHOT_LIMIT) };
  let cells = 0;
  let total: number;
  for (;;) {
    const pageStarted = performance.now();
    const text = await service.snapshotJson(device, query);
    pages.push(performance.now() - pageStarted);
    const page = JSON.parse(text) as SnapshotResponse;
    for (const row of page.rows) hash.update(JSON.stringify(row)).update('\n');
    cells += page.cells;
    total = page.totalCells;
    if (!page.next) break;
    query = { ...query, after: page.next, asOf: String(page.asOf), total: String(page.totalCells) };
  }
  // The parse and hash above are the bench's own work: the pages' times are what the service spent.
  const seconds = pages.reduce((sum, ms) => sum + ms, 0) / 1000;
  return { seconds, pages, firstPage: pages[0]!, cells, total, digest: hash.digest('hex').slice(0, 16) };
}

try {
  let fresh = true;
  if (values.postgres) {
    postgres = await startTestPostgres();
    storage = createPostgresStorage(postgres.url, { log: () => {} });
  } else {
    const file = values.db ?? path.join(dir, 'service.sqlite3');
    fresh = !fs.existsSync(file);
    storage = createSqliteStorage(file, { log: () => {} });
  }
  await storage.init();
  const service = createSyncService({ storage });
  if (fresh) await load(service);
  else console.log(`reusing ${values.db} (${await storage.countCells('bench')} cells)`);

  const scopes = [
    { label: 'one office', offices: ['grong'] },
    { label: 'all four offices', offices: [...BENCH_OFFICES] },
  ];
  for (let run = 0; run < Number(values.runs); run++) {
    for (const scope of scopes) {
      const result = await download(service, scope.offices);
      console.log(
        `${storage.kind}, ${scope.label}: ${result.cells} of ${result.total} cells in ${result.pages.length} pages, ${result.seconds.toFixed(2)} s ` +
          `(first page with the total ${result.firstPage.toFixed(0)} ms; ${summary('pages', result.pages.slice(1)).replace('pages: ', 'later pages ')}), rows ${result.digest}`,
      );
    }
  }
} finally {
  await storage?.close();
  await postgres?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
