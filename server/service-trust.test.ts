// The service's trust checks on both storage adapters: signed pushes, the pinned root, forged and replayed transactions, write-once cells, permissions, deactivated and unsigned authors, pulls that re-verify, and upgrading an old service database in place.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evaluateAuthority } from '../domain/trust/authority';
import type { AuthorityRecord } from '../domain/trust/authority';
import { checkSignedTransaction } from '../domain/trust/check';
import type { CheckContext } from '../domain/trust/check';
import { cellDigest, newBlind, verifyBytes } from '../db/signing';
import type { SqlValue } from '../db/sync-tables';
import { forEachStorageAdapter } from '../test/helpers/storage-adapters';
import { startTestPostgres } from '../test/helpers/postgres';
import { generateSigningKey, recordCells, signedRecord, signedTransaction } from '../test/helpers/trust';
import type { SigningKey } from '../test/helpers/trust';
import type { PulledChange, PullResponse, PushTransaction, WireCell } from '../sync/protocol';
import { startSyncServer } from './http';
import { createPostgresStorage } from './postgres-storage';
import { fastCellDigest } from './push-trust';
import { SyncServiceError } from './request-checks';
import { createSyncService } from './service';
import type { SyncService } from './service';
import { createSqliteStorage } from './sqlite-storage';
import { authorityRecordOf } from './storage';
import type { StoredDevice, SyncStorage } from './storage';

const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);
const stamp = (offsetMs: number, clockId: string, counter = 0) => `${String(NOW + offsetMs).padStart(15, '0')}-${String(counter).padStart(6, '0')}-${clockId}`;
type Cell = Omit<WireCell, 'i'>;

async function refusal(promise: Promise<unknown>): Promise<SyncServiceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncServiceError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** The cells of one new row (with deleted = 0, as the write path writes them). */
const rowCells = (table: string, row: string, values: Record<string, SqlValue>): Cell[] =>
  Object.entries({ ...values, deleted: 0 }).map(([column, value]) => ({ table, row, column, value }));

interface Office {
  cooperationId: string;
  device: StoredDevice;
  deviceKey: SigningKey;
  admin: SigningKey;
  doctor: SigningKey;
  nurse: SigningKey;
  /** Signs and pushes one transaction per entry; returns the push's answer. */
  push(...transactions: PushTransaction[]): ReturnType<SyncService['push']>;
  signed(author: 'u-admin' | 'u-doc' | 'u-nurse', offsetMs: number, cells: readonly Cell[], counter?: number): PushTransaction;
}

