// Tests the auto-lock idle counting: activity postpones the lock, reports are throttled, the lock fires once until reset.
import { describe, expect, it } from 'vitest';
import { ACTIVITY_REPORT_INTERVAL_MS } from '../../../domain/security';
import { createIdleTracker } from './idle-tracker';

function setup(minutes = 5) {
  let now = 0;
  const events: string[] = [];
  const tracker = createIdleTracker({ now: () => now, minutes: () => minutes, onIdle: () => events.push('idle'), report: () => events.push(`report@${now}`) });
  return { tracker, events, advance: (ms: number) => (now += ms) };
}

describe('idle tracker', () => {
  it('locks after the idle minutes, once, and again only after a reset', () => {
    const { tracker, events, advance } = setup(5);
    advance(5 * 60_000 - 1);
    tracker.check();
    expect(events).toEqual([]);
    advance(1);
    tracker.check();
    tracker.check();
    expect(events).toEqual(['idle']);
    tracker.activity(); // typing on the lock screen does not count
    tracker.reset();
    advance(5 * 60_000);
    tracker.check();
    expect(events).toEqual(['idle', 'idle']);
  });

  it('activity postpones the lock and is reported at most every 30 seconds', () => {
    const { tracker, events, advance } = setup(1);
    for (let i = 0; i < 10; i++) {
      advance(10_000);
      tracker.activity();
      tracker.check();
    }
    expect(events).toEqual([`report@${ACTIVITY_REPORT_INTERVAL_MS}`, `report@${2 * ACTIVITY_REPORT_INTERVAL_MS}`, `report@${3 * ACTIVITY_REPORT_INTERVAL_MS}`]);
    advance(60_000);
    tracker.check();
    expect(events.at(-1)).toBe('idle');
  });
});
