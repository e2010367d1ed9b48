// The agreement check on the computer: each synced table's digest computed from the local values and their row versions, the same way the service computes it, and the comparison of the two.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { statement } from '../db/statements';
import { SYNCED_TABLES } from '../db/sync-tables';
import type { SqlValue } from '../db/sync-tables';
import { compareCodePoints, digestLine, EMPTY_TABLE_DIGEST } from './digest';
import type { TableDigest } from './protocol';

/** Hash input is collected into chunks of about this many characters: one update per cell was most of the time. */
const CHUNK_CHARS = 1 << 20;

/** A column set of row_versions, with where each column's value is in a row read from the table. */
interface ColumnSet {
  columns: string[];
  indexes: number[];
}

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

/** One known table's digest: its rows with versions in row order (the primary key of row_versions is byte order), each row's cells by column. */
function knownTableDigest(db: Database.Database, table: string, pending: Map<string, PendingCell[]> | undefined): TableDigest {
  const read = db.prepare(`SELECT v.row_id, v.versions, t.* FROM row_versions v LEFT JOIN "${table}" t ON t.id = v.row_id WHERE v.table_name = ? ORDER BY v.row_id`).raw();
  const names = read.columns().map((column) => column.name);
  const indexOf = new Map<string, number>();
  names.forEach((name, index) => {
    if (index >= 2 && !indexOf.has(name)) indexOf.set(name, index);
  });
  const sets = new Map<number, ColumnSet>();
  const loadSet = statement(db, 'SELECT columns FROM row_version_column_sets WHERE id = ?', 'pluck');
  const setOf = (id: number): ColumnSet => {
    let set = sets.get(id);
    if (!set) {
      const columns = (JSON.parse(loadSet.get(id) as string) as string[]).sort(compareCodePoints);
      set = { columns, indexes: columns.map((column) => indexOf.get(column) ?? -1) };
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

  for (const record of read.iterate(table) as Iterable<SqlValue[]>) {
    const row = record[0] as string;
    addPendingOnly(row);
    const versions = JSON.parse(record[1] as string) as Record<string, number>;
    const hlcs = Object.keys(versions);
    let extra: PendingCell[] | undefined;
    if (nextPending < pendingRows.length && pendingRows[nextPending] === row) extra = pending!.get(pendingRows[nextPending++]!);
    rows += 1;
    if (hlcs.length === 1 && !extra) {
      const hlc = hlcs[0]!;
      const set = setOf(versions[hlc]!);
      for (let c = 0; c < set.columns.length; c++) {
        const index = set.indexes[c]!;
        hash.add(digestLine({ row, column: set.columns[c]!, hlc, value: index < 0 ? null : (record[index] ?? null) }));
      }
      continue;
    }
    const cells: PendingCell[] = [];
    for (const hlc of hlcs) {
      const set = setOf(versions[hlc]!);
      set.columns.forEach((column, c) => cells.push({ column, hlc, value: set.indexes[c]! < 0 ? null : (record[set.indexes[c]!] ?? null) }));
    }
    if (extra) cells.push(...extra);
    for (const cell of cells.sort(byColumn)) hash.add(digestLine({ row, ...cell }));
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
 * The digest of every synced table (and of any table only kept cells name) as this computer holds it: per table the
 * sha256 over `${row}\t${column}\t${hlc}\t${valueJson}\n` of every cell with a version, rows and columns in byte order
 * (sync/digest.ts). Reads at one point (one read transaction).
 */
export function localDigests(db: Database.Database): Record<string, TableDigest> {
  const compute = db.transaction(() => {
    const pending = pendingCells(db);
    const result: Record<string, TableDigest> = {};
    for (const table of Object.keys(SYNCED_TABLES)) result[table] = knownTableDigest(db, table, pending.get(table));
    for (const [table, cells] of pending) if (!Object.hasOwn(result, table)) result[table] = pendingTableDigest(cells);
    return result;
  });
  return compute.deferred();
}

/** The tables whose digests differ (a table missing on one side counts as empty there), sorted. */
export function differingTables(local: Record<string, TableDigest>, remote: Record<string, TableDigest>): string[] {
  const tables = new Set([...Object.keys(local), ...Object.keys(remote)]);
  const same = (a: TableDigest, b: TableDigest) => a.digest === b.digest && a.rows === b.rows;
  return [...tables].filter((table) => !same(local[table] ?? EMPTY_TABLE_DIGEST, remote[table] ?? EMPTY_TABLE_DIGEST)).sort();
}
