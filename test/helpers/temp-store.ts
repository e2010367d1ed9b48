// Test helper: a real local store in a fresh temporary folder, removed after the test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_KEY_ENV, generateDatabaseKey, parseDatabaseKey } from '../../db/encryption';
import type { DatabaseKey } from '../../db/encryption';
import { openLocalStore } from '../../db/open';
import type { LocalStore, OpenOptions } from '../../db/open';

export function tempDir(prefix = 'samvakt-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

let processKey: DatabaseKey | null = null;

/** The key test stores are encrypted with: SAMVAKT_DB_KEY when set, else one random key for this test process. */
export function testDatabaseKey(): DatabaseKey {
  const fromEnv = process.env[DATABASE_KEY_ENV];
  if (fromEnv) return parseDatabaseKey(fromEnv);
  processKey ??= generateDatabaseKey();
  return processKey;
}

/** A store in a temporary folder, encrypted with testDatabaseKey() unless the options say otherwise (key: null = unencrypted). */
export function openTempStore(options: Partial<OpenOptions> = {}): LocalStore & { dataDir: string } {
  const dataDir = options.dataDir ?? tempDir();
  const store = openLocalStore({ key: testDatabaseKey(), ...options, dataDir });
  return {
    ...store,
    dataDir,
    close() {
      store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
