// Benchmark: the inbox (requests.inbox) for a lead and a nurse with open shifts, asks, swaps and leave waiting, on a generated dataset, through the backend.
// Run: npx tsx bench/requests-inbox.ts [--years 5] [--open 10] [--runs 50]. Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addDays } from '../domain/calendar/dates';
import { osloToday } from '../domain/calendar/oslo';
import { openLocalStore } from '../db/open';
import { createBackend } from '../backend/api';
import { createLocalOnlySync } from '../backend/jobs/background-sync';
import { EXAMPLE_PASSWORD } from '../backend/demo-data/indre-namdal';
import { generateDataset } from './dataset';
import { summary } from './stats';

const { values } = parseArgs({ options: { years: { type: 'string', default: '5' }, open: { type: 'string', default: '10' }, runs: { type: 'string', default: '50' } } });
const years = Number(values.years);
const openCount = Number(values.open);
const runs = Number(values.runs);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-bench-'));
try {
  const store = openLocalStore({ dataDir });
  // The rota runs from five years back to a year ahead of today, so the requests fall inside planned weeks.
  const today = osloToday();
  const from = addDays(today, -(years - 1) * 364);
  let started = performance.now();
  const dataset = await generateDataset(store, { from, years });
  console.log(`dataset: ${dataset.offices} offices, ${dataset.staff} staff, ${dataset.shifts} shifts over ${years} years (generated in ${((performance.now() - started) / 1000).toFixed(1)} s)`);

  const backend = createBackend({ store, sync: createLocalOnlySync(store) });
  const call = async <T>(method: string, input: unknown, token: string | null): Promise<T> => {
    const result = await backend.call({ method, input, sessionToken: token });
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  const signIn = async (username: string) => (await call<{ sessionToken: string }>('session.signIn', { username, password: EXAMPLE_PASSWORD }, null)).sessionToken;
  const lead = await signIn('leder');
  const nurse = await signIn('sykepleier');
  const staff = await call<{ id: string; baseOfficeId: string | null; name: string }[]>('staff.list', {}, lead);
  const leadOffice = staff.find((member) => member.name === 'Torunn Hellvik')?.baseOfficeId ?? (await call<{ id: string }[]>('offices.list', {}, lead))[0]!.id;

  // Open shifts over the next weeks (evenings, so nurses are free), the nurse asks for half; a leave request; her shifts offered.
  for (let index = 0; index < openCount; index++) {
    const { id } = await call<{ id: string }>(
      'requests.publishOpenShift',
      { officeId: leadOffice, date: addDays(today, 3 + index * 2), start: '18:00', end: '22:00', kind: 'clinic', profession: 'nurse', requiredCompetenceTypeIds: [], note: null },
      lead,
    );
    if (index % 2 === 0) await call('requests.ask', { requestId: id }, nurse).catch(() => undefined);
  }
  await call('requests.requestLeave', { kind: 'holiday', from: addDays(today, 30), to: addDays(today, 34), note: null }, nurse);
  const mine = await call<{ shifts: { id: string }[] }>('requests.myShifts', {}, nurse);
  for (const shift of mine.shifts.slice(0, 3)) await call('requests.offerSwap', { shiftRef: shift.id, toStaffId: null, note: null }, nurse);
  console.log(`waiting: ${openCount} open shifts, ${mine.shifts.slice(0, 3).length} swap offers, 1 leave request`);

  for (const [who, token] of [['lead', lead], ['nurse', nurse]] as const) {
    for (let run = 0; run < 5; run++) await call('requests.inbox', {}, token);
    const timings: number[] = [];
    let lines = 0;
    for (let run = 0; run < runs; run++) {
      started = performance.now();
      lines = (await call<{ items: unknown[] }>('requests.inbox', {}, token)).items.length;
      timings.push(performance.now() - started);
    }
    console.log(`${summary(`requests.inbox for the ${who} (${lines} lines)`, timings)}`);
  }
  store.close();
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
