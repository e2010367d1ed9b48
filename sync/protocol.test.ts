// The hand-written push check of protocol v2: what it accepts and refuses, and that it never throws on random input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPushRequest, MAX_PUSH_CHANGES, MAX_VALUE_CHARS } from './protocol';

const HLC = '001764244800000-000000-device-1';
const DIGEST = 'A'.repeat(43);
const SIGNATURE = 'S'.repeat(86);
const cell = (extra: Record<string, unknown> = {}) => ({ i: 0, table: 'shifts', row: 's1', column: 'note', value: 'Kveld', ...extra });
const transaction = (extra: Record<string, unknown> = {}) => ({ hlc: HLC, author: 'user:u1', signature: SIGNATURE, digests: [DIGEST], cells: [cell()], ...extra });
const body = (extra: Record<string, unknown> = {}) => ({ protocol: 2, cooperationId: 'indre-namdal', transactions: [transaction()], ...extra });

const problemOf = (candidate: unknown) => {
  const checked = checkPushRequest(candidate);
  return checked.ok ? null : checked.problem;
};

describe('push request check', () => {
  it('accepts signed, device-signed, legacy and empty pushes', () => {
    const accepted = [
      body(),
      body({ transactions: [] }),
      body({ transactions: [transaction({ author: 'device:device-1' })] }),
      body({ transactions: [{ hlc: HLC, author: 'legacy', cells: [{ table: 'shifts', row: 's1', column: 'note', value: null }] }] }),
      body({ transactions: [transaction({ cells: [cell({ value: 3.5 }), cell({ i: 1, column: 'patient_id_number', table: 'consultations', value: '01017012345', blind: 'b'.repeat(22) })] })] }),
      body({ transactions: [transaction({ digests: [], cells: [] })] }),
      body({ transactions: [transaction({ cells: [cell({ value: 'x'.repeat(MAX_VALUE_CHARS) })] })] }),
      body({ transactions: [transaction({ author: `user:${'ø'.repeat(100)}` })] }),
    ];
    for (const candidate of accepted) expect(problemOf(candidate), JSON.stringify(candidate).slice(0, 200)).toBeNull();
    const checked = checkPushRequest(body());
    expect(checked.ok && checked.request.transactions[0]?.cells[0]?.value).toBe('Kveld');
  });

  it('refuses malformed requests, saying what is wrong', () => {
    const refused: [unknown, RegExp][] = [
      [null, /object/],
      [[], /object/],
      [body({ changes: [] }), /unknown field changes/],
      [{ protocol: 2, cooperationId: 'x' }, /transactions must be a list/],
      [body({ protocol: 2.5 }), /protocol/],
      [body({ cooperationId: '' }), /cooperationId/],
      [body({ cooperationId: 'x'.repeat(101) }), /cooperationId/],
      [body({ transactions: [transaction({ extra: 1 })] }), /unknown field extra/],
      [body({ transactions: [transaction({ hlc: '2026-11-27' })] }), /hlc/],
      [body({ transactions: [transaction({ author: 'admin' })] }), /author/],
      [body({ transactions: [transaction({ author: 'user:' })] }), /author/],
      [body({ transactions: [transaction({ author: `user:${'x'.repeat(101)}` })] }), /author/],
      [body({ transactions: [transaction({ author: 'user:a\uD800' })] }), /author/],
      [body({ transactions: [transaction({ author: 'device:not a clock' })] }), /author/],
      [body({ transactions: [transaction({ signature: 'not base64url!' })] }), /signature/],
      [body({ transactions: [transaction({ signature: 'S'.repeat(101) })] }), /signature/],
      [body({ transactions: [transaction({ signature: 5 })] }), /signature/],
      [body({ transactions: [transaction({ digests: 'A' })] }), /digests must be a list/],
      [body({ transactions: [transaction({ digests: ['A'.repeat(42)] })] }), /digests.0/],
      [body({ transactions: [transaction({ digests: [DIGEST, `${'A'.repeat(42)}=`] })] }), /digests.1/],
      [body({ transactions: [transaction({ digests: Array.from({ length: 100_001 }, () => DIGEST) })] }), /more than 100000/],
      [body({ transactions: [transaction({ cells: {} })] }), /cells must be a list/],
      [body({ transactions: [transaction({ cells: [cell({ extra: true })] })] }), /unknown field extra/],
      [body({ transactions: [transaction({ cells: [{ table: 'shifts', row: 's1', column: 'note' }] })] }), /must have table, row, column and value/],
      [body({ transactions: [transaction({ cells: [cell({ table: 'Shifts' })] })] }), /table/],
      [body({ transactions: [transaction({ cells: [cell({ column: 'DROP TABLE' })] })] }), /column/],
      [body({ transactions: [transaction({ cells: [cell({ row: '' })] })] }), /row/],
      [body({ transactions: [transaction({ cells: [cell({ row: 'r'.repeat(201) })] })] }), /row/],
      [body({ transactions: [transaction({ cells: [cell({ row: 'o3\uD800x' })] })] }), /lone surrogate/],
      [body({ transactions: [transaction({ cells: [cell({ value: 'Lierne\uDC00' })] })] }), /lone surrogate/],
      [body({ transactions: [transaction({ cells: [cell({ value: 'x'.repeat(MAX_VALUE_CHARS + 1) })] })] }), /value/],
      [body({ transactions: [transaction({ cells: [cell({ value: Number.NaN })] })] }), /value/],
      [body({ transactions: [transaction({ cells: [cell({ value: true })] })] }), /value/],
      [body({ transactions: [transaction({ cells: [cell({ value: { a: 1 } })] })] }), /value/],
      [body({ transactions: [transaction({ cells: [cell({ i: -1 })] })] }), /\.i must/],
      [body({ transactions: [transaction({ cells: [cell({ i: 1.5 })] })] }), /\.i must/],
      [body({ transactions: [transaction({ cells: [cell({ i: '0' })] })] }), /\.i must/],
      [body({ transactions: [transaction({ cells: [cell({ blind: 'b'.repeat(65) })] })] }), /blind/],
      [body({ transactions: [transaction({ cells: [cell({ blind: 'no spaces' })] })] }), /blind/],
    ];
    for (const [candidate, problem] of refused) expect(problemOf(candidate), JSON.stringify(candidate).slice(0, 200)).toMatch(problem);
  });

  it(`counts cells over all transactions: at most ${MAX_PUSH_CHANGES} per push`, () => {
    const many = (count: number) => Array.from({ length: count }, (_, i) => cell({ i, row: `s${i}` }));
    expect(problemOf(body({ transactions: [transaction({ cells: many(1000) }), transaction({ cells: many(1000) })] }))).toBeNull();
    expect(problemOf(body({ transactions: [transaction({ cells: many(1000) }), transaction({ cells: many(1001) })] }))).toMatch(/at most 2000 cells/);
    expect(problemOf(body({ transactions: Array.from({ length: MAX_PUSH_CHANGES + 1 }, () => transaction({ cells: [] })) }))).toMatch(/transactions per push/);
  });

  it('never throws, and accepts only what it can vouch for, on random bodies', () => {
    const name = fc.oneof(fc.constantFrom('shifts', 'note', 'Shifts', '1x', 'a'.repeat(64)), fc.string({ maxLength: 10 }));
    const value = fc.oneof(fc.string({ maxLength: 5 }), fc.double(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.nat(), { maxLength: 2 }));
    const randomCell = fc.oneof(
      fc.record({ i: fc.oneof(fc.nat(), fc.integer(), fc.double()), table: name, row: fc.string({ maxLength: 3 }), column: name, value, blind: fc.string({ maxLength: 30 }) }, { requiredKeys: ['table', 'row', 'column', 'value'] }),
      fc.anything(),
    );
    const randomTransaction = fc.oneof(
      fc.record(
        {
          hlc: fc.oneof(fc.constant(HLC), fc.string({ maxLength: 40 })),
          author: fc.oneof(fc.constantFrom('user:u1', 'device:device-1', 'legacy'), fc.string({ maxLength: 12 })),
          signature: fc.oneof(fc.constant(SIGNATURE), fc.string({ maxLength: 10 }), fc.nat()),
          digests: fc.oneof(fc.array(fc.oneof(fc.constant(DIGEST), fc.string({ maxLength: 44 })), { maxLength: 3 }), fc.anything()),
          cells: fc.oneof(fc.array(randomCell, { maxLength: 4 }), fc.anything()),
          other: fc.anything(),
        },
        { requiredKeys: ['hlc', 'author', 'cells'] },
      ),
      fc.anything(),
    );
    const randomBody = fc.oneof(
      fc.record({ protocol: fc.oneof(fc.constant(2), fc.double()), cooperationId: fc.string({ maxLength: 101 }), transactions: fc.array(randomTransaction, { maxLength: 4 }), changes: fc.anything() }, { requiredKeys: [] }),
      fc.anything(),
    );
    fc.assert(
      fc.property(randomBody, (candidate) => {
        const checked = checkPushRequest(candidate);
        if (!checked.ok) return;
        // What passes has the promised shape.
        for (const each of checked.request.transactions) {
          expect(each.hlc).toMatch(/^\d{15}-\d{6}-[A-Za-z0-9_-]{1,64}$/);
          for (const part of each.cells) expect(part.value === null || typeof part.value === 'string' || Number.isFinite(part.value)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
