// Tests encryption at rest: no name or identity number in the raw file or its WAL, wrong/missing keys, converting an old unencrypted store.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers/temp-store';
import { recordAudit, patientRef } from './audit';
import { databaseFileState, DatabaseKeyError, generateDatabaseKey, parseDatabaseKey } from './encryption';
import { openLocalStore } from './open';
import type { LocalStore } from './open';
import { createStaffMember, listStaff } from './staff';

const STAFF_NAME = 'Gunnhild Testesen-Bråten';
const IDENTITY_NUMBER = '13097248022';

const dirs: string[] = [];
const stores: LocalStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) if (store.db.open) store.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function newDir(): string {
  const dir = tempDir('samvakt-encryption-');
  dirs.push(dir);
  return dir;
}

function open(dataDir: string, key: string | null): LocalStore {
  const store = openLocalStore({ dataDir, key });
  stores.push(store);
  return store;
}

/** Writes a staff member and an audit event whose details hold an identity number, as a consultation's audit would. */
function writeSecrets(store: LocalStore): void {
  store.writer.write((changes) => {
    createStaffMember(changes, { name: STAFF_NAME, profession: 'nurse', hprNumber: null, homeMunicipality: 'Lierne', baseOfficeId: null, positionPercent: 100, active: true });
    recordAudit(changes, store.clock.deviceId, {
      at: new Date().toISOString(),
      userId: null,
      username: 'test',
      action: 'consultation.revealed',
      patientRef: patientRef(IDENTITY_NUMBER),
      details: { identityNumber: IDENTITY_NUMBER },
    });
  });
}

function rawContains(file: string, text: string): boolean {
  const bytes = fs.readFileSync(file);
  return bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le'));
}

describe('encryption at rest', () => {
  it('keeps names and identity numbers out of the database file and its WAL', () => {
    const dataDir = newDir();
    const store = open(dataDir, generateDatabaseKey());
    writeSecrets(store);
    // Still open: the last commits sit in the -wal file, not yet checkpointed into the main file.
    const wal = `${store.file}-wal`;
    expect(fs.statSync(wal).size).toBeGreaterThan(0);
    for (const file of [store.file, wal]) {
      expect(rawContains(file, STAFF_NAME)).toBe(false);
      expect(rawContains(file, IDENTITY_NUMBER)).toBe(false);
      expect(rawContains(file, 'Testesen')).toBe(false);
    }
    expect(databaseFileState(store.file)).toBe('encrypted');
    expect(listStaff(store.db).map((staff) => staff.name)).toContain(STAFF_NAME);
  });

  it('shows the same data on disk in plain text without a key (so the check above can fail)', () => {
    const store = open(newDir(), null);
    writeSecrets(store);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(rawContains(store.file, STAFF_NAME)).toBe(true);
    expect(rawContains(store.file, IDENTITY_NUMBER)).toBe(true);
  });

  it('reopens with the same key, and refuses a wrong or missing key without changing the file', () => {
    const dataDir = newDir();
    const key = generateDatabaseKey();
    const first = open(dataDir, key);
    writeSecrets(first);
    first.close();
    const before = fs.readFileSync(path.join(dataDir, 'samvakt.sqlite3'));

    expect(() => open(dataDir, generateDatabaseKey())).toThrow(DatabaseKeyError);
    expect(() => open(dataDir, null)).toThrow(/kryptert, men Samvakt fikk ingen nøkkel/);
    expect(fs.readFileSync(path.join(dataDir, 'samvakt.sqlite3')).equals(before)).toBe(true);

    const again = open(dataDir, key);
    expect(listStaff(again.db).map((staff) => staff.name)).toContain(STAFF_NAME);
    expect(again.converted).toBe(false);
  });

  it('converts an existing unencrypted store, and the backups beside it, on the first open with a key', () => {
    const dataDir = newDir();
    const old = open(dataDir, null);
    writeSecrets(old);
    // A backup taken before encryption existed (e.g. before a migration), and a WAL that was never checkpointed.
    fs.mkdirSync(old.backupDir, { recursive: true });
    const oldBackup = path.join(old.backupDir, 'samvakt-v5-before-migration-2026-01-01.sqlite3');
    old.db.prepare('VACUUM INTO ?').run(oldBackup);
    expect(rawContains(oldBackup, STAFF_NAME)).toBe(true);
    // Simulate a crash: copy the file and its WAL while the connection is still open.
    const crashedDir = newDir();
    fs.copyFileSync(old.file, path.join(crashedDir, 'samvakt.sqlite3'));
    fs.copyFileSync(`${old.file}-wal`, path.join(crashedDir, 'samvakt.sqlite3-wal'));
    fs.mkdirSync(path.join(crashedDir, 'backups'));
    fs.copyFileSync(oldBackup, path.join(crashedDir, 'backups', path.basename(oldBackup)));
    old.close();

    const key = generateDatabaseKey();
    const store = open(crashedDir, key);
    expect(store.converted).toBe(true);
    expect(listStaff(store.db).map((staff) => staff.name)).toContain(STAFF_NAME);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const convertedBackup = path.join(crashedDir, 'backups', path.basename(oldBackup));
    for (const file of [store.file, convertedBackup]) {
      expect(databaseFileState(file)).toBe('encrypted');
      expect(rawContains(file, STAFF_NAME)).toBe(false);
      expect(rawContains(file, IDENTITY_NUMBER)).toBe(false);
    }
    // The converted backup opens with the same key.
    const backupStore = openLocalStore({ dataDir: newDir(), key });
    stores.push(backupStore);
    backupStore.db.prepare(`ATTACH DATABASE ? AS bak KEY ?`).run(convertedBackup, `x'${key}'`);
    expect(backupStore.db.prepare('SELECT name FROM bak.staff').pluck().all()).toContain(STAFF_NAME);
  });

  it('accepts a key written with upper case or whitespace and refuses malformed keys', () => {
    const key = generateDatabaseKey();
    expect(parseDatabaseKey(` ${key.toUpperCase()}\n`)).toBe(key);
    expect(() => parseDatabaseKey('abc')).toThrow(DatabaseKeyError);
    expect(() => parseDatabaseKey('g'.repeat(64))).toThrow(DatabaseKeyError);
  });
});
