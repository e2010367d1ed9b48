// The shared service over HTTP: health, clear 4xx codes for bad requests that change nothing, rate limits, and a fuzz run that never gets a 5xx.
import net from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer } from './http';
import type { RunningSyncServer } from './http';
import { createSyncService } from './service';
import type { SyncService } from './service';
import { createSqliteStorage } from './sqlite-storage';
import type { SyncStorage } from './storage';

let storage: SyncStorage;
let service: SyncService;
let server: RunningSyncServer;
let auth: string;
let revokedAuth: string;
let clockId: string;
const logs: Record<string, unknown>[] = [];

/** Any well-formed device key: coop-http has no root, so nothing is signed or checked. */
const DEVICE_KEY = 'A'.repeat(43);

const hlcAt = (ms: number, id = clockId) => `${String(ms).padStart(15, '0')}-000000-${id}`;

async function enrol(cooperationId: string, clock: string) {
  const { code } = await service.createEnrolmentCode({ cooperationId, office: 'Grong' });
  const response = await fetch(`${server.url}/v1/enrol`, { method: 'POST', body: JSON.stringify({ protocol: 3, code, clockId: clock, publicKey: DEVICE_KEY }) });
  const body = (await response.json()) as { deviceId: string; secret: string };
  return { header: `Bearer ${body.deviceId}.${body.secret}`, code, deviceId: body.deviceId };
}

async function request(path: string, init: { method?: string; body?: string; auth?: string | null; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.auth === null ? {} : { authorization: init.auth ?? auth }), 'x-samvakt-protocol': '3', ...init.headers },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
  const text = await response.text();
  let body: { error?: { code: string; message: string } } & Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // not JSON: leave empty, the status tells
  }
  return { status: response.status, body };
}

/** Changes as unsigned (legacy) transactions, one per change: what a cooperation without a root accepts as before signing. */
const pushBody = (changes: { hlc: string; [field: string]: unknown }[], cooperationId = 'coop-http') =>
  JSON.stringify({ protocol: 3, cooperationId, transactions: changes.map(({ hlc, ...cell }) => ({ hlc, author: 'legacy', cells: [cell] })) });

beforeAll(async () => {
  storage = createSqliteStorage(':memory:');
  service = createSyncService({ storage, log: () => {} });
  server = await startSyncServer({ service, port: 0, log: (entry) => logs.push(entry), rateLimit: { perSecond: 1000, burst: 5000 }, authFailures: { perMinute: 100_000, burst: 100_000 } });
  clockId = 'clock-http';
  auth = (await enrol('coop-http', clockId)).header;
  const revoked = await enrol('coop-http', 'clock-revoked');
  revokedAuth = revoked.header;
  await service.revokeDevice(revoked.deviceId);
  await request('/v1/push', { method: 'POST', body: pushBody([{ hlc: hlcAt(Date.now()), table: 'offices', row: 'o1', column: 'name', value: 'Grong' }]) });
});

afterAll(async () => {
  await server.close();
  await storage.close();
});

