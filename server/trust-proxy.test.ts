// Behind a proxy (--trust-proxy): which client address the per-address rate limits and logs use, in-process and through the CLI flag.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../test/helpers/sync-server-process';
import type { ServerProcess } from '../test/helpers/sync-server-process';
import { startSyncServer } from './http';
import type { HttpServerOptions, RunningSyncServer } from './http';
import { createSyncService } from './service';
import type { SyncService } from './service';
import { createSqliteStorage } from './sqlite-storage';
import type { SyncStorage } from './storage';

let storage: SyncStorage;
let service: SyncService;
let server: RunningSyncServer | undefined;
let logs: Record<string, unknown>[] = [];

beforeAll(() => {
  storage = createSqliteStorage(':memory:');
  service = createSyncService({ storage });
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  logs = [];
});

afterAll(async () => {
  await storage.close();
});

async function start(options: Partial<HttpServerOptions>) {
  server = await startSyncServer({ service, port: 0, log: (entry) => logs.push(entry), enrolPerMinute: 2, ...options });
  return server;
}

/** An enrolment attempt with a wrong code (403 until the address's enrolment limit is spent, then 429). */
async function enrolAttempt(url: string, forwardedFor?: string) {
  const response = await fetch(`${url}/v1/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({ protocol: 3, code: 'AAAA-BBBB-CCCC', clockId: 'clock-proxy', publicKey: 'A'.repeat(43) }),
  });
  await response.text();
  return response.status;
}

const refusedAddresses = () => logs.filter((entry) => entry.msg === 'refused').map((entry) => entry.address);

describe('without --trust-proxy', () => {
  it('ignores X-Forwarded-For: a client cannot dodge the enrolment limit by sending one, and logs the socket address', async () => {
    const { url } = await start({ trustProxy: false });
    const statuses = [await enrolAttempt(url, '203.0.113.1'), await enrolAttempt(url, '203.0.113.2'), await enrolAttempt(url, '203.0.113.3')];
    expect(statuses).toEqual([403, 403, 429]);
    const addresses = refusedAddresses();
    expect(addresses).toHaveLength(3);
    for (const address of addresses) expect(String(address)).toMatch(/127\.0\.0\.1$/);
  });
});

describe('with --trust-proxy', () => {
  it('limits enrolment per forwarded address, each address on its own', async () => {
    const { url } = await start({ trustProxy: true });
    expect([await enrolAttempt(url, '203.0.113.1'), await enrolAttempt(url, '203.0.113.1'), await enrolAttempt(url, '203.0.113.1')]).toEqual([403, 403, 429]);
    expect(await enrolAttempt(url, '203.0.113.2')).toBe(403);
    expect(refusedAddresses()).toEqual(['203.0.113.1', '203.0.113.1', '203.0.113.1', '203.0.113.2']);
  });

  it('takes the last address of a list (the one the nearest proxy appended), so a client-supplied first entry cannot pick the bucket', async () => {
    const { url } = await start({ trustProxy: true });
    // A client sends its own X-Forwarded-For with a different made-up address each time; the proxy appends what it saw.
    expect(await enrolAttempt(url, '203.0.113.1, 198.51.100.9')).toBe(403);
    expect(await enrolAttempt(url, '203.0.113.2,198.51.100.9')).toBe(403);
    expect(await enrolAttempt(url, '203.0.113.3 ,  198.51.100.9 ')).toBe(429);
    expect(await enrolAttempt(url, '198.51.100.9')).toBe(429);
    expect(refusedAddresses()).toEqual(['198.51.100.9', '198.51.100.9', '198.51.100.9', '198.51.100.9']);
    // Another last entry is another client, with its own limit, whatever the first entry says.
    expect(await enrolAttempt(url, '203.0.113.1, 198.51.100.10')).toBe(403);
  });

  it('falls back to the socket address when the last entry is empty', async () => {
    const { url } = await start({ trustProxy: true });
    expect([await enrolAttempt(url, '203.0.113.4, '), await enrolAttempt(url, '203.0.113.5,'), await enrolAttempt(url, ' , ')]).toEqual([403, 403, 429]);
    for (const address of refusedAddresses()) expect(String(address)).toMatch(/127\.0\.0\.1$/);
  });

  it('falls back to the socket address when the header is missing', async () => {
    const { url } = await start({ trustProxy: true });
    expect([await enrolAttempt(url), await enrolAttempt(url), await enrolAttempt(url)]).toEqual([403, 403, 429]);
    expect(String(refusedAddresses()[0])).toMatch(/127\.0\.0\.1$/);
  });

  it('applies the general per-address limit of unauthenticated requests per forwarded address too', async () => {
    const { url } = await start({ trustProxy: true, rateLimit: { perSecond: 0.001, burst: 2 } });
    const info = async (forwardedFor: string) => (await fetch(`${url}/v1/info`, { headers: { 'x-forwarded-for': forwardedFor } })).status;
    expect([await info('198.51.100.1'), await info('198.51.100.1'), await info('198.51.100.1')]).toEqual([200, 200, 429]);
    expect(await info('198.51.100.2')).toBe(200);
    expect([await info('203.0.113.1, 198.51.100.3'), await info('203.0.113.2, 198.51.100.3'), await info('203.0.113.3, 198.51.100.3')]).toEqual([200, 200, 429]);
  });
});

describe('the CLI flag --trust-proxy', () => {
  let serverDir: string;
  let child: ServerProcess | undefined;

  beforeAll(() => {
    serverDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-proxy-cli-'));
  });

  afterAll(async () => {
    await child?.stop();
    fs.rmSync(serverDir, { recursive: true, force: true });
  });

  async function refusedAddressLogged(args: string[]) {
    child = await startServerProcess(serverDir, { args });
    expect(await enrolAttempt(child.url, '203.0.113.7')).toBe(403);
    // The refusal is logged as a JSON line on stdout; give the pipe a moment.
    for (let i = 0; i < 50 && !child.output().includes('"msg":"refused"'); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const line = child.output().split('\n').find((text) => text.includes('"msg":"refused"'));
    await child.stop();
    child = undefined;
    return (JSON.parse(line ?? '{}') as { address?: string }).address;
  }

  it('makes the service take the address from X-Forwarded-For, and only when given', async () => {
    expect(await refusedAddressLogged(['--trust-proxy'])).toBe('203.0.113.7');
    expect(await refusedAddressLogged([])).toMatch(/127\.0\.0\.1$/);
  }, 40_000);
});
