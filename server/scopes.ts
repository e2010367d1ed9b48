// Office scopes on the service: which office each patient-scoped row belongs to, the check that refuses a push outside a device's offices, and the backfill at start.
import { isPatientScoped, PATIENT_SCOPED_TABLES, patientScopeOf, scopeColumns } from '../db/patient-scopes';
import type { PatientScopedTableName } from '../db/patient-scopes';
import type { SqlValue } from '../db/sync-tables';
import type { PushRequest } from '../sync/protocol';
import { cellKey, rowKeyOf } from './storage';
import type { CellKey, RowOffice, StoredDevice, SyncStorage } from './storage';

/** A patient-scoped row about to be stored: what is known of the columns its scope reads. */
interface PendingRow {
  table: PatientScopedTableName;
  row: string;
  values: Record<string, SqlValue | undefined>;
  /** The offices of the device that pushed it (for the 'pushingDevice' fallback), sorted. */
  deviceOffices: readonly string[];
}

const SCOPED_ORDER = Object.keys(PATIENT_SCOPED_TABLES) as PatientScopedTableName[];

const filled = (value: SqlValue | undefined): value is string | number => value !== null && value !== undefined && value !== '';

/**
 * The office of each row ('' none, null not patient data), in registry order so a row can follow a reference to a row
 * resolved just before it (the same push). `known` holds the stored offices of rows referenced from outside.
 */
export function resolveOffices(rows: readonly PendingRow[], known: ReadonlyMap<string, string | null>): RowOffice[] {
  const resolved = new Map<string, string | null>();
  const officeOf = (table: string, row: string) => {
    const key = rowKeyOf({ table, row });
    return resolved.has(key) ? resolved.get(key) : known.get(key);
  };
  const result: RowOffice[] = [];
  for (const table of SCOPED_ORDER) {
    const scope = patientScopeOf(table);
    for (const pending of rows) {
      if (pending.table !== table) continue;
      let office: string | null | undefined;
      if (scope.onlyWhenSet && !filled(pending.values[scope.onlyWhenSet])) office = null;
      else {
        const reference = scope.reference;
        if (reference && (!reference.tableColumn || pending.values[reference.tableColumn] === reference.table)) {
          const target = pending.values[reference.column];
          if (typeof target === 'string' && target !== '') office = officeOf(reference.table, target) ?? undefined;
        }
        if (!office && scope.officeColumn) {
          const own = pending.values[scope.officeColumn];
          if (typeof own === 'string' && own !== '') office = own;
        }
        if (!office) office = scope.fallback === 'pushingDevice' ? (pending.deviceOffices[0] ?? '') : '';
      }
      resolved.set(rowKeyOf(pending), office);
      result.push({ table, row: pending.row, office });
    }
  }
  return result;
}

/** The stored offices of the rows these rows reference (one query). */
async function referencedOffices(storage: SyncStorage, cooperationId: string, rows: readonly PendingRow[]): Promise<Map<string, string | null>> {
  const targets = new Map<string, { table: string; row: string }>();
  for (const pending of rows) {
    const reference = patientScopeOf(pending.table).reference;
    const target = reference ? pending.values[reference.column] : undefined;
    if (reference && typeof target === 'string' && target !== '') targets.set(rowKeyOf({ table: reference.table, row: target }), { table: reference.table, row: target });
  }
  return targets.size > 0 ? storage.rowOffices(cooperationId, [...targets.values()]) : new Map();
}

export interface PushScope {
  /** The office of every new patient-scoped row of the push (and of rows first seen as no patient data that now are). */
  rowOffices: RowOffice[];
  /**
   * Offices this push creates (an `offices` row the service did not have), when the device serves the offices it
   * creates (enrolled with an operator's code): it serves them from now on.
   */
  grantOffices: string[];
  /** Rows of the push outside the device's offices (empty: the push may be stored). */
  refused: { table: string; row: string; office: string }[];
}

/**
 * Decides the office of each patient-scoped row in a push and whether the device may write it: the rows' own cells
 * first, then the stored ones (never what the device says about itself). A row whose office is stored keeps it
 * (patient-scoped rows are append-only; their office columns are written once).
 */