describe('sync service over HTTP', () => {
  it('answers /health and /v1/info, and logs requests as JSON objects', async () => {
    expect((await request('/health', { auth: null })).status).toBe(200);
    const info = await request('/v1/info', { auth: null });
    expect(info.body).toMatchObject({ service: 'samvakt-sync', protocol: { min: 3, max: 3 } });
    expect(logs.some((entry) => entry.msg === 'request' && entry.path === '/v1/push' && entry.status === 200)).toBe(true);
  });

  it('refuses bad requests with a clear 4xx code and changes nothing', async () => {
    const before = await storage.lastSeq('coop-http');
    const now = Date.now();
    const good = { hlc: hlcAt(now), table: 'offices', row: 'o2', column: 'name', value: 'Lierne' };
    const cases: [string, Awaited<ReturnType<typeof request>>, number, string][] = [
      ['malformed JSON', await request('/v1/push', { method: 'POST', body: '{"protocol": 1, ' }), 400, 'request.malformed'],
      ['wrong shape', await request('/v1/push', { method: 'POST', body: pushBody([{ ...good, column: 'DROP TABLE' }]) }), 400, 'request.malformed'],
      ['row id with a lone surrogate', await request('/v1/push', { method: 'POST', body: pushBody([{ ...good, row: 'o3\uD800x' }]) }), 400, 'request.malformed'],
      ['value with a lone surrogate', await request('/v1/push', { method: 'POST', body: pushBody([{ ...good, value: 'Lierne\uDC00' }]) }), 400, 'request.malformed'],
      ['oversized', await request('/v1/push', { method: 'POST', body: pushBody([{ ...good, value: 'x'.repeat(5 * 1024 * 1024) }]) }), 413, 'request.tooLarge'],
      ['no credential', await request('/v1/push', { method: 'POST', body: pushBody([good]), auth: null }), 401, 'auth.missing'],
      ['wrong secret', await request('/v1/push', { method: 'POST', body: pushBody([good]), auth: auth.replace(/\.[^.]+$/, `.${'A'.repeat(43)}`) }), 401, 'auth.invalid'],
      ['revoked', await request('/v1/pull?after=0', { auth: revokedAuth }), 401, 'auth.revoked'],
      ['foreign cooperation', await request('/v1/push', { method: 'POST', body: pushBody([good], 'coop-other') }), 403, 'sync.wrongCooperation'],
      ['beyond drift', await request('/v1/push', { method: 'POST', body: pushBody([good, { ...good, row: 'o3', hlc: hlcAt(now + 25 * 3_600_000) }]) }), 422, 'clock.ahead'],
      ['another device’s timestamp', await request('/v1/push', { method: 'POST', body: pushBody([{ ...good, hlc: hlcAt(now, 'forged') }]) }), 403, 'sync.foreignTimestamp'],
      ['old protocol', await request('/v1/pull?after=0&protocol=1'), 400, 'protocol.unsupported'],
      ['a version 2 pull (before office scopes)', await request('/v1/pull?after=0&protocol=2&cooperation=coop-http', { headers: { 'x-samvakt-protocol': '2' } }), 400, 'protocol.unsupported'],
      ['a version 1 push', await request('/v1/push', { method: 'POST', body: JSON.stringify({ protocol: 1, cooperationId: 'coop-http', changes: [good] }) }), 400, 'request.malformed'],
      ['an unknown author', await request('/v1/push', { method: 'POST', body: JSON.stringify({ protocol: 3, cooperationId: 'coop-http', transactions: [{ hlc: good.hlc, author: 'admin', cells: [] }] }) }), 400, 'request.malformed'],
      ['bad cursor', await request('/v1/pull?after=-1&cooperation=coop-http'), 400, 'request.malformed'],
      ['unknown endpoint', await request('/v1/nothing'), 404, 'request.notFound'],
    ];
    for (const [name, response, status, code] of cases) {
      expect({ name, status: response.status, code: response.body.error?.code }).toEqual({ name, status, code });
      expect(response.body.error?.message.length, name).toBeGreaterThan(10);
    }
    expect(await storage.lastSeq('coop-http')).toBe(before);
  });

  it('refuses a replayed enrolment code', async () => {
    const { code } = await service.createEnrolmentCode({ cooperationId: 'coop-http', office: 'Lierne' });
    const body = JSON.stringify({ protocol: 3, code, clockId: 'clock-replay', publicKey: DEVICE_KEY });
    expect((await request('/v1/enrol', { method: 'POST', body, auth: null })).status).toBe(200);
    const replay = await request('/v1/enrol', { method: 'POST', body, auth: null });
    expect([replay.status, replay.body.error?.code]).toEqual([403, 'enrol.codeInvalid']);
  });

  it('survives thousands of random requests without a 5xx and without storing anything', async () => {
    const before = await storage.lastSeq('coop-http');
    const anyJson = fc.jsonValue({ maxDepth: 3 });
    const cell = fc.record({ i: fc.oneof(fc.nat(), fc.integer()), table: fc.string(), row: fc.string(), column: fc.string(), value: anyJson, blind: fc.string() }, { requiredKeys: ['table', 'row', 'column', 'value'] });
    const transaction = fc.record(
      {
        hlc: fc.oneof(fc.string(), fc.constant(hlcAt(Date.now()))),
        author: fc.oneof(fc.string(), fc.constantFrom('legacy', 'user:u1', `device:${clockId}`)),
        signature: fc.string(),
        digests: fc.array(fc.oneof(fc.string(), fc.constant('A'.repeat(43))), { maxLength: 3 }),
        cells: fc.array(cell, { maxLength: 5 }),
      },
      { requiredKeys: ['hlc', 'author', 'cells'] },
    );
    const body = fc.oneof(
      fc.string({ maxLength: 200 }),
      anyJson.map((value) => JSON.stringify(value)),
      fc.record({ protocol: fc.oneof(fc.integer(), fc.constant(2)), cooperationId: fc.oneof(fc.string(), fc.constant('coop-other')), transactions: fc.array(transaction, { maxLength: 3 }) }).map((value) => JSON.stringify(value)),
    );
    const sample = fc.sample(
      fc.record({
        path: fc.constantFrom('/v1/push', '/v1/pull', '/v1/snapshot', '/v1/enrol', '/v1/info', '/x', '/v1/pull?after=abc', '/v1/snapshot?after=%%%', '/v1/pull?limit=999999999999999999999'),
        method: fc.constantFrom('GET', 'POST', 'PUT'),
        body,
        auth: fc.constantFrom(null, 'Bearer x', 'garbage', auth),
      }),
      { numRuns: 2000, seed: 42 },
    );
    const statuses = new Map<number, number>();
    for (let i = 0; i < sample.length; i += 50) {
      const results = await Promise.all(
        sample.slice(i, i + 50).map((item) =>
          request(item.path, { method: item.method, auth: item.auth, ...(item.method === 'GET' ? {} : { body: item.body }) }).then((r) => r.status),
        ),
      );
      for (const status of results) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
    expect(await storage.lastSeq('coop-http')).toBe(before);
  });

  it('limits the request rate per device', async () => {
    const limited = await startSyncServer({ service, port: 0, log: () => {}, rateLimit: { perSecond: 1, burst: 3 } });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await fetch(`${limited.url}/v1/pull?after=0&cooperation=coop-http&protocol=3`, { headers: { authorization: auth } })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('limits failed credentials per address, so secrets cannot be probed quickly', async () => {
    const limited = await startSyncServer({ service, port: 0, log: () => {}, authFailures: { perMinute: 60, burst: 5 } });
    try {
      const statuses = new Map<number, number>();
      for (let i = 0; i < 250; i++) {
        const token = `Bearer ${crypto.randomUUID()}.${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')}`;
        const { status } = await fetch(`${limited.url}/v1/pull?after=0&cooperation=coop-http&protocol=3`, { headers: { authorization: token } });
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
      expect(statuses.get(401)).toBeLessThanOrEqual(10);
      expect(statuses.get(429)).toBeGreaterThanOrEqual(240);
      expect([...statuses.keys()].sort()).toEqual([401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('logs a client that hangs up in the middle of its body as a client event, not a service failure', async () => {
    const entries: Record<string, unknown>[] = [];
    const watched = await startSyncServer({ service, port: 0, log: (entry) => entries.push(entry) });
    try {
      const socket = net.connect(watched.port, '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.write(
        `POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${auth}\r\nX-Samvakt-Protocol: 2\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"protocol":2,"cooperationId":"coop-http","transactions":[`,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      socket.destroy();
      await expect.poll(() => entries.find((entry) => entry.msg === 'client.aborted')).toMatchObject({ level: 'info', path: '/v1/push' });
      expect(entries.filter((entry) => entry.level === 'error')).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('counts successful pulls in one summary line instead of a line per pull; refused pulls are still logged one by one', async () => {
    const entries: Record<string, unknown>[] = [];
    const summarising = await startSyncServer({ service, port: 0, log: (entry) => entries.push(entry), pullSummaryMs: 50 });
    try {
      for (let i = 0; i < 3; i++) {
        const response = await fetch(`${summarising.url}/v1/pull?protocol=3&cooperation=coop-http&after=0`, { headers: { authorization: auth } });
        expect(response.status).toBe(200);
      }
      expect((await fetch(`${summarising.url}/v1/pull?protocol=3&cooperation=coop-http&after=-1`, { headers: { authorization: auth } })).status).toBe(400);
      await new Promise((resolve) => setTimeout(resolve, 150));
    } finally {
      await summarising.close();
    }
    expect(entries.filter((entry) => entry.msg === 'request' && entry.path === '/v1/pull')).toEqual([]);
    expect(entries.filter((entry) => entry.msg === 'refused' && entry.path === '/v1/pull')).toHaveLength(1);
    const summaries = entries.filter((entry) => entry.msg === 'pulls');
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatchObject({ level: 'info', count: 3, p50: expect.any(Number), p99: expect.any(Number), max: expect.any(Number) });
  });
});