function trustSuite(name: string, open: () => Promise<SyncStorage>) {
  describe(`trust checks of the sync service on ${name}`, () => {
    let storage: SyncStorage;
    let service: SyncService;
    let logs: string[] = [];
    let cooperations = 0;

    beforeAll(async () => {
      storage = await open();
    });
    afterAll(async () => {
      await storage.close();
    });
    beforeEach(() => {
      logs = [];
      service = createSyncService({ storage, now: () => NOW, log: (line) => logs.push(line) });
    });

    async function enrol(cooperationId: string, clockId: string, deviceKey: SigningKey) {
      // The office its consultations name (o1): a device only pushes patient data of the offices it serves.
      const { code } = await service.createEnrolmentCode({ cooperationId, offices: ['o1'] });
      const enrolled = await service.enrol({ protocol: 3, code, clockId, name: `PC-${clockId}`, publicKey: deviceKey.publicKey });
      return { enrolled, device: await service.authenticate(`Bearer ${enrolled.deviceId}.${enrolled.secret}`) };
    }

    /** A new cooperation with one device and no root yet. */
    async function office(): Promise<Office> {
      const cooperationId = `coop-trust-${++cooperations}`;
      const deviceKey = generateSigningKey();
      const { device } = await enrol(cooperationId, `clock-${cooperations}`, deviceKey);
      // The cooperation's own row, from before signing: its id is what every signature names (here the same as the service's label).
      await service.push(device, {
        protocol: 3,
        cooperationId,
        transactions: [{ hlc: stamp(0, device.clockId), author: 'legacy', cells: rowCells('cooperation', cooperationId, { name: 'Indre Namdal' }) }],
      });
      const keys = { 'u-admin': generateSigningKey(), 'u-doc': generateSigningKey(), 'u-nurse': generateSigningKey() };
      return {
        cooperationId,
        device,
        deviceKey,
        admin: keys['u-admin'],
        doctor: keys['u-doc'],
        nurse: keys['u-nurse'],
        push: (...transactions) => service.push(device, { protocol: 3, cooperationId, transactions }),
        signed: (author, offsetMs, cells, counter = 0) => signedTransaction(cooperationId, `user:${author}`, stamp(offsetMs, device.clockId, counter), cells, keys[author]),
      };
    }

    /** The root admin's record and the doctor's and nurse's accounts, signed by the admin at offsets 1–3 ms. */
    function founding(o: Office): AuthorityRecord[] {
      const at = (n: number) => stamp(n, o.device.clockId);
      return [
        signedRecord(o.cooperationId, { kind: 'root', subjectId: 'u-admin', role: 'admin', publicKey: o.admin.publicKey, signerId: 'u-admin', at: at(1), details: null }, o.admin),
        signedRecord(o.cooperationId, { kind: 'account', subjectId: 'u-doc', role: null, publicKey: o.doctor.publicKey, signerId: 'u-admin', at: at(2), details: JSON.stringify({ roles: ['doctor'] }) }, o.admin),
        signedRecord(o.cooperationId, { kind: 'account', subjectId: 'u-nurse', role: null, publicKey: o.nurse.publicKey, signerId: 'u-admin', at: at(3), details: JSON.stringify({ roles: ['nurse'] }) }, o.admin),
      ];
    }

    /** A cooperation whose root and accounts are stored (pushed by the admin at offset 10 ms). */
    async function founded(): Promise<Office> {
      const o = await office();
      await o.push(o.signed('u-admin', 10, founding(o).flatMap(recordCells)));
      return o;
    }

    const consultation = (row: string, recordedBy: string, outcome: string): Cell[] =>
      rowCells('consultations', row, { office_id: 'o1', at: '2026-12-03T10:00', patient_kind: 'adult', outcome, recorded_by: recordedBy, recorded_at: '2026-12-03T10:05' });

    const pullAll = async (o: Office): Promise<PullResponse> => service.pull(o.device, { protocol: '3', cooperation: o.cooperationId, after: '0', limit: '10000' });

    it('accepts a signed root and accounts, and pins the root for the service and new devices', async () => {
      const o = await office();
      const transaction = o.signed('u-admin', 10, founding(o).flatMap(recordCells));
      expect(await o.push(transaction)).toMatchObject({ accepted: 27, ignored: 0 });
      expect((await storage.trustState(o.cooperationId)).rootPublicKey).toBe(o.admin.publicKey);
      const joined = await enrol(o.cooperationId, 'clock-joiner', generateSigningKey());
      expect(joined.enrolled.rootPublicKey).toBe(o.admin.publicKey);
      // A retried push (its answer was lost) is stored once and refused nothing.
      expect(await o.push(transaction)).toMatchObject({ accepted: 0, ignored: 27 });
      expect(logs).toEqual([]);
    });

    it('refuses a second, different root (trust.rootMismatch) and keeps the pinned one', async () => {
      const o = await founded();
      const usurper = generateSigningKey();
      const root = signedRecord(o.cooperationId, { kind: 'root', subjectId: 'u-usurper', role: 'admin', publicKey: usurper.publicKey, signerId: 'u-usurper', at: stamp(20, o.device.clockId), details: null }, usurper);
      const before = await storage.lastSeq(o.cooperationId);
      const refused = await refusal(o.push(signedTransaction(o.cooperationId, 'user:u-usurper', stamp(21, o.device.clockId), recordCells(root), usurper)));
      expect([refused.status, refused.code]).toEqual([403, 'trust.rootMismatch']);
      expect(refused.message).toContain(root.id);
      expect(await storage.lastSeq(o.cooperationId)).toBe(before);
      expect((await storage.trustState(o.cooperationId)).rootPublicKey).toBe(o.admin.publicKey);
    });

    it('refuses an account record signed by someone who is not an admin (a planted admin account)', async () => {
      const o = await founded();
      const mallory = generateSigningKey();
      const planted = signedRecord(
        o.cooperationId,
        { kind: 'account', subjectId: 'u-evil', role: null, publicKey: mallory.publicKey, signerId: 'u-nurse', at: stamp(20, o.device.clockId), details: JSON.stringify({ roles: ['admin', 'doctor'] }) },
        o.nurse,
      );
      const refused = await refusal(o.push(o.signed('u-nurse', 21, recordCells(planted))));
      expect([refused.status, refused.code]).toEqual([403, 'trust.forbidden']);
      // A role raise by the nurse herself is refused the same way.
      const raise = signedRecord(o.cooperationId, { kind: 'grant', subjectId: 'u-nurse', role: 'admin', publicKey: null, signerId: 'u-nurse', at: stamp(22, o.device.clockId), details: null }, o.nurse);
      expect((await refusal(o.push(o.signed('u-nurse', 23, recordCells(raise))))).code).toBe('trust.forbidden');
      // Plain users rows (a password hash of the attacker's choosing) need an admin too.
      const user = rowCells('users', 'u-evil', { username: 'evil', password_hash: 'x', roles: '["admin"]', active: 1 });
      expect((await refusal(o.push(o.signed('u-nurse', 24, user)))).code).toBe('trust.forbidden');
      expect((await refusal(o.push(o.signed('u-nurse', 25, [{ table: 'users', row: 'u-admin', column: 'password_hash', value: 'x' }])))).code).toBe('trust.forbidden');
    });

    it('refuses a forged signature and a replayed transaction with one value altered (trust.badSignature)', async () => {
      const o = await founded();
      const routine = rowCells('routines', 'r1', { routine_id: 'r1', version: 1, status: 'draft', title: 'Urinveisinfeksjon' });
      // Signed with the nurse's key but claiming the doctor as author.
      const forged = signedTransaction(o.cooperationId, 'user:u-doc', stamp(20, o.device.clockId), routine, o.nurse);
      expect((await refusal(o.push(forged))).code).toBe('trust.badSignature');

      const genuine = o.signed('u-doc', 21, routine);
      expect(await o.push(genuine)).toMatchObject({ accepted: routine.length });
      const altered: PushTransaction = { ...genuine, hlc: stamp(22, o.device.clockId), cells: genuine.cells.map((cell) => (cell.column === 'status' ? { ...cell, value: 'active' } : cell)) };
      const refused = await refusal(o.push(altered));
      expect([refused.status, refused.code]).toEqual([403, 'trust.badSignature']);
      // Altered at its own timestamp, with the digest list fixed up to match: the signature no longer covers it.
      const sameHlc: PushTransaction = { ...genuine, cells: genuine.cells.map((cell) => (cell.column === 'title' ? { ...cell, value: 'Endret' } : cell)) };
      expect((await refusal(o.push(sameHlc))).code).toBe('trust.badSignature');
      const fixedDigests: PushTransaction = { ...sameHlc, digests: sameHlc.cells.map((cell) => cellDigest({ ...cell, blind: cell.blind ?? null }).toString('base64url')) };
      expect((await refusal(o.push(fixedDigests))).code).toBe('trust.badSignature');
      const pulled = await pullAll(o);
      expect(pulled.changes.find((change) => change.table === 'routines' && change.column === 'title')?.value).toBe('Urinveisinfeksjon');
    });

    it('refuses to rewrite a write-once cell with an older or a newer timestamp (trust.writeOnce, 409), leaving it unchanged', async () => {
      const o = await founded();
      expect(await o.push(o.signed('u-nurse', 20, consultation('k1', 'u-nurse', 'self-care')))).toMatchObject({ accepted: 7 });
      const event = rowCells('audit_events', 'e1', { at: '2026-12-03T10:06', user_id: 'u-nurse', action: 'consultation.logged', target_table: 'consultations', target_id: 'k1' });
      expect(await o.push(o.signed('u-nurse', 21, event))).toMatchObject({ accepted: event.length });
      const before = await storage.lastSeq(o.cooperationId);
      const attempts: [string, PushTransaction][] = [
        ['backdated outcome', o.signed('u-nurse', 5, [{ table: 'consultations', row: 'k1', column: 'outcome', value: 'referred' }])],
        ['later outcome', o.signed('u-doc', 30, [{ table: 'consultations', row: 'k1', column: 'outcome', value: 'referred' }])],
        ['backdated audit action', o.signed('u-nurse', 6, [{ table: 'audit_events', row: 'e1', column: 'action', value: 'nothing.happened' }])],
        ['later audit action', o.signed('u-nurse', 31, [{ table: 'audit_events', row: 'e1', column: 'action', value: 'nothing.happened' }])],
      ];
      for (const [what, transaction] of attempts) {
        const refused = await refusal(o.push(transaction));
        expect([what, refused.status, refused.code]).toEqual([what, 409, 'trust.writeOnce']);
      }
      // Two transactions of one push writing the same write-once cell: the second finds it written.
      const both = [o.signed('u-nurse', 40, consultation('k2', 'u-nurse', 'self-care')), o.signed('u-nurse', 39, [{ table: 'consultations', row: 'k2', column: 'outcome', value: 'x' }])];
      expect((await refusal(o.push(...both))).code).toBe('trust.writeOnce');
      expect(await storage.lastSeq(o.cooperationId)).toBe(before);
      const cells = (await pullAll(o)).changes;
      expect(cells.find((c) => c.row === 'k1' && c.column === 'outcome')?.value).toBe('self-care');
      expect(cells.find((c) => c.row === 'e1' && c.column === 'action')?.value).toBe('consultation.logged');
      expect(cells.some((c) => c.row === 'k2')).toBe(false);
    });

    it('lets an admin erase an erasable column of a write-once row, and nobody else', async () => {
      const o = await founded();
      const blind = newBlind();
      const cells = [...consultation('k1', 'u-nurse', 'self-care'), { table: 'consultations', row: 'k1', column: 'patient_id_number', value: '01017012345', blind }];
      await o.push(o.signed('u-nurse', 20, cells));
      const erase = (author: 'u-admin' | 'u-nurse', offset: number) => o.signed(author, offset, [{ table: 'consultations', row: 'k1', column: 'patient_id_number', value: null, blind: newBlind() }]);
      expect((await refusal(o.push(erase('u-nurse', 30)))).code).toBe('trust.forbidden');
      expect(await o.push(erase('u-admin', 31))).toMatchObject({ accepted: 1 });
      expect(JSON.stringify(await pullAll(o))).not.toContain('01017012345');
    });

    it('refuses a routine status change signed by a nurse (trust.forbidden)', async () => {
      const o = await founded();
      await o.push(o.signed('u-doc', 20, rowCells('routines', 'r1', { routine_id: 'r1', version: 1, status: 'draft' })));
      const refused = await refusal(o.push(o.signed('u-nurse', 21, [{ table: 'routines', row: 'r1', column: 'status', value: 'active' }])));
      expect([refused.status, refused.code]).toEqual([403, 'trust.forbidden']);
      expect(refused.message).toMatch(/routines\.status/);
      expect(await o.push(o.signed('u-doc', 22, [{ table: 'routines', row: 'r1', column: 'status', value: 'active' }]))).toMatchObject({ accepted: 1 });
    });

    it('refuses a change by a deactivated user (trust.inactiveAuthor), but not their earlier work', async () => {
      const o = await founded();
      const before = o.signed('u-nurse', 20, consultation('k1', 'u-nurse', 'self-care'));
      const deactivate = signedRecord(o.cooperationId, { kind: 'deactivate', subjectId: 'u-nurse', role: null, publicKey: null, signerId: 'u-admin', at: stamp(30, o.device.clockId), details: null }, o.admin);
      await o.push(o.signed('u-admin', 31, recordCells(deactivate)));
      expect(await o.push(before)).toMatchObject({ accepted: 7 });
      const refused = await refusal(o.push(o.signed('u-nurse', 40, consultation('k2', 'u-nurse', 'self-care'))));
      expect([refused.status, refused.code]).toEqual([403, 'trust.inactiveAuthor']);
    });

    it('refuses an unsigned (legacy) push once the cooperation has a root (trust.unsigned), and accepted one before', async () => {
      const o = await office();
      const legacy = (offset: number, row: string): PushTransaction => ({ hlc: stamp(offset, o.device.clockId), author: 'legacy', cells: rowCells('offices', row, { name: 'Grong' }) });
      expect(await o.push(legacy(1, 'o-before'))).toMatchObject({ accepted: 2 });
      // The computer that makes the root may still carry data from before signing in the same push.
      expect(await o.push(legacy(0, 'o-old'), o.signed('u-admin', 10, founding(o).flatMap(recordCells)))).toMatchObject({ accepted: 29 });
      const refused = await refusal(o.push(legacy(20, 'o-after')));
      expect([refused.status, refused.code]).toEqual([403, 'trust.unsigned']);
      expect((await refusal(o.push({ ...o.signed('u-admin', 21, rowCells('offices', 'o2', { name: 'Lierne' })), signature: undefined } as PushTransaction))).code).toBe('trust.unsigned');
    });

    it('refuses with the first failing transaction of a push, though signatures are verified in parallel', async () => {
      const o = await founded();
      const routine = (row: string) => rowCells('routines', row, { routine_id: row, version: 1 });
      const forged = { ...o.signed('u-doc', 20, routine('r1')), signature: o.signed('u-doc', 20, routine('r2')).signature };
      const forbidden = o.signed('u-nurse', 21, routine('r3'));
      expect((await refusal(o.push(forged, forbidden))).code).toBe('trust.badSignature');
      expect((await refusal(o.push(forbidden, forged))).code).toBe('trust.forbidden');
      // A transaction that fails both ways is refused for its signature, as the check verifies before permissions.
      const both = { ...forbidden, signature: forged.signature };
      expect((await refusal(o.push(o.signed('u-doc', 19, routine('r4')), both))).code).toBe('trust.badSignature');
    });

    it('stores nothing of a refused push, and logs a line naming the device', async () => {
      const o = await founded();
      const before = await storage.lastSeq(o.cooperationId);
      const good = o.signed('u-doc', 20, rowCells('routines', 'r9', { routine_id: 'r9', version: 1, status: 'draft' }));
      const bad = o.signed('u-nurse', 21, [{ table: 'routines', row: 'r9', column: 'status', value: 'active' }]);
      expect((await refusal(o.push(good, bad))).code).toBe('trust.forbidden');
      expect(await storage.lastSeq(o.cooperationId)).toBe(before);
      expect((await pullAll(o)).changes.some((change) => change.row === 'r9')).toBe(false);
      expect(logs).toHaveLength(1);
      expect(logs[0]).toContain(o.device.id);
      expect(logs[0]).toContain('trust.forbidden');
      expect(logs[0]).toContain(bad.hlc);
    });

    it('refuses another seal for a transaction it already stored (409)', async () => {
      const o = await founded();
      await o.push(o.signed('u-doc', 20, rowCells('routines', 'r1', { routine_id: 'r1', version: 1 })));
      const again = o.signed('u-doc', 20, rowCells('routines', 'r2', { routine_id: 'r2', version: 1 }));
      const refused = await refusal(o.push(again));
      expect([refused.status, refused.code]).toEqual([409, 'trust.writeOnce']);
      expect((await pullAll(o)).changes.some((change) => change.row === 'r2')).toBe(false);
    });

    it('answers over HTTP with the code and status of the refusal', async () => {
      const o = await founded();
      const server = await startSyncServer({ service, port: 0, log: () => {} });
      try {
        const { code } = await service.createEnrolmentCode({ cooperationId: o.cooperationId, office: 'Lierne' });
        const clockId = 'clock-http-trust';
        const enrolled = (await (await fetch(`${server.url}/v1/enrol`, { method: 'POST', body: JSON.stringify({ protocol: 3, code, clockId, publicKey: o.deviceKey.publicKey }) })).json()) as {
          deviceId: string;
          secret: string;
          rootPublicKey: string;
        };
        expect(enrolled.rootPublicKey).toBe(o.admin.publicKey);
        const push = async (transaction: PushTransaction) => {
          const response = await fetch(`${server.url}/v1/push`, {
            method: 'POST',
            headers: { authorization: `Bearer ${enrolled.deviceId}.${enrolled.secret}` },
            body: JSON.stringify({ protocol: 3, cooperationId: o.cooperationId, transactions: [transaction] }),
          });
          return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
        };
        const nurseRoutine = signedTransaction(o.cooperationId, 'user:u-nurse', stamp(50, clockId), rowCells('routines', 'r1', { status: 'active' }), o.nurse);
        expect(await push(nurseRoutine)).toMatchObject({ status: 403, body: { error: { code: 'trust.forbidden' } } });
        const legacy: PushTransaction = { hlc: stamp(51, clockId), author: 'legacy', cells: rowCells('offices', 'o1', { name: 'x' }) };
        expect(await push(legacy)).toMatchObject({ status: 403, body: { error: { code: 'trust.unsigned' } } });
      } finally {
        await server.close();
      }
    });

    it('ends a full pull page with the rest of its last transaction, so a computer checks every transaction whole', async () => {
      const o = await founded();
      const before = (await pullAll(o)).lastSeq;
      const backup = signedTransaction(
        o.cooperationId,
        `device:${o.device.clockId}`,
        stamp(30, o.device.clockId),
        rowCells('audit_events', 'e-cut', { at: '2026-12-03T02:00', user_id: null, details: '{}', action: 'backup.created' }),
        o.deviceKey,
      );
      await o.push(backup);
      const page = await service.pull(o.device, { protocol: '3', cooperation: o.cooperationId, after: String(before), limit: '2' });
      expect(page.changes.map((change) => change.column).sort()).toEqual(backup.cells.map((cell) => cell.column).sort());
      expect(page.more).toBe(true);
      const rest = await service.pull(o.device, { protocol: '3', cooperation: o.cooperationId, after: String(page.lastSeq), limit: '2' });
      expect(rest.changes).toEqual([]);
    });

    it('serves pulled changes with their index, blind, seals and device keys, and a pulled transaction checks out again', async () => {
      const o = await founded();
      const blind = newBlind();
      const nurseTx = o.signed('u-nurse', 20, [...consultation('k1', 'u-nurse', 'self-care'), { table: 'consultations', row: 'k1', column: 'patient_id_number', value: '01017012345', blind }]);
      const backup = signedTransaction(
        o.cooperationId,
        `device:${o.device.clockId}`,
        stamp(21, o.device.clockId),
        rowCells('audit_events', 'e-backup', { at: '2026-12-03T02:00', action: 'backup.created' }),
        o.deviceKey,
      );
      await o.push(nurseTx, backup);
      const pulled = await pullAll(o);
      const idNumber = pulled.changes.find((c) => c.column === 'patient_id_number');
      expect(idNumber).toMatchObject({ i: 7, blind, hlc: nurseTx.hlc });
      expect(pulled.transactions[nurseTx.hlc]).toEqual({ author: 'user:u-nurse', signature: nurseTx.signature, digests: nurseTx.digests });
      expect(pulled.transactions[backup.hlc]?.author).toBe(`device:${o.device.clockId}`);
      expect(pulled.deviceKeys).toEqual({ [o.device.clockId]: o.deviceKey.publicKey });

      // What a computer does with the page: rebuild the chain from the pulled records and check every signed transaction.
      const recordValues = new Map<string, Record<string, SqlValue>>();
      for (const change of pulled.changes.filter((c) => c.table === 'authority_records')) {
        recordValues.set(change.row, { ...recordValues.get(change.row), [change.column]: change.value });
      }
      const records = [...recordValues].map(([id, values]) => authorityRecordOf(id, values));
      const authority = evaluateAuthority(records, { cooperationId: o.cooperationId, pinnedRoot: o.admin.publicKey, verify: verifyBytes });
      expect(authority.rejected).toEqual([]);
      const context: CheckContext = {
        cooperationId: o.cooperationId,
        authority,
        enforced: true,
        legacyCutoff: null,
        devicePublicKey: (clockId) => pulled.deviceKeys[clockId] ?? null,
        digest: (cell) => cellDigest(cell).toString('base64url'),
        verify: verifyBytes,
      };
      const byHlc = new Map<string, PulledChange[]>();
      // The cooperation row from before signing has no seal; the three signed transactions each have one.
      for (const change of pulled.changes) if (pulled.transactions[change.hlc]) byHlc.set(change.hlc, [...(byHlc.get(change.hlc) ?? []), change]);
      expect(byHlc.size).toBe(3);
      for (const [hlc, changes] of byHlc) {
        const seal = pulled.transactions[hlc]!;
        const transaction = {
          hlc,
          author: seal.author,
          signature: seal.signature,
          digests: seal.digests,
          cells: changes.map((c) => ({ table: c.table, row: c.row, column: c.column, value: c.value, i: c.i ?? null, blind: c.blind ?? null, alreadyWritten: false })),
        };
        expect(checkSignedTransaction(transaction, context)).toBeNull();
        // And a changed value is caught.
        const tampered = { ...transaction, cells: transaction.cells.map((cell, index) => (index === 0 ? { ...cell, value: 'tampered' } : cell)) };
        expect(checkSignedTransaction(tampered, context)?.refusal).toBe('trust.badSignature');
      }
    });
  });
}

