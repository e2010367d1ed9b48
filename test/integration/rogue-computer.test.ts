// A rogue enrolled computer against real backends and the real service over HTTP, on both storage adapters: every forgery is refused by the service with its code, and set aside by an honest computer's merge when pushed past the service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStore } from '../../db/open';
import type { AuthorRef } from '../../domain/trust/canonical';
import { startSyncServer } from '../../server/http';
import type { RunningSyncServer } from '../../server/http';
import { createSyncService } from '../../server/service';
import type { SyncStorage } from '../../server/storage';
import { createMerger } from '../../sync/merge';
import type { PushTransaction, WireCell } from '../../sync/protocol';
import { SyncTransportError } from '../../sync/transport';
import { pageOf } from '../helpers/signed-cooperation';
import { forEachStorageAdapter } from '../helpers/storage-adapters';
import { syncingComputer } from '../helpers/syncing-computer';
import { signerFor } from '../helpers/temp-store';
import { generateSigningKey, recordCells, signedRecord, signedTransaction } from '../helpers/trust';
import type { SigningKey } from '../helpers/trust';

type Cell = Omit<WireCell, 'i'>;
const PASSWORD = 'demo-samvakt';

function office(serverUrl: () => string) {
  return { ...syncingComputer(), serverUrl };
}

const one = <T>(store: LocalStore, sql: string, ...params: unknown[]) => store.db.prepare(sql).get(...params) as T;

