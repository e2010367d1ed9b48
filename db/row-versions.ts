// Last-writer-wins bookkeeping: which hybrid-logical-clock timestamp each column of each synced row was last written at, one record per row.
import type Database from 'better-sqlite3';
import { statement } from './statements';

/**
 * Column → timestamp of one row. Only columns that were written (locally or by a merged remote change)
 * are present: a column that was never written has no version, so any remote write to it wins.
 */
export type ColumnVersions = Map<string, string>;

/**
 * How a row's versions are stored: a JSON object from timestamp to a column set, timestamps ascending,
 * e.g. `{"000001767225600000-000000-dev1":3}`, where set 3 is `["deleted","name","phone"]` in
 * row_version_column_sets. A row written in one go (nearly all rows) is one timestamp and a number:
 * about 60 bytes instead of a record per cell (~100 bytes each) or the column names spelled out in
 * every row (~330 bytes for a consultation). That volume was a sixth of a first download's time.
 * Set numbers are local to this device; compare devices with listCellVersions.
 */
export interface RowVersionStore {
  /** The row's column versions; an empty map when the row has none (never written, or created empty as a reference). */
  get(table: string, row: string): ColumnVersions;
  /** Sets the given columns to the timestamp, keeping the others. */
  stamp(table: string, row: string, columns: Iterable<string>, hlc: string): void;
  /** Replaces the row's versions. */
  set(table: string, row: string, versions: ColumnVersions): void;
  /** Replaces the row's versions with one timestamp for all the given columns (sortedColumnsJson: the sorted names as a JSON array). The fast path of a first download. */
  setAll(table: string, row: string, hlc: string, sortedColumnsJson: string): void;
}

/** The column sets of row_version_column_sets, cached both ways. A device has a few dozen. */
function createColumnSets(db: Database.Database) {
  const byJson = new Map<string, number>();
  const byId = new Map<number, string[]>();
  const insert = statement(db, 'INSERT INTO row_version_column_sets (columns) VALUES (?) ON CONFLICT (columns) DO NOTHING');
  const find = statement(db, 'SELECT id FROM row_version_column_sets WHERE columns = ?', 'pluck');
  const load = statement(db, 'SELECT columns FROM row_version_column_sets WHERE id = ?', 'pluck');
  return {
    /** The set's number, created when new. Safe inside a transaction that rolls back: the cache is only filled from rows read back. */
    idOf(sortedColumnsJson: string): number {
      let id = byJson.get(sortedColumnsJson);
      if (id === undefined) {
        insert.run(sortedColumnsJson);
        id = find.get(sortedColumnsJson) as number;
        byJson.set(sortedColumnsJson, id);
      }
      return id;
    },
    columnsOf(id: number): string[] {
      let columns = byId.get(id);
      if (!columns) {
        const text = load.get(id) as string | undefined;
        if (text === undefined) throw new Error(`Unknown column set ${id} in row_versions`);
        columns = JSON.parse(text) as string[];
        byId.set(id, columns);
      }
      return columns;
    },
    /** Forgets everything cached (after a rolled-back transaction, a set created in it is gone). */
    clear() {
      byJson.clear();
      byId.clear();
    },
  };
}

export function createRowVersionStore(db: Database.Database): RowVersionStore & { forgetCache(): void } {
  const sets = createColumnSets(db);
  const select = statement(db, 'SELECT versions FROM row_versions WHERE table_name = ? AND row_id = ?', 'pluck');
  const upsert = statement(db, `INSERT INTO row_versions (table_name, row_id, versions) VALUES (?, ?, ?)
     ON CONFLICT (table_name, row_id) DO UPDATE SET versions = excluded.versions`);

  function decode(text: string): ColumnVersions {
    const versions: ColumnVersions = new Map();
    for (const [hlc, set] of Object.entries(JSON.parse(text) as Record<string, number>)) {
      for (const column of sets.columnsOf(set)) versions.set(column, hlc);
    }
    return versions;
  }

  function encode(versions: ColumnVersions): string {
    const byHlc = new Map<string, string[]>();
    for (const [column, hlc] of versions) {
      const columns = byHlc.get(hlc);
      if (columns) columns.push(column);
      else byHlc.set(hlc, [column]);
    }
    const hlcs = [...byHlc.keys()].sort();
    return `{${hlcs.map((hlc) => `${JSON.stringify(hlc)}:${sets.idOf(JSON.stringify(byHlc.get(hlc)!.sort()))}`).join(',')}}`;
  }

  const get = (table: string, row: string): ColumnVersions => {
    const text = select.get(table, row) as string | undefined;
    return text === undefined ? new Map() : decode(text);
  };
  return {
    get,
    stamp(table, row, columns, hlc) {
      const versions = get(table, row);
      for (const column of columns) versions.set(column, hlc);
      upsert.run(table, row, encode(versions));
    },
    set(table, row, versions) {
      upsert.run(table, row, encode(versions));
    },
    setAll(table, row, hlc, sortedColumnsJson) {
      upsert.run(table, row, `{${JSON.stringify(hlc)}:${sets.idOf(sortedColumnsJson)}}`);
    },
    forgetCache: () => sets.clear(),
  };
}

/** Every cell's version, one record per cell, ordered: for tests, diagnostics and comparing devices, not for the hot paths. */
export function listCellVersions(db: Database.Database): { table: string; row: string; column: string; hlc: string }[] {
  const store = createRowVersionStore(db);
  const cells: { table: string; row: string; column: string; hlc: string }[] = [];
  const rows = statement(db, 'SELECT table_name, row_id FROM row_versions ORDER BY table_name, row_id').all() as { table_name: string; row_id: string }[];
  for (const row of rows) {
    const versions = [...store.get(row.table_name, row.row_id)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [column, hlc] of versions) cells.push({ table: row.table_name, row: row.row_id, column, hlc });
  }
  return cells;
}
