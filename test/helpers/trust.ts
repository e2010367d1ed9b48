// Test helpers for signed data: keys, signed authority records and signed push transactions, as an honest (or rogue) computer makes them.
import { randomUUID } from 'node:crypto';
import { authorityRecordMessage } from '../../domain/trust/canonical';
import type { AuthorityRecordContent, AuthorRef } from '../../domain/trust/canonical';
import type { AuthorityRecord } from '../../domain/trust/authority';
import { authorityRowValues } from '../../db/authority-records';
import { digestList, generateSigningKey, signBytes, signTransaction } from '../../db/signing';
import type { SigningKey } from '../../db/signing';
import type { PushTransaction, WireCell } from '../../sync/protocol';

export { generateSigningKey };
export type { SigningKey };

/** An authority record signed by `signer` (fills id when left out). */
export function signedRecord(cooperationId: string, content: Omit<AuthorityRecordContent, 'id'> & { id?: string }, signer: SigningKey): AuthorityRecord {
  const record: AuthorityRecordContent = { ...content, id: content.id ?? randomUUID() };
  return { ...record, signature: signBytes(signer.privateKey, authorityRecordMessage(cooperationId, record)) };
}

/** The cells that store an authority record as a row of authority_records. */
export function recordCells(record: AuthorityRecord): Omit<WireCell, 'i'>[] {
  return Object.entries({ ...authorityRowValues(record), deleted: 0 }).map(([column, value]) => ({ table: 'authority_records', row: record.id, column, value: value ?? null }));
}

/** A signed push transaction: indexes and digests are filled from the cells in order. */
export function signedTransaction(
  cooperationId: string,
  author: AuthorRef,
  hlc: string,
  cells: readonly Omit<WireCell, 'i'>[],
  key: SigningKey,
): PushTransaction {
  const digests = digestList(cells.map((cell) => ({ ...cell, blind: cell.blind ?? null })));
  const signature = signTransaction(key.privateKey, { cooperationId, author, hlc }, digests);
  return { hlc, author, signature, digests, cells: cells.map((cell, i) => ({ ...cell, i })) };
}
