// Tests of keys, transaction signatures over digest lists, wrapped private keys and fingerprints.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFingerprint } from '../domain/trust/authority';
import { digestList, generateSigningKey, keyFingerprintText, signTransaction, unwrapPrivateKey, verifyTransaction, wrapPrivateKey } from './signing';
import type { SignedCell, TransactionHeader } from './signing';

const header: TransactionHeader = { cooperationId: 'coop', author: 'user:u-1', hlc: '001764244800000-000003-clock' };
const cells: SignedCell[] = [
  { table: 'consultations', row: 'c1', column: 'outcome', value: 'treated' },
  { table: 'consultations', row: 'c1', column: 'birth_year', value: 1950 },
  { table: 'consultations', row: 'c1', column: 'patient_id_number', value: '01015012345', blind: 'b1' },
  { table: 'consultations', row: 'c1', column: 'note', value: null, blind: 'b2' },
];

describe('signed transactions', () => {
  const key = generateSigningKey();
  const digests = digestList(cells);
  const signature = signTransaction(key.privateKey, header, digests);

  it('verifies with the author\'s public key only', () => {
    expect(verifyTransaction(key.publicKey, header, digests, signature)).toBe(true);
    expect(verifyTransaction(generateSigningKey().publicKey, header, digests, signature)).toBe(false);
    expect(verifyTransaction(key.publicKey, { ...header, author: 'user:u-2' }, digests, signature)).toBe(false);
    expect(verifyTransaction(key.publicKey, { ...header, hlc: '001764244800001-000003-clock' }, digests, signature)).toBe(false);
    expect(verifyTransaction(key.publicKey, header, digests, 'not-a-signature')).toBe(false);
  });

  it('detects a change to any byte of any cell, or of the signature (property)', () => {
    fc.assert(
      fc.property(fc.nat(cells.length - 1), fc.constantFrom('table', 'row', 'column', 'value', 'blind'), fc.string({ minLength: 1, maxLength: 3 }), (index, field, extra) => {
        const changed = cells.map((cell, i) => (i === index ? { ...cell, [field]: `${String(cell[field as keyof SignedCell] ?? '')}${extra}` } : cell));
        expect(verifyTransaction(key.publicKey, header, digestList(changed), signature)).toBe(false);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.nat(63), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const bytes = Buffer.from(signature, 'base64url');
        bytes[at] = bytes[at]! ^ flip;
        expect(verifyTransaction(key.publicKey, header, digests, bytes.toString('base64url'))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('tells a number from the same digits as text, and null from empty text', () => {
    const [number] = digestList([{ table: 't', row: 'r', column: 'c', value: 1950 }]);
    const [text] = digestList([{ table: 't', row: 'r', column: 'c', value: '1950' }]);
    const [nothing] = digestList([{ table: 't', row: 'r', column: 'c', value: null }]);
    const [empty] = digestList([{ table: 't', row: 'r', column: 'c', value: '' }]);
    expect(new Set([number, text, nothing, empty]).size).toBe(4);
  });
});

describe('wrapped private keys', () => {
  it('unwraps with the right wrapping key only', () => {
    const key = generateSigningKey();
    const wrapping = Buffer.alloc(32, 7);
    const wrapped = wrapPrivateKey(key.privateKey, wrapping);
    expect(unwrapPrivateKey(wrapped, wrapping)?.publicKey).toBe(key.publicKey);
    expect(unwrapPrivateKey(wrapped, Buffer.alloc(32, 8))).toBeNull();
    expect(unwrapPrivateKey(`${wrapped.slice(0, -2)}AA`, wrapping)).toBeNull();
  });

  it('gives a short fingerprint that differs between keys', () => {
    const a = formatFingerprint(keyFingerprintText(generateSigningKey().publicKey));
    const b = formatFingerprint(keyFingerprintText(generateSigningKey().publicKey));
    expect(a).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
    expect(a).not.toBe(b);
  });
});
