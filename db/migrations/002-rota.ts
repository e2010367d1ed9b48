// Schema version 2: the rota — shifts, absences, recurring patterns with per-occurrence exceptions, and rota limits.
import type { Migration } from './types';

export const migration002: Migration = {
  version: 2,
  description: 'rota: shifts, absences, recurring patterns, pattern exceptions, rota limits',
  sql: `
    -- One-off shifts (vakter). Occurrences of recurring patterns are not stored here: they are
    -- computed from rota_patterns, so two offline devices never generate duplicate copies.
    CREATE TABLE shifts (
      id TEXT PRIMARY KEY,
      staff_id TEXT REFERENCES staff (id),
      office_id TEXT REFERENCES offices (id),
      date TEXT NOT NULL DEFAULT '',
      start_time TEXT NOT NULL DEFAULT '08:00',
      end_time TEXT NOT NULL DEFAULT '15:30',
      kind TEXT NOT NULL DEFAULT 'clinic',
      note TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX shifts_date ON shifts (date);
    CREATE INDEX shifts_staff_date ON shifts (staff_id, date);

    CREATE TABLE absences (
      id TEXT PRIMARY KEY,
      staff_id TEXT REFERENCES staff (id),
      from_date TEXT NOT NULL DEFAULT '',
      to_date TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL DEFAULT 'holiday',
      note TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX absences_dates ON absences (to_date, from_date);

    CREATE TABLE rota_patterns (
      id TEXT PRIMARY KEY,
      staff_id TEXT REFERENCES staff (id),
      office_id TEXT REFERENCES offices (id),
      kind TEXT NOT NULL DEFAULT 'clinic',
      start_time TEXT NOT NULL DEFAULT '08:00',
      end_time TEXT NOT NULL DEFAULT '15:30',
      weekdays TEXT NOT NULL DEFAULT '[]',
      interval_weeks INTEGER NOT NULL DEFAULT 1,
      from_date TEXT NOT NULL DEFAULT '',
      to_date TEXT,
      note TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    );

    -- One changed or removed occurrence of a pattern. The id is '<pattern id>@<date>', the same on
    -- every device, so two devices editing the same occurrence offline merge into one row.
    CREATE TABLE rota_pattern_exceptions (
      id TEXT PRIMARY KEY,
      pattern_id TEXT REFERENCES rota_patterns (id),
      date TEXT NOT NULL DEFAULT '',
      replacement TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX rota_pattern_exceptions_pattern ON rota_pattern_exceptions (pattern_id);

    ALTER TABLE cooperation ADD COLUMN rota_limits TEXT NOT NULL DEFAULT '{}';
  `,
};
