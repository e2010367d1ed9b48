// Tests local backups: encrypted copies, daily once per Oslo day with rotation, and restoring (data back, clock kept, bad files refused).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STANDARD_OPENING_HOURS } from '../domain/offices';
import { openTempStore, tempDir } from '../test/helpers/temp-store';
import { BACKUP_RETENTION, BackupError, createBackup, ensureDailyBackup, listBackups, restoreBackup } from './backup';
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

  it('takes the daily backup once per Oslo day and keeps the newest 14', () => {
    // 23:30 UTC on 30 Nov is already 1 Dec in Oslo.
    expect(ensureDailyBackup(store, new Date('2026-11-30T22:00:00Z'))).not.toBeNull();
    expect(ensureDailyBackup(store, new Date('2026-11-30T22:59:00Z'))).toBeNull();
    expect(ensureDailyBackup(store, new Date('2026-11-30T23:30:00Z'))).not.toBeNull();
    createBackup(store, 'manual', new Date('2026-11-01T10:00:00Z'));
    for (let day = 2; day <= 20; day++) ensureDailyBackup(store, new Date(`2026-12-${String(day).padStart(2, '0')}T09:00:00Z`));
    const backups = listBackups(store.backupDir);
    const daily = backups.filter((backup) => backup.kind === 'daily');
    expect(daily).toHaveLength(BACKUP_RETENTION.daily);
    expect(daily[0]!.takenAt).toBe('2026-12-20T09:00:00.000Z');
    expect(daily.at(-1)!.takenAt).toBe('2026-12-07T09:00:00.000Z');
    // Manual backups are not rotated away by daily ones.
    expect(backups.filter((backup) => backup.kind === 'manual')).toHaveLength(1);
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
