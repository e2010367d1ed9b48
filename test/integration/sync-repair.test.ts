// Property: "Last ned på nytt" at random moments — with pending changes, pushes that fail, and crashes mid-repair — loses nothing, and every computer converges and agrees with the service.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectConverged } from '../helpers/sync-convergence';
import { runSchedule } from '../helpers/sync-simulation';
import type { Schedule, Simulation } from '../helpers/sync-simulation';

const HOUR = 3_600_000;

/** Schedules like the convergence property's, with repairs (plain and crashed) among the steps and at least one repair. */
const repairSchedule: fc.Arbitrary<Schedule> = fc
  .record({
    skewsMs: fc.array(fc.integer({ min: -3 * HOUR, max: 3 * HOUR }), { minLength: 2, maxLength: 3 }),
    steps: fc.array(
      fc.record({
        device: fc.nat({ max: 2 }),
        action: fc.constantFrom('edit', 'edit', 'edit', 'sync', 'toggleOffline', 'deliverDelayed', 'restart', 'repair', 'repairCrash'),
        seed: fc.integer(),
      }),
      { minLength: 5, maxLength: 30 },
    ),
    repairAt: fc.nat(),
    crash: fc.boolean(),
    faultRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
    seed: fc.integer(),
  })
  .map(({ repairAt, crash, steps, ...rest }) => {
    // One repair at a random moment in any case, after edits that may still wait in the outbox.
    const at = repairAt % (steps.length + 1);
    const repair = { device: repairAt % 3, action: crash ? ('repairCrash' as const) : ('repair' as const), seed: repairAt };
    return { ...rest, steps: [...steps.slice(0, at), repair, ...steps.slice(at)] };
  });

/** Converged as always (every appended row there once, nothing pending, identical stores), and each computer's agreement check agrees. */
async function convergedAndAgreeing(simulation: Simulation) {
  // A finished repair leaves its own audit event (sync.repaired, signed by the computer): expected rows beside the edits'.
  const audit = simulation.appended.get('audit_events') ?? new Set<string>();
  const ownEvents = simulation.devices[0]!.store.db.prepare("SELECT id FROM audit_events WHERE action LIKE 'sync.%'").pluck().all() as string[];
  for (const id of ownEvents) audit.add(id);
  simulation.appended.set('audit_events', audit);
  await expectConverged(simulation);
  for (const device of simulation.devices) {
    expect(device.engine.status().repairing).toBe(false);
    expect(await device.engine.checkAgreement()).toMatchObject({ state: 'agree', tables: [] });
  }
}

describe('repair (property-based)', () => {
  it('loses no change and converges for 60 random schedules with repairs, failed pushes and crashes mid-repair', async () => {
    await fc.assert(
      fc.asyncProperty(repairSchedule, (schedule) => runSchedule(schedule, convergedAndAgreeing)),
      { numRuns: Number(process.env.SYNC_REPAIR_SCHEDULES ?? 60), endOnFailure: true },
    );
  }, 600_000);
});
