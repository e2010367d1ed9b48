// A rogue computer's changes pushed straight into another computer's merge, past the service: each is set aside, nothing of it applied, the rightful data unchanged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalStore } from '../db/open';
import { signAs } from '../db/signer';
import { createSyncRejected } from '../db/sync-rejected';
import type { SqlValue } from '../db/sync-tables';
import type { AuthorRef } from '../domain/trust/canonical';
import { foundCooperation, hlcAt, outboxTransactions, pageOf, recordValues } from '../test/helpers/signed-cooperation';
import type { Person, SignedCooperation } from '../test/helpers/signed-cooperation';
import { openTempStore } from '../test/helpers/temp-store';
import { generateSigningKey, recordCells, signedRecord, signedTransaction } from '../test/helpers/trust';
import type { SigningKey } from '../test/helpers/trust';
import { createMerger } from './merge';
import type { Merger } from './merge';
import type { PushTransaction, SnapshotRow, WireCell } from './protocol';

const NOW = Date.UTC(2026, 10, 27, 12);
const DAY = 86_400_000;

type Cells = Omit<WireCell, 'i'>[];
const rowCells = (table: string, row: string, values: Record<string, SqlValue>): Cells => Object.entries(values).map(([column, value]) => ({ table, row, column, value }));

let office: LocalStore & { dataDir: string };
let other: LocalStore & { dataDir: string };
let coop: SignedCooperation;
let merger: Merger;
let counter = 0;
/** A fresh timestamp of the rogue computer, `agoMs` before now. */
const at = (agoMs: number, clock = 'rogue') => hlcAt(NOW - agoMs, clock, counter++);
const person = (id: string): Person => coop.people[id]!;
const tx = (author: string, hlc: string, cells: Cells, key: SigningKey = person(author).key): PushTransaction =>
  signedTransaction(coop.cooperationId, `user:${author}` as AuthorRef, hlc, cells, key);
const merge = (...transactions: PushTransaction[]) => {
  const page = pageOf(transactions);
  return merger.apply(page.changes, page.seals);
};
const value = (sql: string, ...params: unknown[]) => other.db.prepare(sql).pluck().get(...params);
const setAside = () => createSyncRejected(other.db).list(100);

beforeEach(() => {
  // The office where the cooperation was founded and its people work; `other` is the computer under attack.
  office = openTempStore({ key: null, now: () => NOW - 3_600_000 });
  other = openTempStore({ key: null, now: () => NOW });
  coop = foundCooperation(
    office,
    'admin',
    [
      { id: 'nurse', roles: ['nurse'] },
      { id: 'nurse2', roles: ['nurse'] },
      { id: 'doctor', roles: ['doctor'] },
    ],
    NOW - DAY,
  );
  const as = (id: string, fn: Parameters<LocalStore['writer']['write']>[0]) => signAs(person(id).signer, () => office.writer.write(fn));
  as('doctor', (changes) => changes.insert('routines', 'r1', { routine_id: 'uvi', version: 1, title: 'Urinveisinfeksjon', status: 'draft' }));
  as('doctor', (changes) => changes.insert('routine_authorisations', 'ra1', { routine_id: 'uvi', routine_version: 1, kind: 'granted', effective_date: '2026-11-01', at: '2026-11-01T10:00' }));
  as('nurse', (changes) => changes.insert('consultations', 'c1', { office_id: 'o1', at: '2026-11-20T10:00', icpc2_code: 'U71', outcome: 'treated', recorded_by: 'nurse', patient_id_number: '01017012345' }));
  as('nurse', (changes) => changes.insert('consultation_amendments', 'am1', { consultation_id: 'c1', kind: 'correction', changes: '{}', reason: 'skrivefeil', by_user_id: 'nurse', at: '2026-11-20T11:00' }));
  as('nurse', (changes) => changes.insert('audit_events', 'ev1', { at: '2026-11-20T10:00', user_id: 'nurse', username: 'nurse', action: 'consultations.create', target_table: 'consultations', target_id: 'c1' }));
  merger = createMerger(other);
  const honest = pageOf(outboxTransactions(office));
  expect(merger.apply(honest.changes, honest.seals)).toMatchObject({ rejected: 0 });
  expect(other.trust.enforced()).toBe(true);
});

afterEach(() => {
  office.close();
  other.close();
});

