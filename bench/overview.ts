// Benchmark: the weekly overview with all rota rules, computed by the backend on a generated 5-year dataset.
// Run: npx tsx bench/overview.ts [--years 5] [--runs 200]. Prints figures; asserts nothing.
// Beside each call it times a raw scan of the same rows (the SELECTs the overview needs, rows as SQLite returns them,
// no mapping or rules) in the same run, and prints the ratio: the target is overview ≤ 3× the raw scan (issue 17).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addDays } from '../domain/calendar/dates';
import { addIsoWeeks, isoWeekDates, isoWeekOf } from '../domain/calendar/isoWeek';
import type { IsoWeek } from '../domain/calendar/isoWeek';
import { openLocalStore } from '../db/open';
import { createBackend } from '../backend/api';
import { createLocalOnlySync } from '../backend/jobs/background-sync';
import { EXAMPLE_PASSWORD } from '../backend/demo-data/indre-namdal';
import { generateDataset } from './dataset';
import { percentile, summary as timingSummary } from './stats';

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
  // The raw scan: every row the overview reads for the week (shifts and absences from the look-back on, the patterns
  // and their exceptions, offices, staff, competence types and records, the week's consultation index rows), with
  // statements prepared once, returned as SQLite gives them. What the overview adds on top is mapping, pattern
  // expansion, the rules, the grid and the call's checks.
  const db = store.db;
  const scans = [
    db.prepare('SELECT * FROM shifts WHERE date BETWEEN ? AND ? AND deleted = 0'),
    db.prepare('SELECT * FROM absences WHERE to_date >= ? AND from_date <= ? AND deleted = 0'),
  ];
  const patternScan = db.prepare('SELECT * FROM rota_patterns WHERE deleted = 0 AND from_date <= ? AND (to_date IS NULL OR to_date >= ?)');
  const exceptionScan = db.prepare('SELECT * FROM rota_pattern_exceptions WHERE deleted = 0 AND pattern_id IN (SELECT value FROM json_each(?))');
  const wholeTables = ['offices', 'staff', 'competence_types', 'staff_competences'].map((table) => db.prepare(`SELECT * FROM ${table} WHERE deleted = 0`));
  const countScan = db.prepare('SELECT office_id FROM consultation_index WHERE at >= ? AND at < ? AND cancelled = 0');
  const rawScan = (week: IsoWeek) => {
    const dates = isoWeekDates(week);
    const monday = dates[0]!;
    const sunday = dates[6]!;
    let rows = 0;
    for (const scan of scans) rows += scan.all(addDays(monday, -3), sunday).length;
    const patterns = patternScan.all(addDays(sunday, 7), addDays(monday, -10)) as { id: string }[];
    rows += patterns.length + exceptionScan.all(JSON.stringify(patterns.map((pattern) => pattern.id))).length;
    for (const scan of wholeTables) rows += scan.all().length;
    return rows + countScan.all(monday, `${sunday}T99`).length;
  };
  const rawTimings: number[] = [];
  const ratios: number[] = [];
  // CPU time (user + system of this process) beside wall time: on a shared machine the longer call is more often
  // preempted, which inflates the wall-clock ratio; the CPU-time ratio is much less sensitive to other people's load.
  const cpuRatios: number[] = [];
  const cpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  let rawRows = 0;
  // Warm-up: the first calls compile code paths and fill SQLite's page cache, as on a PC that has been in use.
  for (let run = 0; run < 20; run++) await backend.call({ method: 'overview.week', input: { week: addIsoWeeks(first, run * 11), officeId: null }, sessionToken: token });
  const timings: number[] = [];
  let warnings = 0;
  for (let run = 0; run < runs; run++) {
    const week = addIsoWeeks(first, 1 + ((run * 37) % (years * 52 - 2)));
    let cpuStarted = cpu();
    started = performance.now();
    rawRows += rawScan(week);
    const raw = performance.now() - started;
    const rawCpu = cpu() - cpuStarted;
    rawTimings.push(raw);
    cpuStarted = cpu();
    started = performance.now();
    const result = await backend.call({ method: 'overview.week', input: { week, officeId: null }, sessionToken: token });
    timings.push(performance.now() - started);
    ratios.push(timings.at(-1)! / raw);
    if (rawCpu > 0) cpuRatios.push((cpu() - cpuStarted) / rawCpu);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    warnings += (result.value as { warnings: unknown[] }).warnings.length;
  }
  console.log(`${timingSummary(`overview.week (all offices, all rules) over ${runs} weeks`, timings)} (target: median ≤ 20 ms); ${(warnings / runs).toFixed(1)} warnings per week`);
  console.log(`${timingSummary(`raw scan of the same rows (${Math.round(rawRows / runs)} rows per week)`, rawTimings)}`);
  const median = (values: readonly number[]) => percentile([...values].sort((a, b) => a - b), 50);
  console.log(`overview / raw scan: ${(median(timings) / median(rawTimings)).toFixed(2)}× (medians); per week, median ratio ${median(ratios).toFixed(2)}×, in CPU time ${median(cpuRatios).toFixed(2)}× (target ≤ 3×)`);
  store.close();
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
