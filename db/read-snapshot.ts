// A second, read-only connection to the store holding one read transaction: a consistent snapshot that slow reads go through in steps while the app's own connection answers calls and writes.
import type Database from 'better-sqlite3';
import { applyKey, openConnection } from './encryption';
import type { DatabaseKey } from './encryption';

/**
 * Opens the store at `file` a second time, read-only, and fixes a snapshot now: the read transaction begins and its
 * first read pins what it sees (WAL lets the app's connection write meanwhile; this one keeps seeing the store as it
 * was at this call). Close it with `closeReadSnapshot` (a long-held snapshot keeps the WAL from being checkpointed).
 */
export function openReadSnapshot(file: string, key: DatabaseKey | null): Database.Database {
  const db = openConnection(file, { readonly: true, fileMustExist: true });
  try {
    if (key) applyKey(db, key);
    // Pages read in steps are read once; a modest cache is enough (the default is 2 MiB).
    db.pragma('cache_size = -8192');
    db.prepare('BEGIN').run();
    // A deferred transaction takes its snapshot at its first read.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Ends the snapshot's transaction and closes its connection (safe to call twice). */
export function closeReadSnapshot(db: Database.Database): void {
  if (!db.open) return;
  if (db.inTransaction) db.prepare('ROLLBACK').run();
  db.close();
}
