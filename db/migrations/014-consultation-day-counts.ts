// Schema version 14: consultation_day_counts, a device-local count of entries per day, office and value (outcome, contact, chapter) kept by triggers, for the statistics.
import type { Migration } from './types';

/**
 * The keys one index row counts under: its outcome (with or without a doctor, which "resolved without a doctor" needs),
 * its contact, and its ICPC-2 chapter: the code's first letter upper-cased when it starts with an ASCII letter, else
 * '~' and the whole code (rare; the statistics then read the chapter from the code as before). `R` is NEW or OLD.
 */
export const dayCountKeys = (row: 'NEW' | 'OLD') => [
  `CASE WHEN ${row}.doctor_id IS NULL THEN 'o:' ELSE 'od:' END || ${row}.outcome`,
  `'c:' || ${row}.contact`,
  `'h:' || CASE WHEN ${row}.icpc2_code GLOB '[A-Za-z]*' THEN upper(substr(${row}.icpc2_code, 1, 1)) ELSE '~' || ${row}.icpc2_code END`,
];

const add = (row: 'NEW' | 'OLD') => `
      INSERT INTO consultation_day_counts (day, office_id, key, n)
        VALUES ${dayCountKeys(row).map((key) => `(substr(${row}.at, 1, 10), ${row}.office_id, ${key}, 1)`).join(', ')}
        ON CONFLICT DO UPDATE SET n = n + 1;`;
const subtract = (row: 'NEW' | 'OLD') => `
      UPDATE consultation_day_counts SET n = n - 1
        WHERE day = substr(${row}.at, 1, 10) AND office_id = ${row}.office_id AND key IN (${dayCountKeys(row).join(', ')});`;

/** What bulk-load.ts runs to refill the table from consultation_index (and what this migration fills it with). */
export const REBUILD_DAY_COUNTS = `
    DELETE FROM consultation_day_counts;
    INSERT INTO consultation_day_counts (day, office_id, key, n)
      SELECT day, office_id, key, count(*) FROM (
        ${dayCountKeys('NEW')
          .map((key) => `SELECT substr(NEW.at, 1, 10) AS day, NEW.office_id AS office_id, ${key} AS key FROM consultation_index AS NEW WHERE NEW.cancelled = 0`)
          .join('\n        UNION ALL ')}
      ) GROUP BY day, office_id, key;`;

export const migration014: Migration = {
  version: 14,
  description: 'consultation_day_counts: entries per day, office and outcome/contact/chapter, kept by triggers on consultation_index',
  sql: `
    -- Device-local and derived, never synced (like consultation_index, from which triggers keep it): for every day,
    -- office and key, how many index rows that are not cancelled carry that key. Statistics read a few rows per office
    -- and day instead of every entry, so a year for all offices costs the same however many entries it holds.
    -- Rows that drop to 0 stay (an amendment may fill them again); readers skip them.
    CREATE TABLE consultation_day_counts (
      day TEXT NOT NULL,
      office_id TEXT NOT NULL,
      key TEXT NOT NULL,
      n INTEGER NOT NULL,
      PRIMARY KEY (day, office_id, key)
    ) WITHOUT ROWID;

    -- The index is the one source: its rows change on every insert (local or merged from sync), on a refresh after
    -- amendments or cancellations, and on anonymisation. Marking a row stale changes none of these columns.
    CREATE TRIGGER consultation_day_counts_on_insert AFTER INSERT ON consultation_index WHEN NEW.cancelled = 0 BEGIN${add('NEW')}
    END;
    CREATE TRIGGER consultation_day_counts_on_delete AFTER DELETE ON consultation_index WHEN OLD.cancelled = 0 BEGIN${subtract('OLD')}
    END;
    CREATE TRIGGER consultation_day_counts_on_update_old AFTER UPDATE OF at, office_id, contact, icpc2_code, outcome, doctor_id, cancelled ON consultation_index
      WHEN OLD.cancelled = 0 BEGIN${subtract('OLD')}
    END;
    CREATE TRIGGER consultation_day_counts_on_update_new AFTER UPDATE OF at, office_id, contact, icpc2_code, outcome, doctor_id, cancelled ON consultation_index
      WHEN NEW.cancelled = 0 BEGIN${add('NEW')}
    END;
    ${REBUILD_DAY_COUNTS}
  `,
};
