// Local backups of the store: encrypted copies in <data dir>/backups (daily with rotation, manual, before restore) and restoring one.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { utcMsToOslo } from '../domain/calendar/oslo';
import { applyKey, assertKeyOpens, openConnection } from './encryption';
import { getMeta, setMeta } from './local-meta';
import { assertNotTooNew, migrate } from './migrate';
import type { LocalStore } from './open';
import { ensureOwnerOnlyDir, ensureOwnerOnlyFile } from './file-modes';

export type BackupKind = 'daily' | 'manual' | 'beforeRestore' | 'beforeMigration';

export interface BackupInfo {
  fileName: string;
  kind: BackupKind;
  /** When it was taken (UTC ISO), read from the file name. */
  takenAt: string;
  sizeBytes: number;
}

/** How many of each kind are kept; migration backups are few and kept. */
export const BACKUP_RETENTION: Record<Exclude<BackupKind, 'beforeMigration'>, number> = { daily: 14, manual: 20, beforeRestore: 5 };

const KIND_IN_NAME: Record<Exclude<BackupKind, 'beforeMigration'>, string> = { daily: 'daily', manual: 'manual', beforeRestore: 'before-restore' };
const NAME_PATTERN = /^samvakt-(daily|manual|before-restore|v\d+-before-migration)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.sqlite3$/;

/** The thing a user can get wrong: the file is gone, or it cannot be used here. */
export class BackupError extends Error {
  constructor(readonly problem: 'notFound' | 'unreadable', detail?: string) {
    super(detail ?? problem);
    this.name = 'BackupError';
  }
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

function parseStamp(text: string): string {
  const [date, time] = text.split('T') as [string, string];
  const [h, m, s, ms] = time.replace('Z', '').split('-');
  return `${date}T${h}:${m}:${s}.${ms}Z`;
}

export function parseBackupName(fileName: string): { kind: BackupKind; takenAt: string } | null {
  const match = NAME_PATTERN.exec(fileName);
  if (!match) return null;
  const kindText = match[1]!;
  const kind: BackupKind = kindText === 'daily' ? 'daily' : kindText === 'manual' ? 'manual' : kindText === 'before-restore' ? 'beforeRestore' : 'beforeMigration';
  return { kind, takenAt: parseStamp(match[2]!) };
}

/** The store's backups, newest first. */
export function listBackups(backupDir: string): BackupInfo[] {
  if (!fs.existsSync(backupDir)) return [];
  const backups: BackupInfo[] = [];
  for (const fileName of fs.readdirSync(backupDir)) {
    const parsed = parseBackupName(fileName);
    if (!parsed) continue;
    backups.push({ fileName, ...parsed, sizeBytes: fs.statSync(path.join(backupDir, fileName)).size });
  }
  return backups.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.fileName.localeCompare(a.fileName));
}

/**
 * Copies the open store to a new backup file with VACUUM INTO: a consistent snapshot while the app runs, encrypted with
 * the store's own key (the cipher library writes the copy with the main database's cipher). It is written under a
 * temporary name and renamed, so a crash never leaves a half backup that looks whole.
 */
export function createBackup(store: LocalStore, kind: Exclude<BackupKind, 'beforeMigration'>, at: Date = new Date()): BackupInfo {
  ensureOwnerOnlyDir(store.backupDir);
  const fileName = `samvakt-${KIND_IN_NAME[kind]}-${stamp(at)}.sqlite3`;
  const target = path.join(store.backupDir, fileName);
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  // VACUUM INTO accepts an empty target: made owner-only first, the copy is never readable by others, not even briefly.
  ensureOwnerOnlyFile(partial);
  store.db.prepare('VACUUM INTO ?').run(partial);
  fs.renameSync(partial, target);
  rotateBackups(store.backupDir);
  return { fileName, kind, takenAt: at.toISOString(), sizeBytes: fs.statSync(target).size };
}

/** Keeps the newest BACKUP_RETENTION[kind] of each kind and removes the rest (and leftovers of interrupted backups). */
export function rotateBackups(backupDir: string): string[] {
  const removed: string[] = [];
  const seen: Record<string, number> = {};
  for (const backup of listBackups(backupDir)) {
    if (backup.kind === 'beforeMigration') continue;
    seen[backup.kind] = (seen[backup.kind] ?? 0) + 1;
    if (seen[backup.kind]! > BACKUP_RETENTION[backup.kind]) {
      fs.rmSync(path.join(backupDir, backup.fileName), { force: true });
      removed.push(backup.fileName);
    }
  }
  for (const name of fs.existsSync(backupDir) ? fs.readdirSync(backupDir) : []) {
    if (name.endsWith('.partial')) fs.rmSync(path.join(backupDir, name), { force: true });
  }
  return removed;
}

