// `npm test`: type-check, lint, unit tests (vitest) and end-to-end tests (Playwright), then one summary line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-test-reports-'));

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${title}: ${result.status === 0 ? 'ok' : `failed (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
const problems = [];

if (!run('type-check (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])) {
  failed += 1;
  problems.push('type-check');
}
if (!run('lint (eslint)', bin('eslint'), ['.', '--max-warnings', '0'])) {
  failed += 1;
  problems.push('lint');
}
if (!run('component sizes', process.execPath, [path.join(root, 'build', 'component-sizes.mjs')])) {
  failed += 1;
  problems.push('component sizes');
}

const vitestReport = path.join(reports, 'vitest.json');
const vitestOk = run('unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
const vitest = readJson(vitestReport);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
}
if (!vitestOk && (!vitest || vitest.numFailedTests === 0)) {
  failed += 1;
  problems.push('vitest run');
}

const playwrightReport = path.join(reports, 'playwright.json');
const playwrightOk = run('end-to-end tests (Playwright)', bin('playwright'), ['test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
});
const playwright = readJson(playwrightReport);
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
}
if (!playwrightOk && (!playwright || playwright.stats.unexpected === 0)) {
  failed += 1;
  problems.push('playwright run');
}

if (problems.length) console.log(`\nFailed steps: ${problems.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
