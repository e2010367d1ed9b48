// The shared service's storage interface: cooperations, enrolment codes, devices and the change log. SQLite and PostgreSQL implement it.
import type { AuthorityRecord } from '../domain/trust/authority';
import { PATIENT_SCOPED_TABLES } from '../db/patient-scopes';
import type { SqlValue } from '../db/sync-tables';
import type { PulledChange, TransactionSeal, WireChange } from '../sync/protocol';

export interface StoredDevice {
  id: string;
  cooperationId: string;
  /** The device's HLC clock id: only timestamps ending in it are accepted from this device. */
  clockId: string;
  secretHash: string;
  /** Display only: the names its enrolment code gave (docs/sync-protocol.md, scopes); `offices` is what counts. */
  office: string;
  /** Ids of the synced `offices` rows it serves, sorted: it receives patient data of these offices only. */
  offices: string[];
  /** Office names from an operator's enrolment code (or from before scopes) not yet matched to a synced office. */
  pendingOfficeNames: string[];
  /**
   * Enrolled with an operator's code (offices by name; or from before scopes): it also serves the offices it creates.
   * This is how a cooperation's first computer, which creates the offices, comes to serve them.
   */
  servesCreatedOffices: boolean;
  name: string;
  enrolledAt: string;
  revokedAt: string | null;
  /** The device's Ed25519 public key (raw, base64url) from its enrolment; null for a device enrolled before signing. */
  publicKey: string | null;
}

/** What enrolment adds to a code's cooperation and offices. */
export type NewDevice = Omit<StoredDevice, 'cooperationId' | 'office' | 'offices' | 'pendingOfficeNames' | 'servesCreatedOffices' | 'enrolledAt' | 'revokedAt'>;

export interface EnrolmentCodeRecord {
  codeHash: string;
  cooperationId: string;
  /** Display text (the names, joined). */
  office: string;
  /** Office ids the device will serve, and office names still to be matched to synced offices (operator codes). */
  offices: string[];
  officeNames: string[];
  createdAt: string;
  expiresAt: string;
}

/** A change on its way into the log, with its place in its signed transaction and the merge rule for its cell. */
export interface ChangeToStore extends WireChange {
  /** Index in its transaction's digest list; null for a legacy (unsigned) change. */
  i: number | null;
  /** The random text in an erasable cell's digest; erased with the value when the cell is overwritten. */
  blind: string | null;
  /**
   * A write-once cell (PERMISSIONS[table].writeOnce, not an erasable column): the first value stored stays forever,
   * whatever a later timestamp says. Otherwise the newest timestamp wins.
   */
  writeOnce: boolean;
}

/** A signed transaction's seal as the service keeps it, by (cooperation, hlc). */
export interface StoredSeal extends TransactionSeal {
  hlc: string;
}

/** A cell's address: table, row and column. */
export interface CellKey {
  table: string;
  row: string;
  column: string;
}

/** The map key existingCells answers with. */
export const cellKey = (cell: CellKey): string => `${cell.table}\u0000${cell.row}\u0000${cell.column}`;
/** The key of a cell's row, as existingCells' keys start. */
export const rowKeyOf = (cell: { table: string; row: string }): string => `${cell.table}\u0000${cell.row}`;

export interface StoreOptions {
  /** Seals of the signed transactions the changes belong to: stored once; the same hlc with another seal refuses the whole store. */
  seals?: readonly StoredSeal[];
  /** The authority version the push was checked against: when authority cells were stored since, the whole store is refused (AuthorityChangedError) and the service checks again. */
  authorityVersion?: number;
  /** Pins the cooperation's root key, if none is pinned yet (a different pinned key refuses the whole store). */
  pinRoot?: string | null;
  /** The office of each new patient-scoped row of the push ('' for none), kept in row_offices (first stored wins). */
  rowOffices?: readonly RowOffice[];
  /** Offices the pushing device created in this push: it serves them from now on (added to its offices). */
  grantOffices?: readonly string[];
}

