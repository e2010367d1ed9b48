// Schema version 10: signed changes (docs/trust.md): users' wrapped keys, the authority records, signed outbox transactions and changes set aside.
import type { Migration } from './types';

export const migration010: Migration = {
  version: 10,
  description: 'trust: users.wrapped_key, authority_records, outbox_transactions, sync_rejected',
  sql: `
    ALTER TABLE users ADD COLUMN wrapped_key TEXT;

    -- The chain of authority: each record signed on its own by its signer (domain/trust/authority.ts). Synced, append-only.
    CREATE TABLE authority_records (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL DEFAULT '',
      subject_id TEXT NOT NULL DEFAULT '',
      role TEXT,
      public_key TEXT,
      signer_id TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL DEFAULT '',
      details TEXT,
      signature TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    );

    -- One row per signed transaction in the outbox: who signed it, the signature and the digest of each cell in order.
    -- Outbox cells made before this version have no transaction row: they are pushed as taken over (legacy).
    CREATE TABLE outbox_transactions (
      hlc TEXT PRIMARY KEY,
      author TEXT NOT NULL,
      signature TEXT NOT NULL,
      digests TEXT NOT NULL
    ) WITHOUT ROWID;
    ALTER TABLE outbox ADD COLUMN cell_index INTEGER;
    ALTER TABLE outbox ADD COLUMN blind TEXT;

    -- Pulled changes that failed the checks (signature, authority, permission, write-once): never applied, shown to admins.
    CREATE TABLE sync_rejected (
      id INTEGER PRIMARY KEY,
      hlc TEXT NOT NULL,
      author TEXT NOT NULL,
      reason TEXT NOT NULL,
      cells_json TEXT NOT NULL,
      received_at TEXT NOT NULL,
      UNIQUE (hlc, reason)
    );
  `,
};
