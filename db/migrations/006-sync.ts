// Schema version 6: sync bookkeeping — changes from newer app versions kept until this device understands them.
import type { Migration } from './types';

export const migration006: Migration = {
  version: 6,
  description: 'sync: pending changes for tables or columns this app version does not know yet',
  sql: `
    -- A change pulled from the shared service for a table or column this version does not know
    -- (sent by a newer app version). Kept here, newest per cell, and applied after an upgrade.
    CREATE TABLE sync_pending (
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      column_name TEXT NOT NULL,
      hlc TEXT NOT NULL,
      value_json TEXT NOT NULL,
      PRIMARY KEY (table_name, row_id, column_name)
    ) WITHOUT ROWID;
  `,
};
