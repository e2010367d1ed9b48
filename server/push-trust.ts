// The service's trust check of a push: the chain of authority (stored records and the ones the push carries), then every transaction through checkSignedTransaction, then what to store.
import crypto from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { evaluateAuthority } from '../domain/trust/authority';
import type { Authority, AuthorityRecord, AuthorityRefusal } from '../domain/trust/authority';
import { checkSignedTransaction } from '../domain/trust/check';
import type { CheckContext, SignedCellToCheck, TrustRefusal } from '../domain/trust/check';
import { PERMISSIONS } from '../domain/trust/permissions';
import { transactionMessage, valueText } from '../domain/trust/canonical';
import type { AuthorRef } from '../domain/trust/canonical';
import { authorityRowValues } from '../db/authority-records';
import { verifyBytes } from '../db/signing';
import type { SqlValue } from '../db/sync-tables';
import type { PushRequest, PushTransaction, SyncErrorCode } from '../sync/protocol';
import { SyncServiceError } from './request-checks';
import { authorityRecordOf, cellKey, rowKeyOf } from './storage';
import type { ChangeToStore, StoredDevice, StoredSeal, StoreOptions, SyncStorage } from './storage';

/** The evaluated chain per cooperation, valid while its authority version and pinned root are the ones it was made with. */
export type AuthorityCache = Map<string, { version: number; root: string | null; signingId: string; records: AuthorityRecord[]; authority: Authority }>;

/**
 * The cooperation id every signature of this cooperation names: its synced `cooperation` row's id (the lowest one not
 * deleted, as every computer picks it), stored already or arriving in this push (the setup transaction brings it with
 * the root). '' before there is one, as on a computer before setup.
 */
function signingIdOf(stored: string | null, transactions: readonly PushTransaction[]): string {
  let id = stored;
  for (const transaction of transactions) {
    for (const cell of transaction.cells) {
      if (cell.table === 'cooperation' && cell.column === 'deleted' && cell.value === 0 && (id === null || cell.row < id)) id = cell.row;
    }
  }
  return id ?? '';
}

/** What a checked push stores. */
export interface PreparedPush {
  changes: ChangeToStore[];
  options: StoreOptions;
}

/** How a refusal of the chain of authority is answered. */
const AUTHORITY_CODES: Record<AuthorityRefusal, SyncErrorCode> = {
  'trust.rootMismatch': 'trust.rootMismatch',
  'trust.badSignature': 'trust.badSignature',
  'trust.badRecord': 'trust.badRecord',
  'trust.signerNotAdmin': 'trust.forbidden',
  'trust.duplicateAccount': 'trust.forbidden',
  'trust.unknownSubject': 'trust.forbidden',
};

/** HTTP status of a refused transaction: a write-once cell already written is a conflict, everything else is forbidden. */
export const trustStatus = (code: TrustRefusal | SyncErrorCode): number => (code === 'trust.writeOnce' ? 409 : 403);

/** A write-once cell keeps the first value stored (PERMISSIONS[table].writeOnce, except the columns retention may erase). */
export function isWriteOnceCell(table: string, column: string): boolean {
  const rule = PERMISSIONS[table];
  return rule?.writeOnce === true && rule.erasable?.columns.includes(column) !== true;
}


/** A record whose row has arrived whole (a record split over two pushes counts once its last part is there). */
const complete = (record: AuthorityRecord) => record.kind !== '' && record.signerId !== '' && record.at !== '' && record.signature !== '';

/** The stored records with the authority_records rows this push carries laid over them; and the ids the push carries. */
function withPushedRecords(stored: readonly AuthorityRecord[], transactions: readonly PushTransaction[]): { records: AuthorityRecord[]; pushed: Set<string> } | null {
  const pushedValues = new Map<string, Record<string, SqlValue>>();
  for (const transaction of transactions) {
    for (const cell of transaction.cells) {
      if (cell.table !== 'authority_records') continue;
      let values = pushedValues.get(cell.row);
      if (!values) pushedValues.set(cell.row, (values = {}));
      values[cell.column] = cell.value;
    }
  }
  if (pushedValues.size === 0) return null;
  const byId = new Map(stored.map((record) => [record.id, record]));
  for (const [id, values] of pushedValues) {
    const base = byId.get(id);
    const merged: Record<string, SqlValue | undefined> = {};
    if (base) Object.assign(merged, authorityRowValues(base));
    Object.assign(merged, values);
    if (merged.deleted !== undefined && merged.deleted !== 0 && merged.deleted !== null) byId.delete(id);
    else byId.set(id, authorityRecordOf(id, merged));
  }
  return { records: [...byId.values()].filter(complete), pushed: new Set(pushedValues.keys()) };
}

