// Soak run of the sync convergence property: many more random schedules than npm test runs (default 2,000), printing progress and any counterexample.
// Run: npx tsx bench/sync-soak.ts [--schedules 2000] [--seed N]
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { expectConverged, scheduleArbitrary } from '../test/helpers/sync-convergence';
import { runSchedule } from '../test/helpers/sync-simulation';

const { values } = parseArgs({ options: { schedules: { type: 'string', default: '2000' }, seed: { type: 'string' } } });
const total = Number(values.schedules);
let done = 0;
const started = performance.now();
await fc.assert(
  fc.asyncProperty(scheduleArbitrary, async (schedule) => {
    await runSchedule(schedule, expectConverged);
    done += 1;
    if (done % 100 === 0) console.log(`${done}/${total} schedules converged (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }),
  { numRuns: total, ...(values.seed ? { seed: Number(values.seed) } : {}) },
);
console.log(`all ${total} schedules converged in ${((performance.now() - started) / 1000).toFixed(0)} s`);