/**
 * Which office a patient-scoped row belongs to: '' when it belongs to none (it reaches no device), null when the row
 * is no patient data after all (an audit event without a patient reference: it reaches every device).
 */
export interface RowOffice {
  table: string;
  row: string;
  office: string | null;
}

/** A stored row without a row_offices entry, as the backfill reads it. */
export interface UnmappedRow {
  cooperationId: string;
  row: string;
  deviceId: string;
  values: Record<string, SqlValue>;
}

/** A synced `offices` row as the service reads it from its cells (not deleted). */
export interface SyncedOffice {
  id: string;
  name: string;
}

/**
 * The scope filter both adapters put in their WHERE, for cells `c` LEFT JOINed to row_offices `ro` on (cooperation,
 * table, row), with `offices` standing for the device's office list: a cell of a row with no entry goes to every
 * device unless its table is patient-scoped (a scoped row without an entry reaches no one: least data); a row whose
 * entry is null is no patient data; otherwise its office must be one of the device's.
 */
export function scopeFilterSql(offices: string): string {
  const scoped = Object.keys(PATIENT_SCOPED_TABLES).map((table) => `'${table}'`).join(', ');
  return `(CASE WHEN ro.row_id IS NULL THEN c.table_name NOT IN (${scoped}) ELSE (ro.office_id IS NULL OR ro.office_id IN ${offices}) END)`;
}

/** The join the scope filter needs. */
export const SCOPE_JOIN_SQL = 'LEFT JOIN row_offices ro ON ro.cooperation_id = c.cooperation_id AND ro.table_name = c.table_name AND ro.row_id = c.row_id';

/** The trust state of a cooperation: its pinned root and a counter that grows whenever authority record cells are stored. */
export interface TrustState {
  rootPublicKey: string | null;
  authorityVersion: number;
  /**
   * The id of the cooperation's own synced `cooperation` row (the lowest one not deleted), which every signature names
   * (docs/trust.md); null before any is stored. The service's cooperation id is its operator's label, not in the bytes.
   */
  signingId: string | null;
}

/** The SQL both adapters use for TrustState.signingId (the parameter is the cooperation id). */
export const SIGNING_ID_SQL = `(SELECT min(row_id) FROM cells WHERE cooperation_id = cooperations.id AND table_name = 'cooperation' AND column_name = 'deleted' AND value_json = '0')`;

/** The store was refused because a transaction's hlc is already stored with another seal; nothing was stored. */
export class SealConflictError extends Error {
  constructor(readonly hlc: string) {
    super(`transaction ${hlc} is already stored with another seal`);
    this.name = 'SealConflictError';
  }
}

