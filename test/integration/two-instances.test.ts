// Two service instances on one PostgreSQL: computers that push to one instance and pull from the other converge (issue 17 part 6).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncEngine } from '../../sync/engine';
import { createMemorySecretStore } from '../../sync/secret-store';
import { createHttpTransport } from '../../sync/transport';
import type { FetchLike } from '../../sync/transport';
import { startTestPostgres } from '../helpers/postgres';
import type { TestPostgres } from '../helpers/postgres';
import { deviceState } from '../helpers/sync-simulation';
import { createEnrolmentCode, startServerProcess } from '../helpers/sync-server-process';
import type { ServerProcess } from '../helpers/sync-server-process';
import { openTempStore, tempDir } from '../helpers/temp-store';
import type { LocalStore } from '../../db/open';

let postgres: TestPostgres;
const servers: ServerProcess[] = [];
const stores: LocalStore[] = [];
let serverDir: string;

beforeAll(async () => {
  postgres = await startTestPostgres();
  serverDir = tempDir('samvakt-two-instances-');
  for (let i = 0; i < 2; i++) servers.push(await startServerProcess(serverDir, { env: { DATABASE_URL: postgres.url } }));
}, 120_000);

afterAll(async () => {
  for (const store of stores) store.close();
  for (const server of servers) await server.stop();
  await postgres?.stop();
  fs.rmSync(serverDir, { recursive: true, force: true });
});

/** A fetch that sends pushes (and everything else) to `pushTo` but reads (pull, snapshot) from `pullFrom`. */
function splitFetch(pushTo: string, pullFrom: string): FetchLike {
  return (url, init) => {
    const { pathname, search } = new URL(url);
    const base = pathname === '/v1/pull' || pathname === '/v1/snapshot' ? pullFrom : pushTo;
    return fetch(`${base}${pathname}${search}`, init);
  };
}

function computer(pushTo: string, pullFrom: string) {
  const store = openTempStore({ key: null });
  stores.push(store);
  const engine = createSyncEngine({ store, secrets: createMemorySecretStore(), transportFor: () => createHttpTransport(pushTo, splitFetch(pushTo, pullFrom)) });
  return { store, engine };
}

