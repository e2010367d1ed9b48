// The sync wire protocol shared by the client engine (sync/) and the shared service (server/): messages, limits and error codes.
import { z } from 'zod';
import { erasableColumns, isAppendOnly, isSyncedTable } from '../db/sync-tables';
import type { SqlValue } from '../db/sync-tables';

/** Bumped when a message changes incompatibly. The server answers every version from MIN_SUPPORTED to its own. */
export const SYNC_PROTOCOL_VERSION = 2;
/** Version 2 signs every transaction (docs/trust.md); version 1 clients carried unsigned changes and are refused. */
export const MIN_SUPPORTED_PROTOCOL_VERSION = 2;

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

/**
 * Checks a push body by hand: the same rules as pushRequestSchema, several times faster on 2,000 changes
 * (ingest speed is a target). Returns the request, or what is wrong with it.
 */
export function checkPushRequest(body: unknown): { ok: true; request: PushRequest } | { ok: false; problem: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, problem: 'the body must be an object' };
  const { protocol, cooperationId, changes, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length) return { ok: false, problem: `unknown field ${Object.keys(rest)[0]}` };
  if (typeof protocol !== 'number' || !Number.isSafeInteger(protocol)) return { ok: false, problem: 'protocol must be a whole number' };
  if (typeof cooperationId !== 'string' || cooperationId.length < 1 || cooperationId.length > 100) return { ok: false, problem: 'cooperationId must be a text of 1–100 characters' };
  if (!Array.isArray(changes)) return { ok: false, problem: 'changes must be a list' };
  if (changes.length > MAX_PUSH_CHANGES) return { ok: false, problem: `at most ${MAX_PUSH_CHANGES} changes per push` };
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i] as Record<string, unknown> | null;
    if (typeof change !== 'object' || change === null || Array.isArray(change)) return { ok: false, problem: `changes.${i} must be an object` };
    let fields = 0;
    for (const key in change) {
      if (key !== 'hlc' && key !== 'table' && key !== 'row' && key !== 'column' && key !== 'value') return { ok: false, problem: `changes.${i} has an unknown field ${key}` };
      fields += 1;
    }
    const { hlc, table, row, column, value } = change;
    if (fields !== 5) return { ok: false, problem: `changes.${i} must have hlc, table, row, column and value` };
    if (typeof hlc !== 'string' || !HLC_PATTERN.test(hlc)) return { ok: false, problem: `changes.${i}.hlc is not a timestamp` };
    if (typeof table !== 'string' || !NAME_PATTERN.test(table)) return { ok: false, problem: `changes.${i}.table is not a table name` };
    if (typeof column !== 'string' || !NAME_PATTERN.test(column)) return { ok: false, problem: `changes.${i}.column is not a column name` };
    if (typeof row !== 'string' || row.length < 1 || row.length > 200) return { ok: false, problem: `changes.${i}.row must be a text of 1–200 characters` };
    if (LONE_SURROGATE.test(row)) return { ok: false, problem: `changes.${i}.row is not well-formed text (a lone surrogate)` };
    const valueOk = value === null || (typeof value === 'string' && value.length <= MAX_VALUE_CHARS) || (typeof value === 'number' && Number.isFinite(value));
    if (!valueOk) return { ok: false, problem: `changes.${i}.value must be text, a number or null` };
    if (typeof value === 'string' && LONE_SURROGATE.test(value)) return { ok: false, problem: `changes.${i}.value is not well-formed text (a lone surrogate)` };
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
  office: string;
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

/** Device administration (an enrolled device, for its own cooperation; the app lets only admins call it). */
export const createEnrolmentCodeRequestSchema = z.strictObject({
  protocol: z.number().int(),
  cooperationId: z.string().min(1).max(100),
  office: z.string().trim().min(1).max(200),
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
  office: string;
  enrolledAt: string;
  revokedAt: string | null;
  /** The device that asked. */
  self: boolean;
}

export interface DeviceListResponse {
  devices: DeviceInfo[];
  serverTime: number;
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
