// Fast first downloads: sets the synced tables' secondary indexes and derived-table triggers aside while a whole cooperation arrives, then rebuilds them once.
import type Database from 'better-sqlite3';
import { getMeta, setMeta } from './local-meta';
import { REBUILD_DAY_COUNTS_FROM_FACTS } from './migrations/015-consultation-facts';
import { SYNCED_TABLES } from './sync-tables';

/**
 * A first download writes 160,000 rows. Keeping nine indexes and the consultation_index triggers up to
 * date row by row cost about as much as everything else together; building each index once from the
 * finished table is a sort and a sequential write. The statements set aside are kept in local_meta in
 * the same transaction that drops them, so a crash mid-download loses nothing: the next open of the
 * store (or the end of the resumed download) puts them back. Unique indexes are never dropped (they
 * are constraints, not speed-ups), and neither is anything of tables that are not synced.
 */
const META_KEY = 'bulkLoad.setAside';

/** Tables filled only by triggers from synced tables: emptied and refilled when the triggers come back. */
const DERIVED_TABLES: Record<string, string> = {
  consultation_index: `
    DELETE FROM consultation_index;
    INSERT INTO consultation_index (id, at, office_id, nurse_id, contact, icpc2_code, outcome, doctor_id, patient_id_number, stale)
      SELECT c.id, c.at, c.office_id, c.nurse_id, c.contact, c.icpc2_code, c.outcome, c.doctor_id, c.patient_id_number,
             EXISTS (SELECT 1 FROM consultation_amendments a WHERE a.consultation_id = c.id)
      FROM consultations c;`,
  // Counted from consultation_facts (migration 015), every office's, whatever entries this computer holds.
  consultation_day_counts: REBUILD_DAY_COUNTS_FROM_FACTS,
};

/** Page cache while bulk loading, in KiB (negative = KiB in SQLite's terms): index builds sort in memory instead of in (encrypted) temporary files. */
const BULK_CACHE_SIZE = -65_536;
/** SQLite's default, restored afterwards. */
const DEFAULT_CACHE_SIZE = -2000;

interface SetAside {
  /** The CREATE INDEX / CREATE TRIGGER statements to run again, with their table. */
  objects: { type: 'index' | 'trigger'; table: string; sql: string }[];
  derived: string[];
}

export function isBulkLoading(db: Database.Database): boolean {
  return getMeta(db, META_KEY) !== null;
}

/** Drops the secondary indexes of synced and derived tables and the triggers that fill derived tables. Does nothing when already bulk loading. */
export function beginBulkLoad(db: Database.Database): void {
  if (isBulkLoading(db)) return;
  const tables = [...Object.keys(SYNCED_TABLES), ...Object.keys(DERIVED_TABLES)];
  const placeholders = tables.map(() => '?').join(', ');
  const objects = db
    .prepare(
      `SELECT type, name, tbl_name AS "table", sql FROM sqlite_master
       WHERE sql IS NOT NULL AND tbl_name IN (${placeholders})
         AND (type = 'trigger' OR (type = 'index' AND sql NOT LIKE 'CREATE UNIQUE%'))
       ORDER BY type = 'trigger', name`,
    )
    .all(...tables) as { type: 'index' | 'trigger'; name: string; table: string; sql: string }[];
  db.transaction(() => {
    for (const object of objects) db.exec(`DROP ${object.type.toUpperCase()} "${object.name}"`);
    const setAside: SetAside = { objects: objects.map(({ type, table, sql }) => ({ type, table, sql })), derived: Object.keys(DERIVED_TABLES) };
    setMeta(db, META_KEY, JSON.stringify(setAside));
  })();
  // Outside WAL mode a new page is written once, to the file, instead of twice (to the WAL, then again
  // by a checkpoint): a first download went from ~10 s to ~8.5 s. A rollback journal with
  // synchronous = FULL is as safe against crashes and power cuts as WAL. The switch needs this to be
  // the only connection; if SQLite refuses it the store stays in WAL, where commits need not wait for
  // the disk (downloaded rows can be fetched again).
  const mode = db.pragma('journal_mode = TRUNCATE', { simple: true }) as string;
  db.pragma(mode === 'truncate' ? 'synchronous = FULL' : 'synchronous = NORMAL');
  db.pragma(`cache_size = ${BULK_CACHE_SIZE}`);
}

/**
 * Rebuilds what beginBulkLoad set aside, in one transaction and in the order that writes each index once:
 * the synced tables' indexes, then the derived tables' rows, then their indexes, then the triggers.
 * Does nothing when not bulk loading (so it is safe to call on every open).
 */
export function endBulkLoad(db: Database.Database): void {
  const text = getMeta(db, META_KEY);
  if (text === null) return;
  db.pragma(`cache_size = ${BULK_CACHE_SIZE}`);
  const setAside = JSON.parse(text) as SetAside;
  db.transaction(() => {
    const isDerived = (table: string) => setAside.derived.includes(table);
    for (const object of setAside.objects) if (object.type === 'index' && !isDerived(object.table)) db.exec(object.sql);
    for (const table of setAside.derived) {
      const rebuild = DERIVED_TABLES[table];
      if (rebuild) db.exec(rebuild);
    }
    for (const object of setAside.objects) if (object.type === 'index' && isDerived(object.table)) db.exec(object.sql);
    for (const object of setAside.objects) if (object.type === 'trigger') db.exec(object.sql);
    setMeta(db, META_KEY, null);
  })();
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma(`cache_size = ${DEFAULT_CACHE_SIZE}`);
}
