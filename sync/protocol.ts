// The sync wire protocol shared by the client engine (sync/) and the shared service (server/): messages, limits and error codes.
import { z } from 'zod';
import { erasableColumns, isAppendOnly, isSyncedTable } from '../db/sync-tables';
import type { SqlValue } from '../db/sync-tables';

/** Bumped when a message changes incompatibly. The server answers every version from MIN_SUPPORTED to its own. */
export const SYNC_PROTOCOL_VERSION = 3;
/**
 * Version 2 signed every transaction (docs/trust.md); version 3 scopes patient data to a device's offices and adds the
 * agreement digest. A version 2 client would not know it holds only some offices' entries (nor purge them when its
 * offices shrink), so versions before 3 are refused (docs/decisions.md).
 */
export const MIN_SUPPORTED_PROTOCOL_VERSION = 3;

/** Most changes in one push; the client sends its outbox in batches of this size. */
export const MAX_PUSH_CHANGES = 2000;
/** Largest request body the server reads (bytes). */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
/** Longest text value of one cell (characters). */
export const MAX_VALUE_CHARS = 100_000;
/** Page sizes: how many changes a pull returns, how many cells a snapshot page returns (grouped by row; a row may span pages). */
export const DEFAULT_PULL_LIMIT = 2000;
export const MAX_PULL_LIMIT = 10_000;
export const DEFAULT_SNAPSHOT_LIMIT = 20_000;
export const MAX_SNAPSHOT_LIMIT = 50_000;

