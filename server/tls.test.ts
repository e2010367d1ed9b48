// TLS mode of the shared service: HTTPS with a self-signed certificate made by openssl at test time, in-process and through the CLI's --tls-cert/--tls-key.
import { execFile, execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode, runServerCommand, startServerProcess } from '../test/helpers/sync-server-process';
import type { ServerProcess } from '../test/helpers/sync-server-process';
import { createHttpTransport, SyncTransportError } from '../sync/transport';
import type { FetchLike } from '../sync/transport';
import { startSyncServer } from './http';
import type { RunningSyncServer } from './http';
import { createSyncService } from './service';
import type { SyncService } from './service';
import { createSqliteStorage } from './sqlite-storage';
import type { SyncStorage } from './storage';

let dir: string;
let certFile: string;
let keyFile: string;
let ca: Buffer;

/** A self-signed certificate for 127.0.0.1 and localhost (it is its own CA), valid one day. Needs the openssl CLI (.ci/run installs it). */
function makeSelfSignedCertificate(into: string) {
  certFile = path.join(into, 'cert.pem');
  keyFile = path.join(into, 'key.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ], { stdio: 'pipe' });
  ca = fs.readFileSync(certFile);
}

/** GET over node's https with the given trust; resolves with the status, body and the certificate the server presented. */
function httpsGet(url: string, options: { ca?: Buffer }) {
  return new Promise<{ status: number; body: string; fingerprint: string }>((resolve, reject) => {
    https
      .get(url, { ...(options.ca ? { ca: options.ca } : {}), agent: false }, (res) => {
        const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, fingerprint }));
      })
      .on('error', reject);
  });
}

function plainHttpGet(url: string) {
  return new Promise<number>((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

/** The transport's FetchLike over node's https, trusting `ca` (the global fetch only trusts the system store and NODE_EXTRA_CA_CERTS). */
function httpsFetchTrusting(trusted: Buffer): FetchLike {
  return (url, init) =>
    new Promise((resolve, reject) => {
      const req = https.request(url, { method: init.method, headers: init.headers, ca: trusted, agent: false, ...(init.signal ? { signal: init.signal } : {}) }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: () => Promise.resolve(text) }));
      });
      req.on('error', reject);
      req.end(init.body);
    });
}

/** Any well-formed device key: the cooperations here have no root, so nothing is signed or checked. */
const DEVICE_KEY = 'A'.repeat(43);

