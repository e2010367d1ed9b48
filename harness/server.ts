// The browser harness: serves the built UI and the backend API over HTTP on 127.0.0.1, guarded by a per-run access token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../backend/api';

const MAX_BODY_BYTES = 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The same policy Electron applies, so the harness catches CSP mistakes too. */
export const HARNESS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export interface HarnessOptions {
  backend: Backend;
  /** Folder with the built renderer (index.html and assets). */
  staticDir: string;
  port: number;
  /** Fixed token for tests; a random one otherwise. */
  accessToken?: string;
}

export interface RunningHarness {
  url: string;
  port: number;
  accessToken: string;
  close(): Promise<void>;
}

function tokenMatches(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function startHarness(options: HarnessOptions): Promise<RunningHarness> {
  const accessToken = options.accessToken ?? randomBytes(24).toString('base64url');
  const staticRoot = path.resolve(options.staticDir);
  const eventStreams = new Set<http.ServerResponse>();
  const unsubscribe = options.backend.onEvent((event) => {
    for (const stream of eventStreams) stream.write(`data: ${JSON.stringify(event)}\n\n`);
  });

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readBody(req));
    } catch {
      sendJson(res, 400, { ok: false, error: { code: 'validation.failed' } });
      return;
    }
    const body = parsed as { method?: unknown; input?: unknown } | null;
    if (!body || typeof body.method !== 'string') {
      sendJson(res, 400, { ok: false, error: { code: 'validation.failed' } });
      return;
    }
    const session = req.headers['x-samvakt-session'];
    const response = await options.backend.call({
      method: body.method,
      input: body.input ?? {},
      sessionToken: typeof session === 'string' && session ? session : null,
    });
    // Failed calls are answers, not transport errors: the body says what went wrong.
    sendJson(res, 200, response);
  }

  function handleEvents(res: http.ServerResponse) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    eventStreams.add(res);
    res.on('close', () => eventStreams.delete(res));
  }

  function serveStatic(urlPath: string, res: http.ServerResponse) {
    const relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
    const file = path.resolve(staticRoot, `.${relative}`);
    const inside = file.startsWith(staticRoot + path.sep);
    const target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(staticRoot, 'index.html');
    if (!fs.existsSync(target)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Brukergrensesnittet er ikke bygget. Kjør «npm run start:web», som bygger det først.');
      return;
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream',
      'content-security-policy': HARNESS_CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    fs.createReadStream(target).pipe(res);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const token = bearer ?? url.searchParams.get('token');
      if (!tokenMatches(token, accessToken)) {
        sendJson(res, 401, { ok: false, error: { code: 'auth.signInRequired' } });
        return;
      }
      if (url.pathname === '/api/call' && req.method === 'POST') {
        handleCall(req, res).catch(() => sendJson(res, 400, { ok: false, error: { code: 'validation.failed' } }));
        return;
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        handleEvents(res);
        return;
      }
      sendJson(res, 404, { ok: false, error: { code: 'api.unknownMethod' } });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(url.pathname, res);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the harness is a development and test tool, never reachable from the network.
    server.listen(options.port, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/#token=${accessToken}`,
        port,
        accessToken,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            for (const stream of eventStreams) stream.end();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
