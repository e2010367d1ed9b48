// Benchmark: the weekly overview with all rota rules, computed by the backend on a generated 5-year dataset.
// Run: npx tsx bench/overview.ts [--years 5] [--runs 200]. Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addIsoWeeks, isoWeekOf } from '../domain/calendar/isoWeek';
import { openLocalStore } from '../db/open';
import { createBackend } from '../backend/api';
import { createLocalOnlySync } from '../backend/jobs/background-sync';
import { EXAMPLE_PASSWORD } from '../backend/demo-data/indre-namdal';
import { generateDataset } from './dataset';
import { summary as timingSummary } from './stats';

const { values } = parseArgs({ options: { years: { type: 'string', default: '5' }, runs: { type: 'string', default: '200' } } });
const years = Number(values.years);
const runs = Number(values.runs);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-bench-'));
try {
  const store = openLocalStore({ dataDir });
  const from = '2022-01-03';
  let started = performance.now();
  const summary = await generateDataset(store, { from, years });
  console.log(`dataset: ${summary.offices} offices, ${summary.staff} staff, ${summary.shifts} shifts, ${summary.absences} absences over ${years} years (generated in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`database file: ${(fs.statSync(path.join(dataDir, 'samvakt.sqlite3')).size / 1024 / 1024).toFixed(1)} MiB`);

  const backend = createBackend({ store, sync: createLocalOnlySync(store) });
  const signIn = await backend.call({ method: 'session.signIn', input: { username: 'leder', password: EXAMPLE_PASSWORD }, sessionToken: null });
  if (!signIn.ok) throw new Error('sign-in failed');
  const token = (signIn.value as { sessionToken: string }).sessionToken;
  const first = isoWeekOf(from);
  // Warm-up: the first calls compile code paths and fill SQLite's page cache, as on a PC that has been in use.
  for (let run = 0; run < 20; run++) await backend.call({ method: 'overview.week', input: { week: addIsoWeeks(first, run * 11), officeId: null }, sessionToken: token });
  const timings: number[] = [];
  let warnings = 0;
  for (let run = 0; run < runs; run++) {
    const week = addIsoWeeks(first, 1 + ((run * 37) % (years * 52 - 2)));
    started = performance.now();
    const result = await backend.call({ method: 'overview.week', input: { week, officeId: null }, sessionToken: token });
    timings.push(performance.now() - started);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    warnings += (result.value as { warnings: unknown[] }).warnings.length;
  }
  console.log(`${timingSummary(`overview.week (all offices, all rules) over ${runs} weeks`, timings)} (target: median ≤ 20 ms); ${(warnings / runs).toFixed(1)} warnings per week`);
  store.close();
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