/**
 * The same digest as cellDigest (db/signing.ts), base64url: SHA-256 of cellBytes, built in one buffer and hashed in one
 * call (the digest of every pushed cell is most of a push's checking time after the signatures; a test holds the two equal).
 */
export function fastCellDigest(cell: { table: string; row: string; column: string; value: string | number | null; blind: string | null }): string {
  const parts = [cell.table, cell.row, cell.column, valueText(cell.value), cell.blind ?? ''];
  let size = 0;
  for (const part of parts) size += 4 + Buffer.byteLength(part, 'utf8');
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  for (const part of parts) {
    const length = bytes.write(part, at + 4, 'utf8');
    bytes.writeUInt32BE(length, at);
    at += 4 + length;
  }
  return crypto.hash('sha256', bytes, 'base64url');
}

const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const keyObjects = new Map<string, KeyObject | null>();

function keyObject(publicKey: string): KeyObject | null {
  let key = keyObjects.get(publicKey);
  if (key === undefined) {
    const raw = Buffer.from(publicKey, 'base64url');
    try {
      key = raw.length === 32 ? crypto.createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' }) : null;
    } catch {
      key = null;
    }
    if (keyObjects.size > 10_000) keyObjects.clear();
    keyObjects.set(publicKey, key);
  }
  return key;
}

/** Verifies an Ed25519 signature on libuv's thread pool, so the signatures of one push are checked in parallel. */
function verifyInPool(publicKey: string, message: Uint8Array, signature: string): Promise<boolean> {
  const key = keyObject(publicKey);
  const bytes = Buffer.from(signature, 'base64url');
  if (!key || bytes.length !== 64) return Promise.resolve(false);
  return new Promise((resolve) => crypto.verify(null, message, key, bytes, (error, ok) => resolve(!error && ok)));
}

interface Preverified {
  publicKey: string;
  signature: string;
  message: Uint8Array;
  ok: boolean;
}

/**
 * Starts verifying the signature of every signed transaction whose author has a key, in parallel on the thread pool.
 * `done` settles when every answer is in; the check runs meanwhile and looks the answers up afterwards.
 */
function preverify(transactions: readonly PushTransaction[], cooperationId: string, authority: Authority, device: StoredDevice): { entries: Map<PushTransaction, Preverified>; done: Promise<unknown> } {
  const entries = new Map<PushTransaction, Preverified>();
  const pending: Promise<void>[] = [];
  for (const transaction of transactions) {
    const { author, signature, digests } = transaction;
    if (author === 'legacy' || !signature || !digests) continue;
    let publicKey: string | null = null;
    if (author.startsWith('user:')) {
      const state = authority.at(author.slice(5), transaction.hlc);
      publicKey = state?.active ? state.publicKey : null;
    } else if (author.slice(7) === device.clockId && transaction.hlc.slice(23) === device.clockId) publicKey = device.publicKey;
    if (!publicKey) continue;
    const message = transactionMessage({ cooperationId, author: author as AuthorRef, hlc: transaction.hlc }, digests.map((each) => Buffer.from(each, 'base64url')));
    const entry: Preverified = { publicKey, signature, message, ok: false };
    entries.set(transaction, entry);
    pending.push(verifyInPool(publicKey, message, signature).then((ok) => void (entry.ok = ok)));
  }
  return { entries, done: Promise.all(pending) };
}

const badSignature = (transaction: PushTransaction) =>
  new SyncServiceError(403, 'trust.badSignature', `Transaction ${transaction.hlc} by ${transaction.author} is refused (trust.badSignature): its signature does not verify.`);

