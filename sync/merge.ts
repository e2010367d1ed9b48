// Merges changes from the shared service into the local store: every pulled transaction checked (signature, authority, permissions) first, then per-column last-writer-wins, write-once cells kept as first accepted, unknown tables kept for later.
import type Database from 'better-sqlite3';
import { getMeta, setMeta } from '../db/local-meta';
import type { LocalStore } from '../db/open';
import { createRowVersionStore } from '../db/row-versions';
import type { ColumnVersions } from '../db/row-versions';
import { deviceSigner } from '../db/signer';
import { cellDigest, verifyBytes } from '../db/signing';
import { statement } from '../db/statements';
import { createSyncRejected } from '../db/sync-rejected';
import type { RejectedCell } from '../db/sync-rejected';
import { isSyncedTable, SYNCED_TABLES } from '../db/sync-tables';
import type { SqlValue } from '../db/sync-tables';
import { readAuthorityRecords } from '../db/trust-state';
import type { Area } from '../domain/areas';
import { parseHlc } from '../domain/hlc';
import { evaluateAuthority } from '../domain/trust/authority';
import type { Authority, AuthorityRecord, AuthorityRefusal } from '../domain/trust/authority';
import { checkSignedTransaction } from '../domain/trust/check';
import type { CheckContext, TrustRefusal } from '../domain/trust/check';
import { areaOfTable } from './areas';
import { keepsFirstWrite } from './protocol';
import type { SnapshotRow, TransactionSeal, WireChange } from './protocol';

export interface MergeResult {
  /** Cells whose value changed here. */
  applied: number;
  /** Cells kept in sync_pending because this version does not know their table or column. */
  pending: number;
  /** Transactions (or snapshot authority records) set aside in sync_rejected: they failed the trust checks and nothing of them was applied. */
  rejected: number;
  /** Areas whose data changed, for data.changed events. */
  areas: Set<Area>;
}

/** A pulled cell: its place in its transaction's digest list and its blind travel with it (absent for data from before signing). */
export interface IncomingChange extends WireChange {
  i?: number | null;
  blind?: string | null;
}

/** What a pull page carries beside its cells: the seal of each signed transaction (by HLC) and the keys of computers that signed background work (by clock id). */
export interface PageSeals {
  transactions?: Readonly<Record<string, TransactionSeal>>;
  deviceKeys?: Readonly<Record<string, string>>;
}

export interface Merger {
  /**
   * Applies remote changes in one transaction. First merges the newest timestamp into the device
   * clock, which throws ClockDriftError (and applies nothing) when it is beyond the allowed drift.
   * The changes are grouped into their transactions (by HLC) and each is checked with the page's
   * seals (checkSignedTransaction, after the page's authority records are replayed); a transaction
   * that fails is set aside in sync_rejected and none of its cells is applied.
   */
  apply(changes: readonly IncomingChange[], seals?: PageSeals): MergeResult;
  /**
   * The same for snapshot rows (a first download), without turning them into one object per cell. These rest on the
   * service (docs/trust.md), except authority records, which are replayed and set aside when they do not count.
   */
  applyRows(rows: readonly SnapshotRow[]): MergeResult;
  /**
   * Checks the authority records a first download wrote before it knew the cooperation (they come before the
   * cooperation row in the snapshot's order) and sets aside those that do not count. The engine calls it when the
   * download ends; a no-op when there are none.
   */
  settleSnapshotAuthority(): MergeResult;
  /** Applies kept changes whose table and column this version now knows (after an upgrade). */
  applyPending(): MergeResult;
  /**
   * Applies this computer's own outbox cells again (after a repair's fresh download), by the same last-writer-wins
   * rules and without the trust checks: the write path checked them when they were made.
   */
  applyOwn(changes: readonly WireChange[]): MergeResult;
}

/** local_meta: ids of snapshot authority records written before the cooperation id (which their signatures cover) was known. */
const UNCHECKED_RECORDS_META = 'sync.uncheckedAuthorityRecords';

const RECORD_COLUMNS = Object.keys(SYNCED_TABLES.authority_records.columns);

