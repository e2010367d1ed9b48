// Merges changes from the shared service into the local store: per-column last-writer-wins, append-only rows written once, unknown tables kept for later.
import type Database from 'better-sqlite3';
import type { LocalStore } from '../db/open';
import { isSyncedTable, SYNCED_TABLES } from '../db/sync-tables';
import type { SqlValue } from '../db/sync-tables';
import { parseHlc } from '../domain/hlc';
import { areaOfTable } from './areas';
import { keepsFirstWrite } from './protocol';
import type { WireChange } from './protocol';

export interface MergeResult {
  /** Cells whose value changed here. */
  applied: number;
  /** Cells kept in sync_pending because this version does not know their table or column. */
  pending: number;
  /** Areas whose data changed, for data.changed events. */
  areas: Set<string>;
}

export interface Merger {
  /**
   * Applies remote changes in one transaction. First merges the newest timestamp into the device
   * clock, which throws ClockDriftError (and applies nothing) when it is beyond the allowed drift.
   */
  apply(changes: readonly WireChange[]): MergeResult;
  /** Applies kept changes whose table and column this version now knows (after an upgrade). */
  applyPending(): MergeResult;
}

function isKnownColumn(table: string, column: string): boolean {
  if (!isSyncedTable(table)) return false;
  return column === 'deleted' || Object.hasOwn(SYNCED_TABLES[table].columns, column);
}

/** For each synced table, its foreign-key columns and the table each refers to (read from the schema). */
function readForeignKeys(db: Database.Database): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>();
  for (const table of Object.keys(SYNCED_TABLES)) {
    const keys = db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { table: string; from: string }[];
    if (keys.length) result.set(table, new Map(keys.map((key) => [key.from, key.table])));
  }
  return result;
}

