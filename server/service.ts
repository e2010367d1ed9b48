// The shared service's rules, free of HTTP: enrolment, device credentials, and checking then storing and serving changes.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_MAX_DRIFT_MS } from '../domain/hlc';
import {
  DEFAULT_PULL_LIMIT,
  DEFAULT_SNAPSHOT_LIMIT,
  enrolRequestSchema,
  hlcClockId,
  hlcWallMs,
  MAX_PULL_LIMIT,
  MAX_SNAPSHOT_LIMIT,
  MIN_SUPPORTED_PROTOCOL_VERSION,
  checkPushRequest,
  SYNC_PROTOCOL_VERSION,
} from '../sync/protocol';
import type { EnrolResponse, PulledChange, PullResponse, PushResponse, ServerInfo, SnapshotResponse, TransactionSeal } from '../sync/protocol';
import { checkCooperation, checkProtocol, parseRequest, SyncServiceError } from './request-checks';
import { AuthorityChangedError, SealConflictError } from './storage';
import type { SnapshotKey, StoredDevice, SyncStorage } from './storage';
import { checkPushTrust } from './push-trust';
import type { AuthorityCache } from './push-trust';

export interface SyncServiceOptions {
  storage: SyncStorage;
  now?: () => number;
  maxDriftMs?: number;
  /** Where a refused push is logged, one line naming the device; console.warn by default. */
  log?: (line: string) => void;
}

export interface SyncService {
  info(): ServerInfo;
  enrol(body: unknown): Promise<EnrolResponse>;
  /** The device a bearer credential belongs to; throws 401 when missing, wrong or revoked. */
  authenticate(authorization: string | undefined): Promise<StoredDevice>;
  push(device: StoredDevice, body: unknown): Promise<PushResponse>;
  pull(device: StoredDevice, query: Record<string, string | undefined>): Promise<PullResponse>;
  snapshot(device: StoredDevice, query: Record<string, string | undefined>): Promise<SnapshotResponse>;
  /** The same snapshot page as the JSON text of a SnapshotResponse, built without parsing the page's rows (what HTTP sends). */
  snapshotJson(device: StoredDevice, query: Record<string, string | undefined>): Promise<string>;
  /** Admin: a one-time code for enrolling a device at an office (creating the cooperation if new). */
  createEnrolmentCode(input: { cooperationId: string; cooperationName?: string; office: string; validHours?: number }): Promise<{ code: string; expiresAt: string }>;
  revokeDevice(deviceId: string): Promise<boolean>;
  listDevices(cooperationId?: string): Promise<StoredDevice[]>;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Enrolment codes are read aloud and typed: letters and digits that cannot be mistaken for each other, grouped by four. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newEnrolmentCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}
export function normaliseEnrolmentCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** How many cells past a full pull page are read at a time to finish its last transaction. */
const TRANSACTION_TAIL = 200;

/** For turning a snapshot's cell limit into whole rows: the widest synced tables have about twenty columns. */
const CELLS_PER_ROW = 20;

const cursorSchema = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);



function encodeKey(key: SnapshotKey | null): string | null {
  return key ? Buffer.from(JSON.stringify([key.table, key.row, key.column])).toString('base64url') : null;
}

function decodeKey(text: string | undefined): SnapshotKey | null {
  if (!text) return null;
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 3 && value.every((part) => typeof part === 'string')) {
      const [table, row, column] = value as [string, string, string];
      return { table, row, column };
    }
  } catch {
    // falls through to the refusal below
  }
  throw new SyncServiceError(400, 'request.malformed', 'Malformed snapshot paging key.');
}

