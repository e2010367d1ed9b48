// Schema version 13: log reviews (stikkprøver) of patient accesses and the marks an admin sets on each sampled access.
import type { Migration } from './types';

export const migration013: Migration = {
  version: 13,
  description: 'log reviews (sampled patient accesses) and their marks',
  sql: `
    -- One row per review an admin drew. Append-only. items is a JSON list of {auditEventId, flags}: the sampled
    -- accesses by audit event id (no patient data is copied), with why each was unusual when drawn.
    CREATE TABLE log_reviews (
      id TEXT PRIMARY KEY,
      from_date TEXT NOT NULL DEFAULT '',
      to_date TEXT NOT NULL DEFAULT '',
      sample_size INTEGER NOT NULL DEFAULT 0,
      seed INTEGER NOT NULL DEFAULT 0,
      candidate_count INTEGER NOT NULL DEFAULT 0,
      items TEXT NOT NULL DEFAULT '[]',
      by_user_id TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX log_reviews_at ON log_reviews (at);

    -- Marks on sampled accesses ('ok' or 'followedUp' with a note). Append-only: marking again adds a row, the newest
    -- (by at, then id) counts, and the history stays.
    CREATE TABLE log_review_marks (
      id TEXT PRIMARY KEY,
      review_id TEXT NOT NULL DEFAULT '',
      audit_event_id TEXT NOT NULL DEFAULT '',
      verdict TEXT NOT NULL DEFAULT 'ok',
      note TEXT NOT NULL DEFAULT '',
      by_user_id TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX log_review_marks_review ON log_review_marks (review_id, at);
  `,
};
