// The one transaction check (domain/trust/check.ts) with real keys: signatures, digests, authors at a time, legacy data and the permission table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAuthority } from '../domain/trust/authority';
import type { AuthorityRecord } from '../domain/trust/authority';
import { authorityRecordMessage } from '../domain/trust/canonical';
import type { AuthorityRecordContent, AuthorRef } from '../domain/trust/canonical';
import { base64urlBytes, checkSignedTransaction } from '../domain/trust/check';
import type { CheckContext, TransactionToCheck } from '../domain/trust/check';
import { cellDigest, digestList, generateSigningKey, signBytes, signTransaction, verifyBytes } from './signing';
import type { SigningKey } from './signing';

const COOP = 'coop-1';
const hlc = (ms: number, clock = 'dev1') => `${String(ms).padStart(15, '0')}-000000-${clock}`;
const admin = generateSigningKey();
const nurse = generateSigningKey();
const device = generateSigningKey();

function record(content: Omit<AuthorityRecordContent, 'id' | 'role' | 'details'> & Partial<AuthorityRecordContent>, key: SigningKey): AuthorityRecord {
  const full: AuthorityRecordContent = { id: `${content.kind}-${content.subjectId}-${content.at}`, role: null, details: null, ...content };
  return { ...full, signature: signBytes(key.privateKey, authorityRecordMessage(COOP, full)) };
}

const records = [
  record({ kind: 'root', subjectId: 'admin', signerId: 'admin', publicKey: admin.publicKey, at: hlc(100) }, admin),
  record({ kind: 'account', subjectId: 'nurse', signerId: 'admin', publicKey: nurse.publicKey, at: hlc(200), details: '{"roles":["nurse"]}' }, admin),
  record({ kind: 'deactivate', subjectId: 'nurse', signerId: 'admin', publicKey: null, at: hlc(900) }, admin),
];
const context: CheckContext = {
  cooperationId: COOP,
  authority: evaluateAuthority(records, { cooperationId: COOP, verify: verifyBytes }),
  enforced: true,
  legacyCutoff: hlc(100),
  devicePublicKey: (clockId) => (clockId === 'dev1' ? device.publicKey : null),
  digest: (cell) => cellDigest(cell).toString('base64url'),
  verify: verifyBytes,
};

type Cell = { table: string; row: string; column: string; value: string | number | null; alreadyWritten?: boolean };
function signed(author: AuthorRef, at: string, cells: Cell[], key: SigningKey): TransactionToCheck {
  const full = cells.map((cell, i) => ({ ...cell, blind: null, i, alreadyWritten: cell.alreadyWritten ?? false }));
  const digests = digestList(full);
  return { hlc: at, author, digests, signature: signTransaction(key.privateKey, { cooperationId: COOP, author, hlc: at }, digests), cells: full };
}
const consultation = (value = 'treated'): Cell[] => [
  { table: 'consultations', row: 'c1', column: 'outcome', value },
  { table: 'consultations', row: 'c1', column: 'recorded_by', value: 'nurse' },
];

