// Merges changes from the shared service into the local store: per-column last-writer-wins, append-only rows written once, unknown tables kept for later.
import type Database from 'better-sqlite3';
import type { LocalStore } from '../db/open';
import { createRowVersionStore } from '../db/row-versions';
import type { ColumnVersions } from '../db/row-versions';
import { statement } from '../db/statements';
import { isSyncedTable, SYNCED_TABLES } from '../db/sync-tables';
import type { SqlValue } from '../db/sync-tables';
import type { Area } from '../domain/areas';
import { parseHlc } from '../domain/hlc';
import { areaOfTable } from './areas';
import { keepsFirstWrite } from './protocol';
import type { SnapshotRow, WireChange } from './protocol';

export interface MergeResult {
  /** Cells whose value changed here. */
  applied: number;
  /** Cells kept in sync_pending because this version does not know their table or column. */
  pending: number;
  /** Areas whose data changed, for data.changed events. */
  areas: Set<Area>;
}

export interface Merger {
  /**
   * Applies remote changes in one transaction. First merges the newest timestamp into the device
   * clock, which throws ClockDriftError (and applies nothing) when it is beyond the allowed drift.
   */
  apply(changes: readonly WireChange[]): MergeResult;
  /** The same for snapshot rows (a first download), without turning them into one object per cell. */
  applyRows(rows: readonly SnapshotRow[]): MergeResult;
  /** Applies kept changes whose table and column this version now knows (after an upgrade). */
  applyPending(): MergeResult;
}

/** The deciding remote value of each column of one row, as collected from a page. */
interface IncomingRow {
  table: string;
  row: string;
  cells: Map<string, { value: SqlValue; hlc: string }>;
}

interface RowWriter {
  table: string;
  columns: readonly string[];
  upsert: Database.Statement;
  sortedColumnsJson: string;
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isKnownColumn(table: string, column: string): boolean {
  if (!isSyncedTable(table)) return false;
  return column === 'deleted' || Object.hasOwn(SYNCED_TABLES[table].columns, column);
}

/** Whether a remote write at `incoming` beats the version this device holds (`current`, undefined when the column was never written). */
function wins(table: string, column: string, incoming: string, current: string | undefined): boolean {
  if (current === undefined) return true;
  return keepsFirstWrite(table, column) ? incoming < current : incoming > current;
}

/** For each synced table, its foreign-key columns and the table each refers to (read from the schema). */
function readForeignKeys(db: Database.Database): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>();
  for (const table of Object.keys(SYNCED_TABLES)) {
    const keys = statement(db, `PRAGMA foreign_key_list("${table}")`).all() as { table: string; from: string }[];
    if (keys.length) result.set(table, new Map(keys.map((key) => [key.from, key.table])));
  }
  return result;
}