describe('two service instances on one PostgreSQL', () => {
  it('a computer pushing to one instance and pulling from the other converges with one doing the opposite', async () => {
    const [one, two] = servers.map((server) => server.url) as [string, string];
    const env = { DATABASE_URL: postgres.url };
    const a = computer(one, two);
    const b = computer(two, one);
    a.store.writer.write((changes) => {
      changes.insert('offices', 'grong', { name: 'Grong legekontor' });
      for (let i = 0; i < 300; i++) changes.insert('shifts', `shift-${i}`, { office_id: 'grong', date: '2027-01-04', start_time: '08:00', end_time: '15:30', kind: 'clinic', note: `vakt ${i}` });
    });
    expect(await a.engine.enrol({ serverUrl: one, code: await createEnrolmentCode(serverDir, 'coop-two', 'Grong', env) })).toMatchObject({ lastErrorCode: null, pendingChanges: 0 });
    expect(await b.engine.enrol({ serverUrl: two, code: await createEnrolmentCode(serverDir, 'coop-two', 'Lierne', env) })).toMatchObject({ lastErrorCode: null, firstDownload: null });
    expect(b.store.db.prepare('SELECT count(*) FROM shifts').pluck().get()).toBe(300);

    // Both edit, some of the same cells, between syncs; every push lands on one instance and every pull reads the other.
    for (let round = 0; round < 3; round++) {
      a.store.writer.write((changes) => {
        for (let i = 0; i < 50; i++) changes.update('shifts', `shift-${(i * 3 + round) % 300}`, { note: `a ${round}` });
        changes.insert('shifts', `a-${round}`, { office_id: 'grong', date: '2027-01-05', start_time: '08:00', end_time: '15:30', kind: 'clinic', note: null });
      });
      b.store.writer.write((changes) => {
        for (let i = 0; i < 50; i++) changes.update('shifts', `shift-${(i * 5 + round) % 300}`, { note: `b ${round}`, end_time: '16:00' });
        changes.remove('shifts', `shift-${200 + round}`);
      });
      const [afterA, afterB] = await Promise.all([a.engine.syncNow(), b.engine.syncNow()]);
      expect(afterA).toMatchObject({ lastErrorCode: null, pendingChanges: 0 });
      expect(afterB).toMatchObject({ lastErrorCode: null, pendingChanges: 0 });
    }
    // One more pass each, so each has pulled what the other pushed last.
    await a.engine.syncNow();
    await b.engine.syncNow();
    await a.engine.syncNow();
    expect(deviceState(a.store)).toEqual(deviceState(b.store));
    expect(a.store.db.prepare('SELECT count(*) FROM shifts').pluck().get()).toBe(303);

    // A third computer downloading from either instance gets the same.
    const c = computer(two, one);
    expect(await c.engine.enrol({ serverUrl: two, code: await createEnrolmentCode(serverDir, 'coop-two', 'Namsskogan', env) })).toMatchObject({ lastErrorCode: null });
    expect(deviceState(c.store)).toEqual(deviceState(a.store));
  }, 180_000);

  it('keeps the office scope whichever instance answers: a Lierne computer never gets Grong entries, the office that made both gets all', async () => {
    const [one, two] = servers.map((server) => server.url) as [string, string];
    const env = { DATABASE_URL: postgres.url };
    const entry = (office: string, number: string) => ({
      office_id: office,
      nurse_id: 'nurse',
      at: '2027-01-04T10:00',
      patient_kind: 'adult',
      patient_id_number: number,
      outcome: 'self-care',
      recorded_by: 'nurse',
      recorded_at: '2027-01-04T10:05',
    });
    const numbers = (store: LocalStore) => store.db.prepare('SELECT patient_id_number FROM consultations ORDER BY patient_id_number').pluck().all();
    // The first computer creates both offices (its operator's code named Grong; it serves the offices it creates) and an entry at each.
    const a = computer(one, two);
    a.store.writer.write((changes) => {
      changes.insert('offices', 'grong', { name: 'Grong legekontor' });
      changes.insert('offices', 'lierne', { name: 'Lierne legekontor' });
      changes.insert('consultations', 'k-grong', entry('grong', '01017012345'));
      changes.insert('consultations', 'k-lierne', entry('lierne', '02028054321'));
    });
    expect(await a.engine.enrol({ serverUrl: one, code: await createEnrolmentCode(serverDir, 'coop-scoped', 'Grong legekontor', env) })).toMatchObject({ lastErrorCode: null, pendingChanges: 0 });
    // Lierne's computer pushes to the second instance and pulls from the first.
    const b = computer(two, one);
    expect(await b.engine.enrol({ serverUrl: two, code: await createEnrolmentCode(serverDir, 'coop-scoped', 'Lierne legekontor', env) })).toMatchObject({ lastErrorCode: null });
    expect(numbers(b.store)).toEqual(['02028054321']);
    b.store.writer.write((changes) => changes.insert('consultations', 'k-lierne-2', entry('lierne', '03039012345')));
    a.store.writer.write((changes) => changes.insert('consultations', 'k-grong-2', entry('grong', '04049012345')));
    for (let round = 0; round < 2; round++) {
      expect(await b.engine.syncNow()).toMatchObject({ lastErrorCode: null, pendingChanges: 0 });
      expect(await a.engine.syncNow()).toMatchObject({ lastErrorCode: null, pendingChanges: 0 });
    }
    expect(numbers(a.store)).toEqual(['01017012345', '02028054321', '03039012345', '04049012345']);
    expect(numbers(b.store)).toEqual(['02028054321', '03039012345']);
    // Everything else is the same on both.
    const patientTables = new Set(['consultations', 'audit_events', 'row_versions']);
    const shared = (store: LocalStore) => Object.fromEntries(Object.entries(deviceState(store)).filter(([table]) => !patientTables.has(table)));
    expect(shared(b.store)).toEqual(shared(a.store));
  }, 180_000);
});
