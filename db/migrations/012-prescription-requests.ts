// Schema version 12: prepared prescriptions, a nurse's request for the responsible doctor's signature and the doctor's answer, both append-only.
import type { Migration } from './types';

export const migration012: Migration = {
  version: 12,
  description: 'prescription_requests and prescription_answers (prepared prescriptions for the doctor to sign)',
  sql: `
    -- Append-only: written with the consultation entry. It points at the entry and never copies the patient; the
    -- responsible doctor (staff id, null when nobody was on duty) is fixed when the entry is saved.
    CREATE TABLE prescription_requests (
      id TEXT PRIMARY KEY,
      consultation_id TEXT NOT NULL DEFAULT '',
      office_id TEXT NOT NULL DEFAULT '',
      nurse_id TEXT NOT NULL DEFAULT '',
      responsible_kind TEXT NOT NULL DEFAULT 'none',
      doctor_id TEXT,
      requested_by TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX prescription_requests_doctor ON prescription_requests (doctor_id);
    CREATE INDEX prescription_requests_nurse ON prescription_requests (nurse_id);

    -- Append-only: the doctor's answer (signed in the record system, or declined with a reason), written by that doctor.
    CREATE TABLE prescription_answers (
      id TEXT PRIMARY KEY,
      request_id TEXT NOT NULL DEFAULT '',
      answer TEXT NOT NULL DEFAULT 'signed',
      reason TEXT,
      by_user_id TEXT NOT NULL DEFAULT '',
      by_staff_id TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX prescription_answers_request ON prescription_answers (request_id);
  `,
};
