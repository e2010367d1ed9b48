// Benchmark: 2,000 simulated devices polling the service (separate process, SQLite) every 30 s, a tenth of them pushing a few changes; prints latency percentiles.
// Run: npx tsx bench/sync-polling.ts [--devices 2000] [--seconds 30]. Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SERVER_DATABASE_FILE } from '../server/open-storage';
import { createSyncService } from '../server/service';
import { createSqliteStorage } from '../server/sqlite-storage';
import { startServerProcess } from '../test/helpers/sync-server-process';
import { percentile } from './stats';
import { legacyTransactions, syncDataset } from './sync-data';
import { generateSigningKey } from '../db/signing';

const { values } = parseArgs({ options: { devices: { type: 'string', default: '2000' }, seconds: { type: 'string', default: '30' } } });
const deviceCount = Number(values.devices);
const periodMs = Number(values.seconds) * 1000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-bench-polling-'));

// Devices enrolled and some data stored before the service starts (the same file the service then opens).
const storage = createSqliteStorage(path.join(dir, SERVER_DATABASE_FILE));
const service = createSyncService({ storage });
const devices: { auth: string; clockId: string; cursor: number }[] = [];
for (let i = 0; i < deviceCount; i++) {
  const { code } = await service.createEnrolmentCode({ cooperationId: `coop-${i % 20}`, office: `Kontor ${i}` });
  const clockId = `device-${i}`;
  const enrolled = await service.enrol({ protocol: 3, code, clockId, publicKey: generateSigningKey().publicKey });
  devices.push({ auth: `Bearer ${enrolled.deviceId}.${enrolled.secret}`, clockId, cursor: 0 });
}
const seed = await service.authenticate(devices[0]!.auth);
// coop-0 has data; the others have none. Pushes here are unsigned ('legacy', accepted while a cooperation has no root):
// this bench measures polling latency, and bench/sync-ingest.ts measures the cost of checking signed pushes.
const seedChanges = syncDataset({ shifts: 2000, consultations: 500, clockId: 'device-0' }).changes.slice(0, 2000);
await service.push(seed, { protocol: 3, cooperationId: 'coop-0', transactions: legacyTransactions(seedChanges) });
await storage.close();

const server = await startServerProcess(dir, { env: {} });
const timings: number[] = [];
let failures = 0;
async function poll(index: number, round: number) {
  const device = devices[index]!;
  const cooperation = `coop-${index % 20}`;
  const started = performance.now();
  try {
    if (index % 10 === 0) {
      const now = Date.now();
      const changes = Array.from({ length: 5 }, (_, k) => ({ hlc: `${String(now).padStart(15, '0')}-${String(round * 10 + k).padStart(6, '0')}-${device.clockId}`, table: 'shifts', row: `s-${index}-${k}`, column: 'note', value: `runde ${round}` }));
      const response = await fetch(`${server.url}/v1/push`, { method: 'POST', headers: { authorization: device.auth, 'content-type': 'application/json' }, body: JSON.stringify({ protocol: 3, cooperationId: cooperation, transactions: legacyTransactions(changes) }) });
      if (response.status !== 200) failures += 1;
      await response.arrayBuffer();
    }
    const response = await fetch(`${server.url}/v1/pull?protocol=3&cooperation=${cooperation}&after=${device.cursor}&limit=500`, { headers: { authorization: device.auth } });
    if (response.status !== 200) failures += 1;
    else device.cursor = ((await response.json()) as { lastSeq: number }).lastSeq;
  } catch {
    failures += 1;
  }
  timings.push(performance.now() - started);
}

try {
  const started = Date.now();
  const pending: Promise<void>[] = [];
  // Each device polls once per period at its own random offset; two periods in all.
  for (let round = 0; round < 2; round++) {
    for (let index = 0; index < deviceCount; index++) {
      const at = started + round * periodMs + Math.random() * periodMs;
      pending.push(new Promise<void>((resolve) => setTimeout(() => void poll(index, round).then(resolve), at - Date.now())));
    }
  }
  await Promise.all(pending);
  const sorted = [...timings].sort((a, b) => a - b);
  console.log(`${deviceCount} devices, ${timings.length} polls over ${((Date.now() - started) / 1000).toFixed(0)} s (${(timings.length / ((Date.now() - started) / 1000)).toFixed(0)} requests/s, every tenth also pushing 5 changes), ${failures} failed`);
  console.log(`latency: median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms (target p99 ≤ 100 ms), max ${sorted.at(-1)!.toFixed(1)} ms`);
} finally {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
