// Benchmark: competence.matrix for ~30 staff × 40 competence types and competence.coverage for a week, through the backend, on the generated dataset.
// Run: npx tsx bench/competence.ts [--years 5] [--runs 200] [--types 40]. Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addDays } from '../domain/calendar/dates';
import { addIsoWeeks, isoWeekOf } from '../domain/calendar/isoWeek';
import { utcMsToOslo } from '../domain/calendar/oslo';
import { COMPETENCE_CATEGORIES, DUTIES } from '../domain/competence/types';
import type { CompetenceTypeValues, Duty } from '../domain/competence/types';
import { resolveStaffCompetence } from '../domain/competence/expiry';
import { PROFESSIONS } from '../domain/staff';
import type { Profession } from '../domain/staff';
import { createCompetenceType, createStaffCompetence, listCompetenceTypes } from '../db/competence';
import { openLocalStore } from '../db/open';
import type { LocalStore } from '../db/open';
import { listStaff } from '../db/staff';
import { competenceMatrix } from '../domain/competence/matrix';
import { isoWeekDates } from '../domain/calendar/isoWeek';
import { listStaffCompetences } from '../db/competence';
import { createBackend } from '../backend/api';
import { createLocalOnlySync } from '../backend/jobs/background-sync';
import { emergencyNurseLookup } from '../backend/read-models/emergency-nurse';
import { plannedShifts } from '../backend/read-models/rota-week';
import { EXAMPLE_PASSWORD } from '../backend/demo-data/indre-namdal';
import { exampleSigner, generateDataset, random, writeAs } from './dataset';
import type { Signer } from '../db/signer';
import { summary } from './stats';

const { values } = parseArgs({
  options: { years: { type: 'string', default: '5' }, runs: { type: 'string', default: '200' }, types: { type: 'string', default: '40' } },
});
const years = Number(values.years);
const runs = Number(values.runs);
const typeTarget = Number(values.types);

/**
 * Tops the register up to `target` types (the example has 7) and gives every active person records for most types that
 * apply to them, with one to three records each (renewals keep history), obtained relative to `today` so that some are
 * valid, some expiring and some expired.
 */
