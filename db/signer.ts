// Who signs the write path's transactions: the signed-in person for the call being served, else this computer's own device key.
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { AuthorRef } from '../domain/trust/canonical';
import { getMeta, setMeta } from './local-meta';
import { exportPrivateKey, generateSigningKey, importPrivateKey } from './signing';
import type { SigningKey } from './signing';

/** A key and the author it signs as ("user:<id>" for a person, "device:<clock id>" for this computer). */
export interface Signer {
  author: AuthorRef;
  key: SigningKey;
}

const current = new AsyncLocalStorage<Signer>();

/** Runs fn (and everything it awaits) with `signer` signing its writes; the backend wraps each signed-in call in this. */
export function signAs<R>(signer: Signer, fn: () => R): R {
  return current.run(signer, fn);
}

/** The signer of the call being served, or null outside any (background work: the device key signs). */
export function currentSigner(): Signer | null {
  return current.getStore() ?? null;
}

const DEVICE_KEY_META = 'device.signingKey';

/** This computer's own key (made at first use, kept in local_meta which never syncs): it signs only what DEVICE_MAY lists. */
export function deviceSigner(db: Database.Database, clockId: string): Signer {
  const saved = getMeta(db, DEVICE_KEY_META);
  let key: SigningKey;
  if (saved) key = importPrivateKey(Buffer.from(saved, 'base64url'));
  else {
    key = generateSigningKey();
    setMeta(db, DEVICE_KEY_META, exportPrivateKey(key.privateKey).toString('base64url'));
  }
  return { author: `device:${clockId}`, key };
}

/** A person's signer from their unwrapped key. */
export function userSigner(userId: string, key: SigningKey): Signer {
  return { author: `user:${userId}`, key };
}