/** An authority record from its columns; null when one is missing (a record whose cells span pages). */
function recordFrom(id: string, value: (column: string) => SqlValue | undefined): AuthorityRecord | null {
  const text = (column: string): string | null | undefined => {
    const cell = value(column);
    return cell === undefined ? undefined : cell === null ? null : String(cell);
  };
  const kind = text('kind');
  const subjectId = text('subject_id');
  const role = text('role');
  const publicKey = text('public_key');
  const signerId = text('signer_id');
  const at = text('at');
  const details = text('details');
  const signature = text('signature');
  if (kind == null || subjectId == null || role === undefined || publicKey === undefined || signerId == null || at == null || details === undefined || signature == null) {
    return null;
  }
  return { id, kind, subjectId, role, publicKey, signerId, at, details, signature };
}

/** Why a transaction was set aside: the transaction check's refusal, or why an authority record it carries does not count. */
interface Refusal {
  refusal: TrustRefusal | AuthorityRefusal;
  detail: string;
}

const emptyResult = (): MergeResult => ({ applied: 0, pending: 0, rejected: 0, areas: new Set() });

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

/**
 * Whether a remote write at `incoming` beats the version this device holds (`current`, undefined when the column was
 * never written). Write-once cells keep the first accepted value once signing is enforced (the check refuses another
 * transaction's value, a repeat of the same one changes nothing); before that, the oldest timestamp wins as it always did.
 */
