// Schema version 17: draft and published rota weeks per office, and the rota notices (published weeks, changed shifts) with their read marks.
import type { Migration } from './types';

export const migration017: Migration = {
  version: 17,
  description: 'rota publications (draft/published weeks per office), rota notices and their read marks',
  sql: `
    -- What a lead or admin did to an office's published weeks. Append-only. kind 'publish' publishes the weeks
    -- from_week..through_week (Mondays, ISO dates); kind 'draft' makes from_week and later weeks drafts again.
    -- An office with no rows has every week published (existing data counts as published on upgrade). Rows apply in
    -- the order of hlc (the write's clock stamp), so every computer reaches the same state.
    CREATE TABLE rota_publications (
      id TEXT PRIMARY KEY,
      office_id TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL DEFAULT 'publish',
      from_week TEXT NOT NULL DEFAULT '',
      through_week TEXT NOT NULL DEFAULT '',
      by_user_id TEXT NOT NULL DEFAULT '',
      hlc TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX rota_publications_office ON rota_publications (office_id, hlc);

    -- A notice to one staff member: 'rotaPublished' (their weeks were published) or 'shiftChanged' (a published
    -- shift of theirs changed or was removed). Append-only, written in the same transaction as the change. details is
    -- JSON (the weeks, or the shift before and after); no patient data.
    CREATE TABLE rota_notices (
      id TEXT PRIMARY KEY,
      staff_id TEXT NOT NULL DEFAULT '',
      office_id TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL DEFAULT '',
      publication_id TEXT NOT NULL DEFAULT '',
      details TEXT NOT NULL DEFAULT '{}',
      by_user_id TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX rota_notices_staff ON rota_notices (staff_id, at);

    -- A user has read (dismissed) a notice. Append-only, written only by that user; two marks for one notice are harmless.
    CREATE TABLE rota_notice_reads (
      id TEXT PRIMARY KEY,
      notice_id TEXT NOT NULL DEFAULT '',
      user_id TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX rota_notice_reads_user ON rota_notice_reads (user_id, notice_id);
  `,
};
