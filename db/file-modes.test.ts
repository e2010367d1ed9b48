// Tests that the data folder, the database with its -wal and -shm files, and every backup are readable by the owner only.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempStore, tempDir, testDatabaseKey } from '../test/helpers/temp-store';
import { createBackup } from './backup';
import { DATABASE_FILE_NAME, openLocalStore } from './open';

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((store) => store.close()));

const othersMayAccess = (file: string) => (fs.statSync(file).mode & 0o077) !== 0;

describe.skipIf(process.platform === 'win32')('owner-only files', () => {
  it('creates the folder, the database, its -wal and -shm and a backup readable by the owner only, whatever the umask', () => {
    const previous = process.umask(0o022);
    try {
      const store = openTempStore({ dataDir: path.join(tempDir(), 'data') });
      opened.push(store);
      store.db.exec('CREATE TABLE IF NOT EXISTS probe (x)');
      store.db.exec('INSERT INTO probe VALUES (1)');
      const backup = createBackup(store, 'manual');
      const file = path.join(store.dataDir, DATABASE_FILE_NAME);
      const files = [store.dataDir, file, `${file}-wal`, `${file}-shm`, store.backupDir, path.join(store.backupDir, backup.fileName)];
      for (const item of files) expect(fs.existsSync(item), item).toBe(true);
      expect(files.filter(othersMayAccess)).toEqual([]);
    } finally {
      process.umask(previous);
    }
  });

  it('narrows the files of a store made by an older version when it opens them', () => {
    const dataDir = tempDir();
    openLocalStore({ dataDir, key: testDatabaseKey() }).close();
    const file = path.join(dataDir, DATABASE_FILE_NAME);
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(file, 0o644);
    const again = openLocalStore({ dataDir, key: testDatabaseKey() });
    opened.push(again);
    expect([dataDir, file].filter(othersMayAccess)).toEqual([]);
  });
});