export function createMerger(store: LocalStore): Merger {
  const { db } = store;
  const foreignKeys = readForeignKeys(db);
  const rowHasVersions = db.prepare('SELECT 1 FROM column_versions WHERE table_name = ? AND row_id = ? LIMIT 1').pluck();
  const getVersion = db.prepare('SELECT hlc FROM column_versions WHERE table_name = ? AND row_id = ? AND column_name = ?').pluck();
  const setVersion = db.prepare(
    `INSERT INTO column_versions (table_name, row_id, column_name, hlc) VALUES (?, ?, ?, ?)
     ON CONFLICT (table_name, row_id, column_name) DO UPDATE SET hlc = excluded.hlc`,
  );
  const keepPending = db.prepare(
    `INSERT INTO sync_pending (table_name, row_id, column_name, hlc, value_json) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (table_name, row_id, column_name) DO UPDATE SET hlc = excluded.hlc, value_json = excluded.value_json
     WHERE excluded.hlc > sync_pending.hlc`,
  );
  const statements = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let prepared = statements.get(sql);
    if (!prepared) {
      prepared = db.prepare(sql);
      statements.set(sql, prepared);
    }
    return prepared;
  };

  /** Rows may arrive before the rows they refer to (pages follow the server's order, not ours): a referred row is created empty and filled when its own changes arrive. */
  function ensureReferencedRows(table: string, winners: WireChange[]) {
    const keys = foreignKeys.get(table);
    if (!keys) return;
    for (const change of winners) {
      const parent = keys.get(change.column);
      if (parent && typeof change.value === 'string') statement(`INSERT OR IGNORE INTO "${parent}" (id) VALUES (?)`).run(change.value);
    }
  }

  function applyRow(table: string, row: string, cells: WireChange[], result: MergeResult) {
    const winners: WireChange[] = [];
    const byColumn = new Map<string, WireChange>();
    // Within one batch keep only the deciding change per column.
    for (const cell of cells) {
      const seen = byColumn.get(cell.column);
      const first = keepsFirstWrite(table, cell.column);
      if (!seen || (first ? cell.hlc < seen.hlc : cell.hlc > seen.hlc)) byColumn.set(cell.column, cell);
    }
    for (const cell of byColumn.values()) {
      const current = getVersion.get(table, row, cell.column) as string | undefined;
      const first = keepsFirstWrite(table, cell.column);
      if (current === undefined || (first ? cell.hlc < current : cell.hlc > current)) winners.push(cell);
    }
    if (winners.length === 0) return;
    ensureReferencedRows(table, winners);
    const columns = winners.map((cell) => `"${cell.column}"`);
    const values = winners.map((cell) => cell.value);
    const exists = statement(`SELECT 1 FROM "${table}" WHERE id = ?`).get(row) !== undefined;
    if (exists) statement(`UPDATE "${table}" SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...values, row);
    else statement(`INSERT INTO "${table}" (id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})`).run(row, ...values);
    for (const cell of winners) setVersion.run(table, row, cell.column, cell.hlc);
    result.applied += winners.length;
    result.areas.add(areaOfTable(table));
  }

  /**
   * Writes rows new to this device with one statement per table and column set: SQLite reads the
   * values from a JSON array (json_each), so 20,000 cells cost a few statements instead of 40,000.
   * A row created empty because another row referred to it is filled (ON CONFLICT).
   */
  function insertNewRows(table: string, rows: Map<string, WireChange>[], result: MergeResult) {
    const bySignature = new Map<string, Map<string, WireChange>[]>();
    for (const row of rows) {
      const signature = [...row.keys()].sort().join(',');
      const list = bySignature.get(signature);
      if (list) list.push(row);
      else bySignature.set(signature, [row]);
    }
    const versions: [string, string, string][] = [];
    for (const [signature, group] of bySignature) {
      const columns = signature.split(',');
      const payload = JSON.stringify(group.map((row) => [row.values().next().value!.row, ...columns.map((column) => row.get(column)!.value)]));
      const parents = foreignKeys.get(table);
      columns.forEach((column, index) => {
        const parent = parents?.get(column);
        if (parent) {
          statement(`INSERT OR IGNORE INTO "${parent}" (id) SELECT DISTINCT j.value ->> ${index + 1} FROM json_each(?) j WHERE j.value ->> ${index + 1} IS NOT NULL`).run(payload);
        }
      });
      const quoted = columns.map((column) => `"${column}"`);
      statement(
        `INSERT INTO "${table}" (id, ${quoted.join(', ')}) SELECT j.value ->> 0, ${columns.map((_, index) => `j.value ->> ${index + 1}`).join(', ')} FROM json_each(?) j WHERE true
         ON CONFLICT (id) DO UPDATE SET ${quoted.map((column) => `${column} = excluded.${column}`).join(', ')}`,
      ).run(payload);
      for (const row of group) for (const cell of row.values()) versions.push([cell.row, cell.column, cell.hlc]);
      result.applied += group.length * columns.length;
    }
    statement(
      `INSERT INTO column_versions (table_name, row_id, column_name, hlc) SELECT ?, j.value ->> 0, j.value ->> 1, j.value ->> 2 FROM json_each(?) j WHERE true
       ON CONFLICT (table_name, row_id, column_name) DO UPDATE SET hlc = excluded.hlc`,
    ).run(table, JSON.stringify(versions));
    result.areas.add(areaOfTable(table));
  }

  function applyAll(changes: readonly WireChange[]): MergeResult {
    const result: MergeResult = { applied: 0, pending: 0, areas: new Set() };
    if (changes.length === 0) return result;
    let newest = changes[0]!.hlc;
    for (const change of changes) if (change.hlc > newest) newest = change.hlc;
    store.clock.receive(parseHlc(newest));
    // Group by row, keeping the order rows first appear in.
    const rows = new Map<string, WireChange[]>();
    for (const change of changes) {
      if (!isKnownColumn(change.table, change.column)) {
        keepPending.run(change.table, change.row, change.column, change.hlc, JSON.stringify(change.value));
        result.pending += 1;
        continue;
      }
      const key = `${change.table}\u0000${change.row}`;
      const list = rows.get(key);
      if (list) list.push(change);
      else rows.set(key, [change]);
    }
    // Rows this device has never seen (a first download is nearly all of them) are written in bulk; the rest cell by cell.
    const unseen = new Map<string, Map<string, WireChange>[]>();
    for (const cells of rows.values()) {
      const { table, row } = cells[0]!;
      if (rowHasVersions.get(table, row) !== undefined) {
        applyRow(table, row, cells, result);
        continue;
      }
      const byColumn = new Map<string, WireChange>();
      for (const cell of cells) {
        const seen = byColumn.get(cell.column);
        const first = keepsFirstWrite(table, cell.column);
        if (!seen || (first ? cell.hlc < seen.hlc : cell.hlc > seen.hlc)) byColumn.set(cell.column, cell);
      }
      const list = unseen.get(table);
      if (list) list.push(byColumn);
      else unseen.set(table, [byColumn]);
    }
    for (const [table, list] of unseen) insertNewRows(table, list, result);
    return result;
  }

  const applyInTransaction = db.transaction(applyAll);
  const listPending = db.prepare('SELECT table_name, row_id, column_name, hlc, value_json FROM sync_pending');
  const dropPending = db.prepare('DELETE FROM sync_pending WHERE table_name = ? AND row_id = ? AND column_name = ?');
  const applyPendingInTransaction = db.transaction((): MergeResult => {
    const known: WireChange[] = [];
    for (const row of listPending.all() as { table_name: string; row_id: string; column_name: string; hlc: string; value_json: string }[]) {
      if (!isKnownColumn(row.table_name, row.column_name)) continue;
      known.push({ table: row.table_name, row: row.row_id, column: row.column_name, hlc: row.hlc, value: JSON.parse(row.value_json) as SqlValue });
      dropPending.run(row.table_name, row.row_id, row.column_name);
    }
    return applyAll(known);
  });

  return {
    apply: (changes) => applyInTransaction(changes),
    applyPending: () => applyPendingInTransaction(),
  };
}
