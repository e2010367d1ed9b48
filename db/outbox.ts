// The outbox, and its only owner: the signed transactions this device wrote and sync has yet to push. The write path adds, the sync engine takes batches and marks them sent.
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
  /** local_seq of each cell, to mark them sent after the server stored them. */
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
  /** The oldest unsent cells, at most `limit`, grouped into their transactions. */
  nextBatch(limit: number): OutboxBatch;
  markSent(localSeqs: readonly number[], at: string): void;
  /** Marks every change unsent again: enrolling sends everything this device wrote before, too. */
  resetSent(): void;
  pendingCount(): number;
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
  const markOne = statement(db, 'UPDATE outbox SET sent_at = ? WHERE local_seq = ?');
  const markAll = db.transaction((localSeqs: readonly number[], at: string) => {
    for (const seq of localSeqs) markOne.run(at, seq);
  });
  const countUnsent = statement(db, 'SELECT count(*) FROM outbox WHERE sent_at IS NULL', 'pluck');
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
    markSent: (localSeqs, at) => markAll(localSeqs, at),
    resetSent: () => void statement(db, 'UPDATE outbox SET sent_at = NULL').run(),
    pendingCount: () => countUnsent.get() as number,
  };
}

/** One outbox cell with its transaction's author, flattened: for tests and diagnostics, not for the hot paths. */
export interface ListedOutboxCell extends OutboxCell {
  hlc: string;
  author: AuthorRef | 'legacy';
  localSeq: number;
  sentAt: string | null;
}

/** Every outbox cell in order, sent or not. */
export function listOutbox(db: Database.Database): ListedOutboxCell[] {
  const rows = statement(db, `${SELECT_WITH_SEAL} ORDER BY o.local_seq`).all() as OutboxRow[];
  return rows.map((row) => ({ ...toCell(row), hlc: row.hlc, author: row.author === null ? 'legacy' : (row.author as AuthorRef), localSeq: row.local_seq, sentAt: row.sent_at }));
}
