// Password hashing with scrypt (memory-hard): one run gives the stored verifier and the key that wraps the user's signing key.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';

/** N = 2^17, r = 8, p = 1 (OWASP's minimum for scrypt): 128 MiB of memory per hash, about 0.3–0.5 s on an office PC. */
export const DEFAULT_PARAMS = { N: 1 << 17, r: 8, p: 1 };
/** 32 bytes of verifier (stored) and 32 of wrapping key (never stored). */
const VERIFIER_LENGTH = 32;
const OUTPUT_LENGTH = 64;

/** What one scrypt run over a password gives: the hash string to store and the key that wraps the private key. */
export interface PasswordSecrets {
  /** `scrypt$N$r$p$salt$verifier` (base64). */
  hash: string;
  /** 32 bytes; knowing the stored verifier does not give it (docs/trust.md). */
  wrappingKey: Buffer;
}

function scryptAsync(password: string, salt: Buffer, params: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, OUTPUT_LENGTH, { ...params, maxmem: 128 * (params.N ?? 0) * (params.r ?? 0) * 2 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * A new salt, one scrypt run to 64 bytes: the first 32 are the verifier, the last 32 the wrapping key. scrypt ends in
 * PBKDF2, whose first 32 output bytes do not depend on the output length, so the verifier equals the 32-byte hash older
 * versions stored and their hashes still verify.
 */
export async function hashPasswordWithKey(password: string, params = DEFAULT_PARAMS): Promise<PasswordSecrets> {
  const salt = randomBytes(16);
  const output = await scryptAsync(password, salt, params);
  const hash = ['scrypt', params.N, params.r, params.p, salt.toString('base64'), output.subarray(0, VERIFIER_LENGTH).toString('base64')].join('$');
  return { hash, wrappingKey: Buffer.from(output.subarray(VERIFIER_LENGTH)) };
}

/** The wrapping key when the password matches the stored hash, else null. */
export async function verifyPasswordKey(password: string, stored: string): Promise<Buffer | null> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  if (expected.length !== VERIFIER_LENGTH) return null;
  let output: Buffer;
  try {
    output = await scryptAsync(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  } catch {
    return null;
  }
  return timingSafeEqual(output.subarray(0, VERIFIER_LENGTH), expected) ? Buffer.from(output.subarray(VERIFIER_LENGTH)) : null;
}

/** Returns `scrypt$N$r$p$salt$hash` (base64), for callers that need no wrapping key. */
export async function hashPassword(password: string, params = DEFAULT_PARAMS): Promise<string> {
  return (await hashPasswordWithKey(password, params)).hash;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  return (await verifyPasswordKey(password, stored)) !== null;
}

/** True when a stored hash was made with weaker parameters than today's: it is re-made at the next sign-in. */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split('$');
  return scheme !== 'scrypt' || Number(n) < DEFAULT_PARAMS.N || Number(r) < DEFAULT_PARAMS.r || Number(p) < DEFAULT_PARAMS.p;
}
