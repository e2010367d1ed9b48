// Chooses the shared service's storage: PostgreSQL when DATABASE_URL is set, otherwise SQLite in the data folder.
import fs from 'node:fs';
import path from 'node:path';
import { createPostgresStorage } from './postgres-storage';
import { createSqliteStorage } from './sqlite-storage';
import type { SyncStorage } from './storage';

export const SERVER_DATABASE_FILE = 'samvakt-sync.sqlite3';

export async function openStorage(options: { dataDir: string; databaseUrl?: string | undefined }): Promise<SyncStorage> {
  let storage: SyncStorage;
  if (options.databaseUrl) storage = createPostgresStorage(options.databaseUrl);
  else {
    fs.mkdirSync(options.dataDir, { recursive: true });
    storage = createSqliteStorage(path.join(options.dataDir, SERVER_DATABASE_FILE));
  }
  await storage.init();
  return storage;
}