function wins(table: string, column: string, incoming: string, current: string | undefined, enforced: boolean): boolean {
  if (current === undefined) return true;
  if (keepsFirstWrite(table, column)) return !enforced && incoming < current;
  return incoming > current;
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

/** The transactions of a page in the order they first appear, each with its cells. */
type PageTransactions = Map<string, IncomingChange[]>;

/** A page's authority record, assembled from its cells (and the store's, for a record whose cells span pages). */
interface PageRecord {
  record: AuthorityRecord;
  /** The transactions whose cells make it up: set aside with it when it does not count. */
  hlcs: Set<string>;
}

const rowKeyOf = (table: string, row: string) => `${table}\u0000${row}`;
const nowIso = () => new Date().toISOString();
const rejectedCells = (cells: readonly IncomingChange[]): RejectedCell[] =>
  cells.map(({ table, row, column, value, i, blind }) => ({ table, row, column, value, i: i ?? null, blind: blind ?? null }));

export function createMerger(store: LocalStore): Merger {
  const { db, trust } = store;
  const foreignKeys = readForeignKeys(db);
  const rowVersions = createRowVersionStore(db);
  const setAside = createSyncRejected(db);
  const keepPending = statement(
    db,
    `INSERT INTO sync_pending (table_name, row_id, column_name, hlc, value_json) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (table_name, row_id, column_name) DO UPDATE SET hlc = excluded.hlc, value_json = excluded.value_json
     WHERE excluded.hlc > sync_pending.hlc`,
  );
  /** Rows known to exist (rows are never removed, only marked deleted), so a first download asks once per office or person, not once per shift. */
  let existing = new Set<string>();
  let ownDeviceKey: string | null = null;
  /** This computer's own device key: its background work comes back in pulls too. */
  const ownKey = () => (ownDeviceKey ??= deviceSigner(db, store.clock.deviceId).key.publicKey);

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
  function writeRow(incoming: IncomingRow, versions: ColumnVersions, result: MergeResult, enforced: boolean) {
    const { table, row } = incoming;
    const columns: string[] = [];
    const values: SqlValue[] = [];
    for (const [column, cell] of incoming.cells) {
      if (!wins(table, column, cell.hlc, versions.get(column), enforced)) continue;
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

  const recordRow = statement(db, 'SELECT * FROM authority_records WHERE id = ?');

  /**
   * The page's authority records, each from the first transaction that carries its cells, completed from the store
   * when its cells span pages. A record the store already holds whole is not the page's (a repeat or a rewrite,
   * which the transaction check refuses); a record still incomplete is left to the transaction check alone.
   */
  function assembleRecords(transactions: PageTransactions, storedVersions: (table: string, row: string) => ColumnVersions): Map<string, PageRecord> {
    const byRow = new Map<string, { values: Map<string, SqlValue>; hlcs: Set<string> }>();
    for (const [hlc, cells] of transactions) {
      for (const cell of cells) {
        if (cell.table !== 'authority_records') continue;
        let entry = byRow.get(cell.row);
        if (!entry) byRow.set(cell.row, (entry = { values: new Map(), hlcs: new Set() }));
        if (!entry.values.has(cell.column)) {
          entry.values.set(cell.column, cell.value);
          entry.hlcs.add(hlc);
        }
      }
    }
    const records = new Map<string, PageRecord>();
    for (const [id, { values, hlcs }] of byRow) {
      const stored = storedVersions('authority_records', id);
      if (RECORD_COLUMNS.every((column) => stored.has(column))) continue;
      const storedRow = stored.size > 0 ? (recordRow.get(id) as Record<string, SqlValue> | undefined) : undefined;
      const record = recordFrom(id, (column) => (values.has(column) ? values.get(column) : stored.has(column) ? storedRow?.[column] : undefined));
      if (record) records.set(id, { record, hlcs });
    }
    return records;
  }

  /**
   * Checks every transaction of a page in page order; a transaction is accepted or refused as a whole. `written`
   * tells the permission table whether a cell is a change rather than an insert: the cell holds a version from another
   * transaction, or (for a column this computer never got) its row does — as the write path sees an update.
   */
  function checkTransactions(
    transactions: PageTransactions,
    seals: PageSeals | undefined,
    authority: Authority,
    forced: ReadonlyMap<string, Refusal>,
    storedVersions: (table: string, row: string) => ColumnVersions,
    cooperationId: string,
  ): Map<string, Refusal> {
    const refused = new Map<string, Refusal>();
    const enforced = authority.rootPublicKey !== null;
    const context: CheckContext = {
      cooperationId,
      authority,
      enforced,
      legacyCutoff: authority.since,
      devicePublicKey: (clockId) => seals?.deviceKeys?.[clockId] ?? (clockId === store.clock.deviceId ? ownKey() : null),
      digest: (cell) => cellDigest(cell).toString('base64url'),
      verify: verifyBytes,
    };
    /** Versions of cells accepted earlier in this page: column → its HLC, or '*' when two transactions wrote it. */
    const pageVersions = new Map<string, Map<string, string>>();
    /** The cell holds a value from another transaction (here or earlier in this page): a write-once cell is then refused. */
    const written = (cell: IncomingChange): boolean => {
      const inStore = storedVersions(cell.table, cell.row).get(cell.column);
      const inPage = pageVersions.get(rowKeyOf(cell.table, cell.row))?.get(cell.column);
      return (inStore !== undefined && inStore !== cell.hlc) || (inPage !== undefined && inPage !== cell.hlc);
    };
    /**
     * The row was written by another transaction, so this one changes it: an erasure or a password change may reach a
     * computer that never got the column's older value (the service keeps one entry per cell).
     */
    const rowExists = (cell: IncomingChange): boolean => {
      // Only an earlier transaction makes this one a change: a later erasure that arrived first does not.
      for (const hlc of storedVersions(cell.table, cell.row).values()) if (hlc < cell.hlc) return true;
      const page = pageVersions.get(rowKeyOf(cell.table, cell.row));
      if (page) for (const hlc of page.values()) if (hlc < cell.hlc) return true; // '*' (two writers) sorts first: counted as earlier
      return false;
    };
    for (const [hlc, cells] of transactions) {
      let failure = forced.get(hlc) ?? null;
      if (!failure && enforced) {
        const seal = seals?.transactions?.[hlc];
        failure = checkSignedTransaction(
          {
            hlc,
            author: seal?.author ?? 'legacy',
            signature: seal?.signature ?? null,
            digests: seal?.digests ?? null,
            cells: cells.map((cell) => ({
              table: cell.table,
              row: cell.row,
              column: cell.column,
              value: cell.value,
              i: cell.i ?? null,
              blind: cell.blind ?? null,
              alreadyWritten: written(cell),
              rowExists: rowExists(cell),
            })),
          },
          context,
        );
      }
      if (failure) {
        refused.set(hlc, failure);
        continue;
      }
      for (const cell of cells) {
        const key = rowKeyOf(cell.table, cell.row);
        let page = pageVersions.get(key);
        if (!page) pageVersions.set(key, (page = new Map()));
        const seen = page.get(cell.column);
        page.set(cell.column, seen === undefined || seen === hlc ? hlc : '*');
      }
    }
    return refused;
  }

  /** The cooperation id signatures cover once this page is merged: the store's, or the page's cooperation row (a computer's first pull). */
  function cooperationIdWith(transactions: PageTransactions): string {
    let id = trust.cooperationId();
    for (const cells of transactions.values()) {
      for (const cell of cells) if (cell.table === 'cooperation' && (id === '' || cell.row < id)) id = cell.row;
    }
    return id;
  }

  /**
   * Pass 1 and 2 of a page: the page's authority records are replayed with the store's (records that do not count
   * refuse the transactions carrying them), then every transaction is checked against that chain. A transaction
   * carrying a record that counted but failing its own check takes its record out, and the page is decided again.
   */
  function decide(
    transactions: PageTransactions,
    seals: PageSeals | undefined,
    hasRecords: boolean,
    storedVersions: (table: string, row: string) => ColumnVersions,
  ): { authority: Authority; refused: Map<string, Refusal> } {
    const cooperationId = cooperationIdWith(transactions);
    const pageRecords = hasRecords ? assembleRecords(transactions, storedVersions) : new Map<string, PageRecord>();
    if (pageRecords.size === 0) {
      const authority = trust.authority();
      return { authority, refused: checkTransactions(transactions, seals, authority, new Map(), storedVersions, cooperationId) };
    }
    const storeRecords = readAuthorityRecords(db).filter((record) => !pageRecords.has(record.id));
    const excluded = new Set<string>();
    const forced = new Map<string, Refusal>();
    for (;;) {
      const counted = [...pageRecords.values()].filter(({ record }) => !excluded.has(record.id)).map(({ record }) => record);
      const authority = evaluateAuthority([...storeRecords, ...counted], { cooperationId, pinnedRoot: trust.pinnedRoot(), verify: verifyBytes });
      for (const { record, reason } of authority.rejected) {
        const page = pageRecords.get(record.id);
        if (!page || excluded.has(record.id)) continue;
        excluded.add(record.id);
        for (const hlc of page.hlcs) if (!forced.has(hlc)) forced.set(hlc, { refusal: reason, detail: `authority record ${record.id} (${record.kind}) does not count: ${reason}` });
      }
      const refused = checkTransactions(transactions, seals, authority, forced, storedVersions, cooperationId);
      const failed = [...pageRecords.values()].filter(({ record, hlcs }) => !excluded.has(record.id) && [...hlcs].some((hlc) => refused.has(hlc)));
      if (failed.length === 0) return { authority, refused };
      for (const { record, hlcs } of failed) {
        excluded.add(record.id);
        for (const hlc of hlcs) if (refused.has(hlc) && !forced.has(hlc)) forced.set(hlc, refused.get(hlc)!);
      }
    }
  }

  /** Applies a page of changes: grouped into transactions, checked (unless `checked` is false: kept changes), set aside or merged. */
  function applyChanges(changes: readonly IncomingChange[], seals: PageSeals | undefined, checked: boolean): MergeResult {
    const result = emptyResult();
    if (changes.length === 0) return result;
    let newest = changes[0]!.hlc;
    for (const change of changes) if (change.hlc > newest) newest = change.hlc;
    store.clock.receive(parseHlc(newest));
    settleRecords(result);

    const transactions: PageTransactions = new Map();
    let hasRecords = false;
    for (const change of changes) {
      if (!isKnownColumn(change.table, change.column)) {
        keep(change, result);
        continue;
      }
      if (change.table === 'authority_records') hasRecords = true;
      const cells = transactions.get(change.hlc);
      if (cells) cells.push(change);
      else transactions.set(change.hlc, [change]);
    }

    /** Each row's versions, read once per page: for the checks and for the write. */
    const stored = new Map<string, ColumnVersions>();
    const storedVersions = (table: string, row: string): ColumnVersions => {
      const key = rowKeyOf(table, row);
      let versions = stored.get(key);
      if (!versions) stored.set(key, (versions = rowVersions.get(table, row)));
      return versions;
    };

    const decided = checked ? decide(transactions, seals, hasRecords, storedVersions) : null;
    const enforced = decided ? decided.authority.rootPublicKey !== null : trust.enforced();
    const refused = decided?.refused ?? new Map<string, Refusal>();

    const rows = new Map<string, IncomingRow>();
    let recordsWritten = false;
    const receivedAt = nowIso();
    for (const [hlc, cells] of transactions) {
      const failure = refused.get(hlc);
      if (failure) {
        setAside.add(hlc, seals?.transactions?.[hlc]?.author ?? 'legacy', failure.refusal, rejectedCells(cells), receivedAt);
        result.rejected += 1;
        continue;
      }
      for (const change of cells) {
        if (change.table === 'authority_records') recordsWritten = true;
        const key = rowKeyOf(change.table, change.row);
        let incoming = rows.get(key);
        if (!incoming) rows.set(key, (incoming = { table: change.table, row: change.row, cells: new Map() }));
        const seen = incoming.cells.get(change.column);
        if (!seen || wins(change.table, change.column, change.hlc, seen.hlc, enforced)) incoming.cells.set(change.column, { value: change.value, hlc: change.hlc });
      }
    }
    for (const incoming of rows.values()) writeRow(incoming, storedVersions(incoming.table, incoming.row), result, enforced);
    if (recordsWritten) {
      trust.forget();
      // Pins the root when this is the first this computer sees.
      trust.authority();
    }
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

  const snapshotRecordCells = (record: AuthorityRecord, row: SnapshotRow): RejectedCell[] =>
    Object.entries(row.values).map(([column, value]) => ({ table: 'authority_records', row: record.id, column, value }));

  /**
   * A snapshot page's authority records (new to this computer): replayed with the store's, and the ones that do not
   * count are set aside and not written. Returns the ids to skip. Before the cooperation is known (its row comes after
   * authority_records in the snapshot's order) the records are written and checked when the download ends.
   */
  function checkSnapshotRecords(snapshotRows: readonly SnapshotRow[], known: ReadonlySet<string>, result: MergeResult): Set<string> {
    const skip = new Set<string>();
    const fresh = snapshotRows.filter(({ table, row }) => table === 'authority_records' && !known.has(rowKeyOf(table, row)));
    if (fresh.length === 0) return skip;
    const cooperationId = trust.cooperationId();
    if (cooperationId === '') {
      const waiting = new Set<string>(JSON.parse(getMeta(db, UNCHECKED_RECORDS_META) ?? '[]') as string[]);
      for (const { row } of fresh) waiting.add(row);
      setMeta(db, UNCHECKED_RECORDS_META, JSON.stringify([...waiting]));
      return skip;
    }
    const pageRecords = new Map<string, { record: AuthorityRecord; row: SnapshotRow }>();
    for (const row of fresh) {
      const record = recordFrom(row.row, (column) => (Object.hasOwn(row.values, column) ? row.values[column] : undefined));
      if (record) pageRecords.set(record.id, { record, row });
    }
    const storeRecords = readAuthorityRecords(db).filter((record) => !pageRecords.has(record.id));
    const authority = evaluateAuthority([...storeRecords, ...[...pageRecords.values()].map(({ record }) => record)], {
      cooperationId,
      pinnedRoot: trust.pinnedRoot(),
      verify: verifyBytes,
    });
    const receivedAt = nowIso();
    for (const { record, reason } of authority.rejected) {
      const page = pageRecords.get(record.id);
      if (!page || skip.has(record.id)) continue;
      skip.add(record.id);
      setAside.add(page.row.hlc, `user:${record.signerId}`, reason, snapshotRecordCells(record, page.row), receivedAt);
      result.rejected += 1;
    }
    return skip;
  }

  /**
   * Snapshot rows: rows this device has versions for merge cell by cell like pulled changes; rows new to
   * it (nearly all of a first download) go straight from the page into one cached upsert per table and
   * column list, with no object per cell. The upsert fills a row created empty as a reference.
   */
  function applySnapshotRows(snapshotRows: readonly SnapshotRow[]): MergeResult {
    const result = emptyResult();
    let newest: string | null = null;
    for (const { hlc, hlcs } of snapshotRows) {
      if (newest === null || hlc > newest) newest = hlc;
      if (hlcs) for (const column in hlcs) if (hlcs[column]! > newest) newest = hlcs[column]!;
    }
    if (newest === null) return result;
    store.clock.receive(parseHlc(newest));
    const known = knownRows(snapshotRows);
    const skipRecords = checkSnapshotRecords(snapshotRows, known, result);
    const enforced = trust.enforced();
    let recordsWritten = false;
    for (const snapshotRow of snapshotRows) {
      const { table, row, values, hlcs } = snapshotRow;
      if (table === 'authority_records') {
        if (skipRecords.has(row)) continue;
        recordsWritten = true;
      }
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
        writeRow({ table, row, cells }, rowVersions.get(table, row), result, enforced);
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
    if (recordsWritten) trust.forget();
    return result;
  }

  const dropRecord = statement(db, 'DELETE FROM authority_records WHERE id = ?');
  const dropRecordVersions = statement(db, "DELETE FROM row_versions WHERE table_name = 'authority_records' AND row_id = ?");
  /** Checks the snapshot's authority records written before the cooperation was known; those that do not count are taken out and set aside. */
  function settleRecords(result: MergeResult) {
    const waiting = getMeta(db, UNCHECKED_RECORDS_META);
    if (waiting === null || trust.cooperationId() === '') return;
    const ids = new Set(JSON.parse(waiting) as string[]);
    const authority = evaluateAuthority(readAuthorityRecords(db), { cooperationId: trust.cooperationId(), pinnedRoot: trust.pinnedRoot(), verify: verifyBytes });
    const receivedAt = nowIso();
    for (const { record, reason } of authority.rejected) {
      if (!ids.has(record.id)) continue;
      ids.delete(record.id);
      const versions = rowVersions.get('authority_records', record.id);
      const hlc = [...versions.values()].sort()[0] ?? record.at;
      const values = recordRow.get(record.id) as Record<string, SqlValue> | undefined;
      const cells = Object.entries(values ?? {})
        .filter(([column]) => column !== 'id')
        .map(([column, value]) => ({ table: 'authority_records', row: record.id, column, value }));
      setAside.add(hlc, `user:${record.signerId}`, reason, cells, receivedAt);
      dropRecord.run(record.id);
      dropRecordVersions.run(record.id);
      result.rejected += 1;
      result.areas.add('users');
    }
    setMeta(db, UNCHECKED_RECORDS_META, null);
    trust.forget();
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
        trust.forget();
        throw error;
      }
    };
  }

  const listPending = statement(db, 'SELECT table_name, row_id, column_name, hlc, value_json FROM sync_pending');
  const dropPending = statement(db, 'DELETE FROM sync_pending WHERE table_name = ? AND row_id = ? AND column_name = ?');
  /**
   * Kept changes are applied as they were kept: sync_pending holds no seals (they came through the service, which
   * checks every push against its own permission table). See docs/trust.md.
   */
  const applyPending = transaction((): MergeResult => {
    const known: WireChange[] = [];
    for (const row of listPending.all() as { table_name: string; row_id: string; column_name: string; hlc: string; value_json: string }[]) {
      if (!isKnownColumn(row.table_name, row.column_name)) continue;
      known.push({ table: row.table_name, row: row.row_id, column: row.column_name, hlc: row.hlc, value: JSON.parse(row.value_json) as SqlValue });
      dropPending.run(row.table_name, row.row_id, row.column_name);
    }
    return applyChanges(known, undefined, false);
  });

  return {
    apply: transaction((changes: readonly IncomingChange[], seals?: PageSeals) => applyChanges(changes, seals, true)),
    applyRows: transaction(applySnapshotRows),
    settleSnapshotAuthority: transaction(() => {
      const result = emptyResult();
      settleRecords(result);
      return result;
    }),
    applyPending: () => applyPending(),
    applyOwn: transaction((changes: readonly WireChange[]) => applyChanges(changes, undefined, false)),
  };
}
