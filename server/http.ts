// The shared service over HTTP(S): routing, body size limit, rate limits, JSON logs and error answers.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { MAX_REQUEST_BYTES } from '../sync/protocol';
import type { SyncErrorBody, SyncErrorCode } from '../sync/protocol';
import { createDeviceAdmin } from './device-admin';
import { SyncServiceError } from './request-checks';
import type { SyncService } from './service';

export interface HttpServerOptions {
  service: SyncService;
  port: number;
  host?: string;
  /** Serve HTTPS directly with these PEM files; without them plain HTTP (behind a TLS proxy). */
  tls?: { certFile: string; keyFile: string };
  /** Behind a proxy: take the client address from X-Forwarded-For for rate limiting and logs. */
  trustProxy?: boolean;
  /** Requests per second each client may make on average, and the burst it may spend at once. */
  rateLimit?: { perSecond: number; burst: number };
  /** Enrolment attempts per minute per address (codes are short; guessing must be slow). */
  enrolPerMinute?: number;
  /**
   * Failed credentials (missing, wrong or revoked) per minute per address, and the burst allowed at once. After that
   * the address gets 429 before its credential is even looked at, so secrets and device ids cannot be probed quickly.
   */
  authFailures?: { perMinute: number; burst: number };
  log?: (entry: Record<string, unknown>) => void;
  /**
   * Successful pulls are not logged one by one (20,000 devices polling every 30 s make 667 a second, and a synchronous
   * log write held up every request; docs/performance.md): they are counted and logged as one `pulls` line this often.
   */
  pullSummaryMs?: number;
}

export interface RunningSyncServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** One token bucket per key, refilled continuously. */
function createRateLimiter(perSecond: number, burst: number) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (key: string, now: number): boolean => {
    const bucket = buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    if (buckets.size > 100_000) buckets.clear(); // bounded memory under a flood of addresses
    buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  };
}

class BodyTooLarge extends Error {}

/** The client hung up before its request body was complete: its own doing, not a fault of the service. */
class ClientGone extends Error {}

const AUTH_FAILURE_CODES: readonly SyncErrorCode[] = ['auth.missing', 'auth.invalid', 'auth.revoked'];

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_REQUEST_BYTES) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        reject(new BodyTooLarge());
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('aborted', () => reject(new ClientGone()));
    req.on('error', () => reject(new ClientGone()));
  });
}

export function defaultLog(entry: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
}

/** Successful pulls, counted and summarised in one log line per interval (count and p50/p99/max of their ms). */
function createPullSummary(log: (entry: Record<string, unknown>) => void, intervalMs: number) {
  let timings: number[] = [];
  const flush = () => {
    if (timings.length === 0) return;
    const sorted = timings.sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
    log({ level: 'info', msg: 'pulls', status: 200, count: sorted.length, p50: at(50), p99: at(99), max: sorted.at(-1) });
    timings = [];
  };
  const timer = setInterval(flush, intervalMs);
  timer.unref();
  return {
    add: (ms: number) => void timings.push(ms),
    stop: () => {
      clearInterval(timer);
      flush();
    },
  };
}

