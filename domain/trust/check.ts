// Checks one signed transaction: its digests, signature, author's authority at its time and the permission table. The write path, the service and every computer's merge run this same check.
import { checkTransaction, PERMISSIONS } from './permissions';
import type { CellToCheck, ChangeAuthor, PermissionRefusal } from './permissions';
import type { Authority } from './authority';
import { transactionMessage } from './canonical';
import type { AuthorRef } from './canonical';

/** Why a transaction was refused: the codes the service answers with and computers keep with what they set aside. */
export type TrustRefusal = PermissionRefusal | 'trust.badSignature' | 'trust.unknownAuthor' | 'trust.inactiveAuthor' | 'trust.unsigned';

/** A cell under check: where it sits in the transaction's digest list (null for legacy) and its blind. */
export interface SignedCellToCheck extends CellToCheck {
  i: number | null;
  blind: string | null;
}

/** One transaction (or the part of it a push or page carries). */
export interface TransactionToCheck {
  hlc: string;
  /** "user:<id>", "device:<clock id>", or "legacy" for a change from before signing. */
  author: string;
  signature: string | null;
  digests: readonly string[] | null;
  cells: readonly SignedCellToCheck[];
}

export interface CheckContext {
  cooperationId: string;
  authority: Authority;
  /** False before the cooperation has a root (a store or service from before signing): everything is accepted as before. */
  enforced: boolean;
  /** Unsigned changes stamped before this are taken over; null: none are. */
  legacyCutoff: string | null;
  /** The public key of a computer (by clock id) for background work it signed, or null when unknown. */
  devicePublicKey(clockId: string): string | null;
  /** base64url SHA-256 of cellBytes(cell) (injected: domain/ does no crypto). */
  digest(cell: { table: string; row: string; column: string; value: string | number | null; blind: string | null }): string;
  verify(publicKey: string, message: Uint8Array, signature: string): boolean;
}

export interface TrustFailure {
  refusal: TrustRefusal;
  /** What failed, in English, for logs and the admins' list. */
  detail: string;
}

/** Columns that did not exist before signing: no unsigned change may write them. */
const SIGNED_ONLY: Readonly<Record<string, true>> = { 'authority_records.*': true, 'users.wrapped_key': true };
const signedOnly = (cell: CellToCheck) => SIGNED_ONLY[`${cell.table}.*`] === true || SIGNED_ONLY[`${cell.table}.${cell.column}`] === true;

/** The clock id at the end of an HLC timestamp ("<15 digits>-<6 digits>-<clock id>"). */
const clockIdOf = (hlc: string) => hlc.slice(23);

function checkLegacy(transaction: TransactionToCheck, context: CheckContext): TrustFailure | null {
  const cutoff = context.legacyCutoff;
  if (cutoff === null || transaction.hlc >= cutoff) return { refusal: 'trust.unsigned', detail: `unsigned change ${transaction.hlc} made after signing began` };
  for (const cell of transaction.cells) {
    if (signedOnly(cell)) return { refusal: 'trust.unsigned', detail: `unsigned change to ${cell.table}.${cell.column}` };
    if (cell.alreadyWritten && PERMISSIONS[cell.table]?.writeOnce) return { refusal: 'trust.writeOnce', detail: `${cell.table}.${cell.column} of ${cell.row} is already written` };
  }
  return null;
}

/** The author as the permission table sees them, with their roles at the transaction's time; or why they may not sign. */
function authorAt(transaction: TransactionToCheck, context: CheckContext): { author: ChangeAuthor; publicKey: string } | TrustFailure {
  const ref = transaction.author;
  if (ref.startsWith('user:')) {
    const userId = ref.slice(5);
    const state = context.authority.at(userId, transaction.hlc);
    if (!state || !state.publicKey) return { refusal: 'trust.unknownAuthor', detail: `${ref} has no key at ${transaction.hlc}` };
    if (!state.active) return { refusal: 'trust.inactiveAuthor', detail: `${ref} was deactivated at ${transaction.hlc}` };
    return { author: { kind: 'user', userId, roles: state.roles }, publicKey: state.publicKey };
  }
  if (ref.startsWith('device:')) {
    const clockId = ref.slice(7);
    // A computer signs only its own timestamps.
    if (clockId !== clockIdOf(transaction.hlc)) return { refusal: 'trust.forbidden', detail: `${ref} signed another computer's timestamp ${transaction.hlc}` };
    const publicKey = context.devicePublicKey(clockId);
    if (!publicKey) return { refusal: 'trust.unknownAuthor', detail: `${ref} is not a known computer` };
    return { author: { kind: 'device', deviceId: clockId }, publicKey };
  }
  return { refusal: 'trust.unknownAuthor', detail: `unknown author ${ref}` };
}

/** Null when every cell of the transaction may be applied; else the first reason it may not. */
export function checkSignedTransaction(transaction: TransactionToCheck, context: CheckContext): TrustFailure | null {
  if (!context.enforced) return null;
  if (transaction.author === 'legacy') return checkLegacy(transaction, context);
  const { signature, digests } = transaction;
  if (!signature || !digests) return { refusal: 'trust.unsigned', detail: `transaction ${transaction.hlc} has no signature` };
  for (const cell of transaction.cells) {
    if (cell.i === null || !Number.isInteger(cell.i) || cell.i < 0 || cell.i >= digests.length || context.digest(cell) !== digests[cell.i]) {
      return { refusal: 'trust.badSignature', detail: `${cell.table}.${cell.column} of ${cell.row} does not match its signed digest` };
    }
  }
  const found = authorAt(transaction, context);
  if ('refusal' in found) return found;
  const message = transactionMessage(
    { cooperationId: context.cooperationId, author: transaction.author as AuthorRef, hlc: transaction.hlc },
    digests.map((digest) => base64urlBytes(digest)),
  );
  if (!context.verify(found.publicKey, message, signature)) return { refusal: 'trust.badSignature', detail: `the signature of ${transaction.hlc} by ${transaction.author} does not verify` };
  const refused = checkTransaction(found.author, transaction.cells);
  if (!refused) return null;
  // Work saved on an upgraded computer before its cooperation had a root was signed by the computer's key, as nobody had
  // one yet: it is taken over like unsigned data from before signing.
  if (found.author.kind === 'device' && context.legacyCutoff !== null && transaction.hlc < context.legacyCutoff) return checkLegacy(transaction, context);
  return { refusal: refused.refusal, detail: `${transaction.author} may not write ${refused.cell.table}.${refused.cell.column} of ${refused.cell.row}` };
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Each ASCII code's 6-bit value (0 for characters outside the alphabet: the digest then fails to match). */
const DECODE = new Uint8Array(128);
for (let index = 0; index < BASE64URL.length; index++) DECODE[BASE64URL.charCodeAt(index)] = index;

/** Decodes base64url without Buffer (domain/ runs in the renderer too). */
export function base64urlBytes(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let index = 0; index < text.length; index++) {
    value = ((value << 6) | (DECODE[text.charCodeAt(index) & 127] ?? 0)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >>> bits) & 0xff;
    }
  }
  return out.subarray(0, at);
}