export function createSyncService(options: SyncServiceOptions): SyncService {
  const { storage } = options;
  const now = options.now ?? Date.now;
  const maxDriftMs = options.maxDriftMs ?? DEFAULT_MAX_DRIFT_MS;
  const log = options.log ?? ((line: string) => console.warn(line));
  /** The evaluated chain of authority per cooperation, kept while its authority version and pinned root stay the same. */
  const authorityCache: AuthorityCache = new Map();

  async function push(device: StoredDevice, body: unknown): Promise<PushResponse> {
    const checked = checkPushRequest(body);
    if (!checked.ok) throw new SyncServiceError(400, 'request.malformed', `Malformed request: ${checked.problem}`);
    const { request } = checked;
    checkProtocol(request.protocol);
    checkCooperation(device, request.cooperationId);
    const limit = now() + maxDriftMs;
    // Check everything before storing anything: a refused push changes nothing.
    let cells = 0;
    for (const transaction of request.transactions) {
      if (hlcClockId(transaction.hlc) !== device.clockId) {
        throw new SyncServiceError(403, 'sync.foreignTimestamp', `Transaction ${transaction.hlc} was not made by this device.`);
      }
      if (hlcWallMs(transaction.hlc) > limit) {
        throw new SyncServiceError(422, 'clock.ahead', `Transaction ${transaction.hlc} is stamped more than the allowed drift ahead of the server's clock.`);
      }
      cells += transaction.cells.length;
    }
    // The trust checks (signature, authority, permission, write-once) and what to store; a push that raced a change
    // of the chain of authority is checked again against the new chain.
    for (let attempt = 1; ; attempt++) {
      const prepared = await checkPushTrust(storage, device, request, authorityCache);
      try {
        const stored = await storage.storeChanges(device.cooperationId, device.id, prepared.changes, prepared.options);
        return { accepted: stored.accepted, ignored: cells - stored.accepted, lastSeq: stored.lastSeq, serverTime: now() };
      } catch (error) {
        if (error instanceof AuthorityChangedError && attempt < 5) continue;
        if (error instanceof AuthorityChangedError) throw new SyncServiceError(503, 'server.unavailable', 'The chain of authority kept changing while this push was checked; try again.');
        if (error instanceof SealConflictError) {
          throw new SyncServiceError(409, 'trust.writeOnce', `Transaction ${error.hlc} is already stored with another signature or digest list; a transaction is written once.`);
        }
        throw error;
      }
    }
  }

  function limitOf(text: string | undefined, fallback: number, max: number): number {
    if (text === undefined) return fallback;
    const parsed = cursorSchema.safeParse(text);
    if (!parsed.success || parsed.data < 1) throw new SyncServiceError(400, 'request.malformed', 'limit must be a positive whole number.');
    return Math.min(parsed.data, max);
  }


async function snapshotJson(device: StoredDevice, query: Record<string, string | undefined>): Promise<string> {
    checkProtocol(query.protocol);
    checkCooperation(device, query.cooperation);
    const after = decodeKey(query.after);
    const limit = limitOf(query.limit, DEFAULT_SNAPSHOT_LIMIT, MAX_SNAPSHOT_LIMIT);
    // The first page fixes the sequence the snapshot is complete up to; later pages carry it along.
    let asOf: number;
    if (after) {
      const parsed = cursorSchema.safeParse(query.asOf);
      if (!parsed.success) throw new SyncServiceError(400, 'request.malformed', 'asOf must be given with after.');
      asOf = parsed.data;
    } else asOf = await storage.lastSeq(device.cooperationId);
    const totalCells = query.total !== undefined && after ? Number(query.total) || 0 : await storage.countCells(device.cooperationId);
    // Pages hold whole rows; `limit` counts cells, and a row has at most about twenty.
    const page = await storage.snapshotPage(device.cooperationId, after, Math.max(1, Math.floor(limit / CELLS_PER_ROW)));
    const rest: Omit<SnapshotResponse, 'asOf' | 'rows'> = { next: encodeKey(page.next), totalCells, cells: page.cells, serverTime: now() };
    // The rows arrive as JSON from the database and are spliced in as they are.
    return `{"asOf":${asOf},"rows":${page.rowsJson},${JSON.stringify(rest).slice(1)}`;
  }

  /**
   * A full page ends with the rest of its last transaction (cells of one push are stored with consecutive sequence
   * numbers), so a computer checks each transaction whole: a computer's background audit event is allowed by its
   * action, which must not be left for the next page.
   */
  async function completeLastTransaction(cooperationId: string, changes: PulledChange[]): Promise<void> {
    const last = changes.at(-1);
    if (!last) return;
    for (;;) {
      const next = await storage.changesAfter(cooperationId, changes.at(-1)!.seq, TRANSACTION_TAIL);
      const end = next.findIndex((change) => change.hlc !== last.hlc);
      changes.push(...(end === -1 ? next : next.slice(0, end)));
      if (end !== -1 || next.length < TRANSACTION_TAIL) return;
    }
  }

  return {
    info: () => ({ service: 'samvakt-sync', protocol: { min: MIN_SUPPORTED_PROTOCOL_VERSION, max: SYNC_PROTOCOL_VERSION }, serverTime: now() }),

    async enrol(body) {
      const request = parseRequest(enrolRequestSchema, body);
      checkProtocol(request.protocol);
      const secret = randomBytes(32).toString('base64url');
      const device = await storage.enrolDevice(hashSecret(normaliseEnrolmentCode(request.code)), new Date(now()).toISOString(), {
        id: randomUUID(),
        clockId: request.clockId,
        secretHash: hashSecret(secret),
        name: request.name ?? '',
        publicKey: request.publicKey,
      });
      if (!device) throw new SyncServiceError(403, 'enrol.codeInvalid', 'The enrolment code is unknown, already used or expired.');
      return {
        deviceId: device.id,
        secret,
        cooperationId: device.cooperationId,
        cooperationName: (await storage.cooperationName(device.cooperationId)) ?? '',
        office: device.office,
        offices: [],
        rootPublicKey: (await storage.trustState(device.cooperationId)).rootPublicKey,
        serverTime: now(),
      };
    },

    async authenticate(authorization) {
      const match = /^Bearer ([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,100})$/.exec(authorization ?? '');
      if (!match) throw new SyncServiceError(401, 'auth.missing', 'A device credential is required (Authorization: Bearer <device>.<secret>).');
      const device = await storage.findDevice(match[1]!);
      const given = Buffer.from(hashSecret(match[2]!), 'hex');
      if (!device || !timingSafeEqual(given, Buffer.from(device.secretHash, 'hex'))) {
        throw new SyncServiceError(401, 'auth.invalid', 'The device credential is not valid.');
      }
      if (device.revokedAt) throw new SyncServiceError(401, 'auth.revoked', 'This device has been revoked by an administrator.');
      return device;
    },

    async push(device, body) {
      try {
        return await push(device, body);
      } catch (error) {
        if (error instanceof SyncServiceError && error.code !== 'request.malformed' && error.code !== 'server.unavailable') {
          log(`push refused: device ${device.id} (${device.name || 'unnamed'}, ${device.office}) of cooperation ${device.cooperationId}: ${error.status} ${error.code}: ${error.message}`);
        }
        throw error;
      }
    },

    async pull(device, query) {
      checkProtocol(query.protocol);
      checkCooperation(device, query.cooperation);
      const afterParsed = cursorSchema.safeParse(query.after ?? '0');
      if (!afterParsed.success) throw new SyncServiceError(400, 'request.malformed', 'after must be a sequence number.');
      const limit = limitOf(query.limit, DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT);
      const changes = await storage.changesAfter(device.cooperationId, afterParsed.data, limit);
      const full = changes.length === limit;
      if (full) await completeLastTransaction(device.cooperationId, changes);
      // The seal of every signed transaction in the page, and the keys of the computers that signed background work.
      const signed = new Set<string>();
      for (const change of changes) if (change.i !== undefined) signed.add(change.hlc);
      const transactions: Record<string, TransactionSeal> = signed.size > 0 ? await storage.seals(device.cooperationId, [...signed]) : {};
      const clockIds = new Set<string>();
      for (const seal of Object.values(transactions)) if (seal.author.startsWith('device:')) clockIds.add(seal.author.slice(7));
      const deviceKeys = clockIds.size > 0 ? await storage.deviceKeys(device.cooperationId, [...clockIds]) : {};
      return {
        changes,
        transactions,
        deviceKeys,
        lastSeq: changes.at(-1)?.seq ?? afterParsed.data,
        more: full,
        offices: [],
        serverTime: now(),
      };
    },

    snapshotJson,
    snapshot: async (device, query) => JSON.parse(await snapshotJson(device, query)) as SnapshotResponse,

    async createEnrolmentCode(input) {
      await storage.ensureCooperation(input.cooperationId, input.cooperationName ?? (await storage.cooperationName(input.cooperationId)) ?? input.cooperationId);
      const code = newEnrolmentCode();
      const created = now();
      const expiresAt = new Date(created + (input.validHours ?? 72) * 3_600_000).toISOString();
      await storage.addEnrolmentCode({
        codeHash: hashSecret(normaliseEnrolmentCode(code)),
        cooperationId: input.cooperationId,
        office: input.office,
        createdAt: new Date(created).toISOString(),
        expiresAt,
      });
      return { code, expiresAt };
    },

    revokeDevice: (deviceId) => storage.revokeDevice(deviceId, new Date(now()).toISOString()),
    listDevices: (cooperationId) => storage.listDevices(cooperationId),
  };
}