describe('merge: every pulled transaction is checked', () => {
  it('merges the founding office’s signed data and pins its root', () => {
    expect(other.trust.pinnedRoot()).toBe(person('admin').key.publicKey);
    expect(value("SELECT outcome FROM consultations WHERE id = 'c1'")).toBe('treated');
    expect(value("SELECT status FROM routines WHERE id = 'r1'")).toBe('draft');
    expect(other.trust.authority().current('nurse')?.roles).toEqual(['nurse']);
    expect(setAside()).toEqual([]);
  });

  it('(a) sets aside a new admin account signed by a non-admin, and merges the rest of the page', () => {
    const planted = generateSigningKey();
    const record = signedRecord(coop.cooperationId, { kind: 'account', subjectId: 'planted', role: null, publicKey: planted.publicKey, signerId: 'nurse', at: at(5000), details: '{"roles":["admin","doctor"]}' }, person('nurse').key);
    const attack = tx('nurse', at(5000), [...recordCells(record), ...rowCells('users', 'planted', { username: 'planted', password_hash: 'x', roles: '["admin","doctor"]', active: 1, deleted: 0 })]);
    const honest = tx('doctor', at(4000), rowCells('routines', 'r1', { title: 'UVI hos kvinner' }));
    expect(merge(attack, honest)).toMatchObject({ rejected: 1 });
    expect(setAside()).toMatchObject([{ hlc: attack.hlc, author: 'user:nurse', reason: 'trust.signerNotAdmin' }]);
    expect(value("SELECT count(*) FROM users WHERE id = 'planted'")).toBe(0);
    expect(value("SELECT count(*) FROM authority_records WHERE id = ?", record.id)).toBe(0);
    expect(other.trust.authority().current('planted')).toBeNull();
    expect(value("SELECT title FROM routines WHERE id = 'r1'")).toBe('UVI hos kvinner');
  });

  it('(a) sets aside a users row with admin roles written by a non-admin even without a record', () => {
    const attack = tx('nurse', at(5000), rowCells('users', 'planted', { username: 'planted', password_hash: 'x', roles: '["admin"]', active: 1, deleted: 0 }));
    expect(merge(attack)).toMatchObject({ rejected: 1, applied: 0 });
    expect(setAside()[0]?.reason).toBe('trust.forbidden');
    expect(value("SELECT count(*) FROM users WHERE id = 'planted'")).toBe(0);
  });

  it('(b) sets aside a role raise signed by a non-admin', () => {
    const grant = signedRecord(coop.cooperationId, { kind: 'grant', subjectId: 'nurse', role: 'admin', publicKey: null, signerId: 'nurse', at: at(5000), details: null }, person('nurse').key);
    const rolesColumn = rowCells('users', 'nurse', { roles: '["nurse","admin"]' });
    expect(merge(tx('nurse', at(5000), recordCells(grant)), tx('nurse', at(4000), rolesColumn))).toMatchObject({ rejected: 2, applied: 0 });
    expect(setAside().map((entry) => entry.reason).sort()).toEqual(['trust.forbidden', 'trust.signerNotAdmin']);
    expect(other.trust.authority().current('nurse')?.roles).toEqual(['nurse']);
    expect(value("SELECT roles FROM users WHERE id = 'nurse'")).toBe('["nurse"]');
  });

  it('(c) sets aside someone else replacing an admin’s password hash, wrapped key or public key', () => {
    const attacker = generateSigningKey();
    const rewrap = tx('nurse', at(5000), rowCells('users', 'admin', { password_hash: 'attacker-chosen', wrapped_key: 'v1.x.y' }));
    const key = signedRecord(coop.cooperationId, { kind: 'key', subjectId: 'admin', role: null, publicKey: attacker.publicKey, signerId: 'nurse', at: at(4000), details: null }, person('nurse').key);
    expect(merge(rewrap, tx('nurse', at(4000), recordCells(key)))).toMatchObject({ rejected: 2, applied: 0 });
    expect(setAside().map((entry) => entry.reason).sort()).toEqual(['trust.forbidden', 'trust.signerNotAdmin']);
    expect(value("SELECT password_hash FROM users WHERE id = 'admin'")).toBe('hash-admin');
    expect(value("SELECT wrapped_key FROM users WHERE id = 'admin'")).toBeNull();
    expect(other.trust.authority().current('admin')?.publicKey).toBe(person('admin').key.publicKey);
  });

  it('(d) sets aside backdated rewrites of a consultation, an amendment, an authorisation event and an audit event', () => {
    const longAgo = 30 * 60_000;
    const rewrites = [
      tx('nurse', at(longAgo * 2), rowCells('consultations', 'c1', { outcome: 'referredToDoctor' })),
      // An admin may erase personal data, but not rewrite the outcome either.
      tx('admin', at(longAgo * 2), rowCells('consultations', 'c1', { outcome: 'referredToDoctor' })),
      tx('nurse', at(longAgo * 2), rowCells('consultation_amendments', 'am1', { kind: 'cancellation' })),
      tx('doctor', at(longAgo * 2), rowCells('routine_authorisations', 'ra1', { kind: 'revoked' })),
      tx('nurse', at(longAgo * 2), rowCells('audit_events', 'ev1', { action: 'consultations.view' })),
    ];
    expect(merge(...rewrites)).toMatchObject({ rejected: 5, applied: 0 });
    expect(setAside().map((entry) => entry.reason)).toEqual(Array(5).fill('trust.writeOnce'));
    expect(value("SELECT outcome FROM consultations WHERE id = 'c1'")).toBe('treated');
    expect(value("SELECT kind FROM consultation_amendments WHERE id = 'am1'")).toBe('correction');
    expect(value("SELECT kind FROM routine_authorisations WHERE id = 'ra1'")).toBe('granted');
    expect(value("SELECT action FROM audit_events WHERE id = 'ev1'")).toBe('consultations.create');
  });

  it('lets an admin erase a consultation’s personal data (an erasable column), and not a nurse', () => {
    expect(merge(tx('nurse', at(2000), rowCells('consultations', 'c1', { patient_id_number: null })))).toMatchObject({ rejected: 1 });
    expect(value("SELECT patient_id_number FROM consultations WHERE id = 'c1'")).toBe('01017012345');
    expect(merge(tx('admin', at(1000), rowCells('consultations', 'c1', { patient_id_number: null })))).toMatchObject({ rejected: 0, applied: 1 });
    expect(value("SELECT patient_id_number FROM consultations WHERE id = 'c1'")).toBeNull();
  });

  it('(e) sets aside a change signed by a deactivated user, and keeps what they did before', () => {
    const deactivate = signedRecord(coop.cooperationId, { kind: 'deactivate', subjectId: 'nurse2', role: null, publicKey: null, signerId: 'admin', at: at(10_000, 'office'), details: null }, person('admin').key);
    const consultation = (id: string, agoMs: number) =>
      tx('nurse2', at(agoMs), rowCells('consultations', id, { at: '2026-11-27T11:00', outcome: 'treated', recorded_by: 'nurse2', deleted: 0 }));
    const before = consultation('c-before', 20_000);
    const after = consultation('c-after', 5000);
    expect(merge(tx('admin', deactivate.at, recordCells(deactivate)), before, after)).toMatchObject({ rejected: 1 });
    expect(setAside()).toMatchObject([{ hlc: after.hlc, reason: 'trust.inactiveAuthor' }]);
    expect(value("SELECT count(*) FROM consultations WHERE id = 'c-after'")).toBe(0);
    expect(value("SELECT count(*) FROM consultations WHERE id = 'c-before'")).toBe(1);
  });

  it('(f) sets aside a nurse activating a routine', () => {
    expect(merge(tx('nurse', at(1000), rowCells('routines', 'r1', { status: 'active' })))).toMatchObject({ rejected: 1, applied: 0 });
    expect(setAside()[0]?.reason).toBe('trust.forbidden');
    expect(value("SELECT status FROM routines WHERE id = 'r1'")).toBe('draft');
  });

  it('(g) sets aside a valid signed change replayed with one value altered, and applies the valid one', () => {
    const valid = tx('doctor', at(1000), rowCells('routines', 'r1', { status: 'active', title: 'UVI' }));
    const altered: PushTransaction = { ...valid, cells: valid.cells.map((cell) => (cell.column === 'status' ? { ...cell, value: 'retired' } : cell)) };
    expect(merge(altered)).toMatchObject({ rejected: 1, applied: 0 });
    expect(setAside()[0]?.reason).toBe('trust.badSignature');
    expect(value("SELECT status FROM routines WHERE id = 'r1'")).toBe('draft');
    expect(merge(valid)).toMatchObject({ rejected: 0, applied: 2 });
    expect(value("SELECT status FROM routines WHERE id = 'r1'")).toBe('active');
    // A copy with one value altered arriving after the valid one changes nothing either.
    expect(merge(altered)).toMatchObject({ applied: 0 });
    expect(value("SELECT status FROM routines WHERE id = 'r1'")).toBe('active');
  });

  it('(h) sets aside a forged signature', () => {
    const forged = tx('admin', at(1000), rowCells('offices', 'o-forged', { name: 'Falsk', deleted: 0 }), generateSigningKey());
    expect(merge(forged)).toMatchObject({ rejected: 1, applied: 0 });
    expect(setAside()[0]).toMatchObject({ author: 'user:admin', reason: 'trust.badSignature', cells: [{ table: 'offices', row: 'o-forged', column: 'name', value: 'Falsk', i: 0 }, expect.anything()] });
    expect(value("SELECT count(*) FROM offices WHERE id = 'o-forged'")).toBe(0);
  });

  it('applies unsigned data from before signing (before the cutoff), and sets aside unsigned changes after it', () => {
    const legacy = (id: string, hlc: string): PushTransaction => ({ hlc, author: 'legacy', cells: rowCells('offices', id, { name: id, deleted: 0 }) });
    expect(merge(legacy('o-old', at(2 * DAY, 'old-pc')), legacy('o-new', at(1000, 'old-pc')))).toMatchObject({ rejected: 1, applied: 2 });
    expect(setAside()).toMatchObject([{ author: 'legacy', reason: 'trust.unsigned' }]);
    expect(value("SELECT count(*) FROM offices WHERE id = 'o-old'")).toBe(1);
    expect(value("SELECT count(*) FROM offices WHERE id = 'o-new'")).toBe(0);
  });

  it('applies an account record and that user’s first change arriving in one page', () => {
    const key = generateSigningKey();
    const account = signedRecord(coop.cooperationId, { kind: 'account', subjectId: 'newnurse', role: null, publicKey: key.publicKey, signerId: 'admin', at: at(5000, 'office'), details: '{"roles":["nurse"]}' }, person('admin').key);
    const create = tx('admin', account.at, [...recordCells(account), ...rowCells('users', 'newnurse', { username: 'newnurse', roles: '["nurse"]', active: 1, deleted: 0 })]);
    const first = signedTransaction(coop.cooperationId, 'user:newnurse', at(1000, 'grong'), rowCells('consultations', 'c-new', { outcome: 'treated', recorded_by: 'newnurse', deleted: 0 }), key);
    expect(merge(create, first)).toMatchObject({ rejected: 0 });
    expect(value("SELECT recorded_by FROM consultations WHERE id = 'c-new'")).toBe('newnurse');
    expect(other.trust.authority().current('newnurse')?.roles).toEqual(['nurse']);
  });

  it('applies a computer’s signed background audit event with the key the service vouches for, and nothing else it signs', () => {
    const device = generateSigningKey();
    const event = (id: string, action: string) =>
      signedTransaction(coop.cooperationId, 'device:pc-7', at(1000, 'pc-7'), rowCells('audit_events', id, { action, user_id: null, deleted: 0 }), device);
    const page = pageOf([event('ev-backup', 'backup.created'), event('ev-other', 'consultations.view')], { 'pc-7': device.publicKey });
    expect(merger.apply(page.changes, page.seals)).toMatchObject({ rejected: 1 });
    expect(value("SELECT action FROM audit_events WHERE id = 'ev-backup'")).toBe('backup.created');
    expect(value("SELECT count(*) FROM audit_events WHERE id = 'ev-other'")).toBe(0);
  });

  it('keeps one entry per set-aside transaction and reason when a page is read again', () => {
    const attack = tx('nurse', at(1000), rowCells('routines', 'r1', { status: 'active' }));
    merge(attack);
    merge(attack);
    expect(createSyncRejected(other.db).count()).toBe(1);
  });
});

