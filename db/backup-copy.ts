// Copies the open store to a backup file in small steps on a second connection, so the app keeps answering while a backup runs.
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { applyKey, attachSql, openConnection } from './encryption';
import type { DatabaseKey } from './encryption';
import { ensureOwnerOnlyFile } from './file-modes';

/**
 * How far a copy has come, in bytes: what the copy holds so far against the pages the store uses (its size less free
 * pages). Both are read from SQLite's page counts at no cost; counting rows first took a quarter of a second per big table.
 */
export interface CopyProgress {
  bytesCopied: number;
  bytesTotal: number;
}

export interface StepwiseCopyOptions {
  /**
   * Rows in the first step of each table (1 unless told: a signed transaction's seal can be half a megabyte); later
   * steps are sized to take about `stepMs`.
   */
  stepRows?: number;
  /** How long one step should hold the event loop (calls are answered and the main connection writes between steps). */
  stepMs?: number;
  onProgress?: (progress: CopyProgress) => void;
  /** Checked between steps: a store that is closing stops the copy (the partial file is removed by the caller). */
  cancelled?: () => boolean;
}

export class CopyCancelledError extends Error {
  constructor() {
    super('the backup was stopped because the store is closing');
    this.name = 'CopyCancelledError';
  }
}

interface SchemaObject {
  type: 'table' | 'index' | 'trigger' | 'view';
  name: string;
  sql: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The CREATE statement made to create the object in the attached copy: `CREATE INDEX x ON t` → `CREATE INDEX copy.x ON t`. */
function inCopy(object: SchemaObject): string {
  const match = /^(CREATE\s+(?:UNIQUE\s+INDEX|INDEX|TABLE|TRIGGER|VIEW)\s+)("(?:[^"]|"")+"|\w+)/i.exec(object.sql);
  if (!match) throw new Error(`cannot copy the schema of ${object.name}`);
  // The name is kept as written, so the copy's schema text is the same as the store's.
  return `${match[1]}copy.${match[2]}${object.sql.slice(match[0].length)}`;
}

/** Key columns to page a table by: rowid, or the primary key of a WITHOUT ROWID table. */
function pageKey(db: Database.Database, table: string): string[] {
  const withoutRowid = /\bWITHOUT\s+ROWID\s*$/i.test(
    (db.prepare("SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string).trim(),
  );
  if (!withoutRowid) return ['rowid'];
  const columns = db.prepare('SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(table) as { name: string }[];
  return columns.map((column) => quote(column.name));
}

/** Copies one table in key order, in steps sized to take about `stepMs` each (rows differ a lot in size), yielding between. */
async function copyTable(db: Database.Database, table: string, options: Required<StepwiseCopyOptions>, progress: () => void): Promise<void> {
  const key = pageKey(db, table);
  const keyList = key.join(', ');
  const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).map(quote).join(', ');
  const source = `main.${quote(table)}`;
  const lastOfFirst = db.prepare(`SELECT ${keyList} FROM ${source} ORDER BY ${keyList} LIMIT 1 OFFSET ?`).raw();
  const after = `(${keyList}) > (${key.map(() => '?').join(', ')})`;
  const copyFirst = db.prepare(`INSERT INTO copy.${quote(table)} (${columns}) SELECT ${columns} FROM ${source} ORDER BY ${keyList} LIMIT ?`);
  const copyAfter = db.prepare(`INSERT INTO copy.${quote(table)} (${columns}) SELECT ${columns} FROM ${source} WHERE ${after} ORDER BY ${keyList} LIMIT ?`);
  const lastOfStep = db.prepare(`SELECT ${keyList} FROM ${source} WHERE ${after} ORDER BY ${keyList} LIMIT 1 OFFSET ?`).raw();
  let last: unknown[] | undefined;
  let rows = options.stepRows;
  for (;;) {
    if (options.cancelled()) throw new CopyCancelledError();
    const started = performance.now();
    const copied = last === undefined ? copyFirst.run(rows).changes : copyAfter.run(...last, rows).changes;
    if (copied < rows) return progress();
    last = last === undefined ? (lastOfFirst.get(rows - 1) as unknown[]) : (lastOfStep.get(...last, rows - 1) as unknown[]);
    const took = performance.now() - started;
    // Aim the next step at stepMs, growing at most fourfold at a time and never below one row.
    rows = Math.max(1, Math.min(rows * 4, Math.round((rows * options.stepMs) / Math.max(took, 0.1))));
    progress();
    await nextTurn();
  }
}

/**
 * Copies the store at `file` into `target` as one consistent snapshot: a read transaction on a second connection keeps
 * the snapshot (WAL lets the app's connection write meanwhile), the copy is an attached file encrypted with the same
 * key, tables and indexes are made, rows are copied in key order in steps, and triggers are made last (so they do not
 * fire on copied rows). The copy has no journal: it is a new file that is thrown away if anything fails.
 */
export async function copyStoreInSteps(file: string, key: DatabaseKey | null, target: string, options: StepwiseCopyOptions = {}): Promise<CopyProgress> {
  const settings: Required<StepwiseCopyOptions> = { stepRows: 1, stepMs: 8, onProgress: () => {}, cancelled: () => false, ...options };
  ensureOwnerOnlyFile(target);
  const db = openConnection(file, { fileMustExist: true });
  try {
    if (key) applyKey(db, key);
    db.prepare(attachSql('copy')).run(target, key ? `x'${key}'` : '');
    db.pragma('copy.journal_mode = OFF');
    db.pragma('copy.synchronous = OFF');
    // A small cache: pages go to the file during the steps, so the final commit has little left to write.
    db.pragma('copy.cache_size = -256');
    db.prepare('BEGIN').run();
    const objects = db.prepare("SELECT type, name, sql FROM main.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid").all() as SchemaObject[];
    const tables = objects.filter((object) => object.type === 'table');
    for (const table of tables) db.prepare(inCopy(table)).run();
    // Indexes first, so their upkeep is spread over the steps instead of one long build at the end.
    for (const object of objects.filter((candidate) => candidate.type === 'index' || candidate.type === 'view')) db.prepare(inCopy(object)).run();
    const pageSize = Number(db.pragma('main.page_size', { simple: true }));
    const bytesTotal = (Number(db.pragma('main.page_count', { simple: true })) - Number(db.pragma('main.freelist_count', { simple: true }))) * pageSize;
    const progress = (): CopyProgress => ({ bytesCopied: Math.min(bytesTotal, Number(db.pragma('copy.page_count', { simple: true })) * pageSize), bytesTotal });
    const report = () => settings.onProgress(progress());
    report();
    for (const table of tables) await copyTable(db, table.name, settings, report);
    const hasSequence = db.prepare("SELECT count(*) FROM copy.sqlite_master WHERE name = 'sqlite_sequence'").pluck().get() === 1;
    if (hasSequence) db.prepare('INSERT INTO copy.sqlite_sequence SELECT * FROM main.sqlite_sequence').run();
    for (const object of objects.filter((candidate) => candidate.type === 'trigger')) db.prepare(inCopy(object)).run();
    db.pragma(`copy.user_version = ${Number(db.pragma('main.user_version', { simple: true }))}`);
    const copiedAll = { bytesCopied: bytesTotal, bytesTotal };
    db.prepare('COMMIT').run();
    db.close();
    // The copy was written without a journal or syncs: it is made durable once, whole, before it is renamed into place.
    const handle = await fs.promises.open(target, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    settings.onProgress(copiedAll);
    return copiedAll;
  } finally {
    if (db.open) {
      if (db.inTransaction) db.prepare('ROLLBACK').run();
      db.close();
    }
  }
}
