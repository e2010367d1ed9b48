// Tests for the per-row version records: column sets, stamping columns, rollbacks, and migrations 007 and 009 converting older records.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations/index';
import { createRowVersionStore, listCellVersions } from './row-versions';
import { createDeviceClock } from './device-clock';
import { createTrustState } from './trust-state';
import { createWriter } from './write-path';

const h1 = '000001767225600000-000000-dev-a';
const h2 = '000001767225600500-000003-dev-b';

function freshDb(migrations = MIGRATIONS): Database.Database {
  const db = new Database(':memory:');
  migrate(db, { backupDir: null, migrations });
  return db;
}

describe('row versions', () => {
  let db: Database.Database;
  afterEach(() => db?.close());

  it('stores a row written at one timestamp as that timestamp and a shared column set', () => {
    db = freshDb();
    const versions = createRowVersionStore(db);
    versions.stamp('offices', 'o1', ['phone', 'name', 'deleted'], h1);
    versions.stamp('offices', 'o2', ['deleted', 'name', 'phone'], h2);
    const stored = db.prepare('SELECT versions FROM row_versions ORDER BY row_id').pluck().all() as string[];
    const setId = db.prepare('SELECT id FROM row_version_column_sets WHERE columns = ?').pluck().get('["deleted","name","phone"]');
    expect(stored).toEqual([`{"${h1}":${setId}}`, `{"${h2}":${setId}}`]);
    expect(db.prepare('SELECT count(*) FROM row_version_column_sets').pluck().get()).toBe(1);
  });

  it('stamps only the given columns and keeps the others', () => {
    db = freshDb();
    const versions = createRowVersionStore(db);
    expect(versions.get('offices', 'o1').size).toBe(0);
    versions.stamp('offices', 'o1', ['name', 'phone', 'deleted'], h1);
    versions.stamp('offices', 'o1', ['phone'], h2);
    expect(versions.get('offices', 'o1')).toEqual(new Map([['deleted', h1], ['name', h1], ['phone', h2]]));
    // A second store (another connection's view, or after a restart) reads the same.
    expect(listCellVersions(db)).toEqual([
      { table: 'offices', row: 'o1', column: 'deleted', hlc: h1 },
      { table: 'offices', row: 'o1', column: 'name', hlc: h1 },
      { table: 'offices', row: 'o1', column: 'phone', hlc: h2 },
    ]);
  });

  it('does not reuse a column set that was created in a transaction that rolled back', () => {
    db = freshDb();
    const writer = createWriter(db, createDeviceClock(db), createTrustState(db));
    expect(() =>
      writer.write((changes) => {
        changes.insert('offices', 'o1', { name: 'Grong', phone: '1' });
        throw new Error('angret');
      }),
    ).toThrow('angret');
    expect(db.prepare('SELECT count(*) FROM row_version_column_sets').pluck().get()).toBe(0);
    writer.write((changes) => changes.insert('offices', 'o2', { name: 'Lierne', phone: '2' }));
    expect(listCellVersions(db).map((cell) => cell.column)).toEqual(['deleted', 'name', 'phone']);
  });

  it('migrations 007 and 009 turn per-cell records into per-row records with column sets', () => {
    db = freshDb(MIGRATIONS.slice(0, 6));
    const insert = db.prepare('INSERT INTO column_versions (table_name, row_id, column_name, hlc) VALUES (?, ?, ?, ?)');
    insert.run('offices', 'o1', 'phone', h2);
    insert.run('offices', 'o1', 'name', h1);
    insert.run('offices', 'o1', 'deleted', h1);
    insert.run('staff', 's1', 'name', h2);
    migrate(db, { backupDir: null, migrations: MIGRATIONS.slice(0, 7) });
    expect(db.prepare('SELECT versions FROM row_versions ORDER BY table_name, row_id').pluck().all()).toEqual([
      `{"${h1}":["deleted","name"],"${h2}":["phone"]}`,
      `{"${h2}":["name"]}`,
    ]);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'column_versions'`).pluck().get()).toBe(0);
    migrate(db, { backupDir: null });
    expect(listCellVersions(db)).toEqual([
      { table: 'offices', row: 'o1', column: 'deleted', hlc: h1 },
      { table: 'offices', row: 'o1', column: 'name', hlc: h1 },
      { table: 'offices', row: 'o1', column: 'phone', hlc: h2 },
      { table: 'staff', row: 's1', column: 'name', hlc: h2 },
    ]);
    expect(db.prepare('SELECT columns FROM row_version_column_sets ORDER BY columns').pluck().all()).toEqual(['["deleted","name"]', '["name"]', '["phone"]']);
  });
});