export async function checkPushScope(storage: SyncStorage, device: StoredDevice, request: PushRequest): Promise<PushScope> {
  const byRow = new Map<string, { table: PatientScopedTableName; row: string; values: Record<string, SqlValue | undefined> }>();
  const newOffices = new Set<string>();
  for (const transaction of request.transactions) {
    for (const cell of transaction.cells) {
      if (cell.table === 'offices') newOffices.add(cell.row);
      if (!isPatientScoped(cell.table)) continue;
      const key = rowKeyOf(cell);
      let entry = byRow.get(key);
      if (!entry) byRow.set(key, (entry = { table: cell.table, row: cell.row, values: {} }));
      entry.values[cell.column] = cell.value;
    }
  }
  let grantOffices: string[] = [];
  if (newOffices.size > 0 && device.servesCreatedOffices) {
    const existing = await storage.existingCells(
      device.cooperationId,
      [...newOffices].map((row) => ({ table: 'offices', row, column: 'deleted' })),
    );
    const storedRows = new Set([...existing.keys()].map((key) => key.split('\u0000')[1]!));
    grantOffices = [...newOffices].filter((id) => !storedRows.has(id) && !device.offices.includes(id)).sort();
  }
  if (byRow.size === 0) return { rowOffices: [], grantOffices, refused: [] };
  const deviceOffices = [...new Set([...device.offices, ...grantOffices])].sort();

  const stored = await storage.rowOffices(device.cooperationId, [...byRow.values()]);
  const fresh: PendingRow[] = [];
  const missing: CellKey[] = [];
  for (const [key, entry] of byRow) {
    const office = stored.get(key);
    if (office !== undefined && (office !== null || !patientScopeOf(entry.table).onlyWhenSet)) continue;
    for (const column of scopeColumns(entry.table)) if (!(column in entry.values)) missing.push({ table: entry.table, row: entry.row, column });
    fresh.push({ ...entry, deviceOffices });
  }
  if (missing.length > 0) {
    const values = await storage.cellValues(device.cooperationId, missing);
    for (const cell of missing) {
      const value = values.get(cellKey(cell));
      if (value !== undefined) byRow.get(rowKeyOf(cell))!.values[cell.column] = value;
    }
  }
  const rowOffices = resolveOffices(fresh, await referencedOffices(storage, device.cooperationId, fresh));
  const officeOf = new Map<string, string | null>(stored);
  for (const entry of rowOffices) officeOf.set(rowKeyOf(entry), entry.office);
  const refused: PushScope['refused'] = [];
  for (const entry of byRow.values()) {
    const office = officeOf.get(rowKeyOf(entry));
    if (office === null || office === undefined) continue;
    if (!deviceOffices.includes(office)) refused.push({ table: entry.table, row: entry.row, office });
  }
  // Entries already stored with an office are not written again.
  const toStore = rowOffices.filter((entry) => stored.get(rowKeyOf(entry)) === undefined || (stored.get(rowKeyOf(entry)) === null && entry.office !== null));
  return { rowOffices: toStore, grantOffices, refused };
}

/** How many rows the backfill reads at a time. */
const BACKFILL_BATCH = 5000;

/**
 * Gives every stored patient-scoped row without a row_offices entry its office (rows stored before scopes), table by
 * table in registry order so references resolve; the 'pushingDevice' fallback uses the device that stored the row.
 * Returns how many rows it mapped.
 */
export async function backfillRowOffices(storage: SyncStorage, batch = BACKFILL_BATCH): Promise<number> {
  const devices = new Map((await storage.listDevices()).map((device) => [device.id, device]));
  let mapped = 0;
  for (const table of SCOPED_ORDER) {
    const columns = scopeColumns(table);
    let after: { cooperationId: string; row: string } | null = null;
    for (;;) {
      const rows = await storage.unmappedRows(table, columns, batch, after);
      if (rows.length === 0) break;
      const last = rows.at(-1)!;
      after = { cooperationId: last.cooperationId, row: last.row };
      const byCooperation = new Map<string, PendingRow[]>();
      for (const row of rows) {
        const list = byCooperation.get(row.cooperationId) ?? [];
        list.push({ table, row: row.row, values: row.values, deviceOffices: devices.get(row.deviceId)?.offices ?? [] });
        byCooperation.set(row.cooperationId, list);
      }
      for (const [cooperationId, pending] of byCooperation) {
        const entries = resolveOffices(pending, await referencedOffices(storage, cooperationId, pending));
        await storage.addRowOffices(cooperationId, entries);
        mapped += entries.length;
      }
      if (rows.length < batch) break;
    }
  }
  return mapped;
}

/** The office ids these names match among the synced offices (trimmed, case-insensitive; every match), and the names that matched none. */
export function matchOfficeNames(names: readonly string[], offices: readonly { id: string; name: string }[]): { ids: string[]; unmatched: string[] } {
  const ids = new Set<string>();
  const unmatched: string[] = [];
  for (const name of names) {
    const wanted = name.trim().toLocaleLowerCase('nb');
    const found = offices.filter((office) => office.name.trim().toLocaleLowerCase('nb') === wanted);
    if (found.length === 0) unmatched.push(name);
    for (const office of found) ids.add(office.id);
  }
  return { ids: [...ids].sort(), unmatched };
}

/**
 * Matches a device's pending office names (an operator's code, or a device from before scopes) to synced offices;
 * stores what matched. Returns the device as it is now.
 */
export async function resolvePendingOffices(storage: SyncStorage, device: StoredDevice): Promise<StoredDevice> {
  if (device.pendingOfficeNames.length === 0) return device;
  const { ids, unmatched } = matchOfficeNames(device.pendingOfficeNames, await storage.syncedOffices(device.cooperationId));
  if (ids.length === 0) return device;
  const offices = [...new Set([...device.offices, ...ids])].sort();
  await storage.setDeviceOffices(device.id, offices, unmatched);
  return { ...device, offices, pendingOfficeNames: unmatched };
}

/**
 * What the adapters run at start, after their schema: devices (and codes) from before scopes named one office by its
 * name; each gets the id of the synced office of that name, and a name that matches none leaves the device serving no
 * office's patient data (logged; it is matched again whenever the device syncs). Then every stored patient-scoped row
 * gets its office.
 */
export async function migrateScopes(storage: SyncStorage, log: (line: string) => void): Promise<void> {
  for (const device of await storage.listDevices()) {
    if (device.pendingOfficeNames.length === 0) continue;
    const now = await resolvePendingOffices(storage, device);
    if (now.pendingOfficeNames.length > 0) {
      log(
        `scopes: device ${device.id} (${device.name || 'unnamed'}) of cooperation ${device.cooperationId}: office name ${now.pendingOfficeNames.map((name) => `"${name}"`).join(', ')} matches no synced office; it receives no patient data of it until an office of that name is synced or an admin sets its offices`,
      );
    }
  }
  const mapped = await backfillRowOffices(storage);
  if (mapped > 0) log(`scopes: gave ${mapped} stored patient-scoped rows their office`);
}
