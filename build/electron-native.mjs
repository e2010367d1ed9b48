// Builds better-sqlite3-multiple-ciphers (the encrypted local store's SQLite) for Electron's ABI into .electron-native/<electron version>/, leaving node_modules (built for Node) untouched.
// Usage: node build/electron-native.mjs [--force]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

export const BINDING_FILE = 'better_sqlite3.node';
/** The SQLite module the local store uses (better-sqlite3 with SQLCipher-compatible encryption). */
export const SQLITE_PACKAGE = 'better-sqlite3-multiple-ciphers';

export function electronVersion() {
  return require('electron/package.json').version;
}

export function nativeBindingPath(version = electronVersion()) {
  return path.join(root, '.electron-native', version, BINDING_FILE);
}

/** node-gyp: the project's own copy, else the one bundled with npm. */
export function findNodeGyp() {
  const candidates = [];
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not a (transitive) dependency here
  }
  if (process.env.npm_execpath) candidates.push(path.join(path.dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  const npmRoot = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['root', '-g'], { encoding: 'utf8', shell: process.platform === 'win32' });
  if (npmRoot.status === 0) candidates.push(path.join(npmRoot.stdout.trim(), 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.find((candidate) => fs.existsSync(candidate)) ?? null;
}

export function nodeGypArgs(version, arch = process.arch) {
  return ['rebuild', '--release', `--target=${version}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'];
}

/** A failure with a plain message for the user, in Norwegian and English. */
class BuildFailure extends Error {
  constructor(norwegian, english, detail) {
    super(`${norwegian}\n${english}${detail ? `\n\n${detail}` : ''}`);
  }
}

function fail(norwegian, english, detail) {
  throw new BuildFailure(norwegian, english, detail);
}

function main() {
  const version = electronVersion();
  const output = nativeBindingPath(version);
  if (fs.existsSync(output) && !process.argv.includes('--force')) {
    console.log(`better-sqlite3 for Electron ${version} finnes allerede / already built: ${path.relative(root, output)}`);
    return;
  }

  const source = path.dirname(require.resolve(`${SQLITE_PACKAGE}/package.json`));
  const nodeGyp = findNodeGyp();
  if (!nodeGyp) {
    fail(
      'Fant ikke node-gyp, som trengs for å bygge databasemodulen (better-sqlite3) for Electron.',
      'Could not find node-gyp, which is needed to build the database module (better-sqlite3) for Electron.',
    );
  }

  // Build in a copy: node_modules/better-sqlite3/build stays built for plain Node, so `npm test` keeps working.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-electron-native-'));
  const copy = path.join(work, SQLITE_PACKAGE);
  try {
    fs.cpSync(source, copy, { recursive: true, filter: (file) => path.relative(source, file).split(path.sep)[0] !== 'build' });
    console.log(`Bygger better-sqlite3 for Electron ${version} (${process.arch}) / Building better-sqlite3 for Electron ${version} …`);
    const result = spawnSync(process.execPath, [nodeGyp, ...nodeGypArgs(version)], { cwd: copy, stdio: 'inherit' });
    const built = path.join(copy, 'build', 'Release', BINDING_FILE);
    if (result.status !== 0 || !fs.existsSync(built)) {
      fail(
        `Klarte ikke å bygge databasemodulen (better-sqlite3) for Electron ${version}. Byggingen trenger Electrons headerfiler fra ` +
          'https://electronjs.org/headers og en C++-kompilator; på en maskin uten internett går det ikke. ' +
          'Testene (npm test) og nettleserutgaven (npm run start:web) virker fortsatt.',
        `Could not build the database module (better-sqlite3) for Electron ${version}. The build needs Electron's headers from ` +
          'https://electronjs.org/headers and a C++ compiler; on a machine without internet it cannot work. ' +
          'Tests (npm test) and the browser version (npm run start:web) still work.',
        result.error ? String(result.error) : `node-gyp exit code: ${result.status}`,
      );
    }
    fs.mkdirSync(path.dirname(output), { recursive: true });
    fs.copyFileSync(built, output);
    // Only the current version is packaged (electron-builder copies the whole .electron-native folder).
    for (const entry of fs.readdirSync(path.join(root, '.electron-native'))) {
      if (entry !== version) fs.rmSync(path.join(root, '.electron-native', entry), { recursive: true, force: true });
    }
    console.log(`Ferdig / Done: ${path.relative(root, output)}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof BuildFailure ? `\n${error.message}` : error);
    process.exitCode = 1;
  }
}
