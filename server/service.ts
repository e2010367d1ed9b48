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
import type { DigestResponse, EnrolResponse, PulledChange, PullResponse, PushResponse, ServerInfo, SnapshotResponse, TableDigest, TransactionSeal } from '../sync/protocol';
import { SYNCED_TABLES } from '../db/sync-tables';
import { EMPTY_TABLE_DIGEST, TableDigester } from '../sync/digest';
import { checkPushScope, resolvePendingOffices } from './scopes';
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
  /** The agreement digest of the cells this device may hold, per table, at one sequence (docs/sync-protocol.md). */
  digest(device: StoredDevice, query: Record<string, string | undefined>): Promise<DigestResponse>;
  /**
   * Admin: a one-time code for enrolling a device (creating the cooperation if new) that serves `offices` (ids of
   * synced offices) and the offices named `officeNames` (an operator's code, made before the offices exist: matched to
   * synced offices when the device syncs). `office` is one such name, as the command line gives it.
   */
  createEnrolmentCode(input: EnrolmentCodeInput): Promise<{ code: string; expiresAt: string }>;
  revokeDevice(deviceId: string): Promise<boolean>;
  listDevices(cooperationId?: string): Promise<StoredDevice[]>;
  /** Sets the offices a device serves (ids; pending names are dropped). Its next pull and snapshot follow them. */
  setDeviceOffices(deviceId: string, offices: readonly string[]): Promise<string[]>;
  /** The names of a cooperation's synced offices, by id. */
  officeNames(cooperationId: string): Promise<Map<string, string>>;
}