/** The store was refused because authority records (or the pinned root) changed after the push was checked; nothing was stored. */
export class AuthorityChangedError extends Error {
  constructor() {
    super('the chain of authority changed while the push was checked');
    this.name = 'AuthorityChangedError';
  }
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
  enrolDevice(codeHash: string, now: string, device: NewDevice): Promise<StoredDevice | null>;
  findDevice(id: string): Promise<StoredDevice | null>;
  revokeDevice(id: string, at: string): Promise<boolean>;
  listDevices(cooperationId?: string): Promise<StoredDevice[]>;
  /** Sets the offices a device serves and the names still pending (both replace what was there). */
  setDeviceOffices(id: string, offices: readonly string[], pendingOfficeNames: readonly string[]): Promise<void>;
  /** The cooperation's synced offices (rows not deleted), by id. */
  syncedOffices(cooperationId: string): Promise<SyncedOffice[]>;
  /** The stored office of these rows, keyed by rowKeyOf; rows without an entry are absent. */
  rowOffices(cooperationId: string, rows: readonly { table: string; row: string }[]): Promise<Map<string, string | null>>;
  /** Keeps these rows' offices outside a push (the backfill of rows stored before scopes); an entry already there stays, unless it is null. */
  addRowOffices(cooperationId: string, entries: readonly RowOffice[]): Promise<void>;
  /**
   * Up to `limit` rows of a patient-scoped table with no row_offices entry yet, after `after` in (cooperation, row)
   * order, with the values of `columns` they have and the device that stored them (for the backfill at start). Each
   * cooperation's rows are read along the primary key from the table's first cell, not by scanning every cell.
   */
  unmappedRows(table: string, columns: readonly string[], limit: number, after: { cooperationId: string; row: string } | null): Promise<UnmappedRow[]>;
  /** The stored values of these cells, keyed by cellKey (absent when not stored). */
  cellValues(cooperationId: string, keys: readonly CellKey[]): Promise<Map<string, SqlValue>>;
  /** The sequence and timestamp of the next `limit` cells after `afterSeq` (a pull page's window, before any filter). */
  sequenceWindow(cooperationId: string, afterSeq: number, limit: number): Promise<{ seq: number; hlc: string }[]>;
  /**
   * The cells with afterSeq < seq ≤ upToSeq that a device serving `offices` may hold, in sequence order: the cells of
   * patient-scoped rows of other offices are left out in SQL (joined on row_offices; see SCOPE_FILTER_SQL).
   */
  scopedChangesBetween(cooperationId: string, afterSeq: number, upToSeq: number, offices: readonly string[]): Promise<PulledChange[]>;
  /**
   * Cells a device serving `offices` may hold (for a snapshot's progress bar). SQLite counts table by table as its
   * snapshot reads them (snapshotPageByTable), exactly; PostgreSQL counts every cell less those of rows of other offices
   * (a patient-scoped row with no entry, which no device gets, would still be counted; the backfill leaves none).
   */
  countScopedCells(cooperationId: string, offices: readonly string[]): Promise<number>;
  /**
   * Visits every cell a device serving `offices` may hold, in (table, row, column) byte order, read at one consistent
   * point; returns the sequence that point is complete up to.
   */
  scopedCells(cooperationId: string, offices: readonly string[], visit: (cell: SnapshotCell) => void): Promise<number>;
  /**
   * Stores changes (at most one per cell, as prepared by the service) and the seals of their transactions, atomically:
   * a SealConflictError or AuthorityChangedError stores nothing. Returns how many changes were stored and the log's last sequence.
   */
  storeChanges(cooperationId: string, deviceId: string, changes: readonly ChangeToStore[], options?: StoreOptions): Promise<{ accepted: number; lastSeq: number }>;
  /** Which of these cells are stored, with the hlc of their entry (keyed by cellKey); one query. May also hold other stored cells of the same rows. */
  existingCells(cooperationId: string, keys: readonly CellKey[]): Promise<Map<string, string>>;
  /** The stored authority_records rows (not deleted) as records; a row missing cells has '' (or null) in their place. */
  authorityRecords(cooperationId: string): Promise<AuthorityRecord[]>;
  /** The pinned root and the authority version, in one cheap read (the service caches the evaluated chain by it). */
  trustState(cooperationId: string): Promise<TrustState>;
  /** Public keys of the cooperation's devices with these clock ids (the latest enrolment's key when a clock id enrolled twice). */
  deviceKeys(cooperationId: string, clockIds: readonly string[]): Promise<Record<string, string>>;
  /** The stored seals of these transactions, by hlc (legacy transactions have none). */
  seals(cooperationId: string, hlcs: readonly string[]): Promise<Record<string, TransactionSeal>>;
  /** Changes after a sequence, unfiltered (the service's own reads; devices pull with scopedChangesAfter), with `i` and `blind` where the change is part of a signed transaction. */
  changesAfter(cooperationId: string, afterSeq: number, limit: number): Promise<PulledChange[]>;
  lastSeq(cooperationId: string): Promise<number>;
  countCells(cooperationId: string): Promise<number>;
  /**
   * Removes the seals of transactions none of whose cells is stored any more (every cell was overwritten by a later
   * change): nothing can pull them, so they only grew with every edit. Returns how many went. A transaction pushed
   * again later stores its seal again, and its cells lose as before (docs/sync-protocol.md, compaction).
   */
  compactSeals(): Promise<number>;
  /**
   * Up to `maxRows` whole rows after the cell `after` in (table, row, column) order, already serialised
   * as the JSON array of snapshot rows the protocol sends: the database builds the JSON, because turning
   * millions of cells into JavaScript objects and back was most of a first download's time on the
   * service. Grouping straight off the primary key (no LIMIT on cells first) needs no sort. `next` is
   * null on the last page.
   */
  snapshotPage(cooperationId: string, after: SnapshotKey | null, maxRows: number, offices?: readonly string[]): Promise<SnapshotPage>;
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

/** What an adapter reads for a snapshot page, one table at a time (snapshotPageByTable). */
export interface SnapshotTableReader {
  /** The first table name of the cooperation's cells after `table` (from the first when null); null when none. */
  tableAfter(table: string | null): Promise<string | null>;
  /** Up to `maxRows` whole rows of one table the device may hold, after the cell (row, column) of that table when given. */
  tableRows(table: string, after: { row: string; column: string } | null, maxRows: number): Promise<SnapshotPageRow[]>;
}

/**
 * A snapshot page table by table in (table, row) order (the SQLite adapter's; PostgreSQL still pages through the scope
 * join, docs/sync-protocol.md): each table's rows come from a query of that table alone, so a
 * patient-scoped table is read from row_offices (only the rows of the device's offices, then their cells by primary
 * key) and the other tables straight off the cells' primary key, never probing row_offices once per cell.
 */
export async function snapshotPageByTable(reader: SnapshotTableReader, after: SnapshotKey | null, maxRows: number): Promise<SnapshotPage> {
  const rows: SnapshotPageRow[] = [];
  let table = after ? after.table : await reader.tableAfter(null);
  let key: { row: string; column: string } | null = after ? { row: after.row, column: after.column } : null;
  while (table !== null && rows.length < maxRows) {
    rows.push(...(await reader.tableRows(table, key, maxRows - rows.length)));
    if (rows.length >= maxRows) break;
    table = await reader.tableAfter(table);
    key = null;
  }
  return toSnapshotPage(rows, maxRows);
}

/** A device as both adapters store it (snake_case columns). */
export type DeviceRow = {
  id: string;
  cooperation_id: string;
  clock_id: string;
  secret_hash: string;
  office: string;
  offices: string | null;
  office_names: string | null;
  serves_created: number | null;
  name: string;
  enrolled_at: string;
  revoked_at: string | null;
  public_key: string | null;
};

/** A JSON array of texts as stored in a text column; anything else is an empty list. */
export function textList(json: string | null | undefined): string[] {
  if (!json) return [];
  try {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** The enrolment code's columns a new device takes its cooperation and offices from. */
export interface UsedEnrolmentCode {
  cooperation_id: string;
  office: string;
  offices: string | null;
  office_names: string | null;
}

/** A device enrolled with this code now: its offices from the code, names still to match, and whether it serves the offices it creates. */
export function deviceFromCode(code: UsedEnrolmentCode, device: NewDevice, now: string): StoredDevice {
  return {
    ...device,
    cooperationId: code.cooperation_id,
    office: code.office,
    offices: textList(code.offices).sort(),
    pendingOfficeNames: textList(code.office_names),
    servesCreatedOffices: textList(code.office_names).length > 0,
    enrolledAt: now,
    revokedAt: null,
  };
}

/** The devices table's columns both adapters insert, in order, and their values for a device. */
export const DEVICE_INSERT_COLUMNS = 'id, cooperation_id, clock_id, secret_hash, office, offices, office_names, serves_created, name, enrolled_at, public_key';
export function deviceInsertValues(stored: StoredDevice): (string | number | null)[] {
  return [
    stored.id,
    stored.cooperationId,
    stored.clockId,
    stored.secretHash,
    stored.office,
    JSON.stringify(stored.offices),
    JSON.stringify(stored.pendingOfficeNames),
    stored.servesCreatedOffices ? 1 : 0,
    stored.name,
    stored.enrolledAt,
    stored.publicKey,
  ];
}

export function toDevice(row: DeviceRow): StoredDevice {
  return {
    id: row.id,
    cooperationId: row.cooperation_id,
    clockId: row.clock_id,
    secretHash: row.secret_hash,
    office: row.office,
    offices: textList(row.offices),
    pendingOfficeNames: textList(row.office_names),
    servesCreatedOffices: Number(row.serves_created ?? 0) === 1,
    name: row.name,
    enrolledAt: row.enrolled_at,
    revokedAt: row.revoked_at,
    publicKey: row.public_key ?? null,
  };
}

/** A stored cell as both adapters select it (snake_case columns, the value as JSON text). */
export type CellRow = { table_name: string; row_id: string; column_name: string; hlc: string; value_json: string };

/** A change as both adapters select it for a pull: the cell with its sequence, digest index and blind. */
export type PulledRow = CellRow & { seq: number | string; cell_index: number | null; blind: string | null };

export function toPulledChange(row: PulledRow): PulledChange {
  const change: PulledChange = { ...toCell(row), seq: Number(row.seq) };
  if (row.cell_index !== null) change.i = Number(row.cell_index);
  if (row.blind !== null) change.blind = row.blind;
  return change;
}

/** The stored authority_records cells of a cooperation, put together into records (both adapters select the same columns). */
export function toAuthorityRecords(rows: readonly { row_id: string; column_name: string; value_json: string }[]): AuthorityRecord[] {
  const byId = new Map<string, Record<string, SqlValue>>();
  for (const row of rows) {
    let values = byId.get(row.row_id);
    if (!values) byId.set(row.row_id, (values = {}));
    values[row.column_name] = JSON.parse(row.value_json) as SqlValue;
  }
  const records: AuthorityRecord[] = [];
  for (const [id, values] of byId) {
    if (values.deleted !== undefined && values.deleted !== 0 && values.deleted !== null) continue;
    records.push(authorityRecordOf(id, values));
  }
  return records;
}

/** One record from its row's values (text columns that are missing or not text become '' or null). */
export function authorityRecordOf(id: string, values: Readonly<Record<string, SqlValue | undefined>>): AuthorityRecord {
  const text = (column: string) => (typeof values[column] === 'string' ? (values[column] as string) : '');
  const maybe = (column: string) => (typeof values[column] === 'string' ? (values[column] as string) : null);
  return {
    id,
    kind: text('kind'),
    subjectId: text('subject_id'),
    role: maybe('role'),
    publicKey: maybe('public_key'),
    signerId: text('signer_id'),
    at: text('at'),
    details: maybe('details'),
    signature: text('signature'),
  };
}

/** The synced offices (not deleted, with a name) from their `name` and `deleted` cells (both adapters select the same columns). */
export function syncedOfficesOf(rows: readonly { row_id: string; column_name: string; value_json: string }[]): SyncedOffice[] {
  const byId = new Map<string, { name: string; deleted: boolean }>();
  for (const row of rows) {
    const entry = byId.get(row.row_id) ?? { name: '', deleted: false };
    const value = JSON.parse(row.value_json) as SqlValue;
    if (row.column_name === 'name' && typeof value === 'string') entry.name = value;
    if (row.column_name === 'deleted') entry.deleted = value !== 0 && value !== null;
    byId.set(row.row_id, entry);
  }
  return [...byId].filter(([, entry]) => !entry.deleted && entry.name !== '').map(([id, entry]) => ({ id, name: entry.name })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function toCell(row: CellRow): SnapshotCell {
  return {
    table: row.table_name,
    row: row.row_id,
    column: row.column_name,
    hlc: row.hlc,
    value: JSON.parse(row.value_json) as SqlValue,
  };
}
