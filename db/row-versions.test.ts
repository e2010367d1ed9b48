// Tests for the per-row version records: canonical encoding, stamping columns, and migration 007's conversion from per-cell records.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations/index';
import { createRowVersionStore, decodeVersions, encodeVersions, listCellVersions, versionsAt } from './row-versions';

const h1 = '000001767225600000-000000-dev-a';
const h2 = '000001767225600500-000003-dev-b';

describe('row versions', () => {
  let db: Database.Database;
  afterEach(() => db?.close());

  it('encodes canonically: timestamps ascending, columns sorted, whatever the order they were set in', () => {
    const a = encodeVersions(new Map([['phone', h2], ['name', h1], ['deleted', h1]]));
    const b = encodeVersions(new Map([['deleted', h1], ['phone', h2], ['name', h1]]));
    expect(a).toBe(b);
    expect(a).toBe(`{"${h1}":["deleted","name"],"${h2}":["phone"]}`);
    expect(decodeVersions(a)).toEqual(new Map([['deleted', h1], ['name', h1], ['phone', h2]]));
    expect(versionsAt(h1, ['name', 'deleted'])).toBe(`{"${h1}":["deleted","name"]}`);
  });

  it('stamps only the given columns and keeps the others', () => {
    db = new Database(':memory:');
    migrate(db, { backupDir: null });
    const versions = createRowVersionStore(db);
    expect(versions.has('offices', 'o1')).toBe(false);
    expect(versions.get('offices', 'o1').size).toBe(0);
    versions.stamp('offices', 'o1', ['name', 'phone', 'deleted'], h1);
    versions.stamp('offices', 'o1', ['phone'], h2);
    expect(versions.has('offices', 'o1')).toBe(true);
    expect(versions.get('offices', 'o1')).toEqual(new Map([['deleted', h1], ['name', h1], ['phone', h2]]));
    expect(listCellVersions(db)).toEqual([
      { table: 'offices', row: 'o1', column: 'deleted', hlc: h1 },
      { table: 'offices', row: 'o1', column: 'name', hlc: h1 },
      { table: 'offices', row: 'o1', column: 'phone', hlc: h2 },
    ]);
  });

  it('migration 007 turns per-cell records into the same per-row text the code writes', () => {
    db = new Database(':memory:');
    migrate(db, { backupDir: null, migrations: MIGRATIONS.slice(0, 6) });
    const insert = db.prepare('INSERT INTO column_versions (table_name, row_id, column_name, hlc) VALUES (?, ?, ?, ?)');
    insert.run('offices', 'o1', 'phone', h2);
    insert.run('offices', 'o1', 'name', h1);
    insert.run('offices', 'o1', 'deleted', h1);
    insert.run('staff', 's1', 'name', h2);
    migrate(db, { backupDir: null, migrations: MIGRATIONS.slice(0, 7) });
    const rows = db.prepare('SELECT table_name, row_id, versions FROM row_versions ORDER BY table_name, row_id').all();
    expect(rows).toEqual([
      { table_name: 'offices', row_id: 'o1', versions: encodeVersions(new Map([['phone', h2], ['name', h1], ['deleted', h1]])) },
      { table_name: 'staff', row_id: 's1', versions: versionsAt(h2, ['name']) },
    ]);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'column_versions'`).pluck().get()).toBe(0);
  });
});
