// Schema version 4: delegated routines (one row per version) and nurses' authorisations as append-only events.
import type { Migration } from './types';

export const migration004: Migration = {
  version: 4,
  description: 'delegated routines (versions) and authorisation events',
  sql: `
    -- One row per routine version; routine_id is shared by all versions of the same routine.
    CREATE TABLE routines (
      id TEXT PRIMARY KEY,
      routine_id TEXT NOT NULL DEFAULT '',
      version INTEGER NOT NULL DEFAULT 1,
      status TEXT NOT NULL DEFAULT 'draft',
      retired_from TEXT,
      superseded_by_version INTEGER,
      title TEXT NOT NULL DEFAULT '',
      icpc2_codes TEXT NOT NULL DEFAULT '[]',
      indication TEXT NOT NULL DEFAULT '',
      inclusion_criteria TEXT NOT NULL DEFAULT '[]',
      exclusion_criteria TEXT NOT NULL DEFAULT '[]',
      medicine TEXT NOT NULL DEFAULT '{}',
      nurse_may TEXT NOT NULL DEFAULT 'give',
      follow_up_advice TEXT NOT NULL DEFAULT '',
      responsible_doctor_id TEXT REFERENCES staff (id),
      required_competence_type_ids TEXT NOT NULL DEFAULT '[]',
      valid_from TEXT NOT NULL DEFAULT '',
      review_date TEXT NOT NULL DEFAULT '',
      expires_on TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX routines_routine ON routines (routine_id, version);

    -- Append-only: a grant or revocation is never edited or deleted; a newer event corrects an older one.
    CREATE TABLE routine_authorisations (
      id TEXT PRIMARY KEY,
      routine_id TEXT NOT NULL DEFAULT '',
      routine_version INTEGER NOT NULL DEFAULT 1,
      nurse_id TEXT REFERENCES staff (id),
      kind TEXT NOT NULL DEFAULT 'granted',
      by_doctor_id TEXT REFERENCES staff (id),
      effective_date TEXT NOT NULL DEFAULT '',
      reason TEXT,
      at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX routine_authorisations_routine ON routine_authorisations (routine_id, routine_version);
    CREATE INDEX routine_authorisations_nurse ON routine_authorisations (nurse_id);
  `,
};
