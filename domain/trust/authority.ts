// The chain of authority: replays the signed authority records into who holds which key and roles at any moment.
import { isRole } from '../roles';
import type { Role } from '../roles';
import { authorityRecordMessage } from './canonical';
import type { AuthorityRecordContent } from './canonical';

export const AUTHORITY_KINDS = ['root', 'account', 'grant', 'revoke', 'deactivate', 'reactivate', 'key', 'takeover'] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];

export interface AuthorityRecord extends AuthorityRecordContent {
  signature: string;
}

/** What one account may do at one moment. `publicKey` is null for an account taken over at upgrade that has no key yet. */
export interface UserAuthority {
  publicKey: string | null;
  roles: readonly Role[];
  active: boolean;
}

export type AuthorityRefusal =
  | 'trust.badSignature'
  | 'trust.rootMismatch'
  | 'trust.signerNotAdmin'
  | 'trust.badRecord'
  | 'trust.duplicateAccount'
  | 'trust.unknownSubject';

export interface Authority {
  /** The root admin's public key, or null before a root exists (a store from before signing, not yet taken over). */
  rootPublicKey: string | null;
  rootUserId: string | null;
  /** Whether data from before signing has been taken over (a `takeover` record was accepted). */
  takenOver: boolean;
  /**
   * From when every change must be signed: the takeover record's time, else the root's (a cooperation made by a
   * signing version has no data from before). Null before a root exists. Unsigned changes stamped earlier are taken over.
   */
  since: string | null;
  /** The account's key, roles and state as of the HLC timestamp `hlc` (records at or before it count). */
  at(userId: string, hlc: string): UserAuthority | null;
  /** The account as of now (every record counts). */
  current(userId: string): UserAuthority | null;
  /** Accounts that existed before signing and have no key yet (they get one at their next sign-in). */
  accountsWithoutKey(): string[];
  /** Records that did not count, with why (shown to admins; a forged record lands here). */
  rejected: { record: AuthorityRecord; reason: AuthorityRefusal }[];
}

export interface EvaluateOptions {
  /** The cooperation id that is part of every signed record. */
  cooperationId: string;
  /** The root key this computer or service pinned; any other root is refused. Null: the first valid root counts. */
  pinnedRoot?: string | null;
  /** Checks an Ed25519 signature (base64url key and signature) over the message. Injected: domain/ does no crypto. */
  verify(publicKey: string, message: Uint8Array, signature: string): boolean;
}

/** The accounts a takeover record lists, as its `details` JSON holds them. */
export interface TakeoverDetails {
  accounts: { userId: string; roles: Role[]; active: boolean }[];
}

