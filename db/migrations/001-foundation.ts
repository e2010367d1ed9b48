// Schema version 1: device metadata, sync bookkeeping (column versions, outbox), cooperation, offices, staff, users.
import type { Migration } from './types';

export const migration001: Migration = {
  version: 1,
  description: 'foundation: sync bookkeeping, cooperation, offices, staff, users',
  sql: `
    -- Device-local settings and clock state; never synced.
    CREATE TABLE local_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;

    -- Last-writer-wins bookkeeping: the hybrid logical clock timestamp of each column's current value.
    CREATE TABLE column_versions (
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      column_name TEXT NOT NULL,
      hlc TEXT NOT NULL,
      PRIMARY KEY (table_name, row_id, column_name)
    ) WITHOUT ROWID;

    -- This device's own changes waiting to be pushed to the shared service.
    CREATE TABLE outbox (
      local_seq INTEGER PRIMARY KEY AUTOINCREMENT,
      hlc TEXT NOT NULL,
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      column_name TEXT NOT NULL,
      value_json TEXT NOT NULL,
      sent_at TEXT
    );
    CREATE UNIQUE INDEX outbox_change ON outbox (hlc, table_name, row_id, column_name);
    CREATE INDEX outbox_unsent ON outbox (local_seq) WHERE sent_at IS NULL;

    CREATE TABLE cooperation (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL DEFAULT '',
      example_data INTEGER NOT NULL DEFAULT 0,
      deleted INTEGER NOT NULL DEFAULT 0
    );

    -- Names are unique per cooperation, but that is checked by the backend, not by a UNIQUE index:
    -- two offline devices may create the same name, and sync must still apply both rows.
    CREATE TABLE offices (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL DEFAULT '',
      municipality TEXT NOT NULL DEFAULT '',
      address TEXT,
      phone TEXT,
      opening_hours TEXT NOT NULL DEFAULT '{}',
      driving_minutes TEXT NOT NULL DEFAULT '{}',
      deleted INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE staff (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL DEFAULT '',
      profession TEXT NOT NULL DEFAULT 'other',
      hpr_number TEXT,
      home_municipality TEXT,
      base_office_id TEXT REFERENCES offices (id),
      position_percent INTEGER NOT NULL DEFAULT 100,
      active INTEGER NOT NULL DEFAULT 1,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX staff_base_office ON staff (base_office_id);

    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      staff_id TEXT REFERENCES staff (id),
      username TEXT NOT NULL DEFAULT '',
      password_hash TEXT NOT NULL DEFAULT '',
      roles TEXT NOT NULL DEFAULT '[]',
      active INTEGER NOT NULL DEFAULT 1,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX users_username ON users (username);
    CREATE INDEX users_staff ON users (staff_id);
  `,
};
