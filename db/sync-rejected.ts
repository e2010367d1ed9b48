// Pulled transactions the merge set aside (sync_rejected): never applied, kept with their reason for the admins' list in Innstillinger.
import type Database from 'better-sqlite3';
import { statement } from './statements';
import type { SqlValue } from './sync-tables';

/** A cell as it was received, kept so an admin can see what was refused. */
export interface RejectedCell {
  table: string;
  row: string;
  column: string;
  value: SqlValue;
  i?: number | null;
  blind?: string | null;
}

export interface RejectedTransaction {
  id: number;
  hlc: string;
  author: string;
  reason: string;
  cells: RejectedCell[];
  receivedAt: string;
}

export interface SyncRejected {
  /** Sets a transaction aside; the same transaction refused for the same reason again (a re-read page) is kept once. */
  add(hlc: string, author: string, reason: string, cells: readonly RejectedCell[], receivedAt: string): void;
  /** The newest `limit` set aside, newest first. */
  list(limit: number): RejectedTransaction[];
  count(): number;
}

interface Row {
  id: number;
  hlc: string;
  author: string;
  reason: string;
  cells_json: string;
  received_at: string;
}

export function createSyncRejected(db: Database.Database): SyncRejected {
  const insert = statement(
    db,
    'INSERT INTO sync_rejected (hlc, author, reason, cells_json, received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (hlc, reason) DO NOTHING',
  );
  const select = statement(db, 'SELECT id, hlc, author, reason, cells_json, received_at FROM sync_rejected ORDER BY received_at DESC, id DESC LIMIT ?');
  const countAll = statement(db, 'SELECT count(*) FROM sync_rejected', 'pluck');
  return {
    add(hlc, author, reason, cells, receivedAt) {
      const kept = cells.map(({ table, row, column, value, i, blind }) => ({ table, row, column, value, ...(i != null ? { i } : {}), ...(blind ? { blind } : {}) }));
      insert.run(hlc, author, reason, JSON.stringify(kept), receivedAt);
    },
    list: (limit) =>
      (select.all(limit) as Row[]).map((row) => ({
        id: row.id,
        hlc: row.hlc,
        author: row.author,
        reason: row.reason,
        cells: JSON.parse(row.cells_json) as RejectedCell[],
        receivedAt: row.received_at,
      })),
    count: () => countAll.get() as number,
  };
}
