// Ed25519 keys, signatures, cell digests and password-wrapped private keys (node:crypto; the same API in Electron).
import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { cellBytes, transactionMessage } from '../domain/trust/canonical';
import type { AuthorRef } from '../domain/trust/canonical';

/** The DER prefix of an Ed25519 public key in SubjectPublicKeyInfo form; the 32 raw key bytes follow it. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface SigningKey {
  /** The raw 32-byte public key, base64url: how keys travel in authority records. */
  publicKey: string;
  privateKey: KeyObject;
}

export function generateSigningKey(): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: rawPublicKey(publicKey), privateKey };
}

function rawPublicKey(key: KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length).toString('base64url');
}

/** The private key as PKCS#8 DER bytes (only ever stored encrypted: wrapped, or in the encrypted store). */
export function exportPrivateKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'pkcs8' });
}

export function importPrivateKey(der: Buffer): SigningKey {
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  return { publicKey: rawPublicKey(createPublicKey(privateKey)), privateKey };
}

export function signBytes(key: KeyObject, message: Uint8Array): string {
  return sign(null, message, key).toString('base64url');
}

const publicKeys = new Map<string, KeyObject>();

/** Verifies an Ed25519 signature; false (never an exception) for malformed keys or signatures. */
export function verifyBytes(publicKey: string, message: Uint8Array, signature: string): boolean {
  try {
    let key = publicKeys.get(publicKey);
    if (!key) {
      const raw = Buffer.from(publicKey, 'base64url');
      if (raw.length !== 32) return false;
      key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
      if (publicKeys.size > 10_000) publicKeys.clear();
      publicKeys.set(publicKey, key);
    }
    const bytes = Buffer.from(signature, 'base64url');
    return bytes.length === 64 && verify(null, message, key, bytes);
  } catch {
    return false;
  }
}

/** A cell as it is signed: `blind` is set only on erasable columns. */
export interface SignedCell {
  table: string;
  row: string;
  column: string;
  value: string | number | null;
  blind?: string | null;
}

export function cellDigest(cell: SignedCell): Buffer {
  return createHash('sha256').update(cellBytes(cell)).digest();
}

/** The digests of a transaction's cells, in order, as they travel (base64url, 43 characters each). */
export function digestList(cells: readonly SignedCell[]): string[] {
  return cells.map((cell) => cellDigest(cell).toString('base64url'));
}

export interface TransactionHeader {
  cooperationId: string;
  author: AuthorRef;
  hlc: string;
}

export function signTransaction(key: KeyObject, header: TransactionHeader, digests: readonly string[]): string {
  return signBytes(key, transactionMessage(header, digests.map((digest) => Buffer.from(digest, 'base64url'))));
}

export function verifyTransaction(publicKey: string, header: TransactionHeader, digests: readonly string[], signature: string): boolean {
  return verifyBytes(publicKey, transactionMessage(header, digests.map((digest) => Buffer.from(digest, 'base64url'))), signature);
}

/** Random text for an erasable cell's digest, so the digest of an erased identity number cannot be guessed back. */
export function newBlind(): string {
  return randomBytes(16).toString('base64url');
}

/** Encrypts a private key with a 32-byte key derived from the user's password: "v1.<iv>.<ciphertext and tag>". */
export function wrapPrivateKey(key: KeyObject, wrappingKey: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  const body = Buffer.concat([cipher.update(exportPrivateKey(key)), cipher.final(), cipher.getAuthTag()]);
  return `v1.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

/** The private key, or null when the wrapping key is wrong or the text was changed. */
export function unwrapPrivateKey(wrapped: string, wrappingKey: Buffer): SigningKey | null {
  const [version, iv, body] = wrapped.split('.');
  if (version !== 'v1' || !iv || !body) return null;
  try {
    const bytes = Buffer.from(body, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return importPrivateKey(Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]));
  } catch {
    return null;
  }
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A public key's SHA-256 in base32, the text a fingerprint is cut from (see formatFingerprint in domain/trust/authority.ts). */
export function keyFingerprintText(publicKey: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}
