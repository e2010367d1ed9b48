// Command line for the browser harness: `npm run start:web -- --data-dir DIR --port N`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend } from '../backend/api';
import { openLocalStore } from '../db/open';
import type { LocalStore } from '../db/open';
import { harnessDatabaseKey } from './dev-key';
import { createSyncEngine } from '../sync/engine';
import { createFileSecretStore } from '../sync/secret-store';
import { startConsultationFactsBackfill } from '../backend/jobs/consultation-facts';
import { startDailyBackups } from '../backend/jobs/daily-backup';
import { startHarness } from './server';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: '.data/harness' },
    port: { type: 'string', default: '5173' },
    'static-dir': { type: 'string', default: 'dist/renderer' },
    'access-token': { type: 'string' },
    // How often background sync runs (ms); tests shorten it.
    'sync-interval-ms': { type: 'string', default: '30000' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Ugyldig port «${values.port}». Bruk et tall mellom 0 og 65535, f.eks. --port 5173.`);
  process.exit(2);
}

let store: LocalStore;
try {
  const dataDir = path.resolve(values['data-dir']);
  const { key, source } = harnessDatabaseKey(dataDir);
  if (source === 'new') console.log(`Ny utviklingsnøkkel for databasen i ${dataDir} (sett SAMVAKT_DB_KEY for å bruke en egen)`);
  store = openLocalStore({ dataDir, key });
  if (store.converted) console.log('Den ukrypterte databasen er nå kryptert.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
// Sync runs in the background beside the backend. The harness keeps the device secret in a file in its data folder
// (the desktop app uses Electron safeStorage).
const sync = createSyncEngine({
  store,
  secrets: createFileSecretStore(path.join(path.resolve(values['data-dir']), 'secrets')),
  intervalMs: Math.max(200, Number(values['sync-interval-ms']) || 30_000),
  minBackoffMs: Math.min(2_000, Math.max(200, Number(values['sync-interval-ms']) || 2_000)),
});
const backend = createBackend({ store, sync });
sync.start();
const stopBackups = startDailyBackups({ store, emit: backend.announce });
const stopFactsBackfill = startConsultationFactsBackfill({ store, emit: backend.announce });
const harness = await startHarness({
  backend,
  staticDir: values['static-dir'],
  port,
  ...(values['access-token'] ? { accessToken: values['access-token'] } : {}),
});
if (store.migration.backupPath) console.log(`Sikkerhetskopi før oppgradering: ${store.migration.backupPath}`);
console.log(`Samvakt kjører (nettleserharness, data i ${path.resolve(values['data-dir'])})`);
console.log(`Åpne: ${harness.url}`);

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  void harness.close().then(() => {
    stopBackups();
    stopFactsBackfill();
    backend.close();
    store.close();
    process.exit(0);
  });
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
