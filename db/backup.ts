// Local backups of the store: encrypted copies in <data dir>/backups (daily with rotation, manual, before restore) and restoring one.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { isoWeekIndexOfDate } from '../domain/calendar/isoWeek';
import { utcMsToOslo } from '../domain/calendar/oslo';
import { copyStoreInSteps } from './backup-copy';
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

/** How many of each kind are kept; migration backups are few and kept. Daily ones: see DAILY_RETENTION. */
export const BACKUP_RETENTION: Record<Exclude<BackupKind, 'beforeMigration' | 'daily'>, number> = { manual: 20, beforeRestore: 5 };

/**
 * Daily backups: the newest `days` are kept, and of the older ones the newest of each ISO week, for `weeks` weeks: at
 * most 11 files, covering about five weeks (docs/performance.md gives the budget this makes).
 */
export const DAILY_RETENTION = { days: 7, weeks: 4 } as const;

const KIND_IN_NAME: Record<Exclude<BackupKind, 'beforeMigration'>, string> = { daily: 'daily', manual: 'manual', beforeRestore: 'before-restore' };
const NAME_PATTERN = /^samvakt-(daily|manual|before-restore|v\d+-before-migration)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.sqlite3$/;

/** The backup being taken in steps, per store: at most one at a time (see takeBackup). */
const running = new WeakMap<LocalStore, BackupRun>();

/** The thing a user can get wrong: the file is gone, or it cannot be used here. */
export class BackupError extends Error {
  constructor(readonly problem: 'notFound' | 'unreadable' | 'busy', detail?: string) {
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
  if (running.has(store)) throw new BackupError('busy');
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

/** A backup being taken in steps (`takeBackup`), for the progress shown in Innstillinger (bytes: see CopyProgress). */
export interface BackupRun {
  kind: 'daily' | 'manual';
  startedAt: string;
  bytesCopied: number;
  bytesTotal: number;
}

/** The backup being taken now for this store, or null. */
export function backupInProgress(store: LocalStore): BackupRun | null {
  const run = running.get(store);
  return run ? { ...run } : null;
}

/**
 * Takes a backup without holding up the app: the copy runs in steps on a second connection (db/backup-copy.ts) while
 * calls go on, is written under a temporary name and renamed when whole, so a crash or a closing store leaves the
 * earlier backups as they were and no half file that looks whole. One at a time per store (`busy` otherwise).
 */
export async function takeBackup(
  store: LocalStore,
  kind: BackupRun['kind'],
  options: { at?: Date; onProgress?: (run: BackupRun) => void; stepRows?: number } = {},
): Promise<BackupInfo> {
  if (running.has(store)) throw new BackupError('busy');
  const at = options.at ?? new Date();
  const run: BackupRun = { kind, startedAt: at.toISOString(), bytesCopied: 0, bytesTotal: 0 };
  running.set(store, run);
  ensureOwnerOnlyDir(store.backupDir);
  const fileName = `samvakt-${KIND_IN_NAME[kind]}-${stamp(at)}.sqlite3`;
  const target = path.join(store.backupDir, fileName);
  const partial = `${target}.partial`;
  try {
    fs.rmSync(partial, { force: true });
    await copyStoreInSteps(store.file, store.key, partial, {
      ...(options.stepRows ? { stepRows: options.stepRows } : {}),
      cancelled: () => !store.db.open,
      onProgress: ({ bytesCopied, bytesTotal }) => {
        run.bytesCopied = bytesCopied;
        run.bytesTotal = bytesTotal;
        options.onProgress?.({ ...run });
      },
    });
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    running.delete(store);
  }
  rotateBackups(store.backupDir);
  return { fileName, kind, takenAt: at.toISOString(), sizeBytes: fs.statSync(target).size };
}

/** The daily backups to remove under DAILY_RETENTION, given all daily backups newest first. */
function dailyToRemove(daily: readonly BackupInfo[]): BackupInfo[] {
  const keptWeeks = new Set<number>();
  return daily.filter((backup, index) => {
    if (index < DAILY_RETENTION.days) return false;
    const week = isoWeekIndexOfDate(utcMsToOslo(Date.parse(backup.takenAt)).date);
    if (keptWeeks.has(week) || keptWeeks.size >= DAILY_RETENTION.weeks) return true;
    keptWeeks.add(week);
    return false;
  });
}

/** Applies the retention (BACKUP_RETENTION, DAILY_RETENTION) and removes leftovers of interrupted backups. */
export function rotateBackups(backupDir: string): string[] {
  const removed: string[] = [];
  const seen: Record<string, number> = {};
  const backups = listBackups(backupDir);
  const doomed = new Set(dailyToRemove(backups.filter((backup) => backup.kind === 'daily')).map((backup) => backup.fileName));
  for (const backup of backups) {
    if (backup.kind === 'beforeMigration') continue;
    if (backup.kind !== 'daily') {
      seen[backup.kind] = (seen[backup.kind] ?? 0) + 1;
      if (seen[backup.kind]! > BACKUP_RETENTION[backup.kind]) doomed.add(backup.fileName);
    }
    if (doomed.has(backup.fileName)) {
      fs.rmSync(path.join(backupDir, backup.fileName), { force: true });
      removed.push(backup.fileName);
    }
  }
  for (const name of fs.existsSync(backupDir) ? fs.readdirSync(backupDir) : []) {
    if (name.endsWith('.partial')) fs.rmSync(path.join(backupDir, name), { force: true });
  }
  return removed;
}

/** Whether today's daily backup (Oslo date) is still to be taken. */
export function dailyBackupDue(store: LocalStore, at: Date = new Date()): boolean {
  const today = utcMsToOslo(at.getTime()).date;
  return !listBackups(store.backupDir).some((backup) => backup.kind === 'daily' && utcMsToOslo(Date.parse(backup.takenAt)).date === today);
}

/** Takes today's daily backup in steps unless there is one from today (or one is being taken); returns it, or null. */
export async function ensureDailyBackup(store: LocalStore, at: Date = new Date(), onProgress?: (run: BackupRun) => void): Promise<BackupInfo | null> {
  if (!dailyBackupDue(store, at) || running.has(store)) return null;
  return takeBackup(store, 'daily', { at, ...(onProgress ? { onProgress } : {}) });
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
  if (running.has(store)) throw new BackupError('busy');
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