describe('checkSignedTransaction', () => {
  it('accepts a nurse logging a consultation while she is active, and refuses it after she is deactivated', () => {
    expect(checkSignedTransaction(signed('user:nurse', hlc(500), consultation(), nurse), context)).toBeNull();
    expect(checkSignedTransaction(signed('user:nurse', hlc(1000), consultation(), nurse), context)?.refusal).toBe('trust.inactiveAuthor');
  });

  it('refuses an altered value, a forged signature, a wrong key and an unknown author', () => {
    const good = signed('user:nurse', hlc(500), consultation(), nurse);
    const altered = { ...good, cells: good.cells.map((cell, i) => (i === 0 ? { ...cell, value: 'referred' } : cell)) };
    expect(checkSignedTransaction(altered, context)?.refusal).toBe('trust.badSignature');
    expect(checkSignedTransaction({ ...good, signature: good.signature!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }, context)?.refusal).toBe('trust.badSignature');
    expect(checkSignedTransaction(signed('user:nurse', hlc(500), consultation(), admin), context)?.refusal).toBe('trust.badSignature');
    expect(checkSignedTransaction(signed('user:ghost', hlc(500), consultation(), nurse), context)?.refusal).toBe('trust.unknownAuthor');
    // Before her account existed she had no key.
    expect(checkSignedTransaction(signed('user:nurse', hlc(150), consultation(), nurse), context)?.refusal).toBe('trust.unknownAuthor');
  });

  it('applies the permission table: a nurse may not activate a routine, nor write a consultation in another name', () => {
    expect(checkSignedTransaction(signed('user:nurse', hlc(500), [{ table: 'routines', row: 'r1', column: 'status', value: 'active', alreadyWritten: true }], nurse), context)?.refusal).toBe(
      'trust.forbidden',
    );
    const inAnotherName = consultation().map((cell) => (cell.column === 'recorded_by' ? { ...cell, value: 'admin' } : cell));
    expect(checkSignedTransaction(signed('user:nurse', hlc(500), inAnotherName, nurse), context)?.refusal).toBe('trust.forbidden');
  });

  it('refuses a second value for a write-once cell whatever its timestamp', () => {
    const rewrite = consultation('referred').map((cell) => ({ ...cell, alreadyWritten: true }));
    expect(checkSignedTransaction(signed('user:nurse', hlc(300), rewrite, nurse), context)?.refusal).toBe('trust.writeOnce');
  });

  it("keeps an entry's own insert an insert when a later erasure of it was stored first (a retried push), and erasing needs an admin", () => {
    const entry = (alreadyWritten: boolean, rowExists: boolean) =>
      [...consultation(), { table: 'consultations', row: 'c1', column: 'note', value: 'Hoste i to uker' }].map((cell) => ({ ...cell, alreadyWritten: cell.column === 'note' && alreadyWritten, rowExists }));
    const check = (cells: ReturnType<typeof entry>) => {
      const transaction = signed('user:nurse', hlc(500), cells, nurse);
      return checkSignedTransaction({ ...transaction, cells: transaction.cells.map((cell, i) => ({ ...cell, rowExists: cells[i]!.rowExists })) }, context);
    };
    expect(check(entry(true, false))).toBeNull();
    // The nurse writing over the note of an entry that existed before is an erasure, which only an admin may make.
    const overwrite = [{ table: 'consultations', row: 'c1', column: 'note', value: null, alreadyWritten: true, rowExists: true }];
    expect(check(overwrite)?.refusal).toBe('trust.forbidden');
  });

  it('lets a computer sign only the audit events DEVICE_MAY lists, with its own timestamps', () => {
    const backup: Cell[] = [
      { table: 'audit_events', row: 'a1', column: 'action', value: 'backup.created' },
      { table: 'audit_events', row: 'a1', column: 'user_id', value: null },
    ];
    expect(checkSignedTransaction(signed('device:dev1', hlc(500), backup, device), context)).toBeNull();
    expect(checkSignedTransaction(signed('device:dev1', hlc(500), consultation(), device), context)?.refusal).toBe('trust.forbidden');
    expect(checkSignedTransaction(signed('device:dev1', hlc(500, 'dev2'), backup, device), context)?.refusal).toBe('trust.forbidden');
    expect(checkSignedTransaction(signed('device:dev9', hlc(500, 'dev9'), backup, device), context)?.refusal).toBe('trust.unknownAuthor');
  });

  it('takes over work a computer signed before the cooperation had a root, as it takes over unsigned data', () => {
    expect(checkSignedTransaction(signed('device:dev1', hlc(50), consultation(), device), context)).toBeNull();
    expect(checkSignedTransaction(signed('device:dev1', hlc(50), [{ table: 'users', row: 'admin', column: 'wrapped_key', value: 'x' }], device), context)?.refusal).toBe('trust.unsigned');
    expect(checkSignedTransaction(signed('device:dev1', hlc(150), consultation(), device), context)?.refusal).toBe('trust.forbidden');
  });

  it('takes over unsigned data stamped before the cutoff, never trust tables, and nothing after it', () => {
    const legacy = (at: string, cells: Cell[]): TransactionToCheck => ({
      hlc: at,
      author: 'legacy',
      signature: null,
      digests: null,
      cells: cells.map((cell) => ({ ...cell, i: null, blind: null, alreadyWritten: cell.alreadyWritten ?? false })),
    });
    expect(checkSignedTransaction(legacy(hlc(50), consultation()), context)).toBeNull();
    expect(checkSignedTransaction(legacy(hlc(150), consultation()), context)?.refusal).toBe('trust.unsigned');
    expect(checkSignedTransaction(legacy(hlc(50), [{ table: 'users', row: 'admin', column: 'wrapped_key', value: 'x' }]), context)?.refusal).toBe('trust.unsigned');
    expect(checkSignedTransaction(legacy(hlc(50), consultation().map((cell) => ({ ...cell, alreadyWritten: true }))), context)?.refusal).toBe('trust.writeOnce');
    // Before a root exists nothing is enforced (a store or service from before signing).
    expect(checkSignedTransaction(legacy(hlc(150), consultation()), { ...context, enforced: false })).toBeNull();
  });
});

describe('base64urlBytes', () => {
  it('decodes what Buffer encodes as base64url', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        expect([...base64urlBytes(Buffer.from(bytes).toString('base64url'))]).toEqual([...bytes]);
      }),
      { numRuns: 500 },
    );
  });
});
