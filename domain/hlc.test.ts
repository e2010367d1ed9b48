// Tests for the hybrid logical clock: ordering, monotonicity under clock regressions and drift refusal.
import { describe, expect, it } from 'vitest';
import { ClockDriftError, formatHlc, hlcReceive, hlcTick, parseHlc } from './hlc';

describe('hybrid logical clock', () => {
  it('follows the wall clock when it moves forward', () => {
    expect(hlcTick({ wallMs: 1000, counter: 5 }, 2000)).toEqual({ wallMs: 2000, counter: 0 });
  });

  it('stays monotonic when the wall clock goes backwards', () => {
    let state = { wallMs: 0, counter: 0 };
    const stamps: string[] = [];
    for (const now of [5000, 5000, 4000, 1000, 5000, 6000, 2000]) {
      state = hlcTick(state, now);
      stamps.push(formatHlc({ ...state, deviceId: 'dev' }));
    }
    const sorted = [...stamps].sort();
    expect(stamps).toEqual(sorted);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('orders by wall time, then counter, then device as strings', () => {
    const a = formatHlc({ wallMs: 99, counter: 10, deviceId: 'b' });
    const b = formatHlc({ wallMs: 100, counter: 0, deviceId: 'a' });
    const c = formatHlc({ wallMs: 100, counter: 0, deviceId: 'b' });
    expect([c, b, a].sort()).toEqual([a, b, c]);
  });

  it('round-trips through text', () => {
    const ts = { wallMs: 1_764_000_000_000, counter: 42, deviceId: '0190-abc' };
    expect(parseHlc(formatHlc(ts))).toEqual(ts);
    expect(() => parseHlc('nonsense')).toThrow();
  });

  it('moves past a received timestamp that is ahead', () => {
    const next = hlcReceive({ wallMs: 1000, counter: 0 }, { wallMs: 3000, counter: 7 }, 2000);
    expect(next).toEqual({ wallMs: 3000, counter: 8 });
    expect(hlcTick(next, 2500)).toEqual({ wallMs: 3000, counter: 9 });
  });

  it('keeps the local state when a received timestamp is behind', () => {
    expect(hlcReceive({ wallMs: 5000, counter: 3 }, { wallMs: 1000, counter: 9 }, 4000)).toEqual({ wallMs: 5000, counter: 4 });
  });

  it('refuses a remote clock beyond the allowed drift, accepts one just within it', () => {
    const hour = 3_600_000;
    expect(() => hlcReceive({ wallMs: 0, counter: 0 }, { wallMs: 25 * hour, counter: 0 }, 0)).toThrow(ClockDriftError);
    expect(hlcReceive({ wallMs: 0, counter: 0 }, { wallMs: 24 * hour, counter: 0 }, 0).wallMs).toBe(24 * hour);
  });

  it('moves time forward instead of overflowing the counter', () => {
    expect(hlcTick({ wallMs: 10, counter: 999_999 }, 10)).toEqual({ wallMs: 11, counter: 0 });
  });
});