export function createMerger(store: LocalStore): Merger {
  const { db } = store;
  const foreignKeys = readForeignKeys(db);
  const rowVersions = createRowVersionStore(db);
  const keepPending = statement(
    db,
    `INSERT INTO sync_pending (table_name, row_id, column_name, hlc, value_json) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (table_name, row_id, column_name) DO UPDATE SET hlc = excluded.hlc, value_json = excluded.value_json
     WHERE excluded.hlc > sync_pending.hlc`,
  );
  /** Rows known to exist (rows are never removed, only marked deleted), so a first download asks once per office or person, not once per shift. */
  let existing = new Set<string>();

  /** Rows may arrive before the rows they refer to (pages follow the server's order, not ours): a referred row is created empty and filled when its own changes arrive. */
  function ensureReferencedRows(table: string, columns: readonly string[], values: readonly SqlValue[]) {
    const keys = foreignKeys.get(table);
    if (!keys) return;
    columns.forEach((column, index) => {
      const parent = keys.get(column);
      const id = values[index];
      if (!parent || typeof id !== 'string') return;
      const key = `${parent}\u0000${id}`;
      if (existing.has(key)) return;
      statement(db, `INSERT OR IGNORE INTO "${parent}" (id) VALUES (?)`).run(id);
      existing.add(key);
    });
  }

  /** Per table and column list: the upsert that writes a row's cells (it may exist, or have been created empty as a reference), and the sorted column list for its versions. */
  const rowWriters = new Map<string, RowWriter>();
  /** The previous row's writer: consecutive rows of a page nearly always share table and columns, so most rows skip building the key. */
  let lastWriter: RowWriter | null = null;
  function rowWriter(table: string, columns: readonly string[]): RowWriter {
    if (lastWriter && lastWriter.table === table && sameColumns(lastWriter.columns, columns)) return lastWriter;
    const key = `${table}\u0000${columns.join(',')}`;
    let writer = rowWriters.get(key);
    if (!writer) {
      const quoted = columns.map((column) => `"${column}"`);
      writer = {
        table,
        columns: [...columns],
        upsert: statement(
          db,
          `INSERT INTO "${table}" (id, ${quoted.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})
           ON CONFLICT (id) DO UPDATE SET ${quoted.map((column) => `${column} = excluded.${column}`).join(', ')}`,
        ),
        sortedColumnsJson: JSON.stringify([...columns].sort()),
      };
      rowWriters.set(key, writer);
    }
    lastWriter = writer;
    return writer;
  }

  /** Writes one row's winning cells and their versions. */
  function writeRow(incoming: IncomingRow, versions: ColumnVersions, result: MergeResult) {
    const { table, row } = incoming;
    const columns: string[] = [];
    const values: SqlValue[] = [];
    for (const [column, cell] of incoming.cells) {
      if (!wins(table, column, cell.hlc, versions.get(column))) continue;
      columns.push(column);
      values.push(cell.value);
      versions.set(column, cell.hlc);
    }
    if (columns.length === 0) return;
    ensureReferencedRows(table, columns, values);
    rowWriter(table, columns).upsert.run(row, ...values);
    rowVersions.set(table, row, versions);
    result.applied += columns.length;
    result.areas.add(areaOfTable(table));
  }

  function keep(change: WireChange, result: MergeResult) {
    keepPending.run(change.table, change.row, change.column, change.hlc, JSON.stringify(change.value));
    result.pending += 1;
  }

  /** Groups cell changes by row, keeping only the deciding change per cell. */
  function applyChanges(changes: readonly WireChange[]): MergeResult {
    const result: MergeResult = { applied: 0, pending: 0, areas: new Set() };
    if (changes.length === 0) return result;
    let newest = changes[0]!.hlc;
    const rows = new Map<string, IncomingRow>();
    for (const change of changes) {
      if (change.hlc > newest) newest = change.hlc;
      if (!isKnownColumn(change.table, change.column)) {
        keep(change, result);
        continue;
      }
      const key = `${change.table}\u0000${change.row}`;
      let incoming = rows.get(key);
      if (!incoming) rows.set(key, (incoming = { table: change.table, row: change.row, cells: new Map() }));
      const seen = incoming.cells.get(change.column);
      if (!seen || wins(change.table, change.column, change.hlc, seen.hlc)) incoming.cells.set(change.column, { value: change.value, hlc: change.hlc });
    }
    store.clock.receive(parseHlc(newest));
    for (const incoming of rows.values()) writeRow(incoming, rowVersions.get(incoming.table, incoming.row), result);
    return result;
  }

  const knownRowsOf = statement(db, 'SELECT row_id FROM row_versions WHERE table_name = ? AND row_id IN (SELECT value FROM json_each(?))', 'pluck');
  /** The rows of a page that already have versions here (none, in a first download): one query per table. */
  function knownRows(snapshotRows: readonly SnapshotRow[]): Set<string> {
    const byTable = new Map<string, string[]>();
    for (const { table, row } of snapshotRows) {
      const rows = byTable.get(table);
      if (rows) rows.push(row);
      else byTable.set(table, [row]);
    }
    const known = new Set<string>();
    for (const [table, rows] of byTable) for (const row of knownRowsOf.all(table, JSON.stringify(rows)) as string[]) known.add(`${table}\u0000${row}`);
    return known;
  }

  /**
   * Snapshot rows: rows this device has versions for merge cell by cell like pulled changes; rows new to
   * it (nearly all of a first download) go straight from the page into one cached upsert per table and
   * column list, with no object per cell. The upsert fills a row created empty as a reference.
   */
  function applySnapshotRows(snapshotRows: readonly SnapshotRow[]): MergeResult {
    const result: MergeResult = { applied: 0, pending: 0, areas: new Set() };
    let newest: string | null = null;
    for (const { hlc, hlcs } of snapshotRows) {
      if (newest === null || hlc > newest) newest = hlc;
      if (hlcs) for (const column in hlcs) if (hlcs[column]! > newest) newest = hlcs[column]!;
    }
    if (newest === null) return result;
    store.clock.receive(parseHlc(newest));
    const known = knownRows(snapshotRows);
    for (const snapshotRow of snapshotRows) {
      const { table, row, values, hlcs } = snapshotRow;
      const columns: string[] = [];
      const cellValues: SqlValue[] = [];
      for (const column in values) {
        if (isKnownColumn(table, column)) {
          columns.push(column);
          cellValues.push(values[column]!);
        } else keep({ table, row, column, hlc: hlcs?.[column] ?? snapshotRow.hlc, value: values[column]! }, result);
      }
      if (columns.length === 0) continue;
      if (known.has(`${table}\u0000${row}`)) {
        const cells = new Map(columns.map((column, index) => [column, { value: cellValues[index]!, hlc: hlcs?.[column] ?? snapshotRow.hlc }]));
        writeRow({ table, row, cells }, rowVersions.get(table, row), result);
        continue;
      }
      ensureReferencedRows(table, columns, cellValues);
      const writer = rowWriter(table, columns);
      writer.upsert.run(row, ...cellValues);
      if (hlcs) rowVersions.set(table, row, new Map(columns.map((column) => [column, hlcs[column] ?? snapshotRow.hlc])));
      else rowVersions.setAll(table, row, snapshotRow.hlc, writer.sortedColumnsJson);
      result.applied += columns.length;
      result.areas.add(areaOfTable(table));
    }
    return result;
  }

  /** Runs a merge in one transaction; the cache of existing rows is only trusted for transactions that committed. */
  function transaction<A extends unknown[]>(fn: (...args: A) => MergeResult): (...args: A) => MergeResult {
    const inTransaction = db.transaction(fn);
    return (...args) => {
      try {
        return inTransaction(...args);
      } catch (error) {
        existing = new Set();
        rowVersions.forgetCache();
        throw error;
      }
    };
  }

  const listPending = statement(db, 'SELECT table_name, row_id, column_name, hlc, value_json FROM sync_pending');
  const dropPending = statement(db, 'DELETE FROM sync_pending WHERE table_name = ? AND row_id = ? AND column_name = ?');
  const applyPending = transaction((): MergeResult => {
    const known: WireChange[] = [];
    for (const row of listPending.all() as { table_name: string; row_id: string; column_name: string; hlc: string; value_json: string }[]) {
      if (!isKnownColumn(row.table_name, row.column_name)) continue;
      known.push({ table: row.table_name, row: row.row_id, column: row.column_name, hlc: row.hlc, value: JSON.parse(row.value_json) as SqlValue });
      dropPending.run(row.table_name, row.row_id, row.column_name);
    }
    return applyChanges(known);
  });

  return {
    apply: transaction(applyChanges),
    applyRows: transaction(applySnapshotRows),
    applyPending: () => applyPending(),
  };
}
