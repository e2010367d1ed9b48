// Last-writer-wins bookkeeping: which hybrid-logical-clock timestamp each column of each synced row was last written at, one record per row.
import type Database from 'better-sqlite3';

/**
 * Column → timestamp of one row. Only columns that were written (locally or by a merged remote change)
 * are present: a column that was never written has no version, so any remote write to it wins.
 */
export type ColumnVersions = Map<string, string>;

/**
 * One row's versions as stored: a JSON object from timestamp to the columns written at it, timestamps
 * ascending and columns sorted, e.g. `{"000001767225600000-000000-dev1":["deleted","name","phone"]}`.
 * A row written in one go (nearly all rows) is one timestamp and its column list, about a tenth of the
 * space of one record per cell, which matters for a first download of millions of cells.
 * The encoding is canonical (the same versions always give the same text), so devices can be compared.
 */
export function encodeVersions(versions: ColumnVersions): string {
  const byHlc = new Map<string, string[]>();
  for (const [column, hlc] of versions) {
    const columns = byHlc.get(hlc);
    if (columns) columns.push(column);
    else byHlc.set(hlc, [column]);
  }
  const hlcs = [...byHlc.keys()].sort();
  return `{${hlcs.map((hlc) => `${JSON.stringify(hlc)}:${JSON.stringify(byHlc.get(hlc)!.sort())}`).join(',')}}`;
}

export function decodeVersions(text: string): ColumnVersions {
  const versions: ColumnVersions = new Map();
  for (const [hlc, columns] of Object.entries(JSON.parse(text) as Record<string, string[]>)) {
    for (const column of columns) versions.set(column, hlc);
  }
  return versions;
}

/** The versions of every column given, all written at one timestamp (an insert, or a row new to this device). */
export function versionsAt(hlc: string, columns: Iterable<string>): string {
  return encodeVersions(new Map([...columns].map((column) => [column, hlc])));
}

export interface RowVersionStore {
  /** The row's column versions; an empty map when the row has none (never written, or created empty as a reference). */
  get(table: string, row: string): ColumnVersions;
  /** Whether any column of the row has a version. */
  has(table: string, row: string): boolean;
  /** Sets the given columns to the timestamp, keeping the others. */
  stamp(table: string, row: string, columns: Iterable<string>, hlc: string): void;
  /** Replaces the row's versions. */
  set(table: string, row: string, versions: ColumnVersions): void;
  /** Replaces the row's versions with already-encoded text (see encodeVersions): rows new to this device, without a decode and encode. */
  setEncoded(table: string, row: string, encoded: string): void;
}

export function createRowVersionStore(db: Database.Database): RowVersionStore {
  const select = db.prepare('SELECT versions FROM row_versions WHERE table_name = ? AND row_id = ?').pluck();
  const upsert = db.prepare(
    `INSERT INTO row_versions (table_name, row_id, versions) VALUES (?, ?, ?)
     ON CONFLICT (table_name, row_id) DO UPDATE SET versions = excluded.versions`,
  );
  const get = (table: string, row: string): ColumnVersions => {
    const text = select.get(table, row) as string | undefined;
    return text === undefined ? new Map() : decodeVersions(text);
  };
  return {
    get,
    has: (table, row) => select.get(table, row) !== undefined,
    stamp(table, row, columns, hlc) {
      const versions = get(table, row);
      for (const column of columns) versions.set(column, hlc);
      upsert.run(table, row, encodeVersions(versions));
    },
    set(table, row, versions) {
      upsert.run(table, row, encodeVersions(versions));
    },
    setEncoded(table, row, encoded) {
      upsert.run(table, row, encoded);
    },
  };
}

/** Every cell's version, one record per cell, ordered: for tests and diagnostics, not for the hot paths. */
export function listCellVersions(db: Database.Database): { table: string; row: string; column: string; hlc: string }[] {
  const cells: { table: string; row: string; column: string; hlc: string }[] = [];
  const rows = db.prepare('SELECT table_name, row_id, versions FROM row_versions ORDER BY table_name, row_id').all() as {
    table_name: string;
    row_id: string;
    versions: string;
  }[];
  for (const row of rows) {
    const versions = [...decodeVersions(row.versions)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [column, hlc] of versions) cells.push({ table: row.table_name, row: row.row_id, column, hlc });
  }
  return cells;
}
