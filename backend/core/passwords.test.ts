// Tests for scrypt password hashing.
import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from './passwords';

const FAST = { N: 1024, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('korrekt hest batteri', FAST);
    expect(await verifyPassword('korrekt hest batteri', hash)).toBe(true);
    expect(await verifyPassword('korrekt hest batteri!', hash)).toBe(false);
  });

  it('salts every hash and never stores the password', async () => {
    const a = await hashPassword('samme-passord', FAST);
    const b = await hashPassword('samme-passord', FAST);
    expect(a).not.toBe(b);
    expect(a).not.toContain('samme-passord');
  });

  it('uses memory-hard defaults (N = 2^17, r = 8, p = 1) recorded in the hash, and asks weaker hashes to be re-made', async () => {
    const hash = await hashPassword('standard-kostnad');
    expect(hash.split('$').slice(0, 4)).toEqual(['scrypt', '131072', '8', '1']);
    expect(await verifyPassword('standard-kostnad', hash)).toBe(true);
    expect(needsRehash(hash)).toBe(false);
    expect(needsRehash(await hashPassword('gammel', { N: 1 << 15, r: 8, p: 1 }))).toBe(true);
  });

  it('treats Unicode forms of the same password alike and rejects malformed hashes', async () => {
    const hash = await hashPassword('Bjørg\u00e5', FAST);
    expect(await verifyPassword('Bjørga\u030a', hash)).toBe(true);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});
