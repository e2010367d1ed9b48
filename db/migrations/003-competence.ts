// Schema version 3: the competence register — competence types and staff competence records (renewals keep history).
import type { Migration } from './types';

export const migration003: Migration = {
  version: 3,
  description: 'competence register: competence types and staff competence records',
  sql: `
    CREATE TABLE competence_types (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL DEFAULT '',
      category TEXT NOT NULL DEFAULT 'course',
      renewal_months INTEGER,
      applies_to TEXT NOT NULL DEFAULT '[]',
      required_for TEXT NOT NULL DEFAULT '[]',
      description TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    );

    -- One row each time a person obtained (or renewed) a competence; a renewal is a new row, so history is kept.
    CREATE TABLE staff_competences (
      id TEXT PRIMARY KEY,
      staff_id TEXT REFERENCES staff (id),
      competence_type_id TEXT REFERENCES competence_types (id),
      obtained TEXT NOT NULL DEFAULT '',
      expires_on TEXT,
      evidence_ref TEXT,
      verified_by TEXT REFERENCES staff (id),
      note TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX staff_competences_staff ON staff_competences (staff_id, competence_type_id);
    CREATE INDEX staff_competences_expiry ON staff_competences (expires_on);
  `,
};