/** Every error the server can answer with; the client shows a Norwegian text for each. */
export const SYNC_ERROR_CODES = [
  'request.malformed',
  'request.tooLarge',
  'request.rateLimited',
  'request.notFound',
  'protocol.unsupported',
  'auth.missing',
  'auth.invalid',
  'auth.revoked',
  'enrol.codeInvalid',
  'sync.wrongCooperation',
  'sync.foreignTimestamp',
  'clock.ahead',
  'server.unavailable',
  'device.notFound',
  'device.cannotRevokeSelf',
  // Scopes (docs/sync-protocol.md): an office id that is no synced office of the cooperation, and a push with a
  // patient-scoped row of an office this device does not serve (nothing of that push is stored).
  'device.unknownOffice',
  'scope.officeRefused',
  // Trust (docs/trust.md): a pushed transaction that fails a check; nothing of that push is stored.
  'trust.badSignature',
  'trust.unknownAuthor',
  'trust.inactiveAuthor',
  'trust.forbidden',
  'trust.writeOnce',
  'trust.unsigned',
  'trust.rootMismatch',
  'trust.badRecord',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export interface SyncErrorBody {
  error: { code: SyncErrorCode; message: string };
}

/** One column of one row set to a value at a hybrid logical clock time: the unit that syncs. */
export interface WireChange {
  hlc: string;
  table: string;
  row: string;
  column: string;
  value: SqlValue;
}

/** Who signed a transaction on the wire: a person, a computer (background work), or nobody (data from before signing, taken over). */
export type WireAuthor = `user:${string}` | `device:${string}` | 'legacy';

/** One cell of a signed transaction: `i` is its index in the transaction's digest list, `blind` the random text of an erasable cell. */
export interface WireCell {
  i?: number;
  table: string;
  row: string;
  column: string;
  value: SqlValue;
  blind?: string;
}

/**
 * What makes a transaction checkable anywhere: its author, the digest of every cell in order (base64url SHA-256 of
 * cellBytes) and the author's Ed25519 signature over transactionMessage (domain/trust/canonical.ts).
 */
export interface TransactionSeal {
  author: `user:${string}` | `device:${string}`;
  signature: string;
  digests: string[];
}

/**
 * One write-path transaction (or part of one: a large transaction is split over pushes, each part with the seal).
 * Legacy transactions (author 'legacy') have no seal and no cell indexes.
 */
export interface PushTransaction {
  hlc: string;
  author: WireAuthor;
  signature?: string;
  digests?: string[];
  cells: WireCell[];
}

/** A change as the server serves it: with the sequence number it was stored under, and its place in its signed transaction. */
export interface PulledChange extends WireChange {
  seq: number;
  i?: number;
  blind?: string;
}

const HLC_PATTERN = /^\d{15}-\d{6}-[A-Za-z0-9_-]{1,64}$/;
/** A lone UTF-16 surrogate: text that UTF-8 storage cannot keep as it is (it would be stored changed). */
const LONE_SURROGATE = /\p{Cs}/u;
const NAME_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

export const hlcSchema = z.string().regex(HLC_PATTERN);
export const wireChangeSchema = z.strictObject({
  hlc: hlcSchema,
  table: z.string().regex(NAME_PATTERN),
  row: z.string().min(1).max(200).refine((text) => !LONE_SURROGATE.test(text), 'not well-formed text'),
  column: z.string().regex(NAME_PATTERN),
  value: z.union([z.string().max(MAX_VALUE_CHARS).refine((text) => !LONE_SURROGATE.test(text), 'not well-formed text'), z.number().finite(), z.null()]),
});

/** A person (any id of 1–100 characters, no lone surrogate or NUL), a computer by its clock id, or nobody (taken over). */
const AUTHOR_PATTERN = /^(?:user:[^\0]{1,100}|device:[A-Za-z0-9_-]{1,64}|legacy)$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;
const DIGEST_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** Most digests one transaction may list (a transaction larger than a push is split over pushes, each part with the whole list). */
export const MAX_TRANSACTION_DIGESTS = 100_000;
/** Longest signature (an Ed25519 signature is 86 characters of base64url) and blind (16 random bytes are 22). */
const MAX_SIGNATURE_CHARS = 100;
const MAX_BLIND_CHARS = 64;

type Checked = { ok: true; request: PushRequest } | { ok: false; problem: string };
const refuse = (problem: string): { ok: false; problem: string } => ({ ok: false, problem });

/** Checks one cell of a transaction; null when it is well-formed, else what is wrong. */
function checkCell(cell: unknown, at: string): string | null {
  if (typeof cell !== 'object' || cell === null || Array.isArray(cell)) return `${at} must be an object`;
  const fields = cell as Record<string, unknown>;
  let required = 0;
  for (const key in fields) {
    if (key === 'table' || key === 'row' || key === 'column' || key === 'value') required += 1;
    else if (key !== 'i' && key !== 'blind') return `${at} has an unknown field ${key}`;
  }
  if (required !== 4) return `${at} must have table, row, column and value`;
  const { i, table, row, column, value, blind } = fields;
  if (typeof table !== 'string' || !NAME_PATTERN.test(table)) return `${at}.table is not a table name`;
  if (typeof column !== 'string' || !NAME_PATTERN.test(column)) return `${at}.column is not a column name`;
  if (typeof row !== 'string' || row.length < 1 || row.length > 200) return `${at}.row must be a text of 1–200 characters`;
  if (LONE_SURROGATE.test(row)) return `${at}.row is not well-formed text (a lone surrogate)`;
  const valueOk = value === null || (typeof value === 'string' && value.length <= MAX_VALUE_CHARS) || (typeof value === 'number' && Number.isFinite(value));
  if (!valueOk) return `${at}.value must be text (at most ${MAX_VALUE_CHARS} characters), a finite number or null`;
  if (typeof value === 'string' && LONE_SURROGATE.test(value)) return `${at}.value is not well-formed text (a lone surrogate)`;
  if (i !== undefined && (typeof i !== 'number' || !Number.isSafeInteger(i) || i < 0)) return `${at}.i must be a whole number ≥ 0`;
  if (blind !== undefined && (typeof blind !== 'string' || blind.length > MAX_BLIND_CHARS || !BASE64URL_PATTERN.test(blind))) {
    return `${at}.blind must be base64url text of at most ${MAX_BLIND_CHARS} characters`;
  }
  return null;
}

/** Checks one transaction's header and cells; null when it is well-formed. Adds its cells to `count`. */
function checkTransactionShape(transaction: unknown, at: string, count: { cells: number }): string | null {
  if (typeof transaction !== 'object' || transaction === null || Array.isArray(transaction)) return `${at} must be an object`;
  const fields = transaction as Record<string, unknown>;
  for (const key in fields) {
    if (key !== 'hlc' && key !== 'author' && key !== 'signature' && key !== 'digests' && key !== 'cells') return `${at} has an unknown field ${key}`;
  }
  const { hlc, author, signature, digests, cells } = fields;
  if (typeof hlc !== 'string' || !HLC_PATTERN.test(hlc)) return `${at}.hlc is not a timestamp`;
  if (typeof author !== 'string' || !AUTHOR_PATTERN.test(author) || LONE_SURROGATE.test(author)) return `${at}.author must be user:<id>, device:<clock id> or legacy`;
  if (signature !== undefined && (typeof signature !== 'string' || signature.length > MAX_SIGNATURE_CHARS || !BASE64URL_PATTERN.test(signature))) {
    return `${at}.signature must be base64url text of at most ${MAX_SIGNATURE_CHARS} characters`;
  }
  if (digests !== undefined) {
    if (!Array.isArray(digests)) return `${at}.digests must be a list`;
    if (digests.length > MAX_TRANSACTION_DIGESTS) return `${at}.digests has more than ${MAX_TRANSACTION_DIGESTS} entries`;
    for (let d = 0; d < digests.length; d++) {
      const digest: unknown = digests[d];
      if (typeof digest !== 'string' || !DIGEST_PATTERN.test(digest)) return `${at}.digests.${d} is not a base64url SHA-256 digest`;
    }
  }
  if (!Array.isArray(cells)) return `${at}.cells must be a list`;
  count.cells += cells.length;
  if (count.cells > MAX_PUSH_CHANGES) return `at most ${MAX_PUSH_CHANGES} cells per push`;
  for (let c = 0; c < cells.length; c++) {
    const problem = checkCell(cells[c], `${at}.cells.${c}`);
    if (problem) return problem;
  }
  return null;
}

/**
 * Checks a push body by hand (a schema library was several times slower on 2,000 cells, and ingest speed is a
 * target): the shape, sizes and patterns of the request, its transactions and their cells; unknown fields are
 * refused. Whether signatures and permissions hold is the service's check (domain/trust/check.ts), not this one.
 * Never throws; returns the request, or what is wrong with it.
 */
export function checkPushRequest(body: unknown): Checked {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return refuse('the body must be an object');
  const fields = body as Record<string, unknown>;
  for (const key in fields) {
    if (key !== 'protocol' && key !== 'cooperationId' && key !== 'transactions') return refuse(`unknown field ${key}`);
  }
  const { protocol, cooperationId, transactions } = fields;
  if (typeof protocol !== 'number' || !Number.isSafeInteger(protocol)) return refuse('protocol must be a whole number');
  if (typeof cooperationId !== 'string' || cooperationId.length < 1 || cooperationId.length > 100) return refuse('cooperationId must be a text of 1–100 characters');
  if (!Array.isArray(transactions)) return refuse('transactions must be a list');
  if (transactions.length > MAX_PUSH_CHANGES) return refuse(`at most ${MAX_PUSH_CHANGES} transactions per push`);
  const count = { cells: 0 };
  for (let t = 0; t < transactions.length; t++) {
    const problem = checkTransactionShape(transactions[t], `transactions.${t}`, count);
    if (problem) return refuse(problem);
  }
  return { ok: true, request: body as PushRequest };
}

export interface PushRequest {
  protocol: number;
  cooperationId: string;
  /** At most MAX_PUSH_CHANGES cells over all transactions. */
  transactions: PushTransaction[];
}

export interface PushResponse {
  /** Changes stored now; the others were already there (a retried push) or older than the stored value. */
  accepted: number;
  ignored: number;
  lastSeq: number;
  serverTime: number;
}

export const enrolRequestSchema = z.strictObject({
  protocol: z.number().int(),
  code: z.string().min(4).max(64),
  /** The device's clock id (the suffix of its HLC timestamps): the server only accepts its own timestamps from it. */
  clockId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  name: z.string().max(100).optional(),
  /** The device's Ed25519 public key (raw, base64url): the service vouches for it to the other computers. */
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export interface EnrolResponse {
  deviceId: string;
  secret: string;
  cooperationId: string;
  cooperationName: string;
  /** The names of the offices the device serves, joined by ", " (display only; `offices` is what counts). */
  office: string;
  /** Ids of the synced `offices` rows this device serves, sorted: it receives patient data of these offices only. */
  offices: string[];
  /** The cooperation's root public key as the service pinned it, or null before any root reached the service. */
  rootPublicKey: string | null;
  serverTime: number;
}

export interface PullResponse {
  changes: PulledChange[];
  /** The seal of every signed transaction a change of this page belongs to, by HLC timestamp. */
  transactions: Record<string, TransactionSeal>;
  /** Public keys of the computers that signed background work in this page, by clock id (vouched for by the service). */
  deviceKeys: Record<string, string>;
  /** The cursor to ask from next time: the highest sequence in this page, or the request's when the page is empty. */
  lastSeq: number;
  more: boolean;
  /** The device's offices now (ids, sorted): a computer compares them with its own to notice a change of scope. */
  offices: string[];
  serverTime: number;
}

/** One row of a snapshot: its current values and their timestamps (a cell's is `hlcs[column] ?? hlc`; the service sends `hlcs`, with every cell's, only when they differ). */
export interface SnapshotRow {
  table: string;
  row: string;
  hlc: string;
  values: Record<string, SqlValue>;
  hlcs?: Record<string, string>;
}

export interface SnapshotResponse {
  /** The sequence the snapshot is complete up to: continue with pull after it. */
  asOf: number;
  rows: SnapshotRow[];
  /** Paging key for the next page; null on the last. */
  next: string | null;
  /** Total cells in the cooperation when the snapshot started (for the progress bar). */
  totalCells: number;
  cells: number;
  serverTime: number;
}

/** One table's agreement digest: its distinct rows and the sha256 hex over its canonical cell lines (sync/digest.ts). */
export interface TableDigest {
  rows: number;
  digest: string;
}

/**
 * `GET /v1/digest`: per table, the digest of the cells this device may hold, at sequence asOf (read at one point).
 * Every table of the synced-table registry is listed (an empty one with rows 0 and the digest of no lines), and any
 * other table the log holds.
 */
export interface DigestResponse {
  asOf: number;
  tables: Record<string, TableDigest>;
  serverTime: number;
}

/** Device administration (an enrolled device, for its own cooperation; the app lets only admins call it). */
export const createEnrolmentCodeRequestSchema = z.strictObject({
  protocol: z.number().int(),
  cooperationId: z.string().min(1).max(100),
  /** Ids of synced `offices` rows the new device will serve (at least one). */
  offices: z.array(z.string().min(1).max(200)).min(1).max(100),
  /** How long the code works; 72 hours when left out, at most 30 days. */
  validHours: z.number().int().min(1).max(720).optional(),
});
export type CreateEnrolmentCodeRequest = z.infer<typeof createEnrolmentCodeRequestSchema>;

export interface CreateEnrolmentCodeResponse {
  code: string;
  expiresAt: string;
}

/** A device as the admin endpoints show it: never its secret hash or clock id. */
export interface DeviceInfo {
  id: string;
  name: string;
  /** The names of its offices joined by ", " (display only). */
  office: string;
  /** Ids of the synced `offices` rows it serves, sorted (empty: it receives no patient data). */
  offices: string[];
  enrolledAt: string;
  revokedAt: string | null;
  /** The device that asked. */
  self: boolean;
}

export interface DeviceListResponse {
  devices: DeviceInfo[];
  serverTime: number;
}

/** `POST /v1/devices/:id/offices`: sets the offices a device serves (authorised like revoking). */
export const setDeviceOfficesRequestSchema = z.strictObject({
  protocol: z.number().int(),
  cooperationId: z.string().min(1).max(100),
  offices: z.array(z.string().min(1).max(200)).min(1).max(100),
});
export type SetDeviceOfficesRequest = z.infer<typeof setDeviceOfficesRequestSchema>;

export interface SetDeviceOfficesResponse {
  deviceId: string;
  /** The offices now served, sorted. */
  offices: string[];
}

export interface RevokeDeviceResponse {
  revoked: true;
  deviceId: string;
  revokedAt: string;
}

export interface ServerInfo {
  service: 'samvakt-sync';
  protocol: { min: number; max: number };
  serverTime: number;
}

/**
 * How the log keeps a cell: most columns keep the newest timestamp (last writer wins); the
 * non-erasable columns of append-only tables keep the first (an event is written once).
 * Unknown tables (from newer app versions) are last-writer-wins.
 */
export function keepsFirstWrite(table: string, column: string): boolean {
  if (!isSyncedTable(table) || !isAppendOnly(table)) return false;
  return !erasableColumns(table).includes(column);
}

/** True for a cell whose older values must not stay in any log (personal data erased by retention). */
export function isErasable(table: string, column: string): boolean {
  return isSyncedTable(table) && erasableColumns(table).includes(column);
}

/** The wall time (ms) of an HLC timestamp, read without full parsing. */
export function hlcWallMs(hlc: string): number {
  return Number(hlc.slice(0, 15));
}

/** The clock id (device part) of an HLC timestamp. */
export function hlcClockId(hlc: string): string {
  return hlc.slice(23);
}
