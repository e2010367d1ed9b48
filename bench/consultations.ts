// Benchmark: the consultation log with 120,000 entries — save, filtered list, identity search and statistics through the backend.
// Run: npx tsx bench/consultations.ts [--entries 120000] [--years 5] [--plain] [--keep] [--direct]. Prints figures; asserts nothing.
// --direct: write the entries (and their consultation_facts) straight into the tables (no signing, outbox or row
// versions; the triggers still fill consultation_index and consultation_day_counts), so 4× the entries fill in minutes;
// the reads measured are the same. The facts backfill (migration 015) is timed through the write path either way.
// --plain: an unencrypted store (the app always encrypts); --keep: leave the store in its temporary folder for EXPLAIN QUERY PLAN.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { addDays, daysInMonth, isoWeekday } from '../domain/calendar/dates';
import type { LocalDate } from '../domain/calendar/dates';
import { isPublicHoliday } from '../domain/calendar/holidays';
import { osloToUtcIso } from '../domain/calendar/oslo';
import type { EntryFields } from '../domain/consultations/amendments';
import type { ContactKind, Outcome } from '../domain/consultations/entry';
import { syntheticIdentityNumber } from '../domain/consultations/synthetic';
import { pick, seededRandom } from '../domain/seeded-random';
import { appendAmendment, insertConsultation, listConsultations, statisticsCounts, statisticsEntries } from '../db/consultations';
import { consultationStatistics, statisticsFromCounts } from '../domain/consultations/statistics';
import { generateDatabaseKey } from '../db/encryption';
import { listOffices } from '../db/offices';
import { openLocalStore } from '../db/open';
import type { LocalStore } from '../db/open';
import { listRoutineVersions } from '../db/routines';
import { listStaff } from '../db/staff';
import { createBackend } from '../backend/api';
import { createLocalOnlySync } from '../backend/jobs/background-sync';
import { backfillConsultationFacts } from '../backend/jobs/consultation-facts';
import { EXAMPLE_PASSWORD } from '../backend/demo-data/indre-namdal';
import { exampleSigner, generateDataset, writeAs } from './dataset';
import type { Signer } from '../db/signer';
import { statement } from '../db/statements';
import type { ChangeSet } from '../db/write-path';
import { percentile } from './stats';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '120000' },
    years: { type: 'string', default: '5' },
    plain: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    direct: { type: 'boolean', default: false },
  },
});
const entryCount = Number(values.entries);
const years = Number(values.years);

/** Entries per working day at each office, relative: Grong is the largest (as in the example log). */
const OFFICE_WEIGHT: Record<string, number> = { Grong: 4, Namsskogan: 2, Røyrvik: 1.2, Lierne: 2 };
const CODES = ['U71', 'R74', 'R76', 'F70', 'S76', 'A98', 'R05', 'D11', 'S18', 'A03', 'L03', 'K85', 'T90', 'R78', 'H71', 'A04', 'N01', 'P06'] as const;
const CODE_WEIGHTS = [14, 14, 8, 6, 6, 8, 8, 5, 6, 5, 4, 4, 3, 3, 3, 2, 2, 2];
const OUTCOMES: readonly Outcome[] = ['resolvedByNurse', 'doctorByPhone', 'doctorByVideo', 'bookedWithDoctor', 'sentToLegevakt', 'emergency113'];
const OUTCOME_WEIGHTS = [58, 14, 6, 17, 4, 1];
const CONTACTS: readonly ContactKind[] = ['inPerson', 'phone', 'video'];
const CONTACT_WEIGHTS = [55, 38, 7];
const NOTES = ['Råd om væske og hvile', 'Ny kontakt ved forverring', 'Kontroll om en uke', 'Urinstiks tatt', 'Sårskift, tørt og rent', null, null, null];
/** Patients with an identity number; the four municipalities have about 5,000 inhabitants, plus visitors. */
const PATIENTS = 10_000;
const BATCH = 5_000;

