// The outbox, and its only owner: the signed transactions this device wrote and the service has yet to acknowledge. The write path adds, the sync engine takes batches and removes what the service stored.
import type Database from 'better-sqlite3';
import type { AuthorRef } from '../domain/trust/canonical';
import { statement } from './statements';
import type { SqlValue } from './sync-tables';

/** One changed cell as it is pushed. `i` is its index in its transaction's digest list (null for a cell from before signing). */
export interface OutboxCell {
  i: number | null;
  table: string;
  row: string;
  column: string;
  value: SqlValue;
  blind: string | null;
}

/** A transaction as the write path signed it; 'legacy' for cells written before this version, which have no signature. */
export interface OutboxTransaction {
  hlc: string;
  author: AuthorRef | 'legacy';
  signature: string | null;
  digests: string[] | null;
  cells: OutboxCell[];
}

export interface OutboxBatch {
  /** In the order they were written; a transaction larger than the batch limit is split, each part with the same seal. */
  transactions: OutboxTransaction[];
  /** local_seq of each cell, to remove them once the service has stored them. */
  localSeqs: number[];
}

/** What the write path adds at commit: a signed transaction with its final cells (the same cell appears once). */
export interface SignedTransaction {
  hlc: string;
  author: AuthorRef;
  signature: string;
  digests: readonly string[];
  cells: readonly { table: string; row: string; column: string; value: SqlValue; blind: string | null }[];
}

export interface Outbox {
  /** Records a signed transaction (inside the write path's database transaction). */
  add(transaction: SignedTransaction): void;
  /** The oldest cells not yet acknowledged, at most `limit`, grouped into their transactions. */
  nextBatch(limit: number): OutboxBatch;
  /**
   * Removes cells the service has stored (after its 200), and the seal of a transaction with no cell left, in one
   * database transaction. A crash before this only means the push is sent again, and the service ignores what it has.
   */
  acknowledge(localSeqs: readonly number[]): void;
  /**
   * Removes up to `limit` rows an earlier version kept after sending them (marked `sent_at`), and their seals; returns
   * how many it removed. The engine calls it in small steps until it returns 0 (docs/performance.md, outbox).
   */
  pruneSent(limit: number): number;
  pendingCount(): number;
  /** Every cell not yet acknowledged, with its transaction's timestamp, oldest first: a repair applies them again after its download. */
  pendingCells(): { hlc: string; table: string; row: string; column: string; value: SqlValue }[];
}

interface OutboxRow {
  local_seq: number;
  hlc: string;
  table_name: string;
  row_id: string;
  column_name: string;
  value_json: string;
  sent_at: string | null;
  cell_index: number | null;
  blind: string | null;
  author: string | null;
  signature: string | null;
  digests: string | null;
}

const toCell = (row: OutboxRow): OutboxCell => ({
  i: row.cell_index,
  table: row.table_name,
  row: row.row_id,
  column: row.column_name,
  value: JSON.parse(row.value_json) as SqlValue,
  blind: row.blind,
});

/** Groups consecutive cells of one transaction (cells of a transaction are written together, so they are adjacent by local_seq). */
function groupTransactions(rows: readonly OutboxRow[]): OutboxTransaction[] {
  const transactions: OutboxTransaction[] = [];
  let last: OutboxTransaction | null = null;
  for (const row of rows) {
    if (!last || last.hlc !== row.hlc) {
      last = {
        hlc: row.hlc,
        author: row.author === null ? 'legacy' : (row.author as AuthorRef),
        signature: row.signature,
        digests: row.digests === null ? null : (JSON.parse(row.digests) as string[]),
        cells: [],
      };
      transactions.push(last);
    }
    last.cells.push(toCell(row));
  }
  return transactions;
}

const SELECT_WITH_SEAL = `SELECT o.local_seq, o.hlc, o.table_name, o.row_id, o.column_name, o.value_json, o.sent_at, o.cell_index, o.blind,
  t.author, t.signature, t.digests FROM outbox o LEFT JOIN outbox_transactions t ON t.hlc = o.hlc`;

