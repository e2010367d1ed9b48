// Repository for the chain of authority: writes authority records, each signed on its own by its signer, through a ChangeSet.
import type { AuthorityKind, AuthorityRecord } from '../domain/trust/authority';
import { authorityRecordMessage } from '../domain/trust/canonical';
import type { AuthorityRecordContent } from '../domain/trust/canonical';
import type { Role } from '../domain/roles';
import { getCooperation } from './cooperation';
import { newId } from './ids';
import { signBytes } from './signing';
import type { SigningKey } from './signing';
import type { RowValues } from './sync-tables';
import type { ChangeSet } from './write-path';

/** A signed authority record as the values of its authority_records row (the one mapping; everything else calls it). */
export function authorityRowValues(record: AuthorityRecord): RowValues<'authority_records'> {
  return {
    kind: record.kind,
    subject_id: record.subjectId,
    role: record.role,
    public_key: record.publicKey,
    signer_id: record.signerId,
    at: record.at,
    details: record.details,
    signature: record.signature,
  };
}

export interface NewAuthorityRecord {
  kind: AuthorityKind;
  subjectId: string;
  /** The user id of whoever signs it (the key below is theirs). */
  signerId: string;
  role?: Role | null;
  publicKey?: string | null;
  details?: unknown;
}

/**
 * Signs and writes records in the given order, all at the transaction's timestamp. Records with the same timestamp are
 * replayed in id order, so the ids are made increasing here (a root before the records it signs).
 */
export function writeAuthorityRecords(changes: ChangeSet, records: readonly NewAuthorityRecord[], key: SigningKey): AuthorityRecord[] {
  const cooperationId = getCooperation(changes.db)?.id;
  if (!cooperationId) throw new Error('authority records need a cooperation');
  const ids = records.map(() => newId()).sort();
  return records.map((record, index) => {
    const content: AuthorityRecordContent = {
      id: ids[index]!,
      kind: record.kind,
      subjectId: record.subjectId,
      role: record.role ?? null,
      publicKey: record.publicKey ?? null,
      signerId: record.signerId,
      at: changes.hlc,
      details: record.details === undefined ? null : JSON.stringify(record.details),
    };
    const signed: AuthorityRecord = { ...content, signature: signBytes(key.privateKey, authorityRecordMessage(cooperationId, content)) };
    changes.insert('authority_records', content.id, authorityRowValues(signed));
    return signed;
  });
}

export function writeAuthorityRecord(changes: ChangeSet, record: NewAuthorityRecord, key: SigningKey): AuthorityRecord {
  return writeAuthorityRecords(changes, [record], key)[0]!;
}
