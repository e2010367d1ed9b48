// Benchmark: cold start of the harness to a usable sign-in screen, and to signed in, on a big store; first start of the day or not.
// Run: npx tsx bench/start.ts [--data-dir DIR] [--years 5] [--runs 5]. Prints figures; asserts nothing.
// Needs `npx vite build && node build/build-harness.mjs` first (npm run start:web does both).
// --data-dir: a store folder to start on (e.g. kept by `bench/consultations.ts --keep`; give its key in SAMVAKT_DB_KEY).
// Without it, the example cooperation with --years of rota is generated into a temporary folder first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { DATABASE_KEY_ENV, generateDatabaseKey } from '../db/encryption';
import { openLocalStore } from '../db/open';
import { EXAMPLE_PASSWORD } from '../backend/demo-data/indre-namdal';
import { spawnUntilReady } from '../test/helpers/spawn-process';
import { generateDataset } from './dataset';
import { percentile } from './stats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, years: { type: 'string', default: '5' }, runs: { type: 'string', default: '5' } } });

let dataDir = values['data-dir'];
let key = process.env[DATABASE_KEY_ENV];
let generated: string | null = null;
if (!dataDir) {
  generated = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-bench-start-'));
  dataDir = generated;
  key = generateDatabaseKey();
  const store = openLocalStore({ dataDir, key });
  const dataset = await generateDataset(store, { from: '2021-01-04', years: Number(values.years) });
  console.log(`generated: ${dataset.offices} offices, ${dataset.shifts} shifts over ${values.years} years`);
  store.close();
}
if (!key) throw new Error(`give the store's key in ${DATABASE_KEY_ENV}`);
const databaseFile = path.join(dataDir, 'samvakt.sqlite3');
console.log(`store: ${(fs.statSync(databaseFile).size / 1024 / 1024).toFixed(1)} MiB`);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const figures: Record<string, number[]> = { listening: [], signInScreen: [], signedIn: [] };
try {
  for (let run = 0; run < Number(values.runs); run += 1) {
    // Every other run is the first start of the day: today's daily backup is not there yet.
    const firstOfDay = run % 2 === 0;
    if (firstOfDay) for (const name of fs.existsSync(path.join(dataDir, 'backups')) ? fs.readdirSync(path.join(dataDir, 'backups')) : []) if (name.includes('-daily-')) fs.rmSync(path.join(dataDir, 'backups', name));
    const page = await browser.newPage();
    const started = performance.now();
    const harness = await spawnUntilReady(
      process.execPath,
      [path.join(root, 'dist', 'harness', 'cli.mjs'), '--data-dir', dataDir, '--port', '0', '--static-dir', path.join(root, 'dist', 'renderer')],
      { name: 'harness', ready: /Åpne: (\S+)/, cwd: root, env: { ...process.env, [DATABASE_KEY_ENV]: key }, timeoutMs: 120_000 },
    );
    const listening = performance.now() - started;
    await page.goto(harness.ready[1]!);
    await page.getByRole('button', { name: 'Logg inn' }).waitFor();
    const signInScreen = performance.now() - started;
    await page.getByLabel('Brukernavn').fill('admin');
    await page.getByLabel('Passord').fill(EXAMPLE_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('button', { name: /Logg ut/ }).waitFor({ timeout: 60_000 });
    const signedIn = performance.now() - started;
    figures.listening!.push(listening);
    figures.signInScreen!.push(signInScreen);
    figures.signedIn!.push(signedIn);
    console.log(`run ${run + 1}${firstOfDay ? ' (first start of the day)' : ''}: listening ${listening.toFixed(0)} ms, sign-in screen ${signInScreen.toFixed(0)} ms, signed in ${signedIn.toFixed(0)} ms`);
    await page.close();
    await harness.stop();
  }
} finally {
  await browser.close();
  if (generated) fs.rmSync(generated, { recursive: true, force: true });
}
for (const [name, list] of Object.entries(figures)) {
  const sorted = [...list].sort((a, b) => a - b);
  console.log(`${name}: median ${percentile(sorted, 50).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`);
}
