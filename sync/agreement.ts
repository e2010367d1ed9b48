// The agreement check on the computer: each synced table's digest computed from the local values and their row versions, the same way the service computes it, and the comparison of the two.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { statement } from '../db/statements';
import { SYNCED_TABLES } from '../db/sync-tables';
import type { SqlValue } from '../db/sync-tables';
import { compareCodePoints, digestLine, EMPTY_TABLE_DIGEST } from './digest';
import type { TableDigest } from './protocol';

/**
 * Hash input is collected into chunks of about this many characters: one update per cell was most of the time, and
 * chunks of 1 MiB cost a third more than 64 KiB ones (flattening a long concatenated string leaves the CPU's caches).
 */
const CHUNK_CHARS = 1 << 16;

interface PendingCell {
  column: string;
  hlc: string;
  value: SqlValue;
}

/** Cells kept in sync_pending (columns this version does not know), by table and row: the service counts them too. */
function pendingCells(db: Database.Database): Map<string, Map<string, PendingCell[]>> {
  const byTable = new Map<string, Map<string, PendingCell[]>>();
  const rows = statement(db, 'SELECT table_name, row_id, column_name, hlc, value_json FROM sync_pending').all() as {
    table_name: string;
    row_id: string;
    column_name: string;
    hlc: string;
    value_json: string;
  }[];
  for (const row of rows) {
    let table = byTable.get(row.table_name);
    if (!table) byTable.set(row.table_name, (table = new Map()));
    let cells = table.get(row.row_id);
    if (!cells) table.set(row.row_id, (cells = []));
    cells.push({ column: row.column_name, hlc: row.hlc, value: JSON.parse(row.value_json) as SqlValue });
  }
  return byTable;
}

/** A sha256 that takes text in large chunks. */
function chunkedHash() {
  const hash = createHash('sha256');
  let buffer = '';
  return {
    add(text: string) {
      buffer += text;
      if (buffer.length >= CHUNK_CHARS) {
        hash.update(buffer, 'utf8');
        buffer = '';
      }
    },
    digest(): string {
      hash.update(buffer, 'utf8');
      return hash.digest('hex');
    },
  };
}

const byColumn = (a: { column: string }, b: { column: string }) => compareCodePoints(a.column, b.column);

/**
 * Whether a column of this declared type can hold a whole number as REAL (SQLite's affinity rules): columns of REAL or
 * BLOB affinity can; INTEGER and NUMERIC affinity store a whole REAL as INTEGER, and TEXT affinity stores numbers as text.
 */
function mayHoldWholeReal(declaredType: string): boolean {
  const type = declaredType.toUpperCase();
  if (type.includes('INT') || type.includes('CHAR') || type.includes('CLOB') || type.includes('TEXT')) return false;
  return type === '' || type.includes('BLOB') || type.includes('REAL') || type.includes('FLOA') || type.includes('DOUB');
}

/**
 * A value as its JSON text, in SQL: json_quote writes text exactly as JSON.stringify does; whole numbers stored as REAL
 * are written as JavaScript writes them (only asked where the column can hold one: the test cost a fifth of the read).
 */
function jsonOf(column: { name: string; type: string }): string {
  const value = `t."${column.name}"`;
  if (!mayHoldWholeReal(column.type)) return `json_quote(${value})`;
  return `CASE WHEN typeof(${value}) = 'real' AND ${value} = CAST(${value} AS INTEGER) AND abs(${value}) < 1e15 THEN CAST(CAST(${value} AS INTEGER) AS TEXT) ELSE json_quote(${value}) END`;
}

/** A column set of row_versions: its columns in byte order, where each one's JSON text is in a row's list, and the text between row and timestamp. */
interface ColumnSet {
  indexes: number[];
  infixes: string[];
}

/** The timestamp of a versions record written at one time (`{"<hlc>":<set>}`, nearly every row), without JSON.parse; null for any other. */
function singleVersion(text: string): { hlc: string; set: number } | null {
  const end = text.indexOf('":');
  if (end < 0 || text.indexOf(',', end) >= 0) return null;
  return { hlc: text.slice(2, end), set: Number(text.slice(end + 2, -1)) };
}

/** How far the local digests have come: rows hashed so far, of about how many there are (see rowsEstimate). */
export interface DigestProgress {
  rowsDone: number;
  rowsTotal: number;
}

