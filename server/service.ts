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
  keepsFirstWrite,
  MAX_PULL_LIMIT,
  MAX_SNAPSHOT_LIMIT,
  MIN_SUPPORTED_PROTOCOL_VERSION,
  checkPushRequest,
  SYNC_PROTOCOL_VERSION,
} from '../sync/protocol';
import type { EnrolResponse, PullResponse, PushResponse, ServerInfo, SnapshotResponse } from '../sync/protocol';
import { checkCooperation, checkProtocol, parseRequest, SyncServiceError } from './request-checks';
import type { ChangeToStore, SnapshotKey, StoredDevice, SyncStorage } from './storage';


export interface SyncServiceOptions {
  storage: SyncStorage;
  now?: () => number;
  maxDriftMs?: number;
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
      });
      if (!device) throw new SyncServiceError(403, 'enrol.codeInvalid', 'The enrolment code is unknown, already used or expired.');
      return {
        deviceId: device.id,
        secret,
        cooperationId: device.cooperationId,
        cooperationName: (await storage.cooperationName(device.cooperationId)) ?? '',
        office: device.office,
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
      const checked = checkPushRequest(body);
      if (!checked.ok) throw new SyncServiceError(400, 'request.malformed', `Malformed request: ${checked.problem}`);
      const { request } = checked;
      checkProtocol(request.protocol);
      checkCooperation(device, request.cooperationId);
      const limit = now() + maxDriftMs;
      // Check everything before storing anything: a refused push changes nothing.
      for (const change of request.changes) {
        if (hlcClockId(change.hlc) !== device.clockId) {
          throw new SyncServiceError(403, 'sync.foreignTimestamp', `Change ${change.hlc} was not made by this device.`);
        }
        if (hlcWallMs(change.hlc) > limit) {
          throw new SyncServiceError(422, 'clock.ahead', `Change ${change.hlc} is stamped more than the allowed drift ahead of the server's clock.`);
        }
      }
      // One change per cell: the deciding one, so the storage never sees two for the same cell in one batch.
      const byCell = new Map<string, ChangeToStore>();
      for (const change of request.changes) {
        const keepFirst = keepsFirstWrite(change.table, change.column);
        const key = `${change.table}\u0000${change.row}\u0000${change.column}`;
        const seen = byCell.get(key);
        if (!seen || (keepFirst ? change.hlc < seen.hlc : change.hlc > seen.hlc)) byCell.set(key, { ...change, keepFirst });
      }
      const stored = await storage.storeChanges(device.cooperationId, device.id, [...byCell.values()]);
      return { accepted: stored.accepted, ignored: request.changes.length - stored.accepted, lastSeq: stored.lastSeq, serverTime: now() };
    },

    async pull(device, query) {
      checkProtocol(query.protocol);
      checkCooperation(device, query.cooperation);
      const afterParsed = cursorSchema.safeParse(query.after ?? '0');
      if (!afterParsed.success) throw new SyncServiceError(400, 'request.malformed', 'after must be a sequence number.');
      const limit = limitOf(query.limit, DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT);
      const changes = await storage.changesAfter(device.cooperationId, afterParsed.data, limit);
      return {
        changes,
        lastSeq: changes.at(-1)?.seq ?? afterParsed.data,
        more: changes.length === limit,
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
