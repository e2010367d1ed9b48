// What an admin reviews about trust on this computer: the pinned root's fingerprint, changes set aside by the merge, refused authority records and accounts still without a key.
import type Database from 'better-sqlite3';
import { formatFingerprint } from '../../domain/trust/authority';
import { keyFingerprintText } from '../../db/signing';
import type { LocalStore } from '../../db/open';
import { statement } from '../../db/statements';
import { getUser } from '../../db/users';

export interface RootFingerprint {
  /** "A3F9-07KC-…" of the pinned root key; null before the cooperation has one (a store from before signing). */
  fingerprint: string | null;
  /** The root admin's name as this computer knows it. */
  rootName: string | null;
}

export interface SetAsideChange {
  id: number;
  receivedAt: string;
  /** The author's name when known here, else the raw author reference. */
  author: string;
  reason: string;
  tables: string[];
  cells: number;
}

export interface TrustReview extends RootFingerprint {
  setAside: SetAsideChange[];
  setAsideCount: number;
  /** Authority records that did not count (a forged or out-of-chain record lands here). */
  refusedRecords: number;
  accountsWithoutKey: { userId: string; name: string }[];
}

const nameOf = (db: Database.Database, userId: string) => {
  const user = getUser(db, userId);
  return user ? user.staffName || user.username : null;
};

export function rootFingerprint(store: LocalStore): RootFingerprint {
  const root = store.trust.pinnedRoot();
  const authority = store.trust.authority();
  return {
    fingerprint: root ? formatFingerprint(keyFingerprintText(root)) : null,
    rootName: authority.rootUserId ? nameOf(store.db, authority.rootUserId) : null,
  };
}

interface RejectedRow {
  id: number;
  received_at: string;
  author: string;
  reason: string;
  cells_json: string;
}

/** The newest `limit` changes set aside, with who made them as far as this computer knows. */
export function trustReview(store: LocalStore, limit = 50): TrustReview {
  const { db } = store;
  const rows = statement(db, 'SELECT id, received_at, author, reason, cells_json FROM sync_rejected ORDER BY received_at DESC, id DESC LIMIT ?').all(limit) as RejectedRow[];
  const setAside = rows.map((row): SetAsideChange => {
    const cells = JSON.parse(row.cells_json) as { table?: string }[];
    const userId = row.author.startsWith('user:') ? row.author.slice(5) : null;
    return {
      id: row.id,
      receivedAt: row.received_at,
      author: (userId && nameOf(db, userId)) ?? row.author,
      reason: row.reason,
      tables: [...new Set(cells.map((cell) => cell.table ?? '?'))],
      cells: cells.length,
    };
  });
  const authority = store.trust.authority();
  return {
    ...rootFingerprint(store),
    setAside,
    setAsideCount: statement(db, 'SELECT count(*) FROM sync_rejected', 'pluck').get() as number,
    refusedRecords: authority.rejected.length,
    accountsWithoutKey: authority.accountsWithoutKey().map((userId) => ({ userId, name: nameOf(db, userId) ?? userId })),
  };
}
