// Opens the local store: pragmas, migrations, the device clock and the single write path.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createDeviceClock } from './device-clock';
import type { DeviceClock } from './device-clock';
import { assertNotTooNew, migrate } from './migrate';
import type { MigrateResult } from './migrate';
import { createWriter } from './write-path';
import type { Writer } from './write-path';

export const DATABASE_FILE_NAME = 'samvakt.sqlite3';

export interface LocalStore {
  db: Database.Database;
  writer: Writer;
  clock: DeviceClock;
  migration: MigrateResult;
  close(): void;
}

export interface OpenOptions {
  /** Folder holding the database file and its backups. */
  dataDir: string;
  /** Path to a better-sqlite3 native binding built for this runtime (Electron needs its own build). */
  nativeBinding?: string;
  /** Wall clock for the hybrid logical clock; tests inject one. */
  now?: () => number;
}

export function openLocalStore(options: OpenOptions): LocalStore {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, DATABASE_FILE_NAME);
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // Refuse a newer database before anything (even the journal mode) touches the file.
    assertNotTooNew(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const migration = migrate(db, { backupDir: path.join(options.dataDir, 'backups') });
    const clock = createDeviceClock(db, options.now);
    const writer = createWriter(db, clock);
    return { db, writer, clock, migration, close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}