function fillRegister(store: LocalStore, lead: Signer, target: number, today: string): { types: number; records: number } {
  const rand = random(7);
  let records = 0;
  writeAs(store, lead, (changes) => {
    const existing = listCompetenceTypes(changes.db).length;
    for (let index = existing; index < target; index++) {
      const appliesTo = PROFESSIONS.filter((profession) => profession === 'nurse' || rand() < 0.5) as Profession[];
      const requiredFor = DUTIES.filter(() => rand() < 0.1) as Duty[];
      const values: CompetenceTypeValues = {
        name: `Benchkurs ${String(index + 1).padStart(2, '0')}`,
        category: COMPETENCE_CATEGORIES[index % COMPETENCE_CATEGORIES.length]!,
        renewalMonths: rand() < 0.2 ? null : [12, 24, 36, 60][Math.floor(rand() * 4)]!,
        appliesTo,
        requiredFor,
        description: null,
      };
      createCompetenceType(changes, values);
    }
    const types = listCompetenceTypes(changes.db);
    const staff = listStaff(changes.db).filter((member) => member.active);
    for (const member of staff) {
      for (const type of types) {
        if (!type.appliesTo.includes(member.profession) || rand() < 0.2) continue;
        const count = 1 + Math.floor(rand() * 3);
        let obtained = addDays(today, -Math.floor(rand() * 900));
        for (let n = 0; n < count; n++) {
          const record = resolveStaffCompetence(
            { staffId: member.id, competenceTypeId: type.id, obtained, expiresOn: null, evidenceRef: 'Bench', verifiedBy: null, note: null },
            type,
          );
          createStaffCompetence(changes, record);
          records++;
          obtained = addDays(obtained, -(365 + Math.floor(rand() * 400)));
        }
      }
    }
  });
  return { types: listCompetenceTypes(store.db).length, records };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-bench-competence-'));
try {
  const store = openLocalStore({ dataDir });
  const today = utcMsToOslo(Date.now()).date;
  // Shifts from four years back to a year ahead, so the coverage weeks around today have a full rota.
  const from = addDays(today, -Math.round((years - 1) * 365.25));
  let started = performance.now();
  const dataset = await generateDataset(store, { from, years });
  const register = fillRegister(store, await exampleSigner(store, 'leder'), typeTarget, today);
  const active = listStaff(store.db).filter((member) => member.active).length;
  console.log(
    `dataset: ${dataset.offices} offices, ${active} active staff, ${dataset.shifts} shifts over ${years} years; ${register.types} competence types, ${register.records} competence records (generated in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );

  const backend = createBackend({ store, sync: createLocalOnlySync(store) });
  const signIn = await backend.call({ method: 'session.signIn', input: { username: 'leder', password: EXAMPLE_PASSWORD }, sessionToken: null });
  if (!signIn.ok) throw new Error('sign-in failed');
  const sessionToken = (signIn.value as { sessionToken: string }).sessionToken;
  const call = async (method: string, input: unknown) => {
    const result = await backend.call({ method, input, sessionToken });
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  const thisWeek = isoWeekOf(today);
  const weekFor = (run: number) => addIsoWeeks(thisWeek, (run % 40) - 20);

  // Warm-up: compile the code paths and fill SQLite's page cache, as on a PC that has been in use.
  for (let run = 0; run < 20; run++) {
    await call('competence.matrix', {});
    await call('competence.coverage', { week: weekFor(run) });
  }

  const matrix: number[] = [];
  const coverage: number[] = [];
  const both: number[] = [];
  const expiring: number[] = [];
  let cells = 0;
  for (let run = 0; run < runs; run++) {
    started = performance.now();
    const answer = (await call('competence.matrix', {})) as { matrix: { rows: { cells: unknown[] }[] } };
    const afterMatrix = performance.now();
    await call('competence.coverage', { week: weekFor(run) });
    const afterCoverage = performance.now();
    matrix.push(afterMatrix - started);
    coverage.push(afterCoverage - afterMatrix);
    both.push(afterCoverage - started);
    cells = answer.matrix.rows.reduce((sum, row) => sum + row.cells.length, 0);
    started = performance.now();
    await call('competence.expiring', { days: 60 });
    expiring.push(performance.now() - started);
  }
  console.log(`matrix size: ${cells} cells; ${runs} runs each, coverage over 40 different weeks around today`);
  console.log(summary('competence.matrix', matrix));
  console.log(summary('competence.coverage (one week, all offices)', coverage));
  console.log(`${summary('matrix + coverage together', both)} (target: ≤ 20 ms)`);
  console.log(summary('competence.expiring (60 days)', expiring));

  // Where the time goes: the same steps as the handlers, measured one by one.
  const steps: Record<string, number[]> = { 'read types': [], 'read records': [], 'read staff': [], 'matrix (pure domain)': [], 'coverage: planned shifts of the week': [], 'coverage: emergency-nurse lookup (reads + index)': [] };
  const time = <T>(name: string, step: () => T): T => {
    const begin = performance.now();
    const result = step();
    steps[name]!.push(performance.now() - begin);
    return result;
  };
  for (let run = 0; run < runs; run++) {
    const types = time('read types', () => listCompetenceTypes(store.db));
    const records = time('read records', () => listStaffCompetences(store.db));
    const staff = time('read staff', () => listStaff(store.db));
    time('matrix (pure domain)', () => competenceMatrix(staff.filter((member) => member.active), types, records, today));
    const dates = isoWeekDates(weekFor(run));
    time('coverage: planned shifts of the week', () => plannedShifts(store.db, dates[0]!, dates[6]!));
    time('coverage: emergency-nurse lookup (reads + index)', () => emergencyNurseLookup(store.db, staff));
  }
  console.log('breakdown (each step timed on its own; the medians do not add up to a handler’s time, which also pays for garbage collection of the ~1,200 record objects every call reads):');
  for (const [name, timings] of Object.entries(steps)) console.log(`  ${summary(name, timings)}`);
  store.close();
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