/**
 * About how many rows the synced tables hold: the sum of their highest rowids, which SQLite finds without reading the
 * tables (a count of row_versions read every page of it, 45 ms in one go on the 5-year store). Removed rows make it
 * too high, never too low; the progress is capped below 100 % until the digests are done.
 */
function rowsEstimate(db: Database.Database): number {
  const highest = (table: string) => {
    try {
      return (db.prepare(`SELECT max(rowid) FROM "${table}"`).pluck().get() as number | null) ?? 0;
    } catch {
      return 0; // a table WITHOUT ROWID has no rowid to ask about (no synced table is one today)
    }
  };
  return Object.keys(SYNCED_TABLES).reduce((sum, table) => sum + highest(table), 0);
}

/** Rows in the first step of each table; later steps are sized to take about the step time asked for. */
const FIRST_STEP_ROWS = 64;

/**
 * One known table's digest: its rows with versions in row order (the primary key of row_versions is byte order), each
 * row's cells by column. SQLite writes every value's JSON text into one tab-separated text per row (json_quote never
 * leaves a raw tab, and writes 'null' for NULL, which concat_ws would otherwise skip): making 2.7 million JavaScript
 * values and writing them as JSON again was most of the time, and concat_ws is a fifth cheaper than `||` chains. Rows are
 * read in pages after the last row id (keyset paging), each page sized to take about `stepMs`; the generator yields
 * after each page so the caller can let other work run.
 */
function* knownTableDigest(
  db: Database.Database,
  table: string,
  pending: Map<string, PendingCell[]> | undefined,
  stepMs: number,
  progress: DigestProgress,
): Generator<DigestProgress, TableDigest> {
  const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string }[]).filter((column) => column.name !== 'id');
  const position = new Map(columns.map((column, index) => [column.name, index]));
  const page = (from: '>=' | '>') =>
    db
      .prepare(
        `SELECT v.row_id, v.versions, concat_ws(char(9), ${columns.map(jsonOf).join(', ')})
         FROM row_versions v LEFT JOIN "${table}" t ON t.id = v.row_id WHERE v.table_name = ? AND v.row_id ${from} ? ORDER BY v.row_id LIMIT ?`,
      )
      .raw();
  const firstPage = page('>=');
  const nextPage = page('>');
  const sets = new Map<number, ColumnSet>();
  const loadSet = statement(db, 'SELECT columns FROM row_version_column_sets WHERE id = ?', 'pluck');
  const setOf = (id: number): ColumnSet => {
    let set = sets.get(id);
    if (!set) {
      const names = (JSON.parse(loadSet.get(id) as string) as string[]).sort(compareCodePoints);
      set = { indexes: names.map((name) => position.get(name) ?? -1), infixes: names.map((name) => `\t${name}\t`) };
      sets.set(id, set);
    }
    return set;
  };
  const pendingRows = pending ? [...pending.keys()].sort(compareCodePoints) : [];
  let nextPending = 0;
  const hash = chunkedHash();
  let rows = 0;

  const addPendingOnly = (untilRow: string | null) => {
    while (nextPending < pendingRows.length && (untilRow === null || compareCodePoints(pendingRows[nextPending]!, untilRow) < 0)) {
      const row = pendingRows[nextPending++]!;
      rows += 1;
      for (const cell of [...pending!.get(row)!].sort(byColumn)) hash.add(digestLine({ row, ...cell }));
    }
  };

  const addRow = (row: string, versions: string, joined: string) => {
    rows += 1;
    const values = joined.split('\t');
    const json = (index: number) => (index < 0 ? 'null' : values[index]!);
    let extra: PendingCell[] | undefined;
    if (nextPending < pendingRows.length && compareCodePoints(pendingRows[nextPending]!, row) <= 0) {
      addPendingOnly(row);
      if (pendingRows[nextPending] === row) extra = pending!.get(pendingRows[nextPending++]!);
    }
    const single = extra ? null : singleVersion(versions);
    if (single) {
      const set = setOf(single.set);
      const tail = `${single.hlc}\t`;
      let lines = '';
      for (let c = 0; c < set.indexes.length; c++) lines += `${row}${set.infixes[c]!}${tail}${json(set.indexes[c]!)}\n`;
      hash.add(lines);
      return;
    }
    // Cells written at different times, or with kept cells of columns this version does not know: one line each, by column.
    const cells: { column: string; line: string }[] = [];
    for (const [hlc, id] of Object.entries(JSON.parse(versions) as Record<string, number>)) {
      const set = setOf(id);
      set.indexes.forEach((index, c) => cells.push({ column: set.infixes[c]!.slice(1, -1), line: `${row}${set.infixes[c]!}${hlc}\t${json(index)}\n` }));
    }
    for (const cell of extra ?? []) cells.push({ column: cell.column, line: digestLine({ row, ...cell }) });
    for (const cell of cells.sort(byColumn)) hash.add(cell.line);
  };

  let last: string | null = null;
  let limit = FIRST_STEP_ROWS;
  for (;;) {
    const started = performance.now();
    const read = (last === null ? firstPage.all(table, '', limit) : nextPage.all(table, last, limit)) as [string, string, string][];
    for (const [row, versions, joined] of read) addRow(row, versions, joined);
    progress.rowsDone += read.length;
    if (read.length < limit) break;
    last = read[read.length - 1]![0];
    // Aim the next page at stepMs, growing at most fourfold at a time and never below one row.
    const took = performance.now() - started;
    limit = Math.max(1, Math.min(limit * 4, Math.round((limit * stepMs) / Math.max(took, 0.1))));
    yield progress;
  }
  addPendingOnly(null);
  return { rows, digest: hash.digest() };
}

