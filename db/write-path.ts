// The single write path: applies every change to synced tables, stamps it with the device clock, checks and signs it as one transaction, and records it in the outbox.
import type Database from 'better-sqlite3';
import { checkSignedTransaction } from '../domain/trust/check';
import type { SignedCellToCheck, TrustRefusal } from '../domain/trust/check';
import type { DeviceClock } from './device-clock';
import { createOutbox } from './outbox';
import { createRowVersionStore } from './row-versions';
import { currentSigner, deviceSigner } from './signer';
import type { Signer } from './signer';
import { digestList, newBlind, signTransaction, verifyBytes } from './signing';
import { statement } from './statements';
import { erasableColumns, isAppendOnly, SYNCED_TABLES } from './sync-tables';
import type { RowValues, SqlValue, SyncedTableName } from './sync-tables';
import type { TrustState } from './trust-state';

/** The changes of one transaction. All share one hybrid logical clock timestamp. */
export interface ChangeSet {
  /** The database, for reads that must see this transaction's own writes. */
  readonly db: Database.Database;
  readonly hlc: string;
  insert<T extends SyncedTableName>(table: T, id: string, values: RowValues<T>): void;
  update<T extends SyncedTableName>(table: T, id: string, values: RowValues<T>): void;
  /** Marks the row deleted (a tombstone); rows are never removed, so the deletion syncs. */
  remove(table: SyncedTableName, id: string): void;
  /** For rows with deterministic ids: inserts, or sets the values on the existing row and clears its tombstone. */
  upsert<T extends SyncedTableName>(table: T, id: string, values: RowValues<T>): void;
  /**
   * Overwrites personal data on an append-only row (retention's anonymisation): only the table's
   * erasable columns may be given. Syncs like an update, so every device and the server redact too.
   */
  redact<T extends SyncedTableName>(table: T, id: string, values: RowValues<T>): void;
}

export interface Writer {
  /** Runs fn in one transaction; if fn throws, nothing is written and the error propagates. */
  write<R>(fn: (changes: ChangeSet) => R): R;
}

export class UnknownColumnError extends Error {}

/** Thrown when code tries to change or delete a row of an append-only table (events are never rewritten). */
export class AppendOnlyError extends Error {}

/**
 * Thrown at commit when the transaction's signer may not make it (the permission table, or the signer has no authority
 * now): nothing is written. A handler that reaches this wrote something its caller's role does not allow.
 */
export class TrustRefusedError extends Error {
  constructor(
    readonly refusal: TrustRefusal,
    detail: string,
  ) {
    super(`${refusal}: ${detail}`);
    this.name = 'TrustRefusedError';
  }
}

/** One cell as the transaction leaves it; `existed` tells the permission table whether it is an insert or a change. */
interface PendingCell {
  table: string;
  row: string;
  column: string;
  value: SqlValue;
  blind: string | null;
  existed: boolean;
}

function assertMutable(table: SyncedTableName) {
  if (isAppendOnly(table)) throw new AppendOnlyError(`${table} is append-only: add a new event instead`);
}

