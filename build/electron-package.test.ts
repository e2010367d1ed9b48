// Packages the app with electron-builder (Linux "dir" target, a stand-in Electron, no network) and checks what lands in it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
// @electron/asar comes with electron-builder.
const asar = require('@electron/asar') as { listPackage(archive: string, options?: object): string[] };
const electronVersion = (require('electron/package.json') as { version: string }).version;

let work: string;
let resources: string;
let files: string[];
let nodeBindingBefore: string;
let nodeBindingAfter: string;

const NODE_BINDING = path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node');
const hashFile = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

beforeAll(() => {
  nodeBindingBefore = hashFile(NODE_BINDING);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-package-'));
  const project = path.join(work, 'project');
  const fakeElectron = path.join(work, 'electron-dist');
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };

  // A copy of the project as `npm run dist` sees it after the builds, with sources that must stay out.
  fs.mkdirSync(project, { recursive: true });
  for (const file of ['package.json', 'electron-builder.yml']) fs.copyFileSync(path.join(root, file), path.join(project, file));
  fs.cpSync(path.join(root, 'build', 'icons'), path.join(project, 'build', 'icons'), { recursive: true });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(project, 'node_modules'), 'junction');
  const bundles = spawnSync(process.execPath, [path.join(root, 'build', 'build-electron.mjs'), '--outdir', path.join(project, 'dist', 'electron')], { cwd: root, encoding: 'utf8' });
  expect(bundles.status, bundles.stderr).toBe(0);
  write(path.join(project, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Samvakt</title>');
  write(path.join(project, 'dist', 'renderer', 'assets', 'index.js'), 'console.log(1)');
  write(path.join(project, '.electron-native', electronVersion, 'better_sqlite3.node'), 'stand-in binding');
  write(path.join(project, 'electron', 'main.ts'), '// source');
  write(path.join(project, 'harness', 'server.ts'), '// source');
  write(path.join(project, 'test', 'e2e', 'app.spec.ts'), '// source');

  // electron-builder copies this folder as the Electron runtime instead of downloading one.
  write(path.join(fakeElectron, 'electron'), '#!/bin/sh\n');
  fs.chmodSync(path.join(fakeElectron, 'electron'), 0o755);
  write(path.join(fakeElectron, 'version'), electronVersion);

  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'electron-builder', 'cli.js'), '--config', 'electron-builder.yml', '--linux', 'dir', '--publish', 'never', `-c.electronDist=${fakeElectron}`],
    { cwd: project, encoding: 'utf8', env: { ...process.env, CI: 'true' } },
  );
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  nodeBindingAfter = hashFile(NODE_BINDING);
  resources = path.join(project, 'release', 'linux-unpacked', 'resources');
  files = asar.listPackage(path.join(resources, 'app.asar')).map((file) => file.replaceAll('\\', '/'));
}, 120_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the packaged app', () => {
  it('holds the bundles, the renderer and package.json', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        '/package.json',
        '/dist/electron/main.cjs',
        '/dist/electron/preload.cjs',
        '/dist/electron/backend-process.cjs',
        '/dist/renderer/index.html',
        '/dist/renderer/assets/index.js',
      ]),
    );
  });

  it("holds the encrypted SQLite module's JavaScript and loader, but not its sources or its Node build", () => {
    expect(files).toContain('/node_modules/better-sqlite3-multiple-ciphers/lib/index.js');
    // Plain better-sqlite3 (the sync server's) has no place in the app: the local store is always the encrypting one.
    expect(files.filter((file) => file.startsWith('/node_modules/better-sqlite3/'))).toEqual([]);
    // `bindings` is not asserted: better-sqlite3 loads it only when no nativeBinding is given, and main always gives
    // one (and refuses to start without the file). electron-builder's dependency walk included it from an
    // incrementally installed tree but not from a fresh `npm ci` tree, so the test must not depend on it.
    expect(files.filter((file) => /better-sqlite3(-multiple-ciphers)?\/(src|deps|build)\//.test(file))).toEqual([]);
  });

  it('leaves out sources, tests, source maps and the libraries the bundles already contain', () => {
    expect(files.filter((file) => /\.(ts|tsx|map)$/.test(file) || /^\/(electron|harness|test|renderer|backend|db|domain)\//.test(file))).toEqual([]);
    expect(files.filter((file) => /^\/node_modules\/(react|react-dom|zod|date-fns|zustand|uuid|electron)\//.test(file))).toEqual([]);
  });

  it('leaves node_modules/better-sqlite3-multiple-ciphers built for Node (npm test keeps working)', () => {
    expect(nodeBindingAfter).toBe(nodeBindingBefore);
  });

  it('puts the Electron build of better-sqlite3 where main looks for it, outside the asar', () => {
    expect(fs.readFileSync(path.join(resources, 'native', electronVersion, 'better_sqlite3.node'), 'utf8')).toBe('stand-in binding');
  });
});