/**
 * Checks a push against the chain of authority and the permission table, and prepares what to store. Throws a
 * SyncServiceError (nothing stored) for the first transaction or authority record that fails, naming it.
 *
 * Before the cooperation has a root everything is accepted as before signing. From the push that carries the root on,
 * every transaction must be signed and allowed; unsigned (legacy) transactions are accepted only in the push that
 * brings the root and only when stamped before it (data from before signing that the upgrading computer sends
 * first). One existingCells query per push, one signature check per transaction, no per-cell queries.
 */
export async function checkPushTrust(storage: SyncStorage, device: StoredDevice, request: PushRequest, cache: AuthorityCache): Promise<PreparedPush> {
  const state = await storage.trustState(device.cooperationId);
  /** What the signatures name (not the service's label for the cooperation, device.cooperationId). */
  const cooperationId = signingIdOf(state.signingId, request.transactions);
  let cached = cache.get(device.cooperationId);
  if (!cached || cached.version !== state.authorityVersion || cached.root !== state.rootPublicKey || cached.signingId !== cooperationId) {
    const records = (await storage.authorityRecords(device.cooperationId)).filter(complete);
    const authority = evaluateAuthority(records, { cooperationId, pinnedRoot: state.rootPublicKey, verify: verifyBytes });
    cached = { version: state.authorityVersion, root: state.rootPublicKey, signingId: cooperationId, records, authority };
    if (cache.size > 10_000) cache.clear();
    cache.set(device.cooperationId, cached);
  }

  let authority = cached.authority;
  const withPushed = withPushedRecords(cached.records, request.transactions);
  if (withPushed) {
    authority = evaluateAuthority(withPushed.records, { cooperationId, pinnedRoot: state.rootPublicKey, verify: verifyBytes });
    const refused = authority.rejected.find((each) => withPushed.pushed.has(each.record.id));
    if (refused) {
      const code = AUTHORITY_CODES[refused.reason];
      throw new SyncServiceError(
        trustStatus(code),
        code,
        `Authority record ${refused.record.id} (${refused.record.kind} of ${refused.record.subjectId}, signed by ${refused.record.signerId}) is refused: ${refused.reason}.`,
      );
    }
  }

  // A pinned root enforces even if no record evaluated to it (nothing should make that happen; then nothing passes).
  if (authority.rootPublicKey !== null || state.rootPublicKey !== null) {
    // The signatures are verified on the thread pool while the stored cells are looked up and every other check runs.
    const verifying = preverify(request.transactions, cooperationId, authority, device);
    const existing = await storage.existingCells(device.cooperationId, request.transactions.flatMap((transaction) => transaction.cells));
    /** Per stored row, the timestamps its cells hold (existingCells reads whole rows): a row another transaction wrote exists. */
    const rowTimes = new Map<string, Set<string>>();
    for (const [key, hlc] of existing) {
      const row = key.slice(0, key.lastIndexOf('\u0000'));
      let times = rowTimes.get(row);
      if (!times) rowTimes.set(row, (times = new Set()));
      times.add(hlc);
    }
    /** Rows written by an earlier transaction of this push, with its timestamp. */
    const rowsInPush = new Map<string, Set<string>>();
    /** The row holds a cell of an earlier transaction: this one changes it rather than inserting it. */
    const writtenBefore = (times: Set<string> | undefined, hlc: string) => times !== undefined && [...times].some((each) => each < hlc);
    /** Cells written by an earlier transaction of this push: a later one with another timestamp finds them written. */
    const inPush = new Map<string, string>();
    /** The transaction under check: its pending verification, and whether the check relied on it (good until the answer is in). */
    const step: { current: Preverified | undefined; relied: Preverified | null } = { current: undefined, relied: null };
    const context: CheckContext = {
      cooperationId,
      authority,
      enforced: true,
      // The push that brings the root may carry the data from before signing that its computer still had to send.
      legacyCutoff: state.rootPublicKey === null ? authority.since : null,
      devicePublicKey: (clockId) => (clockId === device.clockId ? device.publicKey : null),
      digest: fastCellDigest,
      verify(publicKey, message, signature) {
        const { current } = step;
        if (current && current.publicKey === publicKey && current.signature === signature && Buffer.compare(current.message, message) === 0) {
          step.relied = current;
          return true;
        }
        return verifyBytes(publicKey, message, signature);
      },
    };
    const reliedOn: (Preverified | null)[] = [];
    let refused: { index: number; error: SyncServiceError } | null = null;
    for (const [index, transaction] of request.transactions.entries()) {
      const cells: SignedCellToCheck[] = transaction.cells.map((cell) => {
        const key = cellKey(cell);
        const stored = existing.get(key);
        const earlier = inPush.get(key);
        return {
          table: cell.table,
          row: cell.row,
          column: cell.column,
          value: cell.value,
          i: cell.i ?? null,
          blind: cell.blind ?? null,
          alreadyWritten: (stored !== undefined && stored !== transaction.hlc) || (earlier !== undefined && earlier !== transaction.hlc),
          // A change to a row that exists (an erasure, a user's own first key) though this cell was never stored.
          rowExists: writtenBefore(rowTimes.get(rowKeyOf(cell)), transaction.hlc) || writtenBefore(rowsInPush.get(rowKeyOf(cell)), transaction.hlc),
        };
      });
      step.current = verifying.entries.get(transaction);
      step.relied = null;
      const failure = checkSignedTransaction(
        { hlc: transaction.hlc, author: transaction.author, signature: transaction.signature ?? null, digests: transaction.digests ?? null, cells },
        context,
      );
      reliedOn.push(step.relied);
      if (failure) {
        const error = new SyncServiceError(trustStatus(failure.refusal), failure.refusal, `Transaction ${transaction.hlc} by ${transaction.author} is refused (${failure.refusal}): ${failure.detail}.`);
        refused = { index, error };
        break;
      }
      for (const cell of transaction.cells) {
        const key = cellKey(cell);
        if (!inPush.has(key)) inPush.set(key, transaction.hlc);
        const row = rowKeyOf(cell);
        let times = rowsInPush.get(row);
        if (!times) rowsInPush.set(row, (times = new Set()));
        times.add(transaction.hlc);
      }
    }
    await verifying.done;
    // The first transaction that fails is the refusal, as if each signature had been verified in its turn.
    for (const [index, entry] of reliedOn.entries()) if (entry && !entry.ok) throw badSignature(request.transactions[index]!);
    if (refused) throw refused.error;
  }

  // The seals to keep, one per transaction (the parts of a split transaction carry the same seal).
  const seals = new Map<string, StoredSeal>();
  for (const transaction of request.transactions) {
    if (transaction.author === 'legacy' || !transaction.signature || !transaction.digests) continue;
    const seal: StoredSeal = { hlc: transaction.hlc, author: transaction.author, signature: transaction.signature, digests: transaction.digests };
    const seen = seals.get(transaction.hlc);
    if (!seen) seals.set(transaction.hlc, seal);
    else if (seen.author !== seal.author || seen.signature !== seal.signature || seen.digests.join() !== seal.digests.join()) {
      throw new SyncServiceError(409, 'trust.writeOnce', `Transaction ${transaction.hlc} appears twice in this push with different signatures or digest lists.`);
    }
  }

  // One change per cell: the deciding one, so the storage never sees two for the same cell in one batch.
  const byCell = new Map<string, ChangeToStore>();
  for (const transaction of request.transactions) {
    const sealed = seals.has(transaction.hlc);
    for (const cell of transaction.cells) {
      const writeOnce = isWriteOnceCell(cell.table, cell.column);
      const key = cellKey(cell);
      const seen = byCell.get(key);
      if (seen && (writeOnce || transaction.hlc <= seen.hlc)) continue;
      byCell.set(key, {
        hlc: transaction.hlc,
        table: cell.table,
        row: cell.row,
        column: cell.column,
        value: cell.value,
        i: sealed ? (cell.i ?? null) : null,
        blind: sealed ? (cell.blind ?? null) : null,
        writeOnce,
      });
    }
  }

  return {
    changes: [...byCell.values()],
    options: {
      seals: [...seals.values()],
      authorityVersion: state.authorityVersion,
      ...(state.rootPublicKey === null && authority.rootPublicKey !== null ? { pinRoot: authority.rootPublicKey } : {}),
    },
  };
}