export function createOutbox(db: Database.Database): Outbox {
  const insertCell = statement(db, 'INSERT INTO outbox (hlc, table_name, row_id, column_name, value_json, cell_index, blind) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertSeal = statement(db, 'INSERT INTO outbox_transactions (hlc, author, signature, digests) VALUES (?, ?, ?, ?)');
  const selectUnsent = statement(db, `${SELECT_WITH_SEAL} WHERE o.sent_at IS NULL ORDER BY o.local_seq LIMIT ?`);
  const deleteCell = statement(db, 'DELETE FROM outbox WHERE local_seq = ? RETURNING hlc');
  const deleteSealIfEmpty = statement(db, 'DELETE FROM outbox_transactions WHERE hlc = ? AND NOT EXISTS (SELECT 1 FROM outbox WHERE hlc = ?)');
  const dropSeals = (hlcs: Iterable<string>) => {
    for (const hlc of hlcs) deleteSealIfEmpty.run(hlc, hlc);
  };
  const acknowledge = db.transaction((localSeqs: readonly number[]) => {
    const hlcs = new Set<string>();
    for (const seq of localSeqs) {
      const removed = deleteCell.get(seq) as { hlc: string } | undefined;
      if (removed) hlcs.add(removed.hlc);
    }
    dropSeals(hlcs);
  });
  const deleteSent = statement(
    db,
    'DELETE FROM outbox WHERE local_seq IN (SELECT local_seq FROM outbox WHERE sent_at IS NOT NULL ORDER BY local_seq LIMIT ?) RETURNING hlc',
  );
  const pruneSent = db.transaction((limit: number) => {
    const removed = deleteSent.all(limit) as { hlc: string }[];
    dropSeals(new Set(removed.map((row) => row.hlc)));
    return removed.length;
  });
  const countUnsent = statement(db, 'SELECT count(*) FROM outbox WHERE sent_at IS NULL', 'pluck');
  const selectPendingCells = statement(db, 'SELECT hlc, table_name, row_id, column_name, value_json FROM outbox WHERE sent_at IS NULL ORDER BY local_seq');
  return {
    add(transaction) {
      insertSeal.run(transaction.hlc, transaction.author, transaction.signature, JSON.stringify(transaction.digests));
      transaction.cells.forEach((cell, index) =>
        insertCell.run(transaction.hlc, cell.table, cell.row, cell.column, JSON.stringify(cell.value), index, cell.blind),
      );
    },
    nextBatch(limit) {
      const rows = selectUnsent.all(limit) as OutboxRow[];
      return { transactions: groupTransactions(rows), localSeqs: rows.map((row) => row.local_seq) };
    },
    acknowledge: (localSeqs) => acknowledge(localSeqs),
    pruneSent: (limit) => pruneSent(limit),
    pendingCount: () => countUnsent.get() as number,
    pendingCells: () =>
      (selectPendingCells.all() as Pick<OutboxRow, 'hlc' | 'table_name' | 'row_id' | 'column_name' | 'value_json'>[]).map((row) => ({
        hlc: row.hlc,
        table: row.table_name,
        row: row.row_id,
        column: row.column_name,
        value: JSON.parse(row.value_json) as SqlValue,
      })),
  };
}

/** One outbox cell with its transaction's author, flattened: for tests and diagnostics, not for the hot paths. */
export interface ListedOutboxCell extends OutboxCell {
  hlc: string;
  author: AuthorRef | 'legacy';
  localSeq: number;
  sentAt: string | null;
}

/** Every outbox cell in order (what is not yet acknowledged, and rows an earlier version kept after sending). */
export function listOutbox(db: Database.Database): ListedOutboxCell[] {
  const rows = statement(db, `${SELECT_WITH_SEAL} ORDER BY o.local_seq`).all() as OutboxRow[];
  return rows.map((row) => ({ ...toCell(row), hlc: row.hlc, author: row.author === null ? 'legacy' : (row.author as AuthorRef), localSeq: row.local_seq, sentAt: row.sent_at }));
}
