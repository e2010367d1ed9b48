// SQLite storage for the shared service (the embedded default): one file, WAL, one writer.
import Database from 'better-sqlite3';
import type { SqlValue } from '../db/sync-tables';
import { isPatientScoped } from '../db/patient-scopes';
import type { TransactionSeal } from '../sync/protocol';
import { migrateScopes } from './scopes';
import {
  AuthorityChangedError,
  cellKey,
  DEVICE_INSERT_COLUMNS,
  deviceFromCode,
  deviceInsertValues,
  rowKeyOf,
  SCOPE_JOIN_SQL,
  scopeFilterSql,
  SealConflictError,
  SIGNING_ID_SQL,
  snapshotPageByTable,
  syncedOfficesOf,
  textList,
  toAuthorityRecords,
  toCell,
  toDevice,
  toPulledChange,
  toSnapshotPage,
} from './storage';
import type { CellRow, DeviceRow, NewDevice, PulledRow, RowOffice, SnapshotPageRow, StoreOptions, UnmappedRow } from './storage';
import type { ChangeToStore, EnrolmentCodeRecord, SnapshotKey, SyncStorage } from './storage';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS cooperations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    last_seq INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE IF NOT EXISTS enrolment_codes (
    code_hash TEXT PRIMARY KEY,
    cooperation_id TEXT NOT NULL REFERENCES cooperations (id),
    office TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    used_by TEXT
  );
  CREATE TABLE IF NOT EXISTS devices (
    id TEXT PRIMARY KEY,
    cooperation_id TEXT NOT NULL REFERENCES cooperations (id),
    clock_id TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    office TEXT NOT NULL,
    name TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE TABLE IF NOT EXISTS cells (
    cooperation_id TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    column_name TEXT NOT NULL,
    hlc TEXT NOT NULL,
    value_json TEXT NOT NULL,
    seq INTEGER NOT NULL,
    device_id TEXT NOT NULL,
    PRIMARY KEY (cooperation_id, table_name, row_id, column_name)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS cells_seq ON cells (cooperation_id, seq);
  CREATE TABLE IF NOT EXISTS transactions (
    cooperation_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    author TEXT NOT NULL,
    signature TEXT NOT NULL,
    digests TEXT NOT NULL,
    PRIMARY KEY (cooperation_id, hlc)
  ) WITHOUT ROWID;
  -- Scopes (docs/sync-protocol.md): the office of each patient-scoped row ('' none; null: no patient data after all).
  CREATE TABLE IF NOT EXISTS row_offices (
    cooperation_id TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    office_id TEXT,
    PRIMARY KEY (cooperation_id, table_name, row_id)
  ) WITHOUT ROWID;
`;

/** Columns added for signed changes (docs/trust.md); a service database from before gets them in place, empty. */
const ADDED_COLUMNS: readonly [table: string, column: string, definition: string][] = [
  ['devices', 'public_key', 'TEXT'],
  ['cooperations', 'root_public_key', 'TEXT'],
  ['cooperations', 'authority_version', 'INTEGER NOT NULL DEFAULT 0'],
  ['cells', 'cell_index', 'INTEGER'],
  ['cells', 'blind', 'TEXT'],
  // Scopes: office ids (a JSON list) and office names still to be matched (a JSON list); null until migrated.
  ['devices', 'offices', 'TEXT'],
  ['devices', 'office_names', 'TEXT'],
  ['enrolment_codes', 'offices', 'TEXT'],
  ['enrolment_codes', 'office_names', 'TEXT'],
  ['devices', 'serves_created', 'INTEGER NOT NULL DEFAULT 0'],
];

/** A device or code from before scopes named one office by name: it becomes a pending name (matched to an id at start and when it syncs). */
const MIGRATE_OFFICE_NAMES = [
  // A device from before scopes served every office and may hold offices it created: it keeps serving those.
  'UPDATE devices SET serves_created = 1 WHERE offices IS NULL',
  ...['devices', 'enrolment_codes'].map(
    (table) => `UPDATE ${table} SET offices = '[]', office_names = CASE WHEN trim(office) = '' THEN '[]' ELSE json_array(office) END WHERE offices IS NULL`,
  ),
];

function createSchema(db: Database.Database): void {
  db.transaction(() => {
    db.exec(SCHEMA);
    for (const [table, column, definition] of ADDED_COLUMNS) {
      const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
      if (!columns.some((each) => each.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
    }
    for (const sql of MIGRATE_OFFICE_NAMES) db.exec(sql);
  })();
}

/** `file` is a path, or ':memory:' for tests. */
export function createSqliteStorage(file: string, options: { log?: (line: string) => void } = {}): SyncStorage {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  createSchema(db);

  const insertColumns = 'INSERT INTO cells (cooperation_id, table_name, row_id, column_name, hlc, value_json, seq, device_id, cell_index, blind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
  const upsertLww = db.prepare(
    `${insertColumns}
     ON CONFLICT (cooperation_id, table_name, row_id, column_name) DO UPDATE
     SET hlc = excluded.hlc, value_json = excluded.value_json, seq = excluded.seq, device_id = excluded.device_id, cell_index = excluded.cell_index, blind = excluded.blind
     WHERE excluded.hlc > cells.hlc`,
  );
  // Write-once: the first value stored stays, whatever a later timestamp says.
  const insertOnce = db.prepare(`${insertColumns} ON CONFLICT (cooperation_id, table_name, row_id, column_name) DO NOTHING`);
  const getLastSeq = db.prepare('SELECT last_seq FROM cooperations WHERE id = ?').pluck();
  const setLastSeq = db.prepare('UPDATE cooperations SET last_seq = ? WHERE id = ?');
  const getTrust = db.prepare('SELECT root_public_key, authority_version FROM cooperations WHERE id = ?');
  const getSigningTrust = db.prepare(`SELECT root_public_key, authority_version, ${SIGNING_ID_SQL} AS signing_id FROM cooperations WHERE id = ?`);
  const bumpAuthority = db.prepare('UPDATE cooperations SET authority_version = authority_version + 1 WHERE id = ?');
  const setRoot = db.prepare('UPDATE cooperations SET root_public_key = ? WHERE id = ? AND root_public_key IS NULL');
  const getSeal = db.prepare('SELECT author, signature, digests FROM transactions WHERE cooperation_id = ? AND hlc = ?');
  const insertSeal = db.prepare('INSERT INTO transactions (cooperation_id, hlc, author, signature, digests) VALUES (?, ?, ?, ?, ?)');
  const upsertRowOffice = db.prepare(
    `INSERT INTO row_offices (cooperation_id, table_name, row_id, office_id) VALUES (?, ?, ?, ?)
     ON CONFLICT (cooperation_id, table_name, row_id) DO UPDATE SET office_id = excluded.office_id WHERE row_offices.office_id IS NULL`,
  );
  const insertRowOffices = (cooperationId: string, entries: readonly RowOffice[]) => {
    for (const entry of entries) upsertRowOffice.run(cooperationId, entry.table, entry.row, entry.office);
  };
  const getDeviceOffices = db.prepare('SELECT offices FROM devices WHERE id = ?').pluck();
  const setDeviceOfficeList = db.prepare('UPDATE devices SET offices = ? WHERE id = ?');
  const store = db.transaction((cooperationId: string, deviceId: string, changes: readonly ChangeToStore[], options: StoreOptions) => {
    const trust = getTrust.get(cooperationId) as { root_public_key: string | null; authority_version: number } | undefined;
    if (options.authorityVersion !== undefined && (trust?.authority_version ?? 0) !== options.authorityVersion) throw new AuthorityChangedError();
    if (options.pinRoot) {
      if (trust?.root_public_key && trust.root_public_key !== options.pinRoot) throw new AuthorityChangedError();
      setRoot.run(options.pinRoot, cooperationId);
    }
    for (const seal of options.seals ?? []) {
      const digests = JSON.stringify(seal.digests);
      const stored = getSeal.get(cooperationId, seal.hlc) as { author: string; signature: string; digests: string } | undefined;
      if (!stored) insertSeal.run(cooperationId, seal.hlc, seal.author, seal.signature, digests);
      else if (stored.author !== seal.author || stored.signature !== seal.signature || stored.digests !== digests) throw new SealConflictError(seal.hlc);
    }
    let seq = (getLastSeq.get(cooperationId) as number | undefined) ?? 0;
    let accepted = 0;
    let authority = false;
    for (const change of changes) {
      const statement = change.writeOnce ? insertOnce : upsertLww;
      const result = statement.run(cooperationId, change.table, change.row, change.column, change.hlc, JSON.stringify(change.value), seq + 1, deviceId, change.i, change.blind);
      if (result.changes > 0) {
        seq += 1;
        accepted += 1;
        if (change.table === 'authority_records') authority = true;
      }
    }
    if (accepted > 0) setLastSeq.run(seq, cooperationId);
    if (authority) bumpAuthority.run(cooperationId);
    insertRowOffices(cooperationId, options.rowOffices ?? []);
    if (options.grantOffices?.length) {
      const current = textList(getDeviceOffices.get(deviceId) as string | null | undefined);
      setDeviceOfficeList.run(JSON.stringify([...new Set([...current, ...options.grantOffices])].sort()), deviceId);
    }
    return { accepted, lastSeq: seq };
  });
  // One query for a push's cells: the push's rows travel as one JSON array and each is looked up on the primary key
  // (CROSS JOIN fixes the order: the planner would otherwise scan the cooperation's cells). Looking up rows, not
  // cells, was four times faster; the other cells of those rows come along and are harmless.
  const selectExisting = db.prepare(
    `SELECT c.table_name, c.row_id, c.column_name, c.hlc FROM json_each(?) AS k
     CROSS JOIN cells c ON c.cooperation_id = ? AND c.table_name = k.value ->> 0 AND c.row_id = k.value ->> 1`,
  );
  const selectAuthority = db.prepare("SELECT row_id, column_name, value_json FROM cells WHERE cooperation_id = ? AND table_name = 'authority_records'");
  const selectDeviceKeys = db.prepare('SELECT clock_id, public_key FROM devices WHERE cooperation_id = ? AND public_key IS NOT NULL ORDER BY enrolled_at');
  const selectSeals = db.prepare('SELECT hlc, author, signature, digests FROM transactions WHERE cooperation_id = ? AND hlc IN (SELECT value FROM json_each(?))');
  const selectAfter = db.prepare(
    'SELECT seq, hlc, table_name, row_id, column_name, value_json, cell_index, blind FROM cells WHERE cooperation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  // A snapshot page as JSON built by SQLite, grouped straight off the primary key: one JSON object per row.
  // A row's `hlc` is its oldest timestamp; when its cells differ, `hlcs` has every cell's (a window
  // function to list only the differing ones made the page 60 % slower to build).
  const snapshotPageSql = (where: string) => `
    SELECT CASE WHEN min(hlc) = max(hlc)
             THEN json_object('table', table_name, 'row', row_id, 'hlc', min(hlc), 'values', json_group_object(column_name, json(value_json)))
             ELSE json_object('table', table_name, 'row', row_id, 'hlc', min(hlc), 'values', json_group_object(column_name, json(value_json)),
                              'hlcs', json_group_object(column_name, hlc))
           END AS row_json,
           count(*) AS cells, table_name, row_id, max(column_name) AS last_column
    FROM cells WHERE cooperation_id = ? ${where}
    GROUP BY table_name, row_id
    ORDER BY table_name, row_id
    LIMIT ?`;
  const selectSnapshotFirst = db.prepare(snapshotPageSql(''));
  const selectSnapshotAfter = db.prepare(snapshotPageSql('AND (table_name, row_id, column_name) > (?, ?, ?)'));
  const enrol = db.transaction((codeHash: string, now: string, device: NewDevice) => {
    const code = db.prepare('SELECT cooperation_id, office, offices, office_names, expires_at, used_at FROM enrolment_codes WHERE code_hash = ?').get(codeHash) as
      | { cooperation_id: string; office: string; offices: string | null; office_names: string | null; expires_at: string; used_at: string | null }
      | undefined;
    if (!code || code.used_at !== null || code.expires_at <= now) return null;
    db.prepare('UPDATE enrolment_codes SET used_at = ?, used_by = ? WHERE code_hash = ?').run(now, device.id, codeHash);
    const stored = deviceFromCode(code, device, now);
    db.prepare(`INSERT INTO devices (${DEVICE_INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...deviceInsertValues(stored));
    return stored;
  });
  // Scoped reads: the device's offices travel as one JSON array.
  const OFFICES_PARAM = '(SELECT value FROM json_each(?))';
  const selectWindow = db.prepare('SELECT seq, hlc FROM cells WHERE cooperation_id = ? AND seq > ? ORDER BY seq LIMIT ?');
  const selectScopedBetween = db.prepare(
    `SELECT c.seq, c.hlc, c.table_name, c.row_id, c.column_name, c.value_json, c.cell_index, c.blind FROM cells c ${SCOPE_JOIN_SQL}
     WHERE c.cooperation_id = ? AND c.seq > ? AND c.seq <= ? AND ${scopeFilterSql(OFFICES_PARAM)} ORDER BY c.seq`,
  );
  const selectScopedCells = db.prepare(
    `SELECT c.table_name, c.row_id, c.column_name, c.hlc, c.value_json FROM cells c ${SCOPE_JOIN_SQL}
     WHERE c.cooperation_id = ? AND ${scopeFilterSql(OFFICES_PARAM)} ORDER BY c.table_name, c.row_id, c.column_name`,
  );
  // A scoped snapshot page, table by table (snapshotPageByTable). The row's JSON as in snapshotPageSql.
  const rowJsonSql = `CASE WHEN min(c.hlc) = max(c.hlc)
             THEN json_object('table', c.table_name, 'row', c.row_id, 'hlc', min(c.hlc), 'values', json_group_object(c.column_name, json(c.value_json)))
             ELSE json_object('table', c.table_name, 'row', c.row_id, 'hlc', min(c.hlc), 'values', json_group_object(c.column_name, json(c.value_json)),
                              'hlcs', json_group_object(c.column_name, c.hlc))
           END AS row_json,
           count(*) AS cells, c.table_name AS table_name, c.row_id AS row_id, max(c.column_name) AS last_column`;
  const selectTableAfter = db.prepare('SELECT min(table_name) FROM cells WHERE cooperation_id = ? AND table_name > ?').pluck();
  const selectFirstTable = db.prepare('SELECT min(table_name) FROM cells WHERE cooperation_id = ?').pluck();
  const selectTableHasOffices = db.prepare('SELECT 1 FROM row_offices WHERE cooperation_id = ? AND table_name = ? LIMIT 1').pluck();
  // A table no row_offices entry names: its rows straight off the cells' primary key.
  const plainTablePageSql = (where: string) => `
    SELECT ${rowJsonSql} FROM cells c WHERE c.cooperation_id = @cooperation AND c.table_name = @table ${where}
    GROUP BY c.row_id ORDER BY c.row_id LIMIT @limit`;
  // A patient-scoped table: the rows of the device's offices (and those that are no patient data) along row_offices'
  // primary key, each row's cells by the cells' primary key (CROSS JOIN keeps row_offices outside).
  const officeTablePageSql = (where: string) => `
    SELECT ${rowJsonSql} FROM row_offices ro
    CROSS JOIN cells c ON c.cooperation_id = ro.cooperation_id AND c.table_name = ro.table_name AND c.row_id = ro.row_id
    WHERE ro.cooperation_id = @cooperation AND ro.table_name = @table AND (ro.office_id IS NULL OR ro.office_id IN (SELECT value FROM json_each(@offices))) ${where}
    GROUP BY ro.row_id ORDER BY ro.row_id LIMIT @limit`;
  // Any other table with row_offices entries (none today: entries are made for patient-scoped tables only): the scope join.
  const joinedTablePageSql = (where: string) => `
    SELECT ${rowJsonSql} FROM cells c ${SCOPE_JOIN_SQL}
    WHERE c.cooperation_id = @cooperation AND c.table_name = @table ${where} AND ${scopeFilterSql('(SELECT value FROM json_each(@offices))')}
    GROUP BY c.row_id ORDER BY c.row_id LIMIT @limit`;
  const AFTER_CELL = 'AND (c.row_id, c.column_name) > (@row, @column)';
  /** How a table's rows are read for a device with offices: see the three page queries above. */
  const tableKind = (cooperationId: string, table: string): 'office' | 'plain' | 'joined' =>
    isPatientScoped(table) ? 'office' : selectTableHasOffices.get(cooperationId, table) === undefined ? 'plain' : 'joined';
  // A snapshot's progress total, table by table like its pages: the cells a device may hold, without a probe per cell.
  const tableCounts = {
    plain: db.prepare('SELECT count(*) FROM cells c WHERE c.cooperation_id = @cooperation AND c.table_name = @table').pluck(),
    office: db
      .prepare(
        `SELECT count(*) FROM row_offices ro CROSS JOIN cells c ON c.cooperation_id = ro.cooperation_id AND c.table_name = ro.table_name AND c.row_id = ro.row_id
         WHERE ro.cooperation_id = @cooperation AND ro.table_name = @table AND (ro.office_id IS NULL OR ro.office_id IN (SELECT value FROM json_each(@offices)))`,
      )
      .pluck(),
    joined: db
      .prepare(`SELECT count(*) FROM cells c ${SCOPE_JOIN_SQL} WHERE c.cooperation_id = @cooperation AND c.table_name = @table AND ${scopeFilterSql('(SELECT value FROM json_each(@offices))')}`)
      .pluck(),
  };
  const countScoped = db.transaction((cooperationId: string, offices: string) => {
    let total = 0;
    for (let table = selectFirstTable.get(cooperationId) as string | null; table !== null; table = selectTableAfter.get(cooperationId, table) as string | null) {
      const kind = tableKind(cooperationId, table);
      total += tableCounts[kind].get(kind === 'plain' ? { cooperation: cooperationId, table } : { cooperation: cooperationId, table, offices }) as number;
    }
    return total;
  });
  const tablePages = {
    plain: { first: db.prepare(plainTablePageSql('')), after: db.prepare(plainTablePageSql(AFTER_CELL)) },
    office: { first: db.prepare(officeTablePageSql('')), after: db.prepare(officeTablePageSql(`AND ro.row_id >= @row ${AFTER_CELL}`)) },
    joined: { first: db.prepare(joinedTablePageSql('')), after: db.prepare(joinedTablePageSql(AFTER_CELL)) },
  };
  const selectOfficeCells = db.prepare("SELECT row_id, column_name, value_json FROM cells WHERE cooperation_id = ? AND table_name = 'offices' AND column_name IN ('name', 'deleted')");
  const selectRowOffices = db.prepare(
    `SELECT ro.table_name, ro.row_id, ro.office_id FROM json_each(?) AS k
     CROSS JOIN row_offices ro ON ro.cooperation_id = ? AND ro.table_name = k.value ->> 0 AND ro.row_id = k.value ->> 1`,
  );
  const selectCellValues = db.prepare(
    `SELECT c.table_name, c.row_id, c.column_name, c.value_json FROM json_each(?) AS k
     CROSS JOIN cells c ON c.cooperation_id = ? AND c.table_name = k.value ->> 0 AND c.row_id = k.value ->> 1 AND c.column_name = k.value ->> 2`,
  );

  const storage: SyncStorage = {
    kind: 'sqlite',
    async init() {
      await migrateScopes(storage, options.log ?? ((line) => console.warn(line)));
    },
    close: async () => void db.close(),
    async ensureCooperation(id, name) {
      db.prepare('INSERT INTO cooperations (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name').run(id, name);
    },
    async cooperationName(id) {
      return (db.prepare('SELECT name FROM cooperations WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
    },
    async addEnrolmentCode(code: EnrolmentCodeRecord) {
      db.prepare('INSERT INTO enrolment_codes (code_hash, cooperation_id, office, offices, office_names, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        code.codeHash,
        code.cooperationId,
        code.office,
        JSON.stringify(code.offices),
        JSON.stringify(code.officeNames),
        code.createdAt,
        code.expiresAt,
      );
    },
    async setDeviceOffices(id, offices, pendingOfficeNames) {
      db.prepare('UPDATE devices SET offices = ?, office_names = ? WHERE id = ?').run(JSON.stringify([...offices].sort()), JSON.stringify(pendingOfficeNames), id);
    },
    async syncedOffices(cooperationId) {
      return syncedOfficesOf(selectOfficeCells.all(cooperationId) as { row_id: string; column_name: string; value_json: string }[]);
    },
    async rowOffices(cooperationId, rows) {
      const found = new Map<string, string | null>();
      if (rows.length === 0) return found;
      const keys = JSON.stringify(rows.map((row) => [row.table, row.row]));
      for (const row of selectRowOffices.all(keys, cooperationId) as { table_name: string; row_id: string; office_id: string | null }[]) {
        found.set(rowKeyOf({ table: row.table_name, row: row.row_id }), row.office_id);
      }
      return found;
    },
    async addRowOffices(cooperationId, entries) {
      db.transaction(() => insertRowOffices(cooperationId, entries))();
    },
    async unmappedRows(table, columns, limit, after) {
      // The rows come from their `deleted` cell (every row has one); the scope columns are looked up beside it.
      const rows = db
        .prepare(
          `SELECT c.cooperation_id, c.row_id, c.device_id FROM cooperations co
           CROSS JOIN cells c ON c.cooperation_id = co.id AND c.table_name = ? AND c.column_name = 'deleted'
           WHERE (c.cooperation_id, c.row_id) > (?, ?)
             AND NOT EXISTS (SELECT 1 FROM row_offices ro WHERE ro.cooperation_id = c.cooperation_id AND ro.table_name = c.table_name AND ro.row_id = c.row_id)
           ORDER BY c.cooperation_id, c.row_id
           LIMIT ?`,
        )
        .all(table, after?.cooperationId ?? '', after?.row ?? '', limit) as { cooperation_id: string; row_id: string; device_id: string }[];
      const value = db.prepare('SELECT value_json FROM cells WHERE cooperation_id = ? AND table_name = ? AND row_id = ? AND column_name = ?').pluck();
      return rows.map((row): UnmappedRow => {
        const values: Record<string, SqlValue> = {};
        for (const column of columns) {
          const json = value.get(row.cooperation_id, table, row.row_id, column) as string | undefined;
          if (json !== undefined) values[column] = JSON.parse(json) as SqlValue;
        }
        return { cooperationId: row.cooperation_id, row: row.row_id, deviceId: row.device_id, values };
      });
    },
    async cellValues(cooperationId, keys) {
      const found = new Map<string, SqlValue>();
      if (keys.length === 0) return found;
      const wanted = JSON.stringify(keys.map((key) => [key.table, key.row, key.column]));
      for (const row of selectCellValues.all(wanted, cooperationId) as { table_name: string; row_id: string; column_name: string; value_json: string }[]) {
        found.set(cellKey({ table: row.table_name, row: row.row_id, column: row.column_name }), JSON.parse(row.value_json) as SqlValue);
      }
      return found;
    },
    async sequenceWindow(cooperationId, afterSeq, limit) {
      return selectWindow.all(cooperationId, afterSeq, limit) as { seq: number; hlc: string }[];
    },
    async scopedChangesBetween(cooperationId, afterSeq, upToSeq, offices) {
      return (selectScopedBetween.all(cooperationId, afterSeq, upToSeq, JSON.stringify(offices)) as PulledRow[]).map(toPulledChange);
    },
    countScopedCells: async (cooperationId, offices) => countScoped(cooperationId, JSON.stringify(offices)),
    async scopedCells(cooperationId, offices, visit) {
      // One read transaction: the sequence and the cells are read at the same point.
      return db.transaction(() => {
        const asOf = (getLastSeq.get(cooperationId) as number | undefined) ?? 0;
        for (const row of selectScopedCells.iterate(cooperationId, JSON.stringify(offices)) as IterableIterator<CellRow>) visit(toCell(row));
        return asOf;
      })();
    },
    enrolDevice: async (codeHash, now, device) => enrol(codeHash, now, device),
    async findDevice(id) {
      const row = db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as DeviceRow | undefined;
      return row ? toDevice(row) : null;
    },
    async revokeDevice(id, at) {
      return db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
    },
    async listDevices(cooperationId) {
      const rows = (
        cooperationId
          ? db.prepare('SELECT * FROM devices WHERE cooperation_id = ? ORDER BY enrolled_at').all(cooperationId)
          : db.prepare('SELECT * FROM devices ORDER BY cooperation_id, enrolled_at').all()
      ) as DeviceRow[];
      return rows.map(toDevice);
    },
    storeChanges: async (cooperationId, deviceId, changes, options = {}) => store(cooperationId, deviceId, changes, options),
    async existingCells(cooperationId, keys) {
      const found = new Map<string, string>();
      if (keys.length === 0) return found;
      const rows = new Map<string, [string, string]>();
      for (const key of keys) rows.set(`${key.table}\u0000${key.row}`, [key.table, key.row]);
      const stored = selectExisting.all(JSON.stringify([...rows.values()]), cooperationId) as { table_name: string; row_id: string; column_name: string; hlc: string }[];
      for (const row of stored) found.set(cellKey({ table: row.table_name, row: row.row_id, column: row.column_name }), row.hlc);
      return found;
    },
    authorityRecords: async (cooperationId) => toAuthorityRecords(selectAuthority.all(cooperationId) as { row_id: string; column_name: string; value_json: string }[]),
    async trustState(cooperationId) {
      const row = getSigningTrust.get(cooperationId) as { root_public_key: string | null; authority_version: number; signing_id: string | null } | undefined;
      return { rootPublicKey: row?.root_public_key ?? null, authorityVersion: row?.authority_version ?? 0, signingId: row?.signing_id ?? null };
    },
    async deviceKeys(cooperationId, clockIds) {
      const wanted = new Set(clockIds);
      const keys: Record<string, string> = {};
      if (wanted.size === 0) return keys;
      for (const row of selectDeviceKeys.all(cooperationId) as { clock_id: string; public_key: string }[]) if (wanted.has(row.clock_id)) keys[row.clock_id] = row.public_key;
      return keys;
    },
    async seals(cooperationId, hlcs) {
      const seals: Record<string, TransactionSeal> = {};
      if (hlcs.length === 0) return seals;
      for (const row of selectSeals.all(cooperationId, JSON.stringify(hlcs)) as { hlc: string; author: TransactionSeal['author']; signature: string; digests: string }[]) {
        seals[row.hlc] = { author: row.author, signature: row.signature, digests: JSON.parse(row.digests) as string[] };
      }
      return seals;
    },
    async changesAfter(cooperationId, afterSeq, limit) {
      return (selectAfter.all(cooperationId, afterSeq, limit) as PulledRow[]).map(toPulledChange);
    },
    lastSeq: async (cooperationId) => (getLastSeq.get(cooperationId) as number | undefined) ?? 0,
    countCells: async (cooperationId) => db.prepare('SELECT count(*) FROM cells WHERE cooperation_id = ?').pluck().get(cooperationId) as number,
    // One pass: SQLite builds a temporary index of the stored (cooperation, hlc) pairs for NOT IN, then walks the seals.
    compactSeals: async () => db.prepare('DELETE FROM transactions WHERE (cooperation_id, hlc) NOT IN (SELECT cooperation_id, hlc FROM cells)').run().changes,
    async snapshotPage(cooperationId, after: SnapshotKey | null, maxRows, offices) {
      if (!offices) {
        const rows = (
          after ? selectSnapshotAfter.all(cooperationId, after.table, after.row, after.column, maxRows) : selectSnapshotFirst.all(cooperationId, maxRows)
        ) as SnapshotPageRow[];
        return toSnapshotPage(rows, maxRows);
      }
      const list = JSON.stringify(offices);
      // Each table's rows are one statement (a row is read whole); cells stored between two tables' statements are
      // newer than asOf and reach the device by pull, as between pages.
      return snapshotPageByTable(
        {
          tableAfter: async (table) => ((table === null ? selectFirstTable.get(cooperationId) : selectTableAfter.get(cooperationId, table)) as string | null) ?? null,
          async tableRows(table, key, limit) {
            const kind = tableKind(cooperationId, table);
            const params = { cooperation: cooperationId, table, limit, ...(kind === 'plain' ? {} : { offices: list }), ...(key ?? {}) };
            return (key ? tablePages[kind].after : tablePages[kind].first).all(params) as SnapshotPageRow[];
          },
        },
        after,
        maxRows,
      );
    },
  };
  return storage;
}
