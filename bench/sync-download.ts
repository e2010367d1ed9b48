// Benchmark: a new device downloads a 5-year dataset (40k shifts, 120k consultations) from the service over loopback HTTP, serving one office and then all four, and an incremental sync of 100 changes.
// The service runs as its own process (as it does for real) and the device's store is encrypted (as the app's is).
// Run: npx tsx bench/sync-download.ts [--shifts 40000] [--consultations 120000]. Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { openLocalStore } from '../db/open';
import { signAs, userSigner } from '../db/signer';
import { generateSigningKey } from '../db/signing';
import { SERVER_DATABASE_FILE } from '../server/open-storage';
import { createSyncService } from '../server/service';
import { createSqliteStorage } from '../server/sqlite-storage';
import { createSyncEngine } from '../sync/engine';
import { MAX_PUSH_CHANGES } from '../sync/protocol';
import { createMemorySecretStore } from '../sync/secret-store';
import { startServerProcess } from '../test/helpers/sync-server-process';
import { summary } from './stats';
import { BENCH_OFFICES, signedPushes, syncDataset } from './sync-data';

const { values } = parseArgs({ options: { shifts: { type: 'string', default: '40000' }, consultations: { type: 'string', default: '120000' }, runs: { type: 'string', default: '20' } } });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-bench-download-'));
const serviceDir = path.join(dir, 'service');
fs.mkdirSync(serviceDir);
const storage = createSqliteStorage(path.join(serviceDir, SERVER_DATABASE_FILE));
const service = createSyncService({ storage });
let server: Awaited<ReturnType<typeof startServerProcess>> | null = null;

try {
  // The service holds the cooperation's data, pushed earlier by another device.
  let started = performance.now();
  const source = await service.createEnrolmentCode({ cooperationId: 'bench', offices: [...BENCH_OFFICES] });
  const sourceDevice = await service.enrol({ protocol: 3, code: source.code, clockId: 'bench-device', publicKey: generateSigningKey().publicKey });
  const device = await service.authenticate(`Bearer ${sourceDevice.deviceId}.${sourceDevice.secret}`);
  const dataset = syncDataset({ shifts: Number(values.shifts), consultations: Number(values.consultations) });
  const signed = signedPushes(dataset, MAX_PUSH_CHANGES);
  for (const transactions of signed.pushes) await service.push(device, { protocol: 3, cooperationId: 'bench', transactions });
  console.log(`service: ${dataset.rows} rows, ${dataset.changes.length} cells (loaded in ${((performance.now() - started) / 1000).toFixed(1)} s)`);

  // The service process takes over the loaded database, with its default limits.
  const scopes = [
    { label: 'one office', code: (await service.createEnrolmentCode({ cooperationId: 'bench', offices: ['grong'] })).code, target: '≤ 3 s' },
    { label: 'all four offices', code: (await service.createEnrolmentCode({ cooperationId: 'bench', offices: [...BENCH_OFFICES] })).code, target: '≤ 10 s' },
  ];
  await storage.close();
  server = await startServerProcess(serviceDir);

  // A new device enrols and downloads what it serves: first a computer of one office, then one serving all four.
  let store = null as ReturnType<typeof openLocalStore> | null;
  let engine = null as ReturnType<typeof createSyncEngine> | null;
  for (const scope of scopes) {
    store?.close();
    store = openLocalStore({ dataDir: path.join(dir, `new-device-${scope.label.replace(/ /g, '-')}`), key: randomBytes(32).toString('hex') });
    engine = createSyncEngine({ store, secrets: createMemorySecretStore() });
    started = performance.now();
    const status = await engine.enrol({ serverUrl: server.url, code: scope.code });
    const seconds = (performance.now() - started) / 1000;
    if (status.lastErrorCode) throw new Error(`download failed: ${status.lastErrorCode}\n${server.output().split('\n').filter((line) => !line.includes('"status":200')).slice(-20).join('\n')}`);
    const shifts = store.db.prepare('SELECT count(*) FROM shifts').pluck().get();
    const consultations = store.db.prepare('SELECT count(*) FROM consultations').pluck().get();
    console.log(`first download, ${scope.label}: ${shifts} shifts + ${consultations} consultations in ${seconds.toFixed(1)} s (target ${scope.target})`);
  }
  if (!store || !engine) throw new Error('no download ran');

  // Incremental sync: 100 changes made on this device, pushed (and the service asked for news) in one cycle.
  const timings: number[] = [];
  const runs = Number(values.runs);
  for (let run = 0; run < runs; run++) {
    // Signed by the dataset's lead, as the app signs a signed-in person's changes.
    signAs(userSigner(signed.userId, signed.key), () =>
      store.writer.write((changes) => {
        for (let i = 0; i < 100; i++) changes.update('shifts', `shift-${run * 100 + i}`, { note: `endret ${run}` });
      }),
    );
    started = performance.now();
    const after = await engine.syncNow();
    timings.push(performance.now() - started);
    if (after.pendingChanges !== 0 || after.lastErrorCode) throw new Error('incremental sync did not finish');
  }
  console.log(summary('incremental sync of 100 changes (target ≤ 200 ms)', timings));
  store.close();
} finally {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