interface Office {
  id: string;
  weight: number;
  nurses: string[];
  doctors: string[];
}

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function workingDays(from: LocalDate, to: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) if (isoWeekday(date) <= 5 && !isPublicHoliday(date)) days.push(date);
  return days;
}

function officesOf(store: LocalStore): Office[] {
  const staff = listStaff(store.db).filter((member) => member.active);
  return listOffices(store.db).map((office) => {
    const weight = Object.entries(OFFICE_WEIGHT).find(([name]) => office.name.includes(name))?.[1] ?? 1;
    const nurses = staff.filter((member) => member.profession === 'nurse' && member.baseOfficeId === office.id).map((member) => member.id);
    const doctors = staff.filter((member) => (member.profession === 'doctor' || member.profession === 'doctorInTraining') && member.baseOfficeId === office.id).map((m) => m.id);
    if (nurses.length === 0 || doctors.length === 0) throw new Error(`office ${office.name} has no nurse or no doctor`);
    return { id: office.id, weight, nurses, doctors };
  });
}

/**
 * Writes `count` entries on the working days `days` (chronologically, 5,000 per transaction) through the write path, as
 * receptionists would have over the years; about 1 % get an amendment (one in five of those a cancellation). Returns the
 * identity numbers used, for the searches.
 */
function fillLog(store: LocalStore, reception: Signer, offices: readonly Office[], days: readonly LocalDate[], count: number): { identityNumbers: string[]; amended: number; cancelled: number } {
  const next = seededRandom(5120);
  const patients: { idNumber: string; birthYear: number }[] = [];
  for (let i = 0; i < PATIENTS; i++) {
    const birthYear = 1930 + Math.floor(next() * 95);
    const birthDate = `${birthYear}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    const idNumber = syntheticIdentityNumber(birthDate, Math.floor(next() * 1000));
    if (idNumber) patients.push({ idNumber, birthYear });
  }
  const receptionist = store.db.prepare("SELECT id FROM users WHERE username = 'resepsjon'").pluck().get() as string;
  const routines = listRoutineVersions(store.db).filter((routine) => routine.status === 'active');
  const officeWeights = offices.map((office) => office.weight);
  const used = new Set<string>();
  let amended = 0;
  let cancelled = 0;
  let written = 0;
  // Everything is written by the receptionist (entries, corrections and cancellations): each is signed by its own author.
  // --direct: the same rows inserted with plain SQL in one transaction per batch (see the top of the file).
  const direct = (fn: (changes: ChangeSet) => void) =>
    store.db.transaction(() => {
      const insert = (table: string, id: string, values: Record<string, unknown>) => {
        const columns = Object.keys(values);
        statement(store.db, `INSERT INTO ${table} (id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})`).run(id, ...Object.values(values));
      };
      // An amendment updates the entry's consultation_facts columns that changed.
      const update = (table: string, id: string, values: Record<string, unknown>) => {
        const columns = Object.keys(values);
        statement(store.db, `UPDATE ${table} SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`).run(...Object.values(values), id);
      };
      fn({ db: store.db, insert, update } as unknown as ChangeSet);
    })();
  while (written < count) {
    (values.direct ? direct : (fn: (changes: ChangeSet) => void) => writeAs(store, reception, fn))((changes) => {
      const batchEnd = Math.min(count, written + BATCH);
      for (; written < batchEnd; written++) {
        // Spread evenly and in order over the working days.
        const date = days[Math.floor((written * days.length) / count)]!;
        const office = pick(next, offices, officeWeights);
        const minutes = 8 * 60 + Math.floor(next() * 7.5 * 60);
        const at = `${date}T${clock(minutes)}`;
        const icpc2Code = pick(next, CODES, CODE_WEIGHTS);
        const routine = routines.find((r) => r.icpc2Codes.includes(icpc2Code));
        const useRoutine = routine !== undefined && next() < 0.4;
        const outcome = useRoutine ? 'resolvedByNurse' : pick(next, OUTCOMES, OUTCOME_WEIGHTS);
        const withNumber = next() < 0.9;
        const patient = pick(next, patients);
        const m = routine?.medicine;
        if (withNumber) used.add(patient.idNumber);
        const fields: EntryFields = {
          at,
          officeId: office.id,
          nurseId: pick(next, office.nurses),
          patient: withNumber
            ? { kind: 'synthetic', idNumber: patient.idNumber, birthYear: patient.birthYear, sex: Number(patient.idNumber[8]) % 2 === 0 ? 'female' : 'male' }
            : { kind: 'none', idNumber: null, birthYear: patient.birthYear, sex: next() < 0.5 ? 'female' : 'male' },
          contact: pick(next, CONTACTS, CONTACT_WEIGHTS),
          icpc2Code,
          routineId: useRoutine ? routine.routineId : null,
          routineVersion: useRoutine ? routine.version : null,
          medicine: useRoutine && m ? { action: routine.nurseMay === 'give' ? 'given' : 'prepared', name: m.name, details: `${m.strength} ${m.form}, ${m.dose}` } : null,
          outcome,
          doctorId: outcome === 'doctorByPhone' || outcome === 'doctorByVideo' ? pick(next, office.doctors) : null,
          followUpDate: next() < 0.15 ? addDays(date, 7) : null,
          note: pick(next, NOTES),
        };
        const id = insertConsultation(changes, { ...fields, recordedBy: receptionist, recordedAt: osloToUtcIso(date, clock(minutes + 2)) });
        if (next() < 0.01) {
          const cancel = next() < 0.2;
          appendAmendment(changes, {
            consultationId: id,
            kind: cancel ? 'cancelled' : 'amended',
            changes: cancel ? {} : next() < 0.5 ? { outcome: outcome === 'bookedWithDoctor' ? 'resolvedByNurse' : 'bookedWithDoctor', doctorId: null } : { contact: fields.contact === 'phone' ? 'inPerson' : 'phone' },
            reason: cancel ? 'Registrert to ganger' : 'Feil registrert',
            byUserId: receptionist,
            at: osloToUtcIso(date, '16:00'),
          });
          if (cancel) cancelled++;
          else amended++;
        }
      }
    });
  }
  return { identityNumbers: [...used], amended, cancelled };
}

interface Row {
  name: string;
  timings: number[];
  target: number | null;
}

function printTable(rows: readonly Row[]): void {
  const lines = rows.map((row) => {
    const sorted = [...row.timings].sort((a, b) => a - b);
    const median = percentile(sorted, 50);
    return [
      row.name,
      String(row.timings.length),
      median.toFixed(2),
      percentile(sorted, 95).toFixed(2),
      sorted.at(-1)!.toFixed(2),
      row.target === null ? '—' : `≤ ${row.target}`,
      row.target === null ? '' : median <= row.target ? 'ok' : 'OVER',
    ];
  });
  const header = ['measurement (through backend.call)', 'runs', 'median ms', 'p95 ms', 'max ms', 'target (median)', ''];
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-bench-consultations-'));
// The app always opens an encrypted store; --plain measures without encryption for comparison.
const key = values.plain ? null : generateDatabaseKey();
try {
  const store = openLocalStore({ dataDir, key });
  const from = '2021-01-04';
  let started = performance.now();
  const dataset = await generateDataset(store, { from, years });
  console.log(
    `dataset: ${dataset.offices} offices, ${dataset.staff} staff, ${dataset.shifts} shifts over ${years} years (generated in ${((performance.now() - started) / 1000).toFixed(1)} s); store ${values.plain ? 'unencrypted' : 'encrypted'}`,
  );

  // The log covers every working day up to yesterday; "today" is the last weekday the rota covers, and the clock stands at 15:00 then.
  let today = addDays(from, Math.round(years * 365.25) - 1);
  while (isoWeekday(today) > 5 || isPublicHoliday(today)) today = addDays(today, -1);
  const now = new Date(osloToUtcIso(today, '15:00'));
  const offices = officesOf(store);
  const days = workingDays(from, addDays(today, -1));
  const receptionSigner = await exampleSigner(store, 'resepsjon');
  started = performance.now();
  const fill = fillLog(store, receptionSigner, offices, days, entryCount);
  const total = store.db.prepare('SELECT count(*) FROM consultations').pluck().get() as number;
  console.log(
    `consultation log: ${total} entries over ${days.length} working days (${days[0]} – ${days.at(-1)}), ${fill.amended} amended, ${fill.cancelled} cancelled, ${fill.identityNumbers.length} distinct identity numbers; filled in ${((performance.now() - started) / 1000).toFixed(1)} s (${BATCH} entries per transaction ${values.direct ? 'straight into the tables' : 'through the write path'})`,
  );
  // What migration 015 leaves to the background on an existing store of this size: no entry has facts, so the statistics
  // are empty until the backfill job has written them all, through the write path and signed by the computer.
  const factsBefore = store.db.prepare('SELECT day, office_id, key, n FROM consultation_day_counts WHERE n <> 0 ORDER BY 1, 2, 3').all();
  store.db.exec("DELETE FROM consultation_facts; DELETE FROM row_versions WHERE table_name = 'consultation_facts'");
  const outboxBefore = store.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
  const sealsBefore = store.db.prepare('SELECT count(*) FROM outbox_transactions').pluck().get() as number;
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  started = performance.now();
  const backfill = await backfillConsultationFacts({ store });
  const backfillMs = performance.now() - started;
  loopDelay.disable();
  const factsAfter = store.db.prepare('SELECT day, office_id, key, n FROM consultation_day_counts WHERE n <> 0 ORDER BY 1, 2, 3').all();
  console.log(
    `facts backfill (after migration 015): ${backfill.written} entries in ${(backfillMs / 1000).toFixed(1)} s (${((backfillMs * 1000) / Math.max(1, backfill.written)).toFixed(0)} µs an entry, ${(store.db.prepare('SELECT count(*) FROM outbox_transactions').pluck().get() as number) - sealsBefore} transactions sized to ~50 ms), event-loop stalls: p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms, longest ${(loopDelay.max / 1e6).toFixed(0)} ms; ${(store.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number) - outboxBefore} outbox cells to push; day counts as before: ${isDeepStrictEqual(factsBefore, factsAfter) ? 'yes' : 'NO'}`,
  );
  // As once the service has acknowledged the push (the engine removes what it acknowledged): the reads below are then
  // measured on the same store as before migration 015, not beside a million unsent cells.
  store.db.exec('DELETE FROM outbox; DELETE FROM outbox_transactions');
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  console.log(`database file: ${(fs.statSync(store.file).size / 1024 / 1024).toFixed(1)} MiB`);

  const backend = createBackend({ store, sync: createLocalOnlySync(store), now: () => now });
  const signIn = async (username: string) => {
    const result = await backend.call({ method: 'session.signIn', input: { username, password: EXAMPLE_PASSWORD }, sessionToken: null });
    if (!result.ok) throw new Error(`sign-in as ${username} failed: ${JSON.stringify(result.error)}`);
    return (result.value as { sessionToken: string }).sessionToken;
  };
  const reception = await signIn('resepsjon');
  const lead = await signIn('leder');
  const call = async (method: string, input: unknown, token: string): Promise<unknown> => {
    const result = await backend.call({ method, input, sessionToken: token });
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  const timed = async (timings: number[], method: string, input: unknown, token: string): Promise<unknown> => {
    const begin = performance.now();
    const value = await call(method, input, token);
    timings.push(performance.now() - begin);
    return value;
  };

  const next = seededRandom(77);
  const months = [...new Set(days.map((date) => date.slice(0, 7)))].slice(0, -1);
  const monthRange = (month: string) => ({ fromDate: `${month}-01`, toDate: `${month}-${daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))}` });
  const yearsInLog = [...new Set(days.map((date) => date.slice(0, 4)))].filter((year) => days.some((date) => date.startsWith(`${year}-12`)));
  const saveInput = (run: number) => {
    const office = offices[run % offices.length]!;
    const withNumber = next() < 0.9;
    return {
      at: `${today}T${clock(8 * 60 + Math.floor((run * 6.7) % (6.9 * 60)))}`,
      officeId: office.id,
      nurseId: pick(next, office.nurses),
      patient: withNumber ? { kind: 'identityNumber', number: pick(next, fill.identityNumbers) } : { kind: 'none', birthYear: 1950 + (run % 60), sex: run % 2 ? 'female' : 'male' },
      contact: pick(next, CONTACTS, CONTACT_WEIGHTS),
      icpc2Code: pick(next, CODES, CODE_WEIGHTS),
      outcome: 'resolvedByNurse',
      note: run % 3 === 0 ? 'Råd om væske og hvile' : null,
    };
  };
  const listByMonth = (run: number) => ({ ...monthRange(months[(run * 7) % months.length]!), officeId: offices[run % offices.length]!.id, limit: 50 });
  const listByYear = (run: number) => {
    const office = offices[run % offices.length]!;
    const year = yearsInLog[run % yearsInLog.length]!;
    return { fromDate: `${year}-01-01`, toDate: `${year}-12-31`, officeId: office.id, nurseId: office.nurses[run % office.nurses.length]!, outcome: OUTCOMES[run % 4]!, limit: 50 };
  };
  const searchInput = (run: number) => ({ identityNumber: fill.identityNumbers[(run * 2654435761) % fill.identityNumbers.length]!, reason: 'Pasienten ringte om tidligere kontakt' });
  const statisticsInput = (run: number) => ({ ...monthRange(months[(run * 11) % months.length]!), officeId: offices[run % offices.length]!.id, period: 'month' });

  // Warm-up: compile the code paths, bring the index up to date after the fill's amendments and fill SQLite's page cache,
  // as on a PC that has been in use.
  started = performance.now();
  await call('consultations.list', listByMonth(0), reception);
  console.log(`first read after the fill (refreshes ${fill.amended + fill.cancelled} amended index rows): ${(performance.now() - started).toFixed(1)} ms`);
  for (let run = 0; run < 10; run++) {
    await call('consultations.list', listByMonth(run + 1000), reception);
    await call('consultations.list', listByYear(run + 1000), reception);
    await call('consultations.searchByIdentity', searchInput(run + 1000), reception);
    await call('consultations.statistics', statisticsInput(run + 1000), lead);
  }

  const rows: Row[] = [];
  const save: Row = { name: 'consultations.create (save an entry)', timings: [], target: 10 };
  let warnings = 0;
  for (let run = 0; run < 200; run++) warnings += ((await timed(save.timings, 'consultations.create', saveInput(run), reception)) as { warnings: string[] }).warnings.length;
  rows.push(save);

  const listMonth: Row = { name: 'consultations.list page 1 (50): office + month', timings: [], target: 30 };
  const listYear: Row = { name: 'consultations.list page 1 (50): office + nurse + outcome, a year', timings: [], target: 30 };
  let monthTotal = 0;
  let yearTotal = 0;
  for (let run = 0; run < 50; run++) {
    monthTotal += ((await timed(listMonth.timings, 'consultations.list', listByMonth(run), reception)) as { total: number }).total;
    yearTotal += ((await timed(listYear.timings, 'consultations.list', listByYear(run), reception)) as { total: number }).total;
  }
  rows.push(listMonth, listYear);

  const search: Row = { name: 'consultations.searchByIdentity (logged)', timings: [], target: 10 };
  let found = 0;
  for (let run = 0; run < 200; run++) found += ((await timed(search.timings, 'consultations.searchByIdentity', searchInput(run), reception)) as { rows: unknown[] }).rows.length;
  rows.push(search);

  const statsMonth: Row = { name: "consultations.statistics: one office, a month, 'month'", timings: [], target: 50 };
  const statsYear: Row = { name: "consultations.statistics: all offices, a year, 'month'", timings: [], target: null };
  let monthCount = 0;
  let yearCount = 0;
  for (let run = 0; run < 50; run++) {
    monthCount += ((await timed(statsMonth.timings, 'consultations.statistics', statisticsInput(run), lead)) as { total: { count: number } }).total.count;
    if (run % 5 === 0) {
      const year = yearsInLog[(run / 5) % yearsInLog.length]!;
      yearCount += ((await timed(statsYear.timings, 'consultations.statistics', { fromDate: `${year}-01-01`, toDate: `${year}-12-31`, period: 'month' }, lead)) as { total: { count: number } }).total.count;
    }
  }
  rows.push(statsMonth, statsYear);

  // The same year's statistics by week, and the straightforward computations as they were before issue 17 part 5,
  // in the same run: every entry read and counted in JavaScript, and a list that counts every match.
  const statsYearWeek: Row = { name: "consultations.statistics: all offices, a year, 'week'", timings: [], target: null };
  const before: Row = { name: "before: statistics from every entry, all offices, a year, 'month' (in-process)", timings: [], target: null };
  const exactList: Row = { name: 'before: list page 1 counting every match, office + nurse + outcome, a year (in-process)', timings: [], target: null };
  const boundedList: Row = { name: 'now: the same list, counted 1000 past the page (in-process)', timings: [], target: null };
  let same = true;
  for (let run = 0; run < 10; run++) {
    const year = yearsInLog[run % yearsInLog.length]!;
    const range = { fromDate: `${year}-01-01`, toDate: `${year}-12-31` };
    await timed(statsYearWeek.timings, 'consultations.statistics', { ...range, period: 'week' }, lead);
    const begin = performance.now();
    const old = consultationStatistics(statisticsEntries(store.db, range), 'month');
    before.timings.push(performance.now() - begin);
    same &&= isDeepStrictEqual(old, statisticsFromCounts(statisticsCounts(store.db, range, 'month'), 'month'));
    same &&= isDeepStrictEqual(consultationStatistics(statisticsEntries(store.db, range), 'week'), statisticsFromCounts(statisticsCounts(store.db, range, 'week'), 'week'));
  }
  for (let run = 0; run < 50; run++) {
    const input = listByYear(run);
    // Alternate which goes first: the second call finds the first one's pages in SQLite's cache.
    const both = [
      () => listConsultations(store.db, input, { offset: 0, limit: 50 }, Number.MAX_SAFE_INTEGER),
      () => listConsultations(store.db, input, { offset: 0, limit: 50 }),
    ];
    for (const index of run % 2 === 0 ? [0, 1] : [1, 0]) {
      const begin = performance.now();
      both[index]!();
      (index === 0 ? exactList : boundedList).timings.push(performance.now() - begin);
    }
  }
  rows.push(statsYearWeek, before, exactList, boundedList);
  console.log(`statistics from the day counts equal those from every entry: ${same ? 'yes' : 'NO'}; day-count rows: ${store.db.prepare('SELECT count(*) FROM consultation_day_counts').pluck().get() as number}`);

  console.log(
    `results per call: list by month ${Math.round(monthTotal / 50)} matching entries, list by year ${Math.round(yearTotal / 50)}; search ${(found / 200).toFixed(1)} entries; statistics ${Math.round(monthCount / 50)} entries a month, ${Math.round(yearCount / statsYear.timings.length)} a year; saves with an on-duty warning: ${warnings}/200`,
  );
  printTable(rows);
  backend.close();
  store.close();
} finally {
  if (values.keep) console.log(`store kept in ${dataDir}${key ? ` (encrypted, key ${key})` : ''}`);
  else fs.rmSync(dataDir, { recursive: true, force: true });
}
