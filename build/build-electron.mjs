// Bundles the Electron layer (main, preload, backend process) with esbuild into dist/electron/*.cjs.
// Usage: node build/build-electron.mjs [--outdir <folder>]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinModules } from 'node:module';
import * as esbuild from 'esbuild';
import { SQLITE_PACKAGE } from './electron-native.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function argValue(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const outdir = path.resolve(root, argValue('--outdir') ?? 'dist/electron');

// Electron 45 runs Node 22 or newer in main and utility processes; node22 is the safe syntax floor.
const TARGET = 'node22';

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: TARGET,
  outdir,
  outExtension: { '.js': '.cjs' },
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  // electron is provided by the runtime; better-sqlite3-multiple-ciphers (better-sqlite3 with encryption) is a native
  // module loaded from node_modules (with the Electron-ABI binding passed as nativeBinding).
  external: ['electron', SQLITE_PACKAGE],
};

/** Modules a bundle requires at run time (require("x") calls left in the output). */
export function requiredModules(code) {
  return [...new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]))].sort();
}

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

async function main() {
  fs.mkdirSync(outdir, { recursive: true });
  await esbuild.build({
    ...common,
    entryPoints: { main: 'electron/main.ts', 'backend-process': 'electron/backend-process.ts' },
  });
  // A sandboxed preload gets a limited require(): the bundle may only require 'electron'.
  await esbuild.build({
    ...common,
    entryPoints: { preload: 'electron/preload.ts' },
    external: ['electron'],
  });

  const problems = [];
  const allowed = {
    main: (name) => name === 'electron' || name === SQLITE_PACKAGE || nodeBuiltins.has(name),
    preload: (name) => name === 'electron',
    'backend-process': (name) => name === SQLITE_PACKAGE || nodeBuiltins.has(name),
  };
  for (const [name, isAllowed] of Object.entries(allowed)) {
    const file = path.join(outdir, `${name}.cjs`);
    const code = fs.readFileSync(file, 'utf8');
    for (const required of requiredModules(code)) {
      if (!isAllowed(required)) problems.push(`${name}.cjs requires '${required}'`);
    }
    console.log(`  ${path.relative(root, file)}  ${(code.length / 1024).toFixed(0)} kB`);
  }
  if (problems.length > 0) {
    console.error(`Electron-pakkene bruker moduler de ikke får bruke / The Electron bundles require modules they may not use:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
