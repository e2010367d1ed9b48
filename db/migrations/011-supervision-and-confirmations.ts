// Schema version 11: staff get a phone number (how to reach the supervising doctor) and nurses' read-and-understood confirmations of routine versions.
import type { Migration } from './types';

export const migration011: Migration = {
  version: 11,
  description: 'staff.phone; routine_confirmations (a nurse confirms she has read a routine version)',
  sql: `
    ALTER TABLE staff ADD COLUMN phone TEXT;

    -- Append-only: one row per confirmation, written by the nurse herself (user_id is her user, nurse_id her staff row).
    CREATE TABLE routine_confirmations (
      id TEXT PRIMARY KEY,
      routine_id TEXT NOT NULL DEFAULT '',
      routine_version INTEGER NOT NULL DEFAULT 1,
      nurse_id TEXT REFERENCES staff (id),
      user_id TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX routine_confirmations_routine ON routine_confirmations (routine_id, routine_version);
    CREATE INDEX routine_confirmations_nurse ON routine_confirmations (nurse_id);
  `,
};
