// Kill the shared service in the middle of a push, restart it, retry: nothing duplicated, nothing lost, and a new device downloads the same data.
import fs from 'node:fs';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listCellVersions } from '../../db/row-versions';
import { createSyncEngine } from '../../sync/engine';
import { createMemorySecretStore } from '../../sync/secret-store';
import { createHttpTransport } from '../../sync/transport';
import type { FetchLike } from '../../sync/transport';
import { deviceState } from '../helpers/sync-simulation';
import { createEnrolmentCode, startServerProcess } from '../helpers/sync-server-process';
import type { ServerProcess } from '../helpers/sync-server-process';
import { openTempStore, tempDir } from '../helpers/temp-store';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('sync service crash during a push', () => {
  it('loses and duplicates nothing when the service is killed mid-push and the device retries', async () => {
    const serverDir = tempDir('samvakt-sync-server-');
    const port = await freePort();
    let server: ServerProcess = await startServerProcess(serverDir, { port });
    cleanups.push(async () => {
      await server.stop('SIGKILL');
      fs.rmSync(serverDir, { recursive: true, force: true });
    });

    const office = openTempStore({ key: null });
    cleanups.push(() => office.close());
    office.writer.write((changes) => {
      changes.insert('offices', 'grong', { name: 'Grong legekontor' });
      for (let i = 0; i < 1500; i++) {
        changes.insert('shifts', `shift-${i}`, { office_id: 'grong', date: `2027-01-${String((i % 28) + 1).padStart(2, '0')}`, start_time: '08:00', end_time: '15:30', kind: 'clinic', note: `vakt ${i}` });
      }
    });

    // The third push request kills the service while it is on its way: its answer never comes.
    let pushes = 0;
    const killingFetch: FetchLike = async (url, init) => {
      const response = fetch(url, init);
      if (url.includes('/v1/push') && ++pushes === 3) {
        setTimeout(() => void server.stop('SIGKILL'), 2);
      }
      return response;
    };
    const engine = createSyncEngine({
      store: office,
      secrets: createMemorySecretStore(),
      transportFor: (serverUrl) => createHttpTransport(serverUrl, killingFetch),
    });
    const afterCrash = await engine.enrol({ serverUrl: server.url, code: await createEnrolmentCode(serverDir, 'coop-crash', 'Grong') });
    expect(pushes).toBe(3);
    expect(afterCrash.lastErrorCode).toBe('sync.offline');
    expect(afterCrash.pendingChanges).toBeGreaterThan(0);

    server = await startServerProcess(serverDir, { port });
    const retried = await engine.syncNow();
    expect(retried).toMatchObject({ lastErrorCode: null, pendingChanges: 0, online: true });

    // A second office downloads everything: exactly the first office's rows and timestamps.
    const other = openTempStore({ key: null });
    cleanups.push(() => other.close());
    const otherSecrets = createMemorySecretStore();
    const otherEngine = createSyncEngine({ store: other, secrets: otherSecrets, snapshotLimit: 1000 });
    const downloaded = await otherEngine.enrol({ serverUrl: server.url, code: await createEnrolmentCode(serverDir, 'coop-crash', 'Lierne') });
    expect(downloaded).toMatchObject({ lastErrorCode: null, firstDownload: null });
    expect(deviceState(other)).toEqual(deviceState(office));
    expect(other.db.prepare('SELECT count(*) FROM shifts').pluck().get()).toBe(1500);

    // Every cell is in the log once: the whole log holds exactly as many changes as there are column timestamps.
    const secret = await otherSecrets.read('sync-device-secret');
    const deviceId = other.db.prepare("SELECT value FROM local_meta WHERE key = 'sync.deviceId'").pluck().get() as string;
    const log = createHttpTransport(server.url);
    const cells = [];
    let after = 0;
    for (;;) {
      const page = await log.pull({ deviceId, secret: secret! }, { cooperation: 'coop-crash', after, limit: 5000 });
      cells.push(...page.changes);
      after = page.lastSeq;
      if (!page.more) break;
    }
    expect(cells.length).toBe(listCellVersions(office.db).length);
    expect(new Set(cells.map((c) => `${c.table}/${c.row}/${c.column}`)).size).toBe(cells.length);
  }, 120_000);
});
