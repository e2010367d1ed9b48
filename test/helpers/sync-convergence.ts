// Test helper: the convergence property's schedule generator and its check (shared by the vitest property and the bench soak run).
import fc from 'fast-check';
import { expect } from 'vitest';
import { listCellVersions } from '../../db/row-versions';
import { createSyncRejected } from '../../db/sync-rejected';
import { deviceState } from './sync-simulation';
import type { Schedule, Simulation } from './sync-simulation';

const HOUR = 3_600_000;

export const scheduleArbitrary: fc.Arbitrary<Schedule> = fc.record({
  skewsMs: fc.array(fc.integer({ min: -3 * HOUR, max: 3 * HOUR }), { minLength: 3, maxLength: 5 }),
  steps: fc.array(
    fc.record({
      device: fc.nat({ max: 4 }),
      action: fc.constantFrom('edit', 'edit', 'edit', 'sync', 'toggleOffline', 'deliverDelayed', 'restart'),
      seed: fc.integer(),
    }),
    { minLength: 5, maxLength: 40 },
  ),
  faultRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
  seed: fc.integer(),
}) as fc.Arbitrary<Schedule>;

/** Checks convergence: identical devices, the service holds exactly their cells, appended rows all there once, every signed change accepted everywhere. */
export async function expectConverged(simulation: Simulation): Promise<void> {
  for (const device of simulation.devices) {
    expect(createSyncRejected(device.store.db).list(5).map((row) => JSON.stringify(row)), 'changes set aside').toEqual([]);
    expect(device.engine.status().pushRefusal, 'a push refused by the service').toBeNull();
    expect(device.store.trust.pinnedRoot()).toBe(simulation.cooperation.people.admin!.key.publicKey);
  }
  const [first, ...others] = simulation.devices.map((device) => deviceState(device.store));
  for (const other of others) expect(other).toEqual(first);
  const reference = simulation.devices[0]!.store;
  for (const device of simulation.devices) expect(device.engine.status().pendingChanges).toBe(0);
  const cells = await simulation.storage.changesAfter(simulation.label, 0, 10_000_000);
  const versions = new Map(listCellVersions(reference.db).map((version) => [`${version.table}.${version.column} of ${version.row}`, version.hlc]));
  expect(cells.length).toBe(versions.size);
  for (const cell of cells) {
    expect(versions.get(`${cell.table}.${cell.column} of ${cell.row}`), `${cell.table}.${cell.column} of ${cell.row}`).toBe(cell.hlc);
    const value = reference.db.prepare(`SELECT "${cell.column}" FROM "${cell.table}" WHERE id = ?`).pluck().get(cell.row);
    expect(value, `${cell.table}.${cell.column} of ${cell.row}`).toEqual(cell.value);
  }
  for (const [table, ids] of simulation.appended) {
    const stored = reference.db.prepare(`SELECT id FROM "${table}" ORDER BY id`).pluck().all();
    expect(stored).toEqual([...ids].sort());
  }
}