export interface EnrolmentCodeInput {
  cooperationId: string;
  cooperationName?: string;
  offices?: readonly string[];
  officeNames?: readonly string[];
  office?: string;
  validHours?: number;
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

/** A device's offices in the order the protocol sends them. */
const sortedOffices = (offices: readonly string[]): string[] => [...new Set(offices)].sort();

/** What a device's offices read as: their synced names, then names not yet matched (display only). */
export function officeDisplay(device: Pick<StoredDevice, 'offices' | 'pendingOfficeNames'>, names: ReadonlyMap<string, string>): string {
  return [...device.offices.map((id) => names.get(id) ?? id), ...device.pendingOfficeNames].join(', ');
}

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
    // Scopes: every patient-scoped row must belong to an office this device serves (never what the device says:
    // the office comes from the row's stored or pushed office column, or the row it references).
    const scope = await checkPushScope(storage, device, request);
    if (scope.refused.length > 0) {
      const first = scope.refused[0]!;
      throw new SyncServiceError(
        403,
        'scope.officeRefused',
        `${scope.refused.length} row(s) of this push belong to an office this device does not serve (first: ${first.table} ${first.row}); nothing of the push was stored.`,
      );
    }
    // The trust checks (signature, authority, permission, write-once) and what to store; a push that raced a change
    // of the chain of authority is checked again against the new chain.
    for (let attempt = 1; ; attempt++) {
      const prepared = await checkPushTrust(storage, device, request, authorityCache);
      try {
        const stored = await storage.storeChanges(device.cooperationId, device.id, prepared.changes, {
          ...prepared.options,
          rowOffices: scope.rowOffices,
          grantOffices: scope.grantOffices,
        });
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
    const offices = sortedOffices(device.offices);
    const totalCells = query.total !== undefined && after ? Number(query.total) || 0 : await storage.countScopedCells(device.cooperationId, offices);
    // Pages hold whole rows; `limit` counts cells, and a row has at most about twenty. Only rows this device may hold.
    const page = await storage.snapshotPage(device.cooperationId, after, Math.max(1, Math.floor(limit / CELLS_PER_ROW)), offices);
    const rest: Omit<SnapshotResponse, 'asOf' | 'rows'> = { next: encodeKey(page.next), totalCells, cells: page.cells, serverTime: now() };
    // The rows arrive as JSON from the database and are spliced in as they are.
    return `{"asOf":${asOf},"rows":${page.rowsJson},${JSON.stringify(rest).slice(1)}`;
  }

  /**
   * A full page ends with the rest of its last transaction (cells of one push are stored with consecutive sequence
   * numbers), so a computer checks each transaction whole: a computer's background audit event is allowed by its
   * action, which must not be left for the next page. Returns the sequence the page's window ends at.
   */
  async function windowEnd(cooperationId: string, window: { seq: number; hlc: string }[]): Promise<number> {
    const last = window.at(-1)!;
    let end = last.seq;
    for (;;) {
      const next = await storage.sequenceWindow(cooperationId, end, TRANSACTION_TAIL);
      const stop = next.findIndex((cell) => cell.hlc !== last.hlc);
      const same = stop === -1 ? next : next.slice(0, stop);
      if (same.length > 0) end = same.at(-1)!.seq;
      if (stop !== -1 || next.length < TRANSACTION_TAIL) return end;
    }
  }

  /** The digest of every table this device may hold, from cells read at one point (asOf). */
  async function digest(device: StoredDevice, query: Record<string, string | undefined>): Promise<DigestResponse> {
    checkProtocol(query.protocol);
    checkCooperation(device, query.cooperation);
    const digesters = new Map<string, TableDigester>();
    const asOf = await storage.scopedCells(device.cooperationId, sortedOffices(device.offices), (cell) => {
      let digester = digesters.get(cell.table);
      if (!digester) digesters.set(cell.table, (digester = new TableDigester()));
      digester.add(cell);
    });
    const tables: Record<string, TableDigest> = {};
    for (const table of Object.keys(SYNCED_TABLES)) tables[table] = { ...EMPTY_TABLE_DIGEST };
    for (const [table, digester] of digesters) tables[table] = digester.result();
    return { asOf, tables, serverTime: now() };
  }

  async function officeNames(cooperationId: string): Promise<Map<string, string>> {
    return new Map((await storage.syncedOffices(cooperationId)).map((office) => [office.id, office.name]));
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
      const enrolled = await resolvePendingOffices(storage, device);
      return {
        deviceId: device.id,
        secret,
        cooperationId: device.cooperationId,
        cooperationName: (await storage.cooperationName(device.cooperationId)) ?? '',
        office: device.office,
        offices: sortedOffices(enrolled.offices),
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
      // Office names from an operator's code (or from before scopes) are matched as soon as such an office is synced.
      return resolvePendingOffices(storage, device);
    },

    async push(device, body) {
      try {
        return await push(device, body);
      } catch (error) {
        if (error instanceof SyncServiceError && error.code !== 'request.malformed' && error.code !== 'server.unavailable') {
          log(`push refused: device ${device.id} (${device.name || 'unnamed'}, offices ${device.offices.join(', ') || 'none'}) of cooperation ${device.cooperationId}: ${error.status} ${error.code}: ${error.message}`);
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
      // The page's window is the next `limit` cells (and the rest of the last one's transaction), whatever the device
      // may hold of them: the cursor moves past the cells it may not, and `more` says whether the window was full.
      const after = afterParsed.data;
      const window = await storage.sequenceWindow(device.cooperationId, after, limit);
      const full = window.length === limit;
      const lastSeq = window.length === 0 ? after : full ? await windowEnd(device.cooperationId, window) : window.at(-1)!.seq;
      const offices = sortedOffices(device.offices);
      const changes: PulledChange[] = window.length === 0 ? [] : await storage.scopedChangesBetween(device.cooperationId, after, lastSeq, offices);
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
        lastSeq,
        more: full,
        offices,
        serverTime: now(),
      };
    },

    snapshotJson,
    digest,
    officeNames,
    snapshot: async (device, query) => JSON.parse(await snapshotJson(device, query)) as SnapshotResponse,

    async createEnrolmentCode(input) {
      await storage.ensureCooperation(input.cooperationId, input.cooperationName ?? (await storage.cooperationName(input.cooperationId)) ?? input.cooperationId);
      const code = newEnrolmentCode();
      const created = now();
      const expiresAt = new Date(created + (input.validHours ?? 72) * 3_600_000).toISOString();
      const offices = sortedOffices(input.offices ?? []);
      const names = [...(input.officeNames ?? []), ...(input.office ? [input.office] : [])].map((name) => name.trim()).filter((name) => name !== '');
      await storage.addEnrolmentCode({
        codeHash: hashSecret(normaliseEnrolmentCode(code)),
        cooperationId: input.cooperationId,
        office: officeDisplay({ offices, pendingOfficeNames: names }, offices.length > 0 ? await officeNames(input.cooperationId) : new Map()),
        offices,
        officeNames: names,
        createdAt: new Date(created).toISOString(),
        expiresAt,
      });
      return { code, expiresAt };
    },

    revokeDevice: (deviceId) => storage.revokeDevice(deviceId, new Date(now()).toISOString()),
    async setDeviceOffices(deviceId, offices) {
      const sorted = sortedOffices(offices);
      await storage.setDeviceOffices(deviceId, sorted, []);
      return sorted;
    },
    listDevices: (cooperationId) => storage.listDevices(cooperationId),
  };
}
