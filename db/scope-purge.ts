// Removing synced data from this computer for good: patient data of offices it no longer serves (scope shrunk), and everything synced before a re-download (repair), with the freed bytes overwritten.
import type Database from 'better-sqlite3';
import { SYNCED_TABLES } from './sync-tables';

/** Per table, how many rows were removed. */
export type PurgeCounts = Record<string, number>;

export interface ScopePurge {
  removed: PurgeCounts;
  /**
   * Audit events naming a patient, written by another computer and not about an entry held here: the service files
   * them under the office of the computer that wrote them, which this computer cannot know, so they were removed in
   * doubt (least data). The caller downloads again to get back those that are still in scope.
   */
  inDoubt: number;
}

/** Patient-scoped tables in the order their rows are chosen (a table's rows follow the rows chosen before it). */
const PATIENT_TABLES = ['consultations', 'consultation_amendments', 'prescription_requests', 'prescription_answers', 'audit_events'] as const;

/**
 * Turns on SQLite's secure delete for this connection (deleted content is overwritten with zeros, in the table's pages
 * and in pages that become free), so a later backup or a copy of the file does not hold what was removed.
 */
export function useSecureDelete(db: Database.Database): void {
  db.pragma('secure_delete = ON');
}

/** Moves everything from the WAL into the file and empties the WAL, so the old versions of the pages are gone from it too. */
export function flushWal(db: Database.Database): void {
  if (!db.inTransaction) db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * Removes, in the caller's transaction, the rows of patient-scoped tables that belong to offices not in `offices`:
 * entries of those offices, their amendments, prescription requests and answers, the audit events naming a patient
 * about them, and their row versions, consultation_index rows and kept unknown cells. Rows with cells still waiting in
 * the outbox are kept (this computer's own unpushed work is never lost). `ownClockId` tells which audit events this
 * computer wrote.
 */
export function purgeOutOfScope(db: Database.Database, offices: readonly string[], ownClockId: string): ScopePurge {
  useSecureDelete(db);
  db.exec('CREATE TEMP TABLE IF NOT EXISTS purge_rows (table_name TEXT NOT NULL, row_id TEXT NOT NULL, PRIMARY KEY (table_name, row_id)) WITHOUT ROWID');
  db.exec('DELETE FROM temp.purge_rows');
  const kept = JSON.stringify([...offices]);
  const chosen = (table: string) => `(SELECT row_id FROM temp.purge_rows WHERE table_name = '${table}')`;
  db.prepare(`INSERT INTO temp.purge_rows SELECT 'consultations', id FROM consultations WHERE office_id NOT IN (SELECT value FROM json_each(?))`).run(kept);
  db.exec(`INSERT INTO temp.purge_rows SELECT 'consultation_amendments', id FROM consultation_amendments WHERE consultation_id IN ${chosen('consultations')}`);
  db.prepare(
    `INSERT INTO temp.purge_rows SELECT 'prescription_requests', id FROM prescription_requests
     WHERE office_id NOT IN (SELECT value FROM json_each(?)) OR consultation_id IN ${chosen('consultations')}`,
  ).run(kept);
  db.exec(`INSERT INTO temp.purge_rows SELECT 'prescription_answers', id FROM prescription_answers WHERE request_id IN ${chosen('prescription_requests')}`);
  db.exec(
    `INSERT INTO temp.purge_rows SELECT 'audit_events', id FROM audit_events
     WHERE patient_ref IS NOT NULL AND target_table = 'consultations' AND target_id IN ${chosen('consultations')}`,
  );
  const inDoubt = db
    .prepare(
      `INSERT OR IGNORE INTO temp.purge_rows SELECT 'audit_events', id FROM audit_events
       WHERE patient_ref IS NOT NULL AND device_id IS NOT ? AND (target_table IS NOT 'consultations' OR target_id IS NULL OR target_id NOT IN (SELECT id FROM consultations))`,
    )
    .run(ownClockId).changes;
  // This computer's unpushed work stays (the service refuses it while the office is not served; nothing is lost).
  db.exec("DELETE FROM temp.purge_rows WHERE (table_name, row_id) IN (SELECT table_name, row_id FROM outbox WHERE sent_at IS NULL)");
  const removed: PurgeCounts = {};
  for (const table of PATIENT_TABLES) {
    removed[table] = db.prepare(`DELETE FROM "${table}" WHERE id IN ${chosen(table)}`).run().changes;
  }
  db.exec(`DELETE FROM consultation_index WHERE id IN ${chosen('consultations')}`);
  db.exec('DELETE FROM row_versions WHERE (table_name, row_id) IN (SELECT table_name, row_id FROM temp.purge_rows)');
  db.exec('DELETE FROM sync_pending WHERE (table_name, row_id) IN (SELECT table_name, row_id FROM temp.purge_rows)');
  db.exec('DELETE FROM temp.purge_rows');
  return { removed, inDoubt: Math.min(inDoubt, removed.audit_events ?? 0) };
}

/**
 * Tables a repair keeps: the chain of authority (each record signed on its own, so a changed one is refused by every
 * check, and the download merges over them), which the write path needs to check and sign anything written meanwhile.
 */
const KEPT_BY_REPAIR: readonly string[] = ['authority_records'];

/**
 * Empties every synced table (but the chain of authority), their row versions and the kept unknown cells, in the
 * caller's transaction, before a fresh download (repair). The cooperation row stays as an empty row with its id: every
 * signature names it, so what is written during the download is signed as before. The outbox, local settings and
 * everything local stays. Derived tables (consultation_index and what is counted from synced rows) are rebuilt by the
 * download (db/bulk-load.ts).
 */
export function clearSyncedData(db: Database.Database): PurgeCounts {
  useSecureDelete(db);
  // Rows refer to each other (shifts to staff, staff to offices): checked at commit, when all of them are gone.
  db.pragma('defer_foreign_keys = ON');
  const cooperationIds = db.prepare('SELECT id FROM cooperation').pluck().all() as string[];
  const removed: PurgeCounts = {};
  for (const table of Object.keys(SYNCED_TABLES)) {
    if (KEPT_BY_REPAIR.includes(table)) continue;
    removed[table] = db.prepare(`DELETE FROM "${table}"`).run().changes;
    db.prepare('DELETE FROM row_versions WHERE table_name = ?').run(table);
  }
  const keepId = db.prepare('INSERT INTO cooperation (id) VALUES (?)');
  for (const id of cooperationIds) keepId.run(id);
  db.exec('DELETE FROM consultation_index');
  db.exec('DELETE FROM sync_pending');
  return removed;
}
