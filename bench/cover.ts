// Benchmark: "Hvem kan dekke?" (rota.coverCandidates) for one gap at a time on a generated 5-year dataset, through the backend.
// Run: npx tsx bench/cover.ts [--years 5] [--runs 200]. Prints figures; asserts nothing (target in issue 15: median ≤ 30 ms).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addDays, isoWeekday } from '../domain/calendar/dates';
import { isPublicHoliday } from '../domain/calendar/holidays';
import type { CoverCandidate, CoverNeed } from '../domain/rota/cover';
import { openLocalStore } from '../db/open';
import { listOffices } from '../db/offices';
import { createBackend } from '../backend/api';
import { createLocalOnlySync } from '../backend/jobs/background-sync';
import { EXAMPLE_PASSWORD } from '../backend/demo-data/indre-namdal';
import { loadCoverCandidates } from '../backend/read-models/cover-candidates';
import { generateDataset, random } from './dataset';
import { summary } from './stats';

const { values } = parseArgs({ options: { years: { type: 'string', default: '5' }, runs: { type: 'string', default: '200' } } });
const years = Number(values.years);
const runs = Number(values.runs);
const NEEDS: CoverNeed[] = ['doctor', 'nurse', 'emergencyNurse'];

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-bench-'));
try {
  const store = openLocalStore({ dataDir });
  const from = '2022-01-03';
  let started = performance.now();
  const dataset = await generateDataset(store, { from, years });
  console.log(`dataset: ${dataset.offices} offices, ${dataset.staff} staff, ${dataset.shifts} shifts, ${dataset.absences} absences over ${years} years (generated in ${((performance.now() - started) / 1000).toFixed(1)} s)`);

  const backend = createBackend({ store, sync: createLocalOnlySync(store) });
  const signIn = await backend.call({ method: 'session.signIn', input: { username: 'leder', password: EXAMPLE_PASSWORD }, sessionToken: null });
  if (!signIn.ok) throw new Error('sign-in failed');
  const token = (signIn.value as { sessionToken: string }).sessionToken;
  const officeIds = listOffices(store.db).map((office) => office.id);
  const rand = random(7);
  const days = years * 364;
  /** A gap on an ordinary weekday somewhere in the five years: an office, the opening hours, one of the three needs. */
  const gapAt = (run: number) => {
    let date = addDays(from, 14 + Math.floor(rand() * (days - 28)));
    while (isoWeekday(date) > 5 || isPublicHoliday(date)) date = addDays(date, 1);
    return { officeId: officeIds[run % officeIds.length]!, date, start: '08:00', end: '15:30', need: NEEDS[run % NEEDS.length]! };
  };

  // Warm-up: the first calls compile code paths and fill SQLite's page cache, as on a PC that has been in use.
  for (let run = 0; run < 20; run++) await backend.call({ method: 'rota.coverCandidates', input: { gap: gapAt(run) }, sessionToken: token });
  const timings: number[] = [];
  // CPU time of this process beside wall time: on the shared machine wall time includes other people's load.
  const cpuTimings: number[] = [];
  const cpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const readModel: number[] = [];
  let candidates = 0;
  let bookable = 0;
  for (let run = 0; run < runs; run++) {
    const gap = gapAt(run);
    const cpuStarted = cpu();
    started = performance.now();
    const result = await backend.call({ method: 'rota.coverCandidates', input: { gap }, sessionToken: token });
    timings.push(performance.now() - started);
    cpuTimings.push(cpu() - cpuStarted);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const list = (result.value as { candidates: CoverCandidate[] }).candidates;
    candidates += list.length;
    bookable += list.filter((candidate) => candidate.blockers.length === 0).length;
    // The same work without the call's session, role and input checks: reading the window and ranking.
    started = performance.now();
    loadCoverCandidates(store.db, gap);
    readModel.push(performance.now() - started);
  }
  console.log(`${summary(`rota.coverCandidates, one gap, over ${runs} gaps`, timings)} (target: median ≤ 30 ms); ${(candidates / runs).toFixed(1)} candidates per gap, ${(bookable / runs).toFixed(1)} bookable`);
  console.log(summary('the same calls in CPU time', cpuTimings));
  console.log(summary('read model alone (load the window + rank)', readModel));
  store.close();
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
