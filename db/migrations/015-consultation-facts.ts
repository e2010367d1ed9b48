// Schema version 15: consultation_facts, a synced de-identified row per consultation entry for cooperation-wide figures; the day counts are kept from it.
import type { Migration } from './types';

/** The day-count keys one facts row counts under (the same keys migration 014 wrote, so the readers are unchanged). `R` is NEW or OLD. */
export const factKeys = (row: 'NEW' | 'OLD') => [`CASE WHEN ${row}.with_doctor = 0 THEN 'o:' ELSE 'od:' END || ${row}.outcome`, `'c:' || ${row}.contact`, `'h:' || ${row}.chapter`];

const counted = (row: 'NEW' | 'OLD') => `${row}.cancelled = 0 AND ${row}.deleted = 0`;
const add = (row: 'NEW' | 'OLD') => `
      INSERT INTO consultation_day_counts (day, office_id, key, n)
        VALUES ${factKeys(row).map((key) => `(${row}.day, ${row}.office_id, ${key}, 1)`).join(', ')}
        ON CONFLICT DO UPDATE SET n = n + 1;`;
const subtract = (row: 'NEW' | 'OLD') => `
      UPDATE consultation_day_counts SET n = n - 1
        WHERE day = ${row}.day AND office_id = ${row}.office_id AND key IN (${factKeys(row).join(', ')});`;

/** What bulk-load.ts runs to refill consultation_day_counts from consultation_facts (and what this migration fills it with). */
export const REBUILD_DAY_COUNTS_FROM_FACTS = `
    DELETE FROM consultation_day_counts;
    INSERT INTO consultation_day_counts (day, office_id, key, n)
      SELECT day, office_id, key, count(*) FROM (
        ${factKeys('NEW')
          .map((key) => `SELECT NEW.day AS day, NEW.office_id AS office_id, ${key} AS key FROM consultation_facts AS NEW WHERE ${counted('NEW')}`)
          .join('\n        UNION ALL ')}
      ) GROUP BY day, office_id, key;`;

export const migration015: Migration = {
  version: 15,
  description: 'consultation_facts: synced de-identified figures per entry; consultation_day_counts kept from them instead of consultation_index',
  sql: `
    -- Synced, mutable (last writer wins per column) and NOT patient-scoped: every computer holds every office's rows,
    -- so cooperation-wide figures are the same on a computer that holds only its own offices' entries. One row per
    -- consultation entry (the same id) with the entry's current values (amendments and cancellation applied), written
    -- by the write path with the entry, its amendments and its cancellation. Nothing in it identifies a patient: no
    -- identity number, birth year, sex, note, nurse, time of day, routine or full ICPC-2 code (docs/decisions.md).
    CREATE TABLE consultation_facts (
      id TEXT PRIMARY KEY,
      office_id TEXT NOT NULL DEFAULT '',
      day TEXT NOT NULL DEFAULT '',
      outcome TEXT NOT NULL DEFAULT '',
      with_doctor INTEGER NOT NULL DEFAULT 0,
      contact TEXT NOT NULL DEFAULT '',
      chapter TEXT NOT NULL DEFAULT '',
      cancelled INTEGER NOT NULL DEFAULT 0,
      deleted INTEGER NOT NULL DEFAULT 0
    );

    -- The day counts now follow the facts, not the device's own index of the entries it holds. A first download broken
    -- off before this upgrade has set the old triggers aside (db/bulk-load.ts) to make again at its end: they are
    -- dropped from that list too, or they would count the index again beside the facts.
    DROP TRIGGER IF EXISTS consultation_day_counts_on_insert;
    DROP TRIGGER IF EXISTS consultation_day_counts_on_delete;
    DROP TRIGGER IF EXISTS consultation_day_counts_on_update_old;
    DROP TRIGGER IF EXISTS consultation_day_counts_on_update_new;
    UPDATE local_meta SET value = json_set(value, '$.objects', (
        SELECT json_group_array(json(o.value)) FROM json_each(local_meta.value, '$.objects') o
        WHERE json_extract(o.value, '$.sql') NOT LIKE '%consultation_day_counts%'))
      WHERE key = 'bulkLoad.setAside';
    CREATE TRIGGER consultation_day_counts_on_insert AFTER INSERT ON consultation_facts WHEN ${counted('NEW')} BEGIN${add('NEW')}
    END;
    CREATE TRIGGER consultation_day_counts_on_delete AFTER DELETE ON consultation_facts WHEN ${counted('OLD')} BEGIN${subtract('OLD')}
    END;
    CREATE TRIGGER consultation_day_counts_on_update_old AFTER UPDATE OF office_id, day, outcome, with_doctor, contact, chapter, cancelled, deleted ON consultation_facts
      WHEN ${counted('OLD')} BEGIN${subtract('OLD')}
    END;
    CREATE TRIGGER consultation_day_counts_on_update_new AFTER UPDATE OF office_id, day, outcome, with_doctor, contact, chapter, cancelled, deleted ON consultation_facts
      WHEN ${counted('NEW')} BEGIN${add('NEW')}
    END;
    ${REBUILD_DAY_COUNTS_FROM_FACTS}
  `,
};