export function startSyncServer(options: HttpServerOptions): Promise<RunningSyncServer> {
  const { service } = options;
  const admin = createDeviceAdmin(service);
  const log = options.log ?? defaultLog;
  const pulls = createPullSummary(log, options.pullSummaryMs ?? 60_000);
  const limiter = createRateLimiter(options.rateLimit?.perSecond ?? 20, options.rateLimit?.burst ?? 200);
  const enrolLimiter = createRateLimiter((options.enrolPerMinute ?? 10) / 60, options.enrolPerMinute ?? 10);
  const authFailures = options.authFailures ?? { perMinute: 30, burst: 20 };
  const authFailureLimiter = createRateLimiter(authFailures.perMinute / 60, authFailures.burst);
  /** Addresses whose failed-credential budget is spent, with when it has refilled one token again. */
  const authBlockedUntil = new Map<string, number>();

  async function authenticate(req: http.IncomingMessage, address: string) {
    const now = Date.now();
    const blockedUntil = authBlockedUntil.get(address);
    if (blockedUntil !== undefined && blockedUntil > now) {
      throw new SyncServiceError(429, 'request.rateLimited', 'Too many failed sign-ins from this address; wait a minute.');
    }
    try {
      return await service.authenticate(req.headers.authorization);
    } catch (error) {
      if (error instanceof SyncServiceError && AUTH_FAILURE_CODES.includes(error.code) && !authFailureLimiter(address, now)) {
        if (authBlockedUntil.size > 100_000) authBlockedUntil.clear(); // bounded memory under a flood of addresses
        authBlockedUntil.set(address, now + 60_000 / authFailures.perMinute);
      }
      throw error;
    }
  }

  function send(res: http.ServerResponse, status: number, body: unknown) {
    sendJson(res, status, JSON.stringify(body));
  }

  function sendJson(res: http.ServerResponse, status: number, text: string) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  function refuse(res: http.ServerResponse, status: number, code: SyncErrorCode, message: string) {
    const body: SyncErrorBody = { error: { code, message } };
    send(res, status, body);
  }

  function clientAddress(req: http.IncomingMessage): string {
    if (options.trustProxy) {
      // The last entry is the one the nearest (trusted) proxy added; earlier entries come from the client and
      // could name any address. Node joins repeated headers with ', ', so the last entry is the same either way.
      const forwarded = req.headers['x-forwarded-for'];
      const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)?.split(',').at(-1)?.trim();
      if (last) return last;
    }
    return req.socket.remoteAddress ?? 'unknown';
  }

  /** `seen.device` is set once the caller is authenticated, so a refusal after that is logged with the device. */
  async function route(req: http.IncomingMessage, res: http.ServerResponse, url: URL, address: string, seen: { device?: string }): Promise<string | null> {
    const query = Object.fromEntries(url.searchParams) as Record<string, string | undefined>;
    query.protocol ??= (req.headers['x-samvakt-protocol'] as string | undefined) ?? undefined;
    const path = url.pathname;
    if (req.method === 'GET' && path === '/health') {
      send(res, 200, { status: 'ok' });
      return null;
    }
    if (req.method === 'GET' && path === '/v1/info') {
      send(res, 200, service.info());
      return null;
    }
    if (req.method === 'POST' && path === '/v1/enrol') {
      if (!enrolLimiter(address, Date.now())) throw new SyncServiceError(429, 'request.rateLimited', 'Too many enrolment attempts; wait a minute.');
      send(res, 200, await service.enrol(parseJson(await readBody(req))));
      return null;
    }
    const routes: Record<string, boolean> = {
      'POST /v1/push': true,
      'GET /v1/pull': true,
      'GET /v1/snapshot': true,
      'GET /v1/digest': true,
      'POST /v1/devices/enrolment-codes': true,
      'GET /v1/devices': true,
    };
    const revokeTarget = req.method === 'POST' ? /^\/v1\/devices\/([0-9a-f-]{36})\/revoke$/.exec(path)?.[1] : undefined;
    const officesTarget = req.method === 'POST' ? /^\/v1\/devices\/([0-9a-f-]{36})\/offices$/.exec(path)?.[1] : undefined;
    if (!routes[`${req.method} ${path}`] && !revokeTarget && !officesTarget) throw new SyncServiceError(404, 'request.notFound', `No such endpoint: ${req.method} ${path}`);
    const device = await authenticate(req, address);
    seen.device = device.id;
    if (!limiter(device.id, Date.now())) throw new SyncServiceError(429, 'request.rateLimited', 'Too many requests from this device; slow down.');
    if (path === '/v1/push') send(res, 200, await service.push(device, parseJson(await readBody(req))));
    else if (path === '/v1/pull') send(res, 200, await service.pull(device, query));
    else if (path === '/v1/snapshot') sendJson(res, 200, await service.snapshotJson(device, query));
    else if (path === '/v1/digest') send(res, 200, await service.digest(device, query));
    else if (path === '/v1/devices') send(res, 200, await admin.listDevices(device, query));
    else if (officesTarget) send(res, 200, await admin.setDeviceOffices(device, officesTarget, parseJson(await readBody(req))));
    else if (revokeTarget) send(res, 200, await admin.revokeDevice(device, revokeTarget, parseJson(await readBody(req))));
    else send(res, 200, await admin.createEnrolmentCode(device, parseJson(await readBody(req))));
    return device.id;
  }

  function parseJson(text: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new SyncServiceError(400, 'request.malformed', 'The body is not JSON.');
    }
  }

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const started = performance.now();
    const address = clientAddress(req);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      refuse(res, 400, 'request.malformed', 'Malformed URL.');
      return;
    }
    // Requests without a credential are limited per address; devices are limited per device after authentication
    // (many offices may share one address behind a NAT).
    if (url.pathname !== '/health' && !req.headers.authorization && !limiter(`ip:${address}`, Date.now())) {
      refuse(res, 429, 'request.rateLimited', 'Too many requests from this address; slow down.');
      return;
    }
    const seen: { device?: string } = {};
    route(req, res, url, address, seen)
      .then((device) => {
        const ms = Math.round(performance.now() - started);
        if (url.pathname === '/v1/pull' && res.statusCode === 200) pulls.add(ms);
        else if (url.pathname !== '/health') log({ level: 'info', msg: 'request', method: req.method, path: url.pathname, status: res.statusCode, ms, device });
      })
      .catch((error: unknown) => {
        if (error instanceof SyncServiceError) {
          refuse(res, error.status, error.code, error.message);
          log({ level: 'warn', msg: 'refused', method: req.method, path: url.pathname, status: error.status, code: error.code, address, ...(seen.device ? { device: seen.device } : {}) });
        } else if (error instanceof ClientGone) {
          // Nobody is listening for an answer; it is the client's event (a closed laptop, a dropped line), not ours.
          log({ level: 'info', msg: 'client.aborted', method: req.method, path: url.pathname, address });
          res.destroy();
        } else if (error instanceof BodyTooLarge) {
          refuse(res, 413, 'request.tooLarge', `The body is larger than ${MAX_REQUEST_BYTES} bytes; send fewer changes per push.`);
          log({ level: 'warn', msg: 'refused', method: req.method, path: url.pathname, status: 413, code: 'request.tooLarge', address });
        } else {
          refuse(res, 503, 'server.unavailable', 'The service could not complete the request; try again later.');
          log({ level: 'error', msg: 'failed', method: req.method, path: url.pathname, error: error instanceof Error ? error.message : String(error) });
        }
      });
  };

  const server = options.tls
    ? https.createServer({ cert: fs.readFileSync(options.tls.certFile), key: fs.readFileSync(options.tls.keyFile) }, handler)
    : http.createServer(handler);
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  server.keepAliveTimeout = 35_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : '127.0.0.1';
      resolve({
        url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            pulls.stop();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