forEachStorageAdapter((name, open) => {
  describe(`a rogue enrolled computer, over HTTP, on ${name}`, () => {
    let storage: SyncStorage;
    let server: RunningSyncServer;
    let honest: ReturnType<typeof office>;
    let rogue: ReturnType<typeof office>;
    let cooperationId: string;
    let nurse: { id: string; key: SigningKey };
    let receptionist: { id: string; key: SigningKey };
    const serviceLog: string[] = [];

    beforeAll(async () => {
      storage = await open();
      const service = createSyncService({ storage, log: (line) => serviceLog.push(line) });
      server = await startSyncServer({ service, port: 0, log: () => undefined, rateLimit: { perSecond: 1000, burst: 5000 } });
      // The honest office starts the cooperation with the example data and connects.
      honest = office(() => server.url);
      await honest.call('setup.loadExample', {});
      const admin = await honest.signIn('admin');
      const first = await service.createEnrolmentCode({ cooperationId: 'indre-namdal', office: 'Grong legekontor' });
      await honest.call('sync.enrol', { serverUrl: server.url, code: first.code, confirmMerge: true }, admin);
      // The rogue computer is enrolled honestly and downloads everything; its attacker knows the nurse's and the receptionist's passwords.
      rogue = office(() => server.url);
      // It serves every office, so what refuses its forgeries below is the trust check, not its office scope
      // (server/scopes.test.ts shows a computer refused for another office's patient data).
      const allOffices = honest.store.db.prepare('SELECT id FROM offices').pluck().all() as string[];
      const second = await service.createEnrolmentCode({ cooperationId: 'indre-namdal', offices: allOffices });
      expect((await rogue.sync.enrol({ serverUrl: server.url, code: second.code })).lastErrorCode).toBeNull();
      cooperationId = rogue.store.trust.cooperationId();
      const nurseSigner = await signerFor(rogue.store, 'sykepleier', PASSWORD);
      nurse = { id: nurseSigner.author.slice(5), key: nurseSigner.key };
      const receptionistSigner = await signerFor(rogue.store, 'resepsjon', PASSWORD);
      receptionist = { id: receptionistSigner.author.slice(5), key: receptionistSigner.key };
    }, 120_000);

    afterAll(async () => {
      await server?.close();
      await storage?.close();
    });

    /** A timestamp of the rogue computer's own clock (the service refuses another's); `wallMs` backdates it. */
    function stamp(wallMs?: number): string {
      const fresh = rogue.store.clock.tick();
      return wallMs === undefined ? fresh : `${String(wallMs).padStart(15, '0')}-000999-${rogue.store.clock.deviceId}`;
    }
    const sign = (author: AuthorRef, key: SigningKey, cells: readonly Cell[], hlc = stamp()) => signedTransaction(cooperationId, author, hlc, cells, key);

    /** Pushes one transaction as the rogue computer; returns the service's refusal code (or null when accepted). */
    async function push(transaction: PushTransaction): Promise<string | null> {
      const credentials = (await rogue.sync.credentials())!;
      try {
        await credentials.transport.push(credentials.auth, { protocol: 3, cooperationId: credentials.cooperation, transactions: [transaction] });
        return null;
      } catch (error) {
        if (error instanceof SyncTransportError) return error.code;
        throw error;
      }
    }

    /** Pushes the transaction straight into the honest computer's merge, past the service: how many were set aside and applied. */
    function mergeDirectly(transaction: PushTransaction) {
      const page = pageOf([transaction], { [rogue.store.clock.deviceId]: generateSigningKey().publicKey }, 1_000_000);
      const result = createMerger(honest.store).apply(page.changes, page.seals);
      return { rejected: result.rejected, applied: result.applied };
    }

    async function expectRefusedEverywhere(transaction: PushTransaction, codes: readonly string[]) {
      expect(codes).toContain(await push(transaction));
      expect(mergeDirectly(transaction)).toEqual({ rejected: expect.any(Number) as number, applied: 0 });
      expect(honest.store.db.prepare('SELECT count(*) FROM sync_rejected WHERE hlc = ?').pluck().get(transaction.hlc)).toBeGreaterThan(0);
    }

    const admin = () => one<{ id: string; password_hash: string; wrapped_key: string; roles: string }>(honest.store, "SELECT id, password_hash, wrapped_key, roles FROM users WHERE username = 'admin'");

    it('(a) cannot plant a new admin account', async () => {
      const planted = 'planted-admin';
      const key = generateSigningKey();
      const staffId = one<{ staff_id: string }>(honest.store, "SELECT staff_id FROM users WHERE username = 'sykepleier'").staff_id;
      const record = signedRecord(cooperationId, { kind: 'account', subjectId: planted, role: null, publicKey: key.publicKey, signerId: nurse.id, at: stamp(), details: '{"roles":["admin","doctor"]}' }, nurse.key);
      const cells: Cell[] = [
        ...Object.entries({ staff_id: staffId, username: 'planted', password_hash: admin().password_hash, roles: '["admin","doctor"]', active: 1, wrapped_key: 'v1.x.y', deleted: 0 }).map(([column, value]) => ({ table: 'users', row: planted, column, value })),
        ...recordCells(record),
      ];
      await expectRefusedEverywhere(sign(`user:${nurse.id}`, nurse.key, cells), ['trust.forbidden']);
      expect(one(honest.store, 'SELECT id FROM users WHERE id = ?', planted)).toBeUndefined();
      expect(honest.store.trust.authority().current(planted)).toBeNull();
    });

    it('(b) cannot raise a role', async () => {
      const grant = signedRecord(cooperationId, { kind: 'grant', subjectId: nurse.id, role: 'admin', publicKey: null, signerId: nurse.id, at: stamp(), details: null }, nurse.key);
      const cells: Cell[] = [{ table: 'users', row: nurse.id, column: 'roles', value: '["nurse","admin"]' }, ...recordCells(grant)];
      await expectRefusedEverywhere(sign(`user:${nurse.id}`, nurse.key, cells), ['trust.forbidden']);
      expect(honest.store.trust.authority().current(nurse.id)?.roles).toEqual(['nurse']);
    });

    it("(c) cannot replace an admin's password or key", async () => {
      const before = admin();
      const key = generateSigningKey();
      const rebind = signedRecord(cooperationId, { kind: 'key', subjectId: before.id, role: null, publicKey: key.publicKey, signerId: nurse.id, at: stamp(), details: null }, nurse.key);
      await expectRefusedEverywhere(
        sign(`user:${nurse.id}`, nurse.key, [
          { table: 'users', row: before.id, column: 'password_hash', value: 'scrypt$131072$8$1$AAAA$BBBB' },
          { table: 'users', row: before.id, column: 'wrapped_key', value: 'v1.x.y' },
        ]),
        ['trust.forbidden'],
      );
      await expectRefusedEverywhere(sign(`user:${nurse.id}`, nurse.key, recordCells(rebind)), ['trust.forbidden']);
      expect(admin()).toEqual(before);
    });

    it('(d) cannot rewrite a consultation, an amendment, an authorisation event or an audit event, however backdated', async () => {
      const accountAt = (userId: string) => one<{ at: string }>(honest.store, "SELECT at FROM authority_records WHERE subject_id = ? AND kind IN ('account', 'root') ORDER BY at LIMIT 1", userId).at;
      // Just after the nurse's account was made: older than every entry of the example data.
      const backdated = stamp(Number(accountAt(nurse.id).slice(0, 15)) + 1);
      const consultation = one<{ id: string; outcome: string }>(honest.store, 'SELECT id, outcome FROM consultations ORDER BY id LIMIT 1');
      const amendment = one<{ id: string; kind: string }>(honest.store, 'SELECT id, kind FROM consultation_amendments ORDER BY id LIMIT 1');
      const authorisation = one<{ id: string; kind: string }>(honest.store, 'SELECT id, kind FROM routine_authorisations ORDER BY id LIMIT 1');
      const audit = one<{ id: string; action: string }>(honest.store, 'SELECT id, action FROM audit_events ORDER BY id LIMIT 1');
      const rewrites: Cell[][] = [
        [{ table: 'consultations', row: consultation.id, column: 'outcome', value: 'referredToDoctor' }],
        [{ table: 'consultation_amendments', row: amendment.id, column: 'kind', value: 'cancel' }],
        [{ table: 'routine_authorisations', row: authorisation.id, column: 'kind', value: 'revoke' }],
        [{ table: 'audit_events', row: audit.id, column: 'action', value: 'session.signedOut' }],
      ];
      for (const cells of rewrites) await expectRefusedEverywhere(sign(`user:${nurse.id}`, nurse.key, cells, backdated), ['trust.writeOnce', 'trust.forbidden']);
      expect(one(honest.store, 'SELECT id, outcome FROM consultations WHERE id = ?', consultation.id)).toEqual(consultation);
      expect(one(honest.store, 'SELECT id, kind FROM consultation_amendments WHERE id = ?', amendment.id)).toEqual(amendment);
      expect(one(honest.store, 'SELECT id, kind FROM routine_authorisations WHERE id = ?', authorisation.id)).toEqual(authorisation);
      expect(one(honest.store, 'SELECT id, action FROM audit_events WHERE id = ?', audit.id)).toEqual(audit);
    });

    it('(e) cannot act as a deactivated user', async () => {
      const adminToken = await honest.signIn('admin');
      await honest.call('users.update', { id: receptionist.id, roles: ['receptionist'], active: false }, adminToken);
      expect((await honest.sync.syncNow()).lastErrorCode).toBeNull();
      expect((await rogue.sync.syncNow()).lastErrorCode).toBeNull();
      const officeId = one<{ id: string }>(honest.store, 'SELECT id FROM offices ORDER BY id LIMIT 1').id;
      const entry: Cell[] = Object.entries({ office_id: officeId, at: '2026-12-03T10:00', patient_kind: 'none', outcome: 'resolvedByNurse', recorded_by: receptionist.id, recorded_at: '2026-12-03T10:01', deleted: 0 }).map(
        ([column, value]) => ({ table: 'consultations', row: 'by-deactivated', column, value }),
      );
      await expectRefusedEverywhere(sign(`user:${receptionist.id}`, receptionist.key, entry), ['trust.inactiveAuthor']);
      expect(one(honest.store, "SELECT id FROM consultations WHERE id = 'by-deactivated'")).toBeUndefined();
    });

    it('(f) cannot activate a routine as a nurse', async () => {
      const routine = one<{ id: string; status: string }>(honest.store, "SELECT id, status FROM routines WHERE status != 'retired' ORDER BY id LIMIT 1");
      const next = routine.status === 'active' ? 'draft' : 'active';
      await expectRefusedEverywhere(sign(`user:${nurse.id}`, nurse.key, [{ table: 'routines', row: routine.id, column: 'status', value: next }]), ['trust.forbidden']);
      expect(one(honest.store, 'SELECT id, status FROM routines WHERE id = ?', routine.id)).toEqual(routine);
    });

    it('(g) cannot replay a valid signed change with one value altered, while the valid one itself is accepted', async () => {
      const officeId = one<{ id: string }>(honest.store, 'SELECT id FROM offices ORDER BY id LIMIT 1').id;
      const entry = (row: string): Cell[] =>
        Object.entries({ office_id: officeId, at: '2026-12-03T11:00', patient_kind: 'none', outcome: 'resolvedByNurse', recorded_by: nurse.id, recorded_at: '2026-12-03T11:01', deleted: 0 }).map(([column, value]) => ({
          table: 'consultations',
          row,
          column,
          value,
        }));
      const valid = sign(`user:${nurse.id}`, nurse.key, entry('valid-entry'));
      const altered = sign(`user:${nurse.id}`, nurse.key, entry('altered-entry'));
      altered.cells = altered.cells.map((cell) => (cell.column === 'outcome' ? { ...cell, value: 'referredToDoctor' } : cell));
      await expectRefusedEverywhere(altered, ['trust.badSignature']);
      expect(await push(valid)).toBeNull();
      expect((await honest.sync.syncNow()).lastErrorCode).toBeNull();
      expect(one(honest.store, "SELECT outcome FROM consultations WHERE id = 'valid-entry'")).toEqual({ outcome: 'resolvedByNurse' });
      expect(one(honest.store, "SELECT id FROM consultations WHERE id = 'altered-entry'")).toBeUndefined();
    });

    it("(h) cannot forge the admin's signature", async () => {
      const before = admin();
      const forged = sign(`user:${before.id}`, generateSigningKey(), [{ table: 'offices', row: 'forged-office', column: 'name', value: 'Planta' }]);
      await expectRefusedEverywhere(forged, ['trust.badSignature']);
      expect(one(honest.store, "SELECT id FROM offices WHERE id = 'forged-office'")).toBeUndefined();
      // Every refusal named the rogue device in the service's log, and nothing the rogue forged reached the honest computer by sync.
      expect(serviceLog.length).toBeGreaterThan(0);
      expect((await honest.sync.syncNow()).rejectedCount).toBe(honest.store.db.prepare('SELECT count(*) FROM sync_rejected').pluck().get());
    });
  });
});
