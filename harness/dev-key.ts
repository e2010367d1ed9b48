// The harness's database key: SAMVAKT_DB_KEY when set, else a development key kept in the data folder (never for real data).
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_KEY_ENV, generateDatabaseKey, parseDatabaseKey } from '../db/encryption';
import type { DatabaseKey } from '../db/encryption';

export const DEV_KEY_FILE_NAME = 'harness-dev-db-key.txt';

/**
 * The harness is a development and test tool: without SAMVAKT_DB_KEY it makes a random key on first start and keeps it
 * next to the database, so the same folder opens again. Keeping the key beside the file protects nothing; it only
 * keeps the harness on the same encrypted code path as the app.
 */
export function harnessDatabaseKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): { key: DatabaseKey; source: 'env' | 'file' | 'new' } {
  const fromEnv = env[DATABASE_KEY_ENV];
  if (fromEnv) return { key: parseDatabaseKey(fromEnv), source: 'env' };
  const file = path.join(dataDir, DEV_KEY_FILE_NAME);
  if (fs.existsSync(file)) return { key: parseDatabaseKey(fs.readFileSync(file, 'utf8')), source: 'file' };
  const key = generateDatabaseKey();
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return { key, source: 'new' };
}