function parseJson<T>(text: string | null): T | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** Orders records as every computer does: by timestamp, then id, so the replay is the same everywhere. */
export function compareRecords(a: AuthorityRecordContent, b: AuthorityRecordContent): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function evaluateAuthority(records: readonly AuthorityRecord[], options: EvaluateOptions): Authority {
  const timelines = new Map<string, { at: string; state: UserAuthority }[]>();
  const rejected: Authority['rejected'] = [];
  const legacy = new Set<string>();
  let rootPublicKey: string | null = null;
  let rootUserId: string | null = null;
  let takenOver = false;
  let since: string | null = null;

  const now = (userId: string): UserAuthority | null => timelines.get(userId)?.at(-1)?.state ?? null;
  const set = (userId: string, at: string, state: UserAuthority) => {
    const timeline = timelines.get(userId);
    if (timeline) timeline.push({ at, state });
    else timelines.set(userId, [{ at, state }]);
  };
  const signedBy = (record: AuthorityRecord, publicKey: string) =>
    options.verify(publicKey, authorityRecordMessage(options.cooperationId, record), record.signature);

  for (const record of [...records].sort(compareRecords)) {
    const reject = (reason: AuthorityRefusal) => rejected.push({ record, reason });
    const kind = record.kind as AuthorityKind;

    if (kind === 'root') {
      if (rootPublicKey !== null || !record.publicKey || record.signerId !== record.subjectId) {
        reject('trust.rootMismatch');
        continue;
      }
      if (options.pinnedRoot && options.pinnedRoot !== record.publicKey) {
        reject('trust.rootMismatch');
        continue;
      }
      if (!signedBy(record, record.publicKey)) {
        reject('trust.badSignature');
        continue;
      }
      rootPublicKey = record.publicKey;
      rootUserId = record.subjectId;
      since = record.at;
      set(record.subjectId, record.at, { publicKey: record.publicKey, roles: ['admin'], active: true });
      continue;
    }

    const subject = now(record.subjectId);
    // A first key for an account taken over at upgrade is bound by its own user, who proves they hold it.
    if (kind === 'key' && record.signerId === record.subjectId) {
      if (!subject || subject.publicKey !== null || !legacy.has(record.subjectId) || !record.publicKey) {
        reject('trust.signerNotAdmin');
        continue;
      }
      if (!signedBy(record, record.publicKey)) {
        reject('trust.badSignature');
        continue;
      }
      set(record.subjectId, record.at, { ...subject, publicKey: record.publicKey });
      continue;
    }

    const signer = now(record.signerId);
    if (!signer || !signer.active || !signer.publicKey || !signer.roles.includes('admin')) {
      reject('trust.signerNotAdmin');
      continue;
    }
    if (!signedBy(record, signer.publicKey)) {
      reject('trust.badSignature');
      continue;
    }

    switch (kind) {
      case 'account': {
        const details = parseJson<{ roles?: unknown }>(record.details);
        const roles = Array.isArray(details?.roles) ? details.roles.filter((role): role is Role => typeof role === 'string' && isRole(role)) : [];
        if (!record.publicKey) reject('trust.badRecord');
        else if (subject) reject('trust.duplicateAccount');
        else set(record.subjectId, record.at, { publicKey: record.publicKey, roles, active: true });
        break;
      }
      case 'grant':
      case 'revoke': {
        if (!record.role || !isRole(record.role)) reject('trust.badRecord');
        else if (!subject) reject('trust.unknownSubject');
        else {
          const role = record.role;
          const roles = kind === 'grant' ? [...new Set([...subject.roles, role])] : subject.roles.filter((held) => held !== role);
          set(record.subjectId, record.at, { ...subject, roles });
        }
        break;
      }
      case 'deactivate':
      case 'reactivate':
        if (!subject) reject('trust.unknownSubject');
        else set(record.subjectId, record.at, { ...subject, active: kind === 'reactivate' });
        break;
      case 'key':
        if (!subject) reject('trust.unknownSubject');
        else if (!record.publicKey) reject('trust.badRecord');
        else set(record.subjectId, record.at, { ...subject, publicKey: record.publicKey });
        break;
      case 'takeover': {
        const details = parseJson<TakeoverDetails>(record.details);
        if (takenOver || !details || !Array.isArray(details.accounts)) {
          reject('trust.badRecord');
          break;
        }
        takenOver = true;
        since = record.at;
        for (const account of details.accounts) {
          if (typeof account?.userId !== 'string' || now(account.userId)) continue;
          legacy.add(account.userId);
          const roles = Array.isArray(account.roles) ? account.roles.filter((role) => typeof role === 'string' && isRole(role)) : [];
          set(account.userId, record.at, { publicKey: null, roles, active: account.active !== false });
        }
        break;
      }
      default:
        reject('trust.badRecord');
    }
  }

  return {
    rootPublicKey,
    rootUserId,
    takenOver,
    since,
    rejected,
    at(userId, hlc) {
      const timeline = timelines.get(userId);
      if (!timeline) return null;
      let found: UserAuthority | null = null;
      for (const entry of timeline) {
        if (entry.at > hlc) break;
        found = entry.state;
      }
      return found;
    },
    current: now,
    accountsWithoutKey: () => [...legacy].filter((userId) => now(userId)?.publicKey === null),
  };
}

/** "A3F9-07KC-…": the first 16 characters of a key's SHA-256 (given as base32 text), in four groups, for comparing at a glance. */
export function formatFingerprint(base32: string): string {
  const chars = base32.replace(/=+$/, '').toUpperCase().slice(0, 16);
  return chars.match(/.{1,4}/g)?.join('-') ?? '';
}
