// Property: changing any single byte or field of a signed transaction (a cell's value, table, row, column, blind or index, the timestamp, the author, a digest, the signature) makes the one check refuse it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellDigest, verifyBytes } from '../db/signing';
import { evaluateAuthority } from '../domain/trust/authority';
import type { AuthorRef } from '../domain/trust/canonical';
import { checkSignedTransaction } from '../domain/trust/check';
import type { CheckContext, TransactionToCheck } from '../domain/trust/check';
import { hlcAt } from '../test/helpers/signed-cooperation';
import { generateSigningKey, signedRecord, signedTransaction } from '../test/helpers/trust';
import type { PushTransaction } from './protocol';

const COOP = '0-cooperation';
const admin = generateSigningKey();
const lead = generateSigningKey();
const records = [
  signedRecord(COOP, { kind: 'root', subjectId: 'admin', role: null, publicKey: admin.publicKey, signerId: 'admin', at: hlcAt(1000), details: null }, admin),
  signedRecord(COOP, { kind: 'account', subjectId: 'lead', role: null, publicKey: lead.publicKey, signerId: 'admin', at: hlcAt(1001), details: '{"roles":["lead","admin"]}' }, admin),
];
const authority = evaluateAuthority(records, { cooperationId: COOP, verify: verifyBytes });
const context: CheckContext = {
  cooperationId: COOP,
  authority,
  enforced: true,
  legacyCutoff: authority.since,
  devicePublicKey: () => null,
  digest: (cell) => cellDigest(cell).toString('base64url'),
  verify: verifyBytes,
};

const keys = { admin, lead } as const;
/** A transaction as the merge hands it to the check (cells of mutable tables both signers may write; none already written). */
const toCheck = (transaction: PushTransaction): TransactionToCheck => ({
  hlc: transaction.hlc,
  author: transaction.author,
  signature: transaction.signature ?? null,
  digests: transaction.digests ?? null,
  cells: transaction.cells.map((cell) => ({ ...cell, i: cell.i ?? null, blind: cell.blind ?? null, alreadyWritten: false })),
});

const TABLES = { offices: ['name', 'phone', 'address'], staff: ['name', 'profession', 'note'], shifts: ['note', 'date', 'kind'] } as const;
const valueArbitrary = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null));
const cellArbitrary = fc
  .constantFrom(...(Object.keys(TABLES) as (keyof typeof TABLES)[]))
  .chain((table) =>
    fc.record({
      table: fc.constant(table),
      row: fc.string({ minLength: 1, maxLength: 8 }),
      column: fc.constantFrom(...TABLES[table]),
      value: valueArbitrary,
      blind: fc.option(fc.base64String({ minLength: 4, maxLength: 24 }), { nil: undefined }),
    }),
  );
const transactionArbitrary = fc.record({
  signer: fc.constantFrom<keyof typeof keys>('admin', 'lead'),
  ms: fc.integer({ min: 2000, max: 10 ** 12 }),
  cells: fc.uniqueArray(cellArbitrary, { minLength: 1, maxLength: 5, selector: (cell) => `${cell.table}|${cell.row}|${cell.column}` }),
});

type Mutation = (transaction: PushTransaction, pick: number, other: string) => PushTransaction | null;
const onCell = (transaction: PushTransaction, pick: number, change: (cell: PushTransaction['cells'][number]) => PushTransaction['cells'][number]): PushTransaction => {
  const index = pick % transaction.cells.length;
  return { ...transaction, cells: transaction.cells.map((cell, i) => (i === index ? change(cell) : cell)) };
};
/** Flips one character of a text (a blind is signed as text). */
const flip = (text: string, pick: number) => {
  const at = pick % text.length;
  return `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
};
/** Changes one bit of one byte of a base64url value (a digest, a signature): what a tamperer can change. */
const flipByte = (text: string, pick: number) => {
  const bytes = Buffer.from(text, 'base64url');
  bytes[pick % bytes.length]! ^= 1 << (pick % 8);
  return bytes.toString('base64url');
};
const different = <T>(value: T, next: T): T | null => (Object.is(value, next) ? null : next);

const MUTATIONS: Record<string, Mutation> = {
  value: (t, pick, other) =>
    onCell(t, pick, (cell) => {
      const options: (string | number | null)[] = [other, `${cell.value ?? ''}x`, typeof cell.value === 'number' ? String(cell.value) : 7, cell.value === null ? '' : null];
      return { ...cell, value: options.find((option) => !Object.is(option, cell.value))! };
    }),
  table: (t, pick) => onCell(t, pick, (cell) => ({ ...cell, table: cell.table === 'offices' ? 'staff' : 'offices' })),
  row: (t, pick, other) => onCell(t, pick, (cell) => ({ ...cell, row: different(cell.row, other) ?? `${cell.row}x` })),
  column: (t, pick) => onCell(t, pick, (cell) => ({ ...cell, column: cell.column === 'name' ? 'note' : 'name' })),
  blind: (t, pick) => onCell(t, pick, (cell) => (cell.blind ? { ...cell, blind: flip(cell.blind, pick) } : { ...cell, blind: 'AAAAAAAAAAAAAAAAAAAAAA' })),
  removeBlind: (t) => {
    const index = t.cells.findIndex((cell) => cell.blind);
    if (index < 0) return null;
    return onCell(t, index, ({ blind: _blind, ...cell }) => cell);
  },
  index: (t, pick) => (t.cells.length < 2 ? onCell(t, pick, (cell) => ({ ...cell, i: (cell.i ?? 0) + 1 })) : onCell(t, pick, (cell) => ({ ...cell, i: ((cell.i ?? 0) + 1) % t.cells.length }))),
  hlc: (t, pick) => ({ ...t, hlc: hlcAt(Number(t.hlc.slice(0, 15)) + 1 + (pick % 1000), 'dev1') }),
  author: (t) => ({ ...t, author: t.author === 'user:admin' ? 'user:lead' : 'user:admin' }),
  digest: (t, pick) => {
    const digests = [...t.digests!];
    const index = pick % digests.length;
    digests[index] = flipByte(digests[index]!, pick);
    return { ...t, digests };
  },
  signature: (t, pick) => ({ ...t, signature: flipByte(t.signature!, pick) }),
};

describe('signed transactions: any changed field is detected', () => {
  it('accepts the transactions as signed', () => {
    fc.assert(
      fc.property(transactionArbitrary, ({ signer, ms, cells }) => {
        const transaction = signedTransaction(COOP, `user:${signer}` as AuthorRef, hlcAt(ms, 'dev1'), cells, keys[signer]);
        expect(checkSignedTransaction(toCheck(transaction), context)).toBeNull();
      }),
      { numRuns: 100 },
    );
  });

  it('refuses every transaction with one field changed', () => {
    fc.assert(
      fc.property(transactionArbitrary, fc.constantFrom(...Object.keys(MUTATIONS)), fc.nat(), fc.string({ maxLength: 8 }), ({ signer, ms, cells }, mutation, pick, other) => {
        const transaction = signedTransaction(COOP, `user:${signer}` as AuthorRef, hlcAt(ms, 'dev1'), cells, keys[signer]);
        const changed = MUTATIONS[mutation]!(transaction, pick, other);
        fc.pre(changed !== null);
        expect(JSON.stringify(changed)).not.toBe(JSON.stringify(transaction));
        expect(checkSignedTransaction(toCheck(changed!), context), mutation).not.toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});