/** Takes today's daily backup unless there is one from today (Oslo date); returns it, or null when none was needed. */
export function ensureDailyBackup(store: LocalStore, at: Date = new Date()): BackupInfo | null {
  const today = utcMsToOslo(at.getTime()).date;
  const hasToday = listBackups(store.backupDir).some((backup) => backup.kind === 'daily' && utcMsToOslo(Date.parse(backup.takenAt)).date === today);
  return hasToday ? null : createBackup(store, 'daily', at);
}

function backupPath(store: LocalStore, fileName: string): string {
  if (!parseBackupName(fileName)) throw new BackupError('notFound');
  const file = path.join(store.backupDir, fileName);
  if (!fs.existsSync(file)) throw new BackupError('notFound');
  return file;
}

/** Columns of a table in an attached schema. */
function columnsOf(db: Database.Database, schema: string, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?, ?)`).all(table, schema) as { name: string }[]).map((row) => row.name);
}

/** local_meta keys that describe this device now and must survive a restore: its id and its clock, which must never go back. */
const KEPT_META_KEYS = ['device.id', 'hlc.state'];

/**
 * Puts a backup's data back into the open store, in one transaction on the same connection (so every part of the app
 * keeps its handle). The backup is first copied and brought to the current schema, then checked; the store as it is
 * now is saved as a 'beforeRestore' backup; then every table is replaced. The device id and clock are kept: changes
 * made after the restore must still sort after everything this device has already sent. Returns the safety backup.
 */
export function restoreBackup(store: LocalStore, fileName: string, at: Date = new Date()): { safetyBackup: BackupInfo } {
  const source = backupPath(store, fileName);
  const working = path.join(store.backupDir, 'samvakt-restore-in-progress.restoring');
  fs.copyFileSync(source, working);
  try {
    prepareCopy(store, working);
    const safetyBackup = createBackup(store, 'beforeRestore', at);
    copyInto(store, working);
    return { safetyBackup };
  } finally {
    fs.rmSync(working, { force: true });
  }
}

/** Opens the copy with the store's key, checks it and migrates it to the current schema; a bad copy is a BackupError. */
function prepareCopy(store: LocalStore, file: string): void {
  let db: Database.Database | null = null;
  try {
    db = openConnection(file, { fileMustExist: true });
    if (store.key) applyKey(db, store.key);
    assertKeyOpens(db);
    assertNotTooNew(db);
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw new BackupError('unreadable', 'integrity check failed');
    const tables = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'local_meta'").pluck().get() as number;
    if (tables !== 1) throw new BackupError('unreadable', 'not a Samvakt database');
    migrate(db, { backupDir: null });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError('unreadable', error instanceof Error ? error.message : String(error));
  } finally {
    db?.close();
  }
}

function copyInto(store: LocalStore, file: string): void {
  const { db } = store;
  const kept = new Map(KEPT_META_KEYS.map((key) => [key, getMeta(db, key)]));
  // ATTACH would create an empty database for a missing file, and restoring that would empty the store.
  if (!fs.existsSync(file)) throw new BackupError('notFound');
  db.prepare('ATTACH DATABASE ? AS restore_source KEY ?').run(file, store.key ? `x'${store.key}'` : '');
  try {
    const isSamvakt = db.prepare("SELECT count(*) FROM restore_source.sqlite_master WHERE type = 'table' AND name = 'local_meta'").pluck().get() === 1;
    if (!isSamvakt) throw new BackupError('unreadable', 'not a Samvakt database');
    db.pragma('foreign_keys = OFF');
    db.transaction(() => {
      const tables = db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
      for (const table of tables) db.prepare(`DELETE FROM main."${table}"`).run();
      for (const table of tables) {
        const from = new Set(columnsOf(db, 'restore_source', table));
        const columns = columnsOf(db, 'main', table).filter((column) => from.has(column));
        if (columns.length === 0) continue;
        const list = columns.map((column) => `"${column}"`).join(', ');
        // OR REPLACE: triggers (e.g. the consultation search index) may already have made rows the copy brings too.
        db.prepare(`INSERT OR REPLACE INTO main."${table}" (${list}) SELECT ${list} FROM restore_source."${table}"`).run();
      }
      for (const [key, value] of kept) setMeta(db, key, value);
      const problems = db.prepare('SELECT count(*) FROM pragma_foreign_key_check').pluck().get() as number;
      if (problems > 0) throw new BackupError('unreadable', 'foreign keys do not match');
    })();
  } finally {
    db.pragma('foreign_keys = ON');
    db.prepare('DETACH DATABASE restore_source').run();
  }
}