forEachStorageAdapter(trustSuite);

describe('the service digest of a cell', () => {
  it('is the digest every computer computes (cellDigest)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 30 });
    fc.assert(
      fc.property(
        fc.record({ table: text, row: text, column: text, value: fc.oneof(text, fc.double({ noNaN: true }), fc.integer(), fc.constant(null)), blind: fc.option(text) }),
        (cell) => {
          expect(fastCellDigest(cell)).toBe(cellDigest(cell).toString('base64url'));
        },
      ),
      { numRuns: 2000 },
    );
    const large = { table: 'consultations', row: 'k', column: 'note', value: 'ø'.repeat(100_000), blind: newBlind() };
    expect(fastCellDigest(large)).toBe(cellDigest(large).toString('base64url'));
  });
});

/** The schema a service from before signing made (protocol 1): no keys, roots, seals or digest indexes. */
const OLD_TABLES = `
  CREATE TABLE cooperations (id TEXT PRIMARY KEY, name TEXT NOT NULL, last_seq BIGINT NOT NULL DEFAULT 0);
  CREATE TABLE enrolment_codes (code_hash TEXT PRIMARY KEY, cooperation_id TEXT NOT NULL REFERENCES cooperations (id), office TEXT NOT NULL,
    created_at TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT, used_by TEXT);
  CREATE TABLE devices (id TEXT PRIMARY KEY, cooperation_id TEXT NOT NULL REFERENCES cooperations (id), clock_id TEXT NOT NULL, secret_hash TEXT NOT NULL,
    office TEXT NOT NULL, name TEXT NOT NULL, enrolled_at TEXT NOT NULL, revoked_at TEXT);
  CREATE TABLE cells (cooperation_id TEXT NOT NULL, table_name TEXT NOT NULL, row_id TEXT NOT NULL, column_name TEXT NOT NULL, hlc TEXT NOT NULL,
    value_json TEXT NOT NULL, seq BIGINT NOT NULL, device_id TEXT NOT NULL, PRIMARY KEY (cooperation_id, table_name, row_id, column_name));
  CREATE INDEX cells_seq ON cells (cooperation_id, seq);
  INSERT INTO cooperations (id, name, last_seq) VALUES ('coop-old', 'Gammel', 2);
  INSERT INTO devices VALUES ('00000000-0000-4000-8000-000000000001', 'coop-old', 'clock-old', 'hash', 'Grong', 'PC', '2026-11-01T00:00:00.000Z', NULL);
  INSERT INTO cells VALUES ('coop-old', 'offices', 'o1', 'name', '001764244800000-000000-clock-old', '"Grong"', 1, '00000000-0000-4000-8000-000000000001');
  INSERT INTO cells VALUES ('coop-old', 'consultations', 'k1', 'outcome', '001764244800000-000000-clock-old', '"self-care"', 2, '00000000-0000-4000-8000-000000000001');
`;

