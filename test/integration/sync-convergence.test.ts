// Property: whatever the edits, outages, lost/duplicated/reordered messages and clock skews, all devices and the service end up identical.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectConverged, scheduleArbitrary } from '../helpers/sync-convergence';
import { runSchedule } from '../helpers/sync-simulation';

describe('sync convergence (property-based)', () => {
  it('converges for 200 random schedules', async () => {
    await fc.assert(
      fc.asyncProperty(scheduleArbitrary, (schedule) => runSchedule(schedule, expectConverged)),
      { numRuns: Number(process.env.SYNC_SCHEDULES ?? 200), endOnFailure: true },
    );
  }, 600_000);
});
