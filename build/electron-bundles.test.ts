// Builds the Electron bundles and runs the real backend-process bundle in plain Node with a stand-in for Electron's parentPort.
import { fork, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFileState, generateDatabaseKey } from '../db/encryption';

const root = path.resolve(import.meta.dirname, '..');
let outdir: string;
let work: string;

const requiredModules = (code: string) => [...new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]!))].sort();

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-bundles-'));
  outdir = path.join(work, 'electron');
  const result = spawnSync(process.execPath, [path.join(root, 'build', 'build-electron.mjs'), '--outdir', outdir], { cwd: root, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}, 60_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('build-electron.mjs', () => {
  it('writes the three CommonJS bundles', () => {
    for (const name of ['main', 'preload', 'backend-process']) expect(fs.existsSync(path.join(outdir, `${name}.cjs`)), name).toBe(true);
  });

  it('gives a preload that requires nothing but electron (a sandboxed preload can require little else)', () => {
    expect(requiredModules(fs.readFileSync(path.join(outdir, 'preload.cjs'), 'utf8'))).toEqual(['electron']);
  });

  it('keeps electron and the SQLite module external and bundles our own code', () => {
    const main = fs.readFileSync(path.join(outdir, 'main.cjs'), 'utf8');
    const backend = fs.readFileSync(path.join(outdir, 'backend-process.cjs'), 'utf8');
    expect(requiredModules(main)).toContain('electron');
    expect(requiredModules(backend)).toContain('better-sqlite3-multiple-ciphers');
    expect(requiredModules(backend)).not.toContain('electron');
    for (const code of [main, backend]) expect(requiredModules(code).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

/** Runs the bundle as the utility process would run, with process.parentPort backed by Node's IPC channel. */
function startBackendProcess(dataDir: string, key: string | null = generateDatabaseKey()) {
  const shim = path.join(work, 'parent-port-shim.cjs');
  fs.writeFileSync(
    shim,
    `process.parentPort = {
      on(event, listener) { if (event === 'message') process.on('message', (data) => listener({ data })); return this; },
      postMessage(message) { process.send(message); },
    };`,
  );
  const child = fork(path.join(outdir, 'backend-process.cjs'), [`--samvakt-data-dir=${dataDir}`], {
    execArgv: ['--require', shim],
    // the bundle sits outside the project; main sends the database key as the first message, not in the environment
    env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  child.send({ databaseKey: key ?? '' });
  const messages: unknown[] = [];
  const waiters: (() => void)[] = [];
  child.on('message', (message) => {
    messages.push(message);
    waiters.splice(0).forEach((wake) => wake());
  });
  const next = (predicate: (message: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message; got ${JSON.stringify(messages)}`)), 15_000);
      const check = () => {
        const found = messages.find((message) => predicate(message as Record<string, unknown>));
        if (found) {
          clearTimeout(timer);
          resolve(found as Record<string, unknown>);
        } else waiters.push(check);
      };
      check();
    });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, next, exited, key };
}

describe('the backend-process bundle', () => {
  const running: ChildProcess[] = [];
  afterAll(() => running.forEach((child) => child.kill()));

  it('opens the store, answers calls, and exits 0 on shutdown', async () => {
    const dataDir = path.join(work, 'data-ok');
    const backend = startBackendProcess(dataDir);
    running.push(backend.child);
    await backend.next((message) => message.ready === true);
    backend.child.send({ id: 1, method: 'setup.status', input: {}, sessionToken: null });
    const reply = await backend.next((message) => message.id === 1);
    expect(reply).toMatchObject({ id: 1, response: { ok: true, value: { needsSetup: true } } });
    expect(databaseFileState(path.join(dataDir, 'samvakt.sqlite3'))).toBe('encrypted');
    // The key never was in the process's environment, which /proc keeps readable for the process's whole life.
    if (process.platform === 'linux') expect(fs.readFileSync(`/proc/${backend.child.pid}/environ`, 'utf8')).not.toContain(backend.key!);
    backend.child.send({ shutdown: true });
    expect(await backend.exited).toBe(0);
  }, 30_000);

  it('refuses to create an unencrypted store when main sent no key', async () => {
    const dataDir = path.join(work, 'data-no-key');
    const backend = startBackendProcess(dataDir, null);
    running.push(backend.child);
    const fatal = await backend.next((message) => typeof message.fatal === 'string');
    expect(fatal.fatal).toContain('ingen nøkkel');
    expect(databaseFileState(path.join(dataDir, 'samvakt.sqlite3'))).toBe('missing');
    backend.child.send({ shutdown: true });
    expect(await backend.exited).toBe(1);
  }, 30_000);

  it('reports a database from a newer Samvakt as fatal, in Norwegian', async () => {
    const dataDir = path.join(work, 'data-too-new');
    fs.mkdirSync(dataDir);
    const db = new Database(path.join(dataDir, 'samvakt.sqlite3'));
    db.pragma('user_version = 999');
    db.close();
    const backend = startBackendProcess(dataDir);
    running.push(backend.child);
    const fatal = await backend.next((message) => typeof message.fatal === 'string');
    expect(fatal.fatal).toContain('nyere versjon av Samvakt');
    backend.child.send({ shutdown: true });
    expect(await backend.exited).toBe(1);
  }, 30_000);
});
