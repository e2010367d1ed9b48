// Upgrade without loss: a store made by the version before signing is opened by this one, syncs its data, is taken over by the first admin to sign in, and a new computer gets everything signed from then on.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../db/open';
import type { LocalStore } from '../../db/open';
import { createSyncService } from '../../server/service';
import type { SyncService } from '../../server/service';
import { createSqliteStorage } from '../../server/sqlite-storage';
import { SyncServiceError } from '../../server/request-checks';
import { createInProcessTransport } from '../helpers/sync-in-process';
import { syncingComputer } from '../helpers/syncing-computer';
import { tempDir, testDatabaseKey } from '../helpers/temp-store';

const FIXTURE = new URL('../fixtures/store-before-signing.sqlite3.gz', import.meta.url);
const TABLES = ['cooperation', 'offices', 'staff', 'users', 'shifts', 'consultations', 'routines', 'routine_authorisations', 'staff_competences'];
const opened: { close(): void }[] = [];
afterEach(() => {
  for (const item of opened.splice(0).reverse()) item.close();
});

const counts = (store: LocalStore) => Object.fromEntries(TABLES.map((table) => [table, store.db.prepare(`SELECT count(*) FROM "${table}" WHERE deleted = 0`).pluck().get()]));
const consultationNotes = (store: LocalStore) => store.db.prepare('SELECT id, outcome, note FROM consultations ORDER BY id').all();

function computer(service: SyncService, dataDir?: string) {
  const { store, sync, backend, call, signIn } = syncingComputer({
    store: { key: testDatabaseKey(), ...(dataDir ? { dataDir } : {}) },
    engine: { transportFor: () => createInProcessTransport(service) },
  });
  opened.push(backend, store);
  return { store, sync, call, signIn };
}

describe('upgrading a store made by the version before signing', () => {
  it('keeps every row, syncs it, is taken over by the first admin, and a new computer gets it all and signs in', async () => {
    const dataDir = tempDir('samvakt-upgrade-');
    fs.writeFileSync(path.join(dataDir, DATABASE_FILE_NAME), zlib.gunzipSync(fs.readFileSync(FIXTURE)));
    const service = createSyncService({ storage: createSqliteStorage(path.join(tempDir('samvakt-upgrade-service-'), 'service.sqlite3')), log: () => undefined });

    // This version opens it (encrypting it and migrating it to signed changes) and everything is still there.
    const office = computer(service, dataDir);
    expect(office.store.migration.from).toBe(9);
    const before = counts(office.store);
    expect(before).toMatchObject({ offices: 4, staff: 23, users: 5, consultations: 256 });
    const notesBefore = consultationNotes(office.store);
    expect(office.store.trust.enforced()).toBe(false);

    // It connects while nobody has signed in: its data from before signing goes to the service unsigned, and is taken.
    const cooperationId = 'indre-namdal';
    const first = await service.createEnrolmentCode({ cooperationId, office: 'Grong legekontor' });
    const enrolled = await office.sync.enrol({ serverUrl: 'https://sync.example', code: first.code });
    expect(enrolled.lastErrorCode).toBeNull();
    expect(enrolled.pendingChanges).toBe(0);

    // The first admin to sign in takes the data over: root and takeover, signed; the service pins the root.
    const admin = await office.signIn('admin');
    const authority = office.store.trust.authority();
    expect(authority.takenOver).toBe(true);
    expect(authority.rejected).toEqual([]);
    const synced = await office.sync.syncNow();
    expect(synced.lastErrorCode).toBeNull();
    expect(synced.pendingChanges).toBe(0);
    const fingerprint = await office.call<{ fingerprint: string }>('trust.fingerprint', {}, admin);
    expect(fingerprint.fingerprint).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    expect(counts(office.store)).toEqual(before);
    expect(consultationNotes(office.store)).toEqual(notesBefore);

    // From now on the service refuses unsigned changes.
    const device = (await service.listDevices(cooperationId))[0]!;
    const refused = await service
      .push(device, { protocol: 3, cooperationId, transactions: [{ hlc: `${String(Date.now()).padStart(15, '0')}-000000-${device.clockId}`, author: 'legacy', cells: [{ table: 'offices', row: 'x', column: 'name', value: 'Planta' }] }] })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SyncServiceError);
    expect((refused as SyncServiceError).code).toBe('trust.unsigned');

    // A new computer serving every office joins: it gets every row, the same root, nothing set aside; a taken-over nurse signs in there and gets her key.
    const second = computer(service);
    const allOffices = office.store.db.prepare('SELECT id FROM offices').pluck().all() as string[];
    const code = await service.createEnrolmentCode({ cooperationId, offices: allOffices });
    const joined = await second.sync.enrol({ serverUrl: 'https://sync.example', code: code.code });
    expect(joined.lastErrorCode).toBeNull();
    expect(counts(second.store)).toEqual(before);
    expect(consultationNotes(second.store)).toEqual(notesBefore);
    expect(second.store.trust.pinnedRoot()).toBe(office.store.trust.pinnedRoot());
    expect(second.store.db.prepare('SELECT count(*) FROM sync_rejected').pluck().get()).toBe(0);
    const nurse = await second.signIn('sykepleier');
    expect(second.store.trust.authority().accountsWithoutKey()).not.toContain(second.store.db.prepare("SELECT id FROM users WHERE username = 'sykepleier'").pluck().get());
    const nurseFingerprint = await second.call<{ fingerprint: string }>('trust.fingerprint', {}, nurse);
    expect(nurseFingerprint.fingerprint).toBe(fingerprint.fingerprint);
    // Her key record reaches the first office, which accepts it.
    const sent = await second.sync.syncNow();
    expect(sent.pushRefusal).toBeNull();
    expect(sent.lastErrorCode).toBeNull();
    await office.sync.syncNow();
    expect(office.store.db.prepare('SELECT count(*) FROM sync_rejected').pluck().get()).toBe(0);
    expect(office.store.trust.authority().accountsWithoutKey()).toEqual(second.store.trust.authority().accountsWithoutKey());
  });
});
