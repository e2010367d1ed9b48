// Users' signing keys at sign-in: checks the unwrapped key against the chain of authority, binds keys for accounts from before signing, and takes over a store from before signing.
import { writeAuthorityRecords } from '../../db/authority-records';
import type { NewAuthorityRecord } from '../../db/authority-records';
import { getCooperation } from '../../db/cooperation';
import type { LocalStore } from '../../db/open';
import { signAs, userSigner } from '../../db/signer';
import type { Signer } from '../../db/signer';
import { generateSigningKey, unwrapPrivateKey, wrapPrivateKey } from '../../db/signing';
import type { SigningKey } from '../../db/signing';
import { accountsForTakeover, setPasswordHash, setWrappedKey } from '../../db/users';
import type { UserCredentials } from '../../db/users';
import type { Role } from '../../domain/roles';
import type { PasswordSecrets } from './passwords';

/** A new key pair for an account and its private key wrapped under the password's wrapping key. */
export function newAccountKey(wrappingKey: Buffer): { key: SigningKey; wrappedKey: string } {
  const key = generateSigningKey();
  return { key, wrappedKey: wrapPrivateKey(key.privateKey, wrappingKey) };
}

/** What a sign-in with the right password leads to, before anything is written. */
export type SignInPlan =
  /** The key unwrapped and matches the chain: roles come from the chain. */
  | { kind: 'signed'; key: SigningKey; roles: Role[] }
  /** An account taken over at upgrade with no key yet: it gets one now. */
  | { kind: 'bindKey'; roles: Role[] }
  /** The first admin to sign in on a store from before signing: root and takeover. */
  | { kind: 'takeover'; roles: Role[] }
  /** A non-admin on a store from before signing: signs in as before, without a key. */
  | { kind: 'legacy'; roles: Role[] }
  /** The chain does not know this account or key (a planted row), or it is deactivated there. */
  | { kind: 'refused'; reason: 'untrusted' | 'inactive' };

/** Decides how a user whose password matched signs in; reads only. */
export function planSignIn(store: LocalStore, user: UserCredentials, wrappingKey: Buffer): SignInPlan {
  if (!store.trust.enforced()) {
    if (user.roles.includes('admin') && getCooperation(store.db)) return { kind: 'takeover', roles: user.roles };
    return { kind: 'legacy', roles: user.roles };
  }
  const authority = store.trust.authority().current(user.id);
  if (!authority) return { kind: 'refused', reason: 'untrusted' };
  if (!authority.active) return { kind: 'refused', reason: 'inactive' };
  if (authority.publicKey === null) return { kind: 'bindKey', roles: [...authority.roles] };
  const key = user.wrappedKey ? unwrapPrivateKey(user.wrappedKey, wrappingKey) : null;
  if (!key || key.publicKey !== authority.publicKey) return { kind: 'refused', reason: 'untrusted' };
  return { kind: 'signed', key, roles: [...authority.roles] };
}

/**
 * Carries out a plan that was not refused: writes what it needs (signed by the user) and returns the session's signer
 * and roles. `rehash` (a hash made with today's parameters) is written in the same transaction, the key re-wrapped under it.
 */
export function carryOutSignIn(
  store: LocalStore,
  user: UserCredentials,
  plan: Exclude<SignInPlan, { kind: 'refused' }>,
  wrappingKey: Buffer,
  rehash: PasswordSecrets | null,
): { signer: Signer | null; roles: Role[] } {
  const finalWrappingKey = rehash?.wrappingKey ?? wrappingKey;
  const saveKey = (changes: Parameters<Parameters<LocalStore['writer']['write']>[0]>[0], key: SigningKey) => {
    const wrapped = wrapPrivateKey(key.privateKey, finalWrappingKey);
    if (rehash) setPasswordHash(changes, user.id, rehash.hash, wrapped);
    else setWrappedKey(changes, user.id, wrapped);
  };

  switch (plan.kind) {
    case 'legacy':
      if (rehash) store.writer.write((changes) => setPasswordHash(changes, user.id, rehash.hash));
      return { signer: null, roles: plan.roles };
    case 'signed': {
      const signer = userSigner(user.id, plan.key);
      if (rehash) signAs(signer, () => store.writer.write((changes) => saveKey(changes, plan.key)));
      return { signer, roles: plan.roles };
    }
    case 'bindKey': {
      // The user proves they hold the new key by signing its record with it (allowed once, for a taken-over account with no key).
      const key = generateSigningKey();
      const signer = userSigner(user.id, key);
      signAs(signer, () =>
        store.writer.write((changes) => {
          writeAuthorityRecords(changes, [{ kind: 'key', subjectId: user.id, signerId: user.id, publicKey: key.publicKey }], key);
          saveKey(changes, key);
        }),
      );
      return { signer, roles: [...(store.trust.authority().current(user.id)?.roles ?? plan.roles)] };
    }
    case 'takeover': {
      const key = generateSigningKey();
      const signer = userSigner(user.id, key);
      signAs(signer, () =>
        store.writer.write((changes) => {
          const others = accountsForTakeover(changes.db).filter((account) => account.userId !== user.id);
          const records: NewAuthorityRecord[] = [
            { kind: 'root', subjectId: user.id, signerId: user.id, role: 'admin', publicKey: key.publicKey },
            // The root holds admin only; the admin's other roles are granted by the admin's own key.
            ...plan.roles.filter((role) => role !== 'admin').map((role): NewAuthorityRecord => ({ kind: 'grant', subjectId: user.id, signerId: user.id, role })),
            { kind: 'takeover', subjectId: user.id, signerId: user.id, details: { accounts: others } },
          ];
          writeAuthorityRecords(changes, records, key);
          saveKey(changes, key);
        }),
      );
      store.trust.forget();
      return { signer, roles: [...(store.trust.authority().current(user.id)?.roles ?? ['admin'])] };
    }
  }
}
