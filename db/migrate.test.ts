// Tests for the migration runner and for each schema migration.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers/temp-store';
import { DatabaseTooNewError, migrate, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';
import { DATABASE_FILE_NAME, openLocalStore } from './open';

const dirs: string[] = [];
function freshDir() {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (row) => row.name,
  );
}

describe('migration runner', () => {
  it('brings a new database to the latest version with WAL and foreign keys on', () => {
    const dir = freshDir();
    const store = openLocalStore({ dataDir: dir });
    expect(schemaVersion(store.db)).toBe(LATEST_SCHEMA_VERSION);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.migration).toMatchObject({ from: 0, to: LATEST_SCHEMA_VERSION, backupPath: null });
    store.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const dir = freshDir();
    const file = path.join(dir, DATABASE_FILE_NAME);
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openLocalStore({ dataDir: dir })).toThrow(DatabaseTooNewError);
    expect(() => openLocalStore({ dataDir: dir })).toThrow(/nyere versjon av Samvakt/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('backs up an existing database before migrating it', () => {
    const dir = freshDir();
    const db = new Database(path.join(dir, 'x.sqlite3'));
    const first = { version: 1, description: 'a', sql: 'CREATE TABLE a (id TEXT PRIMARY KEY); INSERT INTO a VALUES (\'kept\');' };
    const second = { version: 2, description: 'b', sql: 'CREATE TABLE b (id TEXT PRIMARY KEY);' };
    migrate(db, { backupDir: path.join(dir, 'backups'), migrations: [first] });
    const result = migrate(db, { backupDir: path.join(dir, 'backups'), migrations: [first, second] });
    expect(result.from).toBe(1);
    expect(result.to).toBe(2);
    expect(result.backupPath).not.toBeNull();
    const backup = new Database(result.backupPath!, { readonly: true });
    expect(schemaVersion(backup)).toBe(1);
    expect(tables(backup)).toEqual(['a']);
    expect(backup.prepare('SELECT id FROM a').pluck().get()).toBe('kept');
    backup.close();
    db.close();
  });

  it('rolls back a failing migration as a whole', () => {
    const dir = freshDir();
    const db = new Database(path.join(dir, 'x.sqlite3'));
    const broken = { version: 1, description: 'broken', sql: 'CREATE TABLE a (id TEXT); CREATE TABLE a (id TEXT);' };
    expect(() => migrate(db, { backupDir: null, migrations: [broken] })).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('numbers migrations 1, 2, 3… without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
  });
});

describe('migration 001 (foundation)', () => {
  it('creates the sync bookkeeping and the foundation tables, each with a tombstone column', () => {
    const db = new Database(':memory:');
    migrate(db, { backupDir: null, migrations: MIGRATIONS.slice(0, 1) });
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['column_versions', 'cooperation', 'local_meta', 'offices', 'outbox', 'staff', 'users']);
    for (const table of ['cooperation', 'offices', 'staff', 'users']) {
      const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      expect(columns).toContain('deleted');
      expect(columns[0]).toBe('id');
    }
    // No UNIQUE index on office names: rows created offline on two devices must both sync.
    const unique = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql LIKE '%UNIQUE%' AND tbl_name = 'offices'").pluck().get();
    expect(unique).toBe(0);
    db.close();
  });
});

describe('migration 002 (rota)', () => {
  it('adds the rota tables on top of version 1 and keeps existing rows', () => {
    const db = new Database(':memory:');
    migrate(db, { backupDir: null, migrations: MIGRATIONS.slice(0, 1) });
    db.prepare("INSERT INTO cooperation (id, name) VALUES ('c1', 'Før')").run();
    migrate(db, { backupDir: null, migrations: MIGRATIONS.slice(0, 2) });
    expect(schemaVersion(db)).toBe(2);
    expect(tables(db)).toEqual(expect.arrayContaining(['shifts', 'absences', 'rota_patterns', 'rota_pattern_exceptions']));
    expect(db.prepare('SELECT name, rota_limits FROM cooperation').get()).toEqual({ name: 'Før', rota_limits: '{}' });
    const shiftColumns = (db.prepare('PRAGMA table_info(shifts)').all() as { name: string }[]).map((c) => c.name);
    expect(shiftColumns).toEqual(['id', 'staff_id', 'office_id', 'date', 'start_time', 'end_time', 'kind', 'note', 'deleted']);
    db.close();
  });
});

describe('migration 003 (competence)', () => {
  it('adds competence types and staff competence records on top of version 2', () => {
    const db = new Database(':memory:');
    migrate(db, { backupDir: null, migrations: MIGRATIONS.slice(0, 2) });
    migrate(db, { backupDir: null, migrations: MIGRATIONS.slice(0, 3) });
    expect(schemaVersion(db)).toBe(3);
    expect(tables(db)).toEqual(expect.arrayContaining(['competence_types', 'staff_competences']));
    const columns = (db.prepare('PRAGMA table_info(staff_competences)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['id', 'staff_id', 'competence_type_id', 'obtained', 'expires_on', 'evidence_ref', 'verified_by', 'note', 'deleted']);
    db.close();
  });
});

describe('migration 004 (routines)', () => {
  it('adds routine versions and append-only authorisation events on top of version 3', () => {
    const db = new Database(':memory:');
    migrate(db, { backupDir: null, migrations: MIGRATIONS.slice(0, 3) });
    migrate(db, { backupDir: null, migrations: MIGRATIONS.slice(0, 4) });
    expect(schemaVersion(db)).toBe(4);
    expect(tables(db)).toEqual(expect.arrayContaining(['routines', 'routine_authorisations']));
    const columns = (db.prepare('PRAGMA table_info(routine_authorisations)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['id', 'routine_id', 'routine_version', 'nurse_id', 'kind', 'by_doctor_id', 'effective_date', 'reason', 'at', 'deleted']);
    db.close();
  });
});

describe('migration 005 (consultations)', () => {
  it('adds the consultation log, ICPC-2 imports, the audit log and the retention setting on top of version 4', () => {
    const db = new Database(':memory:');
    migrate(db, { backupDir: null, migrations: MIGRATIONS.slice(0, 4) });
    db.prepare("INSERT INTO cooperation (id, name) VALUES ('c', 'Indre Namdal')").run();
    migrate(db, { backupDir: null, migrations: MIGRATIONS.slice(0, 5) });
    expect(schemaVersion(db)).toBe(5);
    expect(tables(db)).toEqual(expect.arrayContaining(['consultations', 'consultation_amendments', 'icpc2_codes', 'audit_events']));
    expect(db.prepare("SELECT consultation_retention_months FROM cooperation WHERE id = 'c'").pluck().get()).toBe(24);
    db.close();
  });
});
