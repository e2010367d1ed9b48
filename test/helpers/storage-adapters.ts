// Test helper: runs one suite of the shared service against both storage adapters, SQLite in memory and a throw-away PostgreSQL.
import { afterAll } from 'vitest';
import { createPostgresStorage } from '../../server/postgres-storage';
import { createSqliteStorage } from '../../server/sqlite-storage';
import type { SyncStorage } from '../../server/storage';
import { startTestPostgres } from './postgres';
import type { TestPostgres } from './postgres';

/** Registers `suite` twice; `open` gives a fresh, initialised storage of that kind. PostgreSQL is stopped after the file. */
export function forEachStorageAdapter(suite: (name: string, open: () => Promise<SyncStorage>) => void): void {
  suite('SQLite', async () => createSqliteStorage(':memory:'));
  let postgres: TestPostgres | null = null;
  suite('PostgreSQL', async () => {
    postgres = await startTestPostgres();
    const storage = createPostgresStorage(postgres.url);
    await storage.init();
    return storage;
  });
  afterAll(async () => {
    await postgres?.stop();
  });
}
