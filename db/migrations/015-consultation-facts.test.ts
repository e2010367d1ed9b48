// Tests of migration 015: consultation_facts, the day counts moved from the index to the facts, and a first download broken off across the upgrade.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/temp-store';
import { beginBulkLoad, endBulkLoad, isBulkLoading } from '../bulk-load';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const UP_TO_14 = MIGRATIONS.filter((migration) => migration.version <= 14);
const UP_TO_15 = MIGRATIONS.filter((migration) => migration.version <= 15);

function storeAt14(): Database.Database {
  const dir = tempDir();
  dirs.push(dir);
  const db = new Database(path.join(dir, 'test.sqlite3'));
  migrate(db, { backupDir: null, migrations: UP_TO_14 });
  return db;
}

const insertEntry = (db: Database.Database, id: string, day: string) =>
  db
    .prepare("INSERT INTO consultations (id, office_id, nurse_id, at, patient_kind, contact, icpc2_code, outcome) VALUES (?, 'o1', 'n1', ?, 'none', 'phone', 'R74', 'resolvedByNurse')")
    .run(id, `${day}T09:00`);
const insertFacts = (db: Database.Database, id: string, day: string) =>
  db.prepare("INSERT INTO consultation_facts (id, office_id, day, outcome, with_doctor, contact, chapter) VALUES (?, 'o1', ?, 'resolvedByNurse', 0, 'phone', 'R')").run(id, day);
const counts = (db: Database.Database) => db.prepare('SELECT day, office_id, key, n FROM consultation_day_counts WHERE n <> 0 ORDER BY 1, 2, 3').all();
const dayCountTriggers = (db: Database.Database) =>
  db.prepare("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'consultation_day_counts%' ORDER BY name").pluck().all();

describe('migration 015', () => {
  it('counts the days from the facts instead of the index: an entry without facts is not counted, its facts are', () => {
    const db = storeAt14();
    insertEntry(db, 'k1', '2026-03-02');
    expect(counts(db)).toHaveLength(3);
    migrate(db, { backupDir: null, migrations: UP_TO_15 });
    expect(dayCountTriggers(db)).toEqual(['consultation_facts', 'consultation_facts', 'consultation_facts', 'consultation_facts']);
    // Recounted from the facts, of which there are none yet: the backfill job writes them.
    expect(counts(db)).toEqual([]);
    insertEntry(db, 'k2', '2026-03-03');
    expect(counts(db)).toEqual([]);
    insertFacts(db, 'k1', '2026-03-02');
    expect(counts(db)).toEqual([
      { day: '2026-03-02', office_id: 'o1', key: 'c:phone', n: 1 },
      { day: '2026-03-02', office_id: 'o1', key: 'h:R', n: 1 },
      { day: '2026-03-02', office_id: 'o1', key: 'o:resolvedByNurse', n: 1 },
    ]);
    db.prepare("UPDATE consultation_facts SET cancelled = 1 WHERE id = 'k1'").run();
    expect(counts(db)).toEqual([]);
    db.close();
  });

  it('lets a first download broken off before the upgrade finish with the new triggers only', () => {
    const db = storeAt14();
    beginBulkLoad(db);
    expect(dayCountTriggers(db)).toEqual([]);
    migrate(db, { backupDir: null, migrations: UP_TO_15 });
    expect(isBulkLoading(db)).toBe(true);
    insertEntry(db, 'k1', '2026-03-02');
    insertFacts(db, 'k1', '2026-03-02');
    endBulkLoad(db);
    expect(dayCountTriggers(db)).toEqual(['consultation_facts', 'consultation_facts', 'consultation_facts', 'consultation_facts']);
    expect(counts(db)).toHaveLength(3);
    // The triggers set aside on other tables (the index's own) came back.
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'consultations'").pluck().get()).toBeGreaterThan(0);
    db.close();
  });
});