export function createWriter(db: Database.Database, clock: DeviceClock, trust: TrustState): Writer {
  const rowVersions = createRowVersionStore(db);
  const outbox = createOutbox(db);
  let ownDevice: Signer | null = null;
  /** The cells of the transaction being written, by table, row and column (a cell written twice keeps its last value). */
  let pending = new Map<string, PendingCell>();

  function checkedColumns(table: SyncedTableName, values: Record<string, SqlValue | undefined>): [string, SqlValue][] {
    const known = SYNCED_TABLES[table].columns as Record<string, string>;
    const entries: [string, SqlValue][] = [];
    for (const [column, value] of Object.entries(values)) {
      if (value === undefined) continue;
      if (!Object.hasOwn(known, column)) throw new UnknownColumnError(`${table}.${column} is not a synced column`);
      entries.push([column, value]);
    }
    return entries;
  }

  function record(hlc: string, table: SyncedTableName, id: string, entries: [string, SqlValue][], existed: boolean) {
    rowVersions.stamp(table, id, entries.map(([column]) => column), hlc);
    const erasable = erasableColumns(table);
    for (const [column, value] of entries) {
      const key = `${table}\u0000${id}\u0000${column}`;
      const earlier = pending.get(key);
      if (earlier) earlier.value = value;
      else pending.set(key, { table, row: id, column, value, blind: erasable.includes(column) ? newBlind() : null, existed });
    }
  }

  /** Signs the transaction's cells once, checks them as every other computer will, and adds them to the outbox. */
  function seal(hlc: string) {
    const cells = [...pending.values()];
    if (cells.length === 0) return;
    const signer = currentSigner() ?? (ownDevice ??= deviceSigner(db, clock.deviceId));
    const digests = digestList(cells);
    const header = { cooperationId: trust.cooperationId(), author: signer.author, hlc };
    const signature = signTransaction(signer.key.privateKey, header, digests);
    if (cells.some((cell) => cell.table === 'authority_records')) trust.forget();
    const failure = checkSignedTransaction(
      {
        hlc,
        author: signer.author,
        signature,
        digests,
        cells: cells.map((cell, i) => ({ ...cell, i, alreadyWritten: cell.existed })),
      },
      {
        cooperationId: header.cooperationId,
        authority: trust.authority(),
        enforced: trust.enforced(),
        legacyCutoff: null,
        devicePublicKey: (clockId) => (clockId === clock.deviceId ? signer.key.publicKey : null),
        // The digests were just made from these cells: the check looks them up by index rather than hashing again.
        digest: (cell) => digests[(cell as SignedCellToCheck).i ?? -1] ?? '',
        verify: verifyBytes,
      },
    );
    if (failure) throw new TrustRefusedError(failure.refusal, failure.detail);
    outbox.add({ hlc, author: signer.author, signature, digests, cells });
  }

  function setColumns(table: SyncedTableName, id: string, entries: [string, SqlValue][]) {
    if (entries.length === 0) return;
    const assignments = entries.map(([column]) => `"${column}" = ?`).join(', ');
    const result = statement(db, `UPDATE "${table}" SET ${assignments} WHERE id = ?`).run(...entries.map(([, v]) => v), id);
    if (result.changes !== 1) throw new Error(`${table} ${id} does not exist`);
  }

  const runInTransaction = db.transaction(<R>(fn: (changes: ChangeSet) => R): R => {
    const hlc = clock.tick();
    const changes: ChangeSet = {
      db,
      hlc,
      insert(table, id, values) {
        const entries = checkedColumns(table, values);
        statement(db, `INSERT INTO "${table}" (id) VALUES (?)`).run(id);
        setColumns(table, id, entries);
        record(hlc, table, id, [...entries, ['deleted', 0]], false);
      },
      update(table, id, values) {
        assertMutable(table);
        const entries = checkedColumns(table, values);
        setColumns(table, id, entries);
        record(hlc, table, id, entries, true);
      },
      remove(table, id) {
        assertMutable(table);
        setColumns(table, id, [['deleted', 1]]);
        record(hlc, table, id, [['deleted', 1]], true);
      },
      redact(table, id, values) {
        const entries = checkedColumns(table, values);
        const allowed = erasableColumns(table);
        const refused = entries.find(([column]) => !allowed.includes(column));
        if (refused) throw new AppendOnlyError(`${table}.${refused[0]} cannot be redacted: only ${allowed.join(', ') || 'no columns'}`);
        setColumns(table, id, entries);
        record(hlc, table, id, entries, true);
      },
      upsert(table, id, values) {
        assertMutable(table);
        const exists = statement(db, `SELECT 1 FROM "${table}" WHERE id = ?`).get(id) !== undefined;
        if (!exists) return changes.insert(table, id, values);
        const entries: [string, SqlValue][] = [...checkedColumns(table, values), ['deleted', 0]];
        setColumns(table, id, entries);
        record(hlc, table, id, entries, true);
      },
    };
    pending = new Map();
    const result = fn(changes);
    seal(hlc);
    return result;
  });

  return {
    write(fn) {
      try {
        return runInTransaction(fn) as ReturnType<typeof fn>;
      } catch (error) {
        // A column set first seen in the rolled-back transaction is gone from the database again, and so are its authority records.
        rowVersions.forgetCache();
        trust.forget();
        throw error;
      } finally {
        pending = new Map();
      }
    },
  };
}

/**
 * The columns whose value differs between two encodings of a row. Writing only these means
 * concurrent edits of different fields on two devices both survive sync.
 */
export function changedColumns<V extends Record<string, SqlValue>>(before: V, next: V): Partial<V> {
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => before[key] !== value)) as Partial<V>;
}
