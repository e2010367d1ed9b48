// The outbox, and its only owner: what this device wrote and sync has yet to push. The write path adds, the sync engine takes batches and marks them sent.
import type Database from 'better-sqlite3';
import { statement } from './statements';
import type { SqlValue } from './sync-tables';

/** One changed cell as it is pushed (the shape of the protocol's wire change). */
export interface OutboxChange {
  hlc: string;
  table: string;
  row: string;
  column: string;
  value: SqlValue;
}

export interface OutboxBatch {
  changes: OutboxChange[];
  /** local_seq of each change, to mark them sent after the server stored them. */
  localSeqs: number[];
}

export interface Outbox {
  /** Records a changed cell (inside the write path's transaction); the same cell twice in one transaction keeps the last value. */
  add(hlc: string, table: string, row: string, column: string, value: SqlValue): void;
  /** The oldest unsent changes, at most `limit`. */
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
}

const toChange = (row: OutboxRow): OutboxChange => ({
  hlc: row.hlc,
  table: row.table_name,
  row: row.row_id,
  column: row.column_name,
  value: JSON.parse(row.value_json) as SqlValue,
});

export function createOutbox(db: Database.Database): Outbox {
  const insert = statement(
    db,
    `INSERT INTO outbox (hlc, table_name, row_id, column_name, value_json) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (hlc, table_name, row_id, column_name) DO UPDATE SET value_json = excluded.value_json`,
  );
  const selectUnsent = statement(db, 'SELECT local_seq, hlc, table_name, row_id, column_name, value_json FROM outbox WHERE sent_at IS NULL ORDER BY local_seq LIMIT ?');
  const markOne = statement(db, 'UPDATE outbox SET sent_at = ? WHERE local_seq = ?');
  const markAll = db.transaction((localSeqs: readonly number[], at: string) => {
    for (const seq of localSeqs) markOne.run(at, seq);
  });
  const countUnsent = statement(db, 'SELECT count(*) FROM outbox WHERE sent_at IS NULL', 'pluck');
  return {
    add: (hlc, table, row, column, value) => void insert.run(hlc, table, row, column, JSON.stringify(value)),
    nextBatch(limit) {
      const rows = selectUnsent.all(limit) as OutboxRow[];
      return { changes: rows.map(toChange), localSeqs: rows.map((row) => row.local_seq) };
    },
    markSent: (localSeqs, at) => markAll(localSeqs, at),
    resetSent: () => void statement(db, 'UPDATE outbox SET sent_at = NULL').run(),
    pendingCount: () => countUnsent.get() as number,
  };
}

/** Every outbox entry in order, sent or not: for tests and diagnostics, not for the hot paths. */
export function listOutbox(db: Database.Database): (OutboxChange & { localSeq: number; sentAt: string | null })[] {
  const rows = statement(db, 'SELECT * FROM outbox ORDER BY local_seq').all() as OutboxRow[];
  return rows.map((row) => ({ ...toChange(row), localSeq: row.local_seq, sentAt: row.sent_at }));
}