/** Opens an old database with the new storage and checks that everything is there and signing works on it. */
async function upgradedKeepsEverything(storage: SyncStorage, again: boolean) {
  await storage.init();
  expect((await storage.changesAfter('coop-old', 0, 100)).slice(0, 2)).toEqual([
    { seq: 1, hlc: '001764244800000-000000-clock-old', table: 'offices', row: 'o1', column: 'name', value: 'Grong' },
    { seq: 2, hlc: '001764244800000-000000-clock-old', table: 'consultations', row: 'k1', column: 'outcome', value: 'self-care' },
  ]);
  expect(await storage.findDevice('00000000-0000-4000-8000-000000000001')).toMatchObject({ clockId: 'clock-old', publicKey: null });
  expect(await storage.trustState('coop-old')).toEqual({ rootPublicKey: null, authorityVersion: 0, signingId: null });
  const stored = await storage.storeChanges(
    'coop-old',
    'd',
    [{ hlc: '001764244800001-000000-clock-old', table: 'offices', row: 'o2', column: 'name', value: 'Lierne', i: 0, blind: null, writeOnce: false }],
    { seals: [{ hlc: '001764244800001-000000-clock-old', author: 'user:u1', signature: 'sig', digests: ['A'.repeat(43)] }] },
  );
  expect(stored).toEqual({ accepted: again ? 0 : 1, lastSeq: 3 });
  expect((await storage.changesAfter('coop-old', 2, 10))[0]).toMatchObject({ row: 'o2', i: 0 });
  expect(Object.keys(await storage.seals('coop-old', ['001764244800001-000000-clock-old']))).toEqual(['001764244800001-000000-clock-old']);
  await storage.close();
}

describe('a service database from before signing', () => {
  it('is upgraded in place on SQLite, keeping every cell and device', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-service-trust-'));
    try {
      const file = path.join(dir, 'old.sqlite3');
      const old = new Database(file);
      old.exec(OLD_TABLES.replace('PRIMARY KEY (cooperation_id, table_name, row_id, column_name));', 'PRIMARY KEY (cooperation_id, table_name, row_id, column_name)) WITHOUT ROWID;'));
      old.close();
      await upgradedKeepsEverything(createSqliteStorage(file), false);
      // Opening it again (a restart) changes nothing.
      await upgradedKeepsEverything(createSqliteStorage(file), true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is upgraded in place on PostgreSQL, keeping every cell and device', async () => {
    const postgres = await startTestPostgres();
    try {
      const client = new pg.Client({ connectionString: postgres.url });
      await client.connect();
      await client.query(OLD_TABLES);
      await client.end();
      await upgradedKeepsEverything(createPostgresStorage(postgres.url), false);
      await upgradedKeepsEverything(createPostgresStorage(postgres.url), true);
    } finally {
      await postgres.stop();
    }
  }, 60_000);
});
