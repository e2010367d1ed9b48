// Opens the local store: encryption key, pragmas, migrations, the device clock and the single write path.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { applyKey, assertKeyOpens, databaseFileState, DatabaseKeyError, encryptPlaintextFile, encryptPlaintextFilesIn, openConnection } from './encryption';
import type { DatabaseKey } from './encryption';
import { createDeviceClock } from './device-clock';
import type { DeviceClock } from './device-clock';
import { assertNotTooNew, migrate, schemaVersion } from './migrate';
import { endBulkLoad } from './bulk-load';
import type { MigrateResult } from './migrate';
import { createWriter } from './write-path';
import type { Writer } from './write-path';
import { createTrustState } from './trust-state';
import type { TrustState } from './trust-state';
import { ensureOwnerOnlyDir, ensureOwnerOnlyFile, narrowIfPresent } from './file-modes';

export const DATABASE_FILE_NAME = 'samvakt.sqlite3';

export const BACKUP_DIR_NAME = 'backups';

export interface LocalStore {
  db: Database.Database;
  /** The folder, the database file and its backup folder. */
  dataDir: string;
  file: string;
  backupDir: string;
  /** The key the file is encrypted with; null for an unencrypted store. */
  key: DatabaseKey | null;
  /** True when this open encrypted a database that was unencrypted before. */
  converted: boolean;
  writer: Writer;
  clock: DeviceClock;
  /** The chain of authority as this computer sees it, and whether signing is enforced (docs/trust.md). */
  trust: TrustState;
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
  /**
   * The database key (64 hex digits, see encryption.ts). Given a key, a new database is created encrypted and an
   * unencrypted one (and its backups) is converted. Without one the store is unencrypted: only tools and old tests
   * do that; the app and the harness always pass a key.
   */
  key?: DatabaseKey | null;
}

export function openLocalStore(options: OpenOptions): LocalStore {
  ensureOwnerOnlyDir(options.dataDir);
  const file = path.join(options.dataDir, DATABASE_FILE_NAME);
  const backupDir = path.join(options.dataDir, BACKUP_DIR_NAME);
  const key = options.key ?? null;
  const state = databaseFileState(file);
  if (state === 'encrypted' && !key) throw new DatabaseKeyError('missing');
  let converted = false;
  if (state === 'plaintext' && key) {
    // A newer Samvakt's database is refused before the conversion touches it.
    const plain = openConnection(file, { nativeBinding: options.nativeBinding, readonly: true });
    try {
      assertNotTooNew(plain);
    } finally {
      plain.close();
    }
    encryptPlaintextFile(file, key, options.nativeBinding);
    // Backups taken before encryption (e.g. before a migration) hold the same data: encrypt them too.
    encryptPlaintextFilesIn(backupDir, key, options.nativeBinding);
    converted = true;
  }
  // Created owner-only before SQLite touches it; SQLite gives the -wal and -shm files the same mode.
  ensureOwnerOnlyFile(file);
  narrowIfPresent(`${file}-wal`, `${file}-shm`);
  const db = openConnection(file, { nativeBinding: options.nativeBinding });
  try {
    if (key) applyKey(db, key);
    assertKeyOpens(db);
    // Refuse a newer database before anything (even the journal mode) touches the file.
    assertNotTooNew(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted content is overwritten with zeros, so patient data removed from this computer (a narrowed scope, a repair,
    // an acknowledged outbox row) is not left in free pages for a later backup to copy (db/scope-purge.ts).
    db.pragma('secure_delete = ON');
    // A first download that was cut off left indexes set aside: put them back before anything else (migrations expect them).
    if (schemaVersion(db) > 0) endBulkLoad(db);
    const migration = migrate(db, { backupDir });
    const clock = createDeviceClock(db, options.now);
    const trust = createTrustState(db);
    const writer = createWriter(db, clock, trust);
    return { db, dataDir: options.dataDir, file, backupDir, key, converted, writer, clock, trust, migration, close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}
