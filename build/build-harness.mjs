// Bundles the browser harness (harness/cli.ts and the backend it runs) with esbuild into dist/harness/cli.mjs, so it starts without compiling TypeScript.
// Usage: node build/build-harness.mjs [--outfile FILE] (inside the checkout, so node_modules resolves). Only the native SQLite packages stay external (loaded from node_modules); loading the
// other packages' many files at start cost more than parsing them bundled (bench/start.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const HARNESS_BUNDLE = path.join(root, 'dist', 'harness', 'cli.mjs');

export async function buildHarness(outfile = HARNESS_BUNDLE) {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'harness', 'cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'pg-native'],
    // CommonJS packages in an ES module bundle still call require() for Node's own modules.
    banner: { js: "import { createRequire as __harnessRequire } from 'node:module'; const require = __harnessRequire(import.meta.url);" },
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const index = process.argv.indexOf('--outfile');
  await buildHarness(index >= 0 ? path.resolve(process.argv[index + 1]) : HARNESS_BUNDLE);
}
