// The shared service's storage interface: cooperations, enrolment codes, devices and the change log. SQLite and PostgreSQL implement it.
import type { SqlValue } from '../db/sync-tables';
import type { PulledChange, WireChange } from '../sync/protocol';

export interface StoredDevice {
  id: string;
  cooperationId: string;
  /** The device's HLC clock id: only timestamps ending in it are accepted from this device. */
  clockId: string;
  secretHash: string;
  office: string;
  name: string;
  enrolledAt: string;
  revokedAt: string | null;
}

export interface EnrolmentCodeRecord {
  codeHash: string;
  cooperationId: string;
  office: string;
  createdAt: string;
  expiresAt: string;
}

/** A change on its way into the log, with the merge rule for its cell. */
export interface ChangeToStore extends WireChange {
  /** Keep the first timestamp (append-only event columns) instead of the newest. */
  keepFirst: boolean;
}

export interface SnapshotCell {
  table: string;
  row: string;
  column: string;
  hlc: string;
  value: SqlValue;
}

/** Where a snapshot page ended: the last cell served. Pages may split a row; the client merges cells, not rows. */
export interface SnapshotKey {
  table: string;
  row: string;
  column: string;
}

/**
 * The log keeps one entry per cell (cooperation, table, row, column): the deciding change and the
 * sequence at which it was stored. A change that loses (older, or a retried push of the same
 * timestamp) is ignored, so pushes are idempotent and erased values leave no trace.
 */
export interface SyncStorage {
  readonly kind: 'sqlite' | 'postgres';
  init(): Promise<void>;
  close(): Promise<void>;
  ensureCooperation(id: string, name: string): Promise<void>;
  cooperationName(id: string): Promise<string | null>;
  addEnrolmentCode(code: EnrolmentCodeRecord): Promise<void>;
  /** Uses the code (once) and registers the device, atomically. Null when the code is unknown, used or expired. */
  enrolDevice(codeHash: string, now: string, device: Omit<StoredDevice, 'cooperationId' | 'office' | 'enrolledAt' | 'revokedAt'>): Promise<StoredDevice | null>;
  findDevice(id: string): Promise<StoredDevice | null>;
  revokeDevice(id: string, at: string): Promise<boolean>;
  listDevices(cooperationId?: string): Promise<StoredDevice[]>;
  /** Stores changes (at most one per cell, as prepared by the service). Returns how many were stored and the log's last sequence. */
  storeChanges(cooperationId: string, deviceId: string, changes: readonly ChangeToStore[]): Promise<{ accepted: number; lastSeq: number }>;
  changesAfter(cooperationId: string, afterSeq: number, limit: number): Promise<PulledChange[]>;
  lastSeq(cooperationId: string): Promise<number>;
  countCells(cooperationId: string): Promise<number>;
  /**
   * Up to `maxRows` whole rows after the cell `after` in (table, row, column) order, already serialised
   * as the JSON array of snapshot rows the protocol sends: the database builds the JSON, because turning
   * millions of cells into JavaScript objects and back was most of a first download's time on the
   * service. Grouping straight off the primary key (no LIMIT on cells first) needs no sort. `next` is
   * null on the last page.
   */
  snapshotPage(cooperationId: string, after: SnapshotKey | null, maxRows: number): Promise<SnapshotPage>;
}

export interface SnapshotPage {
  /** A JSON array of SnapshotRow (sync/protocol.ts). */
  rowsJson: string;
  cells: number;
  next: SnapshotKey | null;
}

/** One row of a snapshot page as both adapters' queries return it. */
export interface SnapshotPageRow {
  row_json: string;
  cells: number;
  table_name: string;
  row_id: string;
  last_column: string;
}

/** Joins a page's rows; the paging key is the page's last cell when the page is full, else null (the last page). */
export function toSnapshotPage(rows: readonly SnapshotPageRow[], maxRows: number): SnapshotPage {
  let cells = 0;
  for (const row of rows) cells += Number(row.cells);
  const last = rows.at(-1);
  return {
    rowsJson: `[${rows.map((row) => row.row_json).join(',')}]`,
    cells,
    next: rows.length >= maxRows && last ? { table: last.table_name, row: last.row_id, column: last.last_column } : null,
  };
}

/** A device as both adapters store it (snake_case columns). */
export type DeviceRow = {
  id: string;
  cooperation_id: string;
  clock_id: string;
  secret_hash: string;
  office: string;
  name: string;
  enrolled_at: string;
  revoked_at: string | null;
};

export function toDevice(row: DeviceRow): StoredDevice {
  return {
    id: row.id,
    cooperationId: row.cooperation_id,
    clockId: row.clock_id,
    secretHash: row.secret_hash,
    office: row.office,
    name: row.name,
    enrolledAt: row.enrolled_at,
    revokedAt: row.revoked_at,
  };
}

/** A stored cell as both adapters select it (snake_case columns, the value as JSON text). */
export type CellRow = { table_name: string; row_id: string; column_name: string; hlc: string; value_json: string };

export function toCell(row: CellRow): SnapshotCell {
  return {
    table: row.table_name,
    row: row.row_id,
    column: row.column_name,
    hlc: row.hlc,
    value: JSON.parse(row.value_json) as SqlValue,
  };
}
