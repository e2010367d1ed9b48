// Tests for scrypt password hashing.
import { describe, expect, it } from 'vitest';
import { randomBytes, scryptSync } from 'node:crypto';
import { hashPassword, hashPasswordWithKey, needsRehash, verifyPassword, verifyPasswordKey } from './passwords';

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

describe('the wrapping key from the same scrypt run', () => {
  it('gives the wrapping key only for the right password, and a different one per salt', async () => {
    const { hash, wrappingKey } = await hashPasswordWithKey('nøkkel-passord', FAST);
    expect(wrappingKey).toHaveLength(32);
    expect(await verifyPasswordKey('nøkkel-passord', hash)).toEqual(wrappingKey);
    expect(await verifyPasswordKey('feil-passord', hash)).toBeNull();
    expect((await hashPasswordWithKey('nøkkel-passord', FAST)).wrappingKey).not.toEqual(wrappingKey);
    // The stored verifier is not the wrapping key.
    expect(Buffer.from(hash.split('$')[5]!, 'base64')).not.toEqual(wrappingKey);
  });

  it('still verifies a hash made the old way (32-byte scrypt output)', async () => {
    const salt = randomBytes(16);
    const old = scryptSync('gammelt-passord', salt, 32, { N: 1024, r: 8, p: 1 });
    const stored = ['scrypt', 1024, 8, 1, salt.toString('base64'), old.toString('base64')].join('$');
    expect(await verifyPasswordKey('gammelt-passord', stored)).toHaveLength(32);
    expect(await verifyPassword('gammelt-passord!', stored)).toBe(false);
  });
});
