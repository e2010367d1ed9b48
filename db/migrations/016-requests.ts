// Schema version 16: staff requests (open shifts, swaps and handovers, leave) as append-only rows plus their responses and decisions; state is derived.
import type { Migration } from './types';

export const migration016: Migration = {
  version: 16,
  description: 'open_shifts, staff_requests, request_responses, request_decisions (docs/requests.md)',
  sql: `
    -- A gap a lead publishes as an open shift (ledig vakt). Append-only: withdrawing it is a decision row.
    CREATE TABLE open_shifts (
      id TEXT PRIMARY KEY,
      office_id TEXT NOT NULL DEFAULT '',
      date TEXT NOT NULL DEFAULT '',
      start_time TEXT NOT NULL DEFAULT '08:00',
      end_time TEXT NOT NULL DEFAULT '15:30',
      kind TEXT NOT NULL DEFAULT 'clinic',
      profession TEXT NOT NULL DEFAULT 'nurse',
      required_competence_type_ids TEXT NOT NULL DEFAULT '[]',
      note TEXT NOT NULL DEFAULT '',
      by_user_id TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX open_shifts_date ON open_shifts (date);

    -- A request a staff member makes: 'swap' (offer a shift to a named colleague, or to everyone eligible when
    -- to_staff_id is null) or 'leave' (ferie, avspasering, kurs, permisjon). shift_ref is a shift id or a pattern
    -- occurrence '<pattern id>@<date>'. Append-only.
    CREATE TABLE staff_requests (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL DEFAULT 'leave',
      staff_id TEXT NOT NULL DEFAULT '',
      office_id TEXT NOT NULL DEFAULT '',
      shift_ref TEXT,
      date TEXT,
      to_staff_id TEXT,
      leave_kind TEXT,
      from_date TEXT,
      to_date TEXT,
      note TEXT NOT NULL DEFAULT '',
      by_user_id TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX staff_requests_staff ON staff_requests (staff_id);

    -- What staff answer on a request: 'ask' (for an open shift), 'accept' (a swap offered), 'withdraw' (their own).
    CREATE TABLE request_responses (
      id TEXT PRIMARY KEY,
      request_id TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL DEFAULT 'ask',
      staff_id TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      by_user_id TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX request_responses_request ON request_responses (request_id);

    -- A lead's decision: 'approve' (staff_id: who gets the shift, or whose leave) or 'decline', with a note.
    -- hlc is the writing transaction's timestamp: when leads decide the same request offline, the read model keeps
    -- one decision by it (docs/requests.md) and tells everyone concerned.
    CREATE TABLE request_decisions (
      id TEXT PRIMARY KEY,
      request_id TEXT NOT NULL DEFAULT '',
      decision TEXT NOT NULL DEFAULT 'approve',
      staff_id TEXT,
      note TEXT NOT NULL DEFAULT '',
      by_user_id TEXT NOT NULL DEFAULT '',
      by_staff_id TEXT,
      hlc TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL DEFAULT '',
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX request_decisions_request ON request_decisions (request_id);
  `,
};