describe('merge: a first download', () => {
  it('rests on the service for rows, but sets aside authority records that do not count, also those before the cooperation row', () => {
    const fresh = openTempStore({ key: null, now: () => NOW });
    try {
      const freshMerger = createMerger(fresh);
      const forged = signedRecord(coop.cooperationId, { kind: 'grant', subjectId: 'nurse', role: 'admin', publicKey: null, signerId: 'nurse', at: hlcAt(NOW - 1000, 'rogue'), details: null }, person('nurse').key);
      const recordRow = (record: (typeof coop.records)[number]): SnapshotRow => ({ table: 'authority_records', row: record.id, hlc: record.at, values: { ...recordValues(record), deleted: 0 } });
      const rows: SnapshotRow[] = [...coop.records, forged].map(recordRow).sort((a, b) => (a.row < b.row ? -1 : 1));
      // The snapshot's order: authority_records before cooperation, so the records wait for the cooperation id.
      expect(freshMerger.applyRows(rows)).toMatchObject({ rejected: 0 });
      freshMerger.applyRows([{ table: 'cooperation', row: coop.cooperationId, hlc: hlcAt(NOW - DAY), values: { name: 'Indre Namdal', example_data: 0, deleted: 0 } }]);
      expect(freshMerger.settleSnapshotAuthority()).toMatchObject({ rejected: 1 });
      expect(fresh.db.prepare('SELECT count(*) FROM authority_records WHERE id = ?').pluck().get(forged.id)).toBe(0);
      expect(createSyncRejected(fresh.db).list(10)).toMatchObject([{ reason: 'trust.signerNotAdmin', author: 'user:nurse' }]);
      expect(fresh.trust.authority().current('nurse')?.roles).toEqual(['nurse']);
      // Once the cooperation is known, a page's records are checked at once and a forged one is never written.
      const again = signedRecord(coop.cooperationId, { ...forged, id: 'forged-2' }, person('nurse').key);
      expect(freshMerger.applyRows([recordRow(again)])).toMatchObject({ rejected: 1, applied: 0 });
      expect(fresh.db.prepare("SELECT count(*) FROM authority_records WHERE id = 'forged-2'").pluck().get()).toBe(0);
    } finally {
      fresh.close();
    }
  });
});
