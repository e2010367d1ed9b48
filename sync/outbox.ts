// Reads this device's outbox for pushing and marks pushed changes as sent.
import type Database from 'better-sqlite3';
import type { SqlValue } from '../db/sync-tables';
import type { WireChange } from './protocol';

export interface OutboxBatch {
  changes: WireChange[];
  /** local_seq of each change, to mark them sent after the server stored them. */
  localSeqs: number[];
}

export interface Outbox {
  /** The oldest unsent changes, at most `limit`. */
  nextBatch(limit: number): OutboxBatch;
  markSent(localSeqs: readonly number[], at: string): void;
  pendingCount(): number;
}

export function createOutbox(db: Database.Database): Outbox {
  const selectUnsent = db.prepare(
    'SELECT local_seq, hlc, table_name, row_id, column_name, value_json FROM outbox WHERE sent_at IS NULL ORDER BY local_seq LIMIT ?',
  );
  const markOne = db.prepare('UPDATE outbox SET sent_at = ? WHERE local_seq = ?');
  const markAll = db.transaction((localSeqs: readonly number[], at: string) => {
    for (const seq of localSeqs) markOne.run(at, seq);
  });
  const countUnsent = db.prepare('SELECT count(*) FROM outbox WHERE sent_at IS NULL').pluck();
  return {
    nextBatch(limit) {
      const rows = selectUnsent.all(limit) as { local_seq: number; hlc: string; table_name: string; row_id: string; column_name: string; value_json: string }[];
      return {
        changes: rows.map((row) => ({ hlc: row.hlc, table: row.table_name, row: row.row_id, column: row.column_name, value: JSON.parse(row.value_json) as SqlValue })),
        localSeqs: rows.map((row) => row.local_seq),
      };
    },
    markSent: (localSeqs, at) => markAll(localSeqs, at),
    pendingCount: () => countUnsent.get() as number,
  };
}
