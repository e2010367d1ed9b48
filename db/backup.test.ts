// Tests local backups: encrypted copies, daily once per Oslo day with rotation, and restoring (data back, clock kept, bad files refused).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STANDARD_OPENING_HOURS } from '../domain/offices';
import { openTempStore, tempDir } from '../test/helpers/temp-store';
import { BackupError, backupInProgress, createBackup, DAILY_RETENTION, ensureDailyBackup, listBackups, restoreBackup, takeBackup } from './backup';
import { databaseFileState, generateDatabaseKey } from './encryption';
import { getMeta } from './local-meta';
import { createOffice, listOffices } from './offices';
import { openLocalStore } from './open';
import { listOutbox } from './outbox';

const office = (name: string) => ({ name, municipality: 'Grong', address: null, phone: null, openingHours: STANDARD_OPENING_HOURS, drivingMinutes: {} });

let store: ReturnType<typeof openTempStore>;
beforeEach(() => {
  store = openTempStore();
});
afterEach(() => store.close());

const officeNames = () => listOffices(store.db).map((o) => o.name).sort();

describe('backups', () => {
  it('are encrypted with the store key and listed newest first', () => {
    store.writer.write((changes) => createOffice(changes, office('Røyrvik legekontor')));
    const first = createBackup(store, 'manual', new Date('2026-11-30T10:00:00Z'));
    const second = createBackup(store, 'daily', new Date('2026-11-30T11:00:00Z'));
    expect(listBackups(store.backupDir).map((backup) => [backup.fileName, backup.kind, backup.takenAt])).toEqual([
      [second.fileName, 'daily', '2026-11-30T11:00:00.000Z'],
      [first.fileName, 'manual', '2026-11-30T10:00:00.000Z'],
    ]);
    const file = path.join(store.backupDir, first.fileName);
    expect(databaseFileState(file)).toBe('encrypted');
    expect(fs.readFileSync(file).includes(Buffer.from('Røyrvik'))).toBe(false);
  });

  it('takes the daily backup once per Oslo day; keeps one a day for a week, then the newest of each week for four weeks', async () => {
    // 23:30 UTC on 30 Nov is already 1 Dec in Oslo.
    expect(await ensureDailyBackup(store, new Date('2026-11-30T22:00:00Z'))).not.toBeNull();
    expect(await ensureDailyBackup(store, new Date('2026-11-30T22:59:00Z'))).toBeNull();
    expect(await ensureDailyBackup(store, new Date('2026-11-30T23:30:00Z'))).not.toBeNull();
    createBackup(store, 'manual', new Date('2026-11-01T10:00:00Z'));
    for (let day = 2; day <= 31; day++) await ensureDailyBackup(store, new Date(`2026-12-${String(day).padStart(2, '0')}T09:00:00Z`));
    const backups = listBackups(store.backupDir);
    const daily = backups.filter((backup) => backup.kind === 'daily').map((backup) => backup.takenAt.slice(0, 10));
    expect(daily).toHaveLength(DAILY_RETENTION.days + DAILY_RETENTION.weeks);
    // The last seven days (Fri 25 – Thu 31 Dec), then the newest of ISO weeks 52, 51, 50 and 49 that is older than those.
    expect(daily).toEqual(['2026-12-31', '2026-12-30', '2026-12-29', '2026-12-28', '2026-12-27', '2026-12-26', '2026-12-25', '2026-12-24', '2026-12-20', '2026-12-13', '2026-12-06']);
    // Manual backups are not rotated away by daily ones.
    expect(backups.filter((backup) => backup.kind === 'manual')).toHaveLength(1);
  });

  it('takes a backup in steps as one consistent snapshot while the app goes on writing, with the same schema and rows', async () => {
    for (let i = 0; i < 30; i += 1) store.writer.write((changes) => createOffice(changes, office(`Kontor ${String(i).padStart(2, '0')}`)));
    let steps = 0;
    const backup = await takeBackup(store, 'manual', {
      at: new Date('2026-12-01T10:00:00Z'),
      stepRows: 5,
      onProgress: (run) => {
        steps += 1;
        expect(backupInProgress(store)).toMatchObject({ kind: 'manual', bytesCopied: run.bytesCopied });
        // The app's connection writes between steps; the backup keeps the snapshot it started with.
        if (steps === 3) store.writer.write((changes) => createOffice(changes, office('Skrevet under kopieringen')));
      },
    });
    expect(steps).toBeGreaterThan(10);
    expect(backupInProgress(store)).toBeNull();
    expect(databaseFileState(path.join(store.backupDir, backup.fileName))).toBe('encrypted');
    expect(officeNames()).toContain('Skrevet under kopieringen');
    const schema = (db: typeof store.db, schemaName: string) =>
      db.prepare(`SELECT type, name, tbl_name, sql FROM ${schemaName}.sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%' ORDER BY type, name`).all();
    store.db.prepare('ATTACH DATABASE ? AS copied KEY ?').run(path.join(store.backupDir, backup.fileName), `x'${store.key}'`);
    try {
      expect(store.db.pragma('copied.integrity_check', { simple: true })).toBe('ok');
      expect(schema(store.db, 'copied')).toEqual(schema(store.db, 'main'));
      expect(store.db.pragma('copied.user_version', { simple: true })).toBe(store.db.pragma('main.user_version', { simple: true }));
      const names = store.db.prepare('SELECT name FROM copied.offices ORDER BY name').pluck().all();
      expect(names).toHaveLength(30);
      expect(names).not.toContain('Skrevet under kopieringen');
    } finally {
      store.db.prepare('DETACH DATABASE copied').run();
    }
    // And it restores like any backup.
    restoreBackup(store, backup.fileName);
    expect(officeNames()).toHaveLength(30);
  });

  it('takes one backup at a time, refuses a restore meanwhile, and a backup cut off by a closing store leaves the earlier ones whole', async () => {
    store.writer.write((changes) => createOffice(changes, office('Grong legekontor')));
    const earlier = createBackup(store, 'manual', new Date('2026-11-30T10:00:00Z'));
    const earlierBytes = fs.readFileSync(path.join(store.backupDir, earlier.fileName));
    for (let i = 0; i < 20; i += 1) store.writer.write((changes) => createOffice(changes, office(`Kontor ${i}`)));
    // The store closes a few steps in, as when the app quits mid-backup (after the checks below, which take no step).
    let reports = 0;
    const running = takeBackup(store, 'daily', {
      at: new Date('2026-12-01T02:00:00Z'),
      stepRows: 3,
      onProgress: () => {
        reports += 1;
        if (reports === 5) store.db.close();
      },
    });
    await expect(takeBackup(store, 'manual')).rejects.toMatchObject({ problem: 'busy' });
    expect(() => restoreBackup(store, earlier.fileName)).toThrow(expect.objectContaining({ problem: 'busy' }));
    await expect(running).rejects.toThrow(/closing/);
    expect(fs.readdirSync(store.backupDir).sort()).toEqual([earlier.fileName]);
    expect(fs.readFileSync(path.join(store.backupDir, earlier.fileName)).equals(earlierBytes)).toBe(true);
    store = openTempStore({ dataDir: store.dataDir, key: store.key });
  });

  it('restores the data as it was, keeps the device id and a clock that never goes back, and saves the current state first', () => {
    store.writer.write((changes) => createOffice(changes, office('Grong legekontor')));
    const backup = createBackup(store, 'manual', new Date('2026-11-30T10:00:00Z'));
    store.writer.write((changes) => createOffice(changes, office('Lierne legekontor')));
    const deviceId = getMeta(store.db, 'device.id');
    const clockBefore = getMeta(store.db, 'hlc.state');

    const { safetyBackup } = restoreBackup(store, backup.fileName, new Date('2026-11-30T12:00:00Z'));
    expect(officeNames()).toEqual(['Grong legekontor']);
    expect(getMeta(store.db, 'device.id')).toBe(deviceId);
    expect(getMeta(store.db, 'hlc.state')).toBe(clockBefore);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(safetyBackup.kind).toBe('beforeRestore');
    // Writing after the restore works, and the new change sorts after everything before it.
    const newestHlc = () => listOutbox(store.db).reduce((newest, entry) => (entry.hlc > newest ? entry.hlc : newest), '');
    const lastHlc = newestHlc();
    store.writer.write((changes) => createOffice(changes, office('Namsskogan legekontor')));
    expect(newestHlc() > lastHlc).toBe(true);

    // The safety backup brings the state before the restore back.
    restoreBackup(store, safetyBackup.fileName);
    expect(officeNames()).toEqual(['Grong legekontor', 'Lierne legekontor']);
    expect(fs.readdirSync(store.backupDir).filter((name) => name.endsWith('.restoring'))).toEqual([]);
  });

  it('survives a reopen after restoring', () => {
    store.writer.write((changes) => createOffice(changes, office('Grong legekontor')));
    const backup = createBackup(store, 'manual');
    store.writer.write((changes) => createOffice(changes, office('Lierne legekontor')));
    restoreBackup(store, backup.fileName);
    store.db.close();
    const reopened = openLocalStore({ dataDir: store.dataDir, key: store.key });
    expect(listOffices(reopened.db).map((o) => o.name)).toEqual(['Grong legekontor']);
    reopened.close();
    store = openTempStore({ dataDir: store.dataDir, key: store.key });
  });

  it('refuses names outside the backup folder, damaged files and backups made with another key, changing nothing', () => {
    store.writer.write((changes) => createOffice(changes, office('Grong legekontor')));
    expect(() => restoreBackup(store, '../samvakt.sqlite3')).toThrow(BackupError);
    expect(() => restoreBackup(store, 'samvakt-manual-2026-11-30T10-00-00-000Z.sqlite3')).toThrow(expect.objectContaining({ problem: 'notFound' }));

    fs.mkdirSync(store.backupDir, { recursive: true });
    const damaged = 'samvakt-manual-2026-11-30T10-00-00-000Z.sqlite3';
    fs.writeFileSync(path.join(store.backupDir, damaged), Buffer.alloc(8192, 7));
    expect(() => restoreBackup(store, damaged)).toThrow(expect.objectContaining({ problem: 'unreadable' }));

    const otherDir = tempDir();
    const other = openLocalStore({ dataDir: otherDir, key: generateDatabaseKey() });
    other.writer.write((changes) => createOffice(changes, office('Fremmed legekontor')));
    const foreign = createBackup(other, 'manual', new Date('2026-11-29T10:00:00Z'));
    other.close();
    fs.copyFileSync(path.join(otherDir, 'backups', foreign.fileName), path.join(store.backupDir, foreign.fileName));
    fs.rmSync(otherDir, { recursive: true, force: true });
    expect(() => restoreBackup(store, foreign.fileName)).toThrow(expect.objectContaining({ problem: 'unreadable' }));

    expect(officeNames()).toEqual(['Grong legekontor']);
    expect(listBackups(store.backupDir).filter((backup) => backup.kind === 'beforeRestore')).toEqual([]);
  });
});
