// Schema version 5: the consultation log (entries and amendments, append-only) and the audit log of access to patient data.
import type { Migration } from './types';

export const migration005: Migration = {
  version: 5,
  description: 'consultation log, amendments, imported ICPC-2 codes, retention setting and audit events',
  sql: `
    -- One row per logged consultation. Append-only: corrections and cancellations are amendments.
    -- Only the erasable columns (identity number, note) are ever changed, by retention (anonymisation).
    CREATE TABLE consultations (
      id TEXT PRIMARY KEY,
      office_id TEXT NOT NULL DEFAULT '',
      nurse_id TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL DEFAULT '',
      patient_kind TEXT NOT NULL DEFAULT 'none',
      patient_id_number TEXT,
      birth_year INTEGER,
      sex TEXT,
      contact TEXT NOT NULL DEFAULT 'inPerson',
      icpc2_code TEXT NOT NULL DEFAULT '',
      routine_id TEXT,
      routine_version INTEGER,
      medicine TEXT,
      outcome TEXT NOT NULL DEFAULT 'resolvedByNurse',
      doctor_id TEXT,
      follow_up_date TEXT,
      note TEXT,
      recorded_by TEXT NOT NULL DEFAULT '',
      recorded_at TEXT NOT NULL DEFAULT '',
      anonymised_at TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX consultations_at ON consultations (at);
    CREATE INDEX consultations_office_at ON consultations (office_id, at);
    CREATE INDEX consultations_nurse_at ON consultations (nurse_id, at);
    CREATE INDEX consultations_identity ON consultations (patient_id_number) WHERE patient_id_number IS NOT NULL;

    -- Corrections ('amended', with the changed fields) and cancellations, never edited or deleted.
    CREATE TABLE consultation_amendments (
      id TEXT PRIMARY KEY,
      consultation_id TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL DEFAULT 'amended',
      changes TEXT NOT NULL DEFAULT '{}',
      reason TEXT NOT NULL DEFAULT '',
      by_user_id TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX consultation_amendments_consultation ON consultation_amendments (consultation_id, at);

    -- Device-local search index of each entry's current values (amendments applied), never synced.
    -- Triggers keep it in step with every write, local or from sync; rows whose amendments changed
    -- are marked stale and recomputed by db/consultations.ts before the next read.
    CREATE TABLE consultation_index (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      office_id TEXT NOT NULL,
      nurse_id TEXT NOT NULL,
      contact TEXT NOT NULL,
      icpc2_code TEXT NOT NULL,
      outcome TEXT NOT NULL,
      doctor_id TEXT,
      patient_id_number TEXT,
      cancelled INTEGER NOT NULL DEFAULT 0,
      stale INTEGER NOT NULL DEFAULT 0
    );
    -- The date indexes carry every filter column and the id, so a filtered list's count and page are read
    -- from the index alone: with 120,000 entries a nurse's year is ~3,500 rows, and reading them from the
    -- table (encrypted pages, a small page cache) took ~30 ms per count; from the index ~3 ms (bench/consultations.ts).
    CREATE INDEX consultation_index_at ON consultation_index (at, office_id, nurse_id, outcome, icpc2_code, cancelled, id);
    CREATE INDEX consultation_index_office_at ON consultation_index (office_id, at, nurse_id, outcome, icpc2_code, cancelled, id);
    CREATE INDEX consultation_index_nurse_at ON consultation_index (nurse_id, at, office_id, outcome, icpc2_code, cancelled, id);
    CREATE INDEX consultation_index_identity ON consultation_index (patient_id_number) WHERE patient_id_number IS NOT NULL;
    CREATE INDEX consultation_index_stale ON consultation_index (id) WHERE stale = 1;

    CREATE TRIGGER consultation_index_on_insert AFTER INSERT ON consultations BEGIN
      INSERT OR REPLACE INTO consultation_index (id, at, office_id, nurse_id, contact, icpc2_code, outcome, doctor_id, patient_id_number, stale)
      VALUES (NEW.id, NEW.at, NEW.office_id, NEW.nurse_id, NEW.contact, NEW.icpc2_code, NEW.outcome, NEW.doctor_id, NEW.patient_id_number,
        EXISTS (SELECT 1 FROM consultation_amendments WHERE consultation_id = NEW.id));
    END;
    CREATE TRIGGER consultation_index_on_update AFTER UPDATE ON consultations BEGIN
      UPDATE consultation_index SET at = NEW.at, office_id = NEW.office_id, nurse_id = NEW.nurse_id, contact = NEW.contact,
        icpc2_code = NEW.icpc2_code, outcome = NEW.outcome, doctor_id = NEW.doctor_id, patient_id_number = NEW.patient_id_number,
        stale = EXISTS (SELECT 1 FROM consultation_amendments WHERE consultation_id = NEW.id)
      WHERE id = NEW.id;
    END;
    CREATE TRIGGER consultation_index_on_amendment_insert AFTER INSERT ON consultation_amendments BEGIN
      UPDATE consultation_index SET stale = 1 WHERE id = NEW.consultation_id;
    END;
    CREATE TRIGGER consultation_index_on_amendment_update AFTER UPDATE ON consultation_amendments BEGIN
      UPDATE consultation_index SET stale = 1 WHERE id = NEW.consultation_id;
    END;

    -- ICPC-2 codes imported from the office's official code file (the built-in starter list is in code).
    -- The id is the code itself, so two devices importing the same file converge on one row per code.
    CREATE TABLE icpc2_codes (
      id TEXT PRIMARY KEY,
      text TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    );

    -- How long identifiable consultation entries are kept before retention anonymises them.
    ALTER TABLE cooperation ADD COLUMN consultation_retention_months INTEGER NOT NULL DEFAULT 24;

    -- Who did what with patient data and security-relevant settings. Append-only.
    -- patient_ref is a one-way reference to an identity number (see domain/audit), so "who has
    -- accessed this patient" can be answered without storing the number in the log.
    CREATE TABLE audit_events (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL DEFAULT '',
      user_id TEXT,
      username TEXT NOT NULL DEFAULT '',
      action TEXT NOT NULL DEFAULT '',
      target_table TEXT,
      target_id TEXT,
      patient_ref TEXT,
      reason TEXT,
      details TEXT NOT NULL DEFAULT '{}',
      device_id TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX audit_events_at ON audit_events (at);
    CREATE INDEX audit_events_target ON audit_events (target_id) WHERE target_id IS NOT NULL;
    CREATE INDEX audit_events_patient ON audit_events (patient_ref) WHERE patient_ref IS NOT NULL;
    CREATE INDEX audit_events_user ON audit_events (user_id, at);
  `,
};
