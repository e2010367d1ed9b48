// The exact bytes that are hashed and signed: a transaction's cells and an authority record (docs/sync-protocol.md has examples).

const encoder = new TextEncoder();

/** The label that starts every signed transaction; a new encoding gets a new label, never a changed meaning. */
export const TRANSACTION_LABEL = 'samvakt-tx/1';
export const AUTHORITY_LABEL = 'samvakt-authority/1';

/** Concatenates parts, each text as a 4-byte big-endian length and its UTF-8 bytes, each byte array as it is. */
export function lengthPrefixed(parts: readonly (string | Uint8Array)[]): Uint8Array {
  const encoded = parts.map((part) => (typeof part === 'string' ? encoder.encode(part) : part));
  const size = encoded.reduce((sum, bytes, index) => sum + bytes.length + (typeof parts[index] === 'string' ? 4 : 0), 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  encoded.forEach((bytes, index) => {
    if (typeof parts[index] === 'string') {
      view.setUint32(at, bytes.length);
      at += 4;
    }
    out.set(bytes, at);
    at += bytes.length;
  });
  return out;
}

/** A cell's value as text with its type in front: "n" for null, "s:<text>" for text, "d:<JSON number>" for numbers. */
export function valueText(value: string | number | null): string {
  if (value === null) return 'n';
  return typeof value === 'string' ? `s:${value}` : `d:${JSON.stringify(value)}`;
}

/** The bytes a cell's digest is made from. `blind` is the random text that keeps an erasable value's digest unguessable. */
export function cellBytes(cell: { table: string; row: string; column: string; value: string | number | null; blind?: string | null }): Uint8Array {
  return lengthPrefixed([cell.table, cell.row, cell.column, valueText(cell.value), cell.blind ?? '']);
}

/** Who signed, as it is written in signed bytes and on the wire: "user:<user id>" or "device:<clock id>". */
export type AuthorRef = `user:${string}` | `device:${string}`;

/** The bytes one transaction's signature covers: its header, then the 32-byte digest of every cell in order. */
export function transactionMessage(header: { cooperationId: string; author: AuthorRef; hlc: string }, digests: readonly Uint8Array[]): Uint8Array {
  const count = new Uint8Array(4);
  new DataView(count.buffer).setUint32(0, digests.length);
  return lengthPrefixed([TRANSACTION_LABEL, header.cooperationId, header.author, header.hlc, count, ...digests]);
}

/** The fields of an authority record that its signature covers (everything but the signature). */
export interface AuthorityRecordContent {
  id: string;
  kind: string;
  subjectId: string;
  role: string | null;
  publicKey: string | null;
  signerId: string;
  at: string;
  details: string | null;
}

export function authorityRecordMessage(cooperationId: string, record: AuthorityRecordContent): Uint8Array {
  return lengthPrefixed([
    AUTHORITY_LABEL,
    cooperationId,
    record.id,
    record.kind,
    record.subjectId,
    record.role ?? '',
    record.publicKey ?? '',
    record.signerId,
    record.at,
    record.details ?? '',
  ]);
}
