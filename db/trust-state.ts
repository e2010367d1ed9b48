// This computer's view of the chain of authority: the records replayed (cached), the pinned root, and whether signing is enforced yet.
import type Database from 'better-sqlite3';
import { evaluateAuthority } from '../domain/trust/authority';
import type { Authority, AuthorityRecord } from '../domain/trust/authority';
import { getCooperation } from './cooperation';
import { getMeta, setMeta } from './local-meta';
import { verifyBytes } from './signing';
import { statement } from './statements';

export const PINNED_ROOT_META = 'trust.rootPublicKey';

export interface TrustState {
  /** The replayed chain (cached until the authority records change). */
  authority(): Authority;
  /** The cooperation id every signature covers ('' before there is a cooperation). */
  cooperationId(): string;
  /** The root key this computer pinned (at setup, at joining or at the first root it saw), or null. */
  pinnedRoot(): string | null;
  /** Pins a root key given by the service at enrolment; a store that already pinned one keeps it. */
  pinRoot(publicKey: string): void;
  /** True once the cooperation has a root: from then on every change must be signed and allowed. */
  enforced(): boolean;
  /** Changes stamped before this may be unsigned (data from before signing, taken over); null while not enforced. */
  legacyCutoff(): string | null;
  /** Forget the cached replay (after writing or merging authority records). */
  forget(): void;
}

interface RecordRow {
  id: string;
  kind: string;
  subject_id: string;
  role: string | null;
  public_key: string | null;
  signer_id: string;
  at: string;
  details: string | null;
  signature: string;
}

export function readAuthorityRecords(db: Database.Database): AuthorityRecord[] {
  const rows = statement(db, 'SELECT id, kind, subject_id, role, public_key, signer_id, at, details, signature FROM authority_records WHERE deleted = 0').all() as RecordRow[];
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    subjectId: row.subject_id,
    role: row.role,
    publicKey: row.public_key,
    signerId: row.signer_id,
    at: row.at,
    details: row.details,
    signature: row.signature,
  }));
}

export function createTrustState(db: Database.Database): TrustState {
  let cached: { key: string; authority: Authority } | null = null;
  const versionOf = statement(db, "SELECT count(*) || ':' || total(length(signature)) || ':' || total(length(details)) FROM authority_records", 'pluck');
  const cooperationId = () => getCooperation(db)?.id ?? '';

  function authority(): Authority {
    const key = `${versionOf.get() as string}|${cooperationId()}|${getMeta(db, PINNED_ROOT_META) ?? ''}`;
    if (cached?.key === key) return cached.authority;
    const pinned = getMeta(db, PINNED_ROOT_META);
    const evaluated = evaluateAuthority(readAuthorityRecords(db), { cooperationId: cooperationId(), pinnedRoot: pinned, verify: verifyBytes });
    // The first valid root this computer sees is pinned: no later record can replace it.
    if (!pinned && evaluated.rootPublicKey) setMeta(db, PINNED_ROOT_META, evaluated.rootPublicKey);
    cached = { key: `${versionOf.get() as string}|${cooperationId()}|${getMeta(db, PINNED_ROOT_META) ?? ''}`, authority: evaluated };
    return evaluated;
  }

  return {
    authority,
    cooperationId,
    pinnedRoot: () => getMeta(db, PINNED_ROOT_META),
    pinRoot(publicKey) {
      if (!getMeta(db, PINNED_ROOT_META)) setMeta(db, PINNED_ROOT_META, publicKey);
    },
    enforced: () => authority().rootPublicKey !== null,
    legacyCutoff: () => authority().since,
    forget: () => void (cached = null),
  };
}