const hlcNow = (clockId: string) => `${String(Date.now()).padStart(15, '0')}-000000-${clockId}`;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-tls-'));
  makeSelfSignedCertificate(dir);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the service in TLS mode (in-process)', () => {
  let storage: SyncStorage;
  let service: SyncService;
  let server: RunningSyncServer;

  beforeAll(async () => {
    storage = createSqliteStorage(':memory:');
    service = createSyncService({ storage });
    server = await startSyncServer({ service, port: 0, log: () => {}, tls: { certFile, keyFile } });
  });

  afterAll(async () => {
    await server.close();
    await storage.close();
  });

  it('says https in its URL and answers /health with 200, presenting our certificate, when the self-signed CA is trusted', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const answer = await httpsGet(`${server.url}/health`, { ca });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ status: 'ok' });
    expect(answer.fingerprint).toBe(new X509Certificate(ca).fingerprint256);
  });

  it('is refused by a client that does not trust the certificate', async () => {
    await expect(httpsGet(`${server.url}/health`, {})).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });

  it('does not answer plain HTTP on the TLS port', async () => {
    await expect(plainHttpGet(`http://127.0.0.1:${server.port}/health`)).rejects.toThrow();
  });

  it('lets the client transport (given the CA) enrol, push and pull', async () => {
    const transport = createHttpTransport(server.url, httpsFetchTrusting(ca));
    const { code } = await service.createEnrolmentCode({ cooperationId: 'coop-tls', cooperationName: 'TLS', office: 'Grong' });
    const enrolled = await transport.enrol({ protocol: 3, code, clockId: 'clock-tls', name: 'TLS-test', publicKey: DEVICE_KEY });
    expect(enrolled).toMatchObject({ cooperationId: 'coop-tls', cooperationName: 'TLS', office: 'Grong' });
    const auth = { deviceId: enrolled.deviceId, secret: enrolled.secret };
    const change = { hlc: hlcNow('clock-tls'), table: 'offices', row: 'o-tls', column: 'name', value: 'Grong legekontor' };
    // The cooperation has no root yet, so an unsigned (legacy) transaction is accepted as before signing.
    const { hlc, ...cell } = change;
    expect(await transport.push(auth, { protocol: 3, cooperationId: 'coop-tls', transactions: [{ hlc, author: 'legacy', cells: [cell] }] })).toMatchObject({ accepted: 1, ignored: 0 });
    const pulled = await transport.pull(auth, { cooperation: 'coop-tls', after: 0 });
    expect(pulled.changes).toEqual([expect.objectContaining(change)]);
    expect(pulled.more).toBe(false);
  });

  it('makes the transport with the default fetch fail as "network" when the certificate is not trusted', async () => {
    const { code } = await service.createEnrolmentCode({ cooperationId: 'coop-tls', office: 'Snåsa' });
    const failure = await createHttpTransport(server.url)
      .enrol({ protocol: 3, code, clockId: 'clock-untrusted', publicKey: DEVICE_KEY })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SyncTransportError);
    expect(failure).toMatchObject({ code: 'network', status: 0 });
    // The code was never used: a trusting client can still enrol with it.
    await expect(createHttpTransport(server.url, httpsFetchTrusting(ca)).enrol({ protocol: 3, code, clockId: 'clock-untrusted', publicKey: DEVICE_KEY })).resolves.toMatchObject({ office: 'Snåsa' });
  });

  it('is trusted by the default fetch of a process started with NODE_EXTRA_CA_CERTS (how a test device is pointed at it)', async () => {
    const { code } = await service.createEnrolmentCode({ cooperationId: 'coop-tls', office: 'Lierne' });
    const probe = path.join(dir, 'probe.mjs');
    fs.writeFileSync(
      probe,
      `const { createHttpTransport } = await import(process.argv[2]);
const answer = await createHttpTransport(process.argv[3]).enrol({ protocol: 3, code: process.argv[4], clockId: 'clock-extra-ca', publicKey: '${DEVICE_KEY}' });
console.log(JSON.stringify({ office: answer.office }));`,
    );
    const transportUrl = pathToFileURL(fileURLToPath(new URL('../sync/transport.ts', import.meta.url))).href;
    const output = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', probe, transportUrl, server.url, code], { env: { ...process.env, NODE_EXTRA_CA_CERTS: certFile } }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
      );
    });
    expect(JSON.parse(output)).toEqual({ office: 'Lierne' });
  });
});

describe('the CLI in TLS mode (npm run server -- --tls-cert … --tls-key …)', () => {
  let serverDir: string;
  let server: ServerProcess | undefined;

  beforeAll(() => {
    serverDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-tls-cli-'));
  });

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(serverDir, { recursive: true, force: true });
  });

  it('serves HTTPS with the given certificate and key, and a device enrols and pulls over it', async () => {
    server = await startServerProcess(serverDir, { args: ['--tls-cert', certFile, '--tls-key', keyFile] });
    expect(server.url).toMatch(/^https:\/\//);
    expect((await httpsGet(`${server.url}/health`, { ca })).status).toBe(200);
    await expect(plainHttpGet(`http://127.0.0.1:${server.port}/health`)).rejects.toThrow();

    const code = await createEnrolmentCode(serverDir, 'coop-cli-tls', 'Grong');
    const transport = createHttpTransport(server.url, httpsFetchTrusting(ca));
    const enrolled = await transport.enrol({ protocol: 3, code, clockId: 'clock-cli-tls', publicKey: DEVICE_KEY });
    expect(enrolled.cooperationId).toBe('coop-cli-tls');
    const pulled = await transport.pull({ deviceId: enrolled.deviceId, secret: enrolled.secret }, { cooperation: 'coop-cli-tls', after: 0 });
    expect(pulled).toMatchObject({ changes: [], more: false });
  }, 40_000);

  it('refuses to start with a certificate but no key', async () => {
    await expect(runServerCommand(serverDir, ['--tls-cert', certFile, '--port', '0'])).rejects.toThrow(/TLS trenger både --tls-cert og --tls-key/);
  }, 20_000);
});
