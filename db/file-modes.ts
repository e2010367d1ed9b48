// Owner-only files: the data folder, the database with its -wal and -shm files, and backups are readable by this user alone.
import fs from 'node:fs';

/** Folders: only the owner may list or enter them. */
export const OWNER_ONLY_DIR = 0o700;
/** Files: only the owner may read or write them. SQLite gives -wal and -shm the database file's mode. */
export const OWNER_ONLY_FILE = 0o600;

/** Creates the folder if needed and makes it owner-only (also an existing one, from a version that did not). */
export function ensureOwnerOnlyDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR });
  if (process.platform !== 'win32') fs.chmodSync(dir, OWNER_ONLY_DIR);
}

/**
 * Makes sure the file exists owner-only before SQLite opens or writes it: an empty new file (SQLite treats it as a new
 * database, and VACUUM INTO accepts an empty target), or an existing one narrowed to owner-only.
 */
export function ensureOwnerOnlyFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', OWNER_ONLY_FILE));
  if (process.platform !== 'win32') fs.chmodSync(file, OWNER_ONLY_FILE);
}

/** Narrows files that already exist (the -wal and -shm of a store made by an older version) to owner-only. */
export function narrowIfPresent(...files: string[]): void {
  if (process.platform === 'win32') return;
  for (const file of files) if (fs.existsSync(file)) fs.chmodSync(file, OWNER_ONLY_FILE);
}
