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

export interface SnapshotKey {
  table: string;
  row: string;
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
  /** Cells of rows after `after` in (table, row) order, whole rows only, about `maxCells` in all. */
  snapshotCells(cooperationId: string, after: SnapshotKey | null, maxCells: number): Promise<{ cells: SnapshotCell[]; next: SnapshotKey | null }>;
}

/** Drops the last row of a page that reached the limit (it may continue on the next page) and names the paging key. */
export function wholeRowsOnly(cells: SnapshotCell[], maxCells: number): { cells: SnapshotCell[]; next: SnapshotKey | null } {
  if (cells.length <= maxCells) return { cells, next: null };
  const page = cells.slice(0, maxCells);
  const last = page.at(-1)!;
  const cut = page.findIndex((cell) => cell.table === last.table && cell.row === last.row);
  // A single row larger than the page is served whole.
  if (cut === 0) {
    const end = cells.findIndex((cell) => cell.table !== last.table || cell.row !== last.row);
    const whole = end === -1 ? cells : cells.slice(0, end);
    return { cells: whole, next: end === -1 ? null : { table: last.table, row: last.row } };
  }
  const kept = page.slice(0, cut);
  const lastKept = kept.at(-1)!;
  return { cells: kept, next: { table: lastKept.table, row: lastKept.row } };
}