/** A table this version does not know: only its kept cells. */
function pendingTableDigest(pending: Map<string, PendingCell[]>): TableDigest {
  const hash = chunkedHash();
  const rows = [...pending.keys()].sort(compareCodePoints);
  for (const row of rows) for (const cell of [...pending.get(row)!].sort(byColumn)) hash.add(digestLine({ row, ...cell }));
  return { rows: rows.length, digest: hash.digest() };
}

/**
 * The digest of every synced table (and of any table only kept cells name) as `db` shows it, in steps of about `stepMs`
 * (yielding the progress after each): per table the sha256 over `${row}\t${column}\t${hlc}\t${valueJson}\n` of every
 * cell with a version, rows and columns in byte order (sync/digest.ts). The caller keeps `db` in one read transaction.
 */
function* digestSteps(db: Database.Database, stepMs: number): Generator<DigestProgress, Record<string, TableDigest>> {
  const progress: DigestProgress = { rowsDone: 0, rowsTotal: rowsEstimate(db) };
  yield progress;
  const pending = pendingCells(db);
  const result: Record<string, TableDigest> = {};
  for (const table of Object.keys(SYNCED_TABLES)) result[table] = yield* knownTableDigest(db, table, pending.get(table), stepMs, progress);
  for (const [table, cells] of pending) if (!Object.hasOwn(result, table)) result[table] = pendingTableDigest(cells);
  return result;
}

/** The local digests at once, in one read transaction of `db` (holds the connection until done: for tests and benches). */
export function localDigests(db: Database.Database): Record<string, TableDigest> {
  const compute = db.transaction(() => {
    const steps = digestSteps(db, Infinity);
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
    }
  });
  return compute.deferred();
}

export interface DigestStepOptions {
  /** How long one step should hold the event loop (8 ms unless told; tests make it tiny to get many steps). */
  stepMs?: number;
  onProgress?: (progress: DigestProgress) => void;
  /** Checked between steps: true stops the work with DigestsStoppedError (the store is closing). */
  cancelled?: () => boolean;
}

export class DigestsStoppedError extends Error {
  constructor() {
    super('the agreement check was stopped because the store is closing');
    this.name = 'DigestsStoppedError';
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The local digests in steps: `snapshot` is a connection that already holds its read transaction (db/read-snapshot.ts),
 * so every step reads the same point in time while the app's own connection answers calls between the steps.
 */
export async function localDigestsInSteps(snapshot: Database.Database, options: DigestStepOptions = {}): Promise<Record<string, TableDigest>> {
  if (!snapshot.inTransaction) throw new Error('localDigestsInSteps needs a connection inside a read transaction');
  const steps = digestSteps(snapshot, options.stepMs ?? 8);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    options.onProgress?.({ ...next.value });
    await nextTurn();
    if (options.cancelled?.()) throw new DigestsStoppedError();
  }
}

/** The tables whose digests differ (a table missing on one side counts as empty there), sorted. */
export function differingTables(local: Record<string, TableDigest>, remote: Record<string, TableDigest>): string[] {
  const tables = new Set([...Object.keys(local), ...Object.keys(remote)]);
  const same = (a: TableDigest, b: TableDigest) => a.digest === b.digest && a.rows === b.rows;
  return [...tables].filter((table) => !same(local[table] ?? EMPTY_TABLE_DIGEST, remote[table] ?? EMPTY_TABLE_DIGEST)).sort();
}
