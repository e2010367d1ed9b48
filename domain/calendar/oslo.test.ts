// Tests for Oslo wall-clock time ↔ UTC across the March and October clock changes, checked against Intl's tz database.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastSundayOf, osloOffsetMinutes, osloToUtcIso, osloToUtcMs, utcMsToOslo, wallClockMinutes, wallClockSpan } from './oslo';

const intlParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function intlOslo(utcMs: number): { date: string; time: string } {
  const parts = Object.fromEntries(intlParts.formatToParts(new Date(utcMs)).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

describe('Europe/Oslo time', () => {
  it('finds the last Sundays of March and October', () => {
    expect(lastSundayOf(2026, 3)).toBe('2026-03-29');
    expect(lastSundayOf(2026, 10)).toBe('2026-10-25');
    expect(lastSundayOf(2025, 3)).toBe('2025-03-30');
    expect(lastSundayOf(2025, 10)).toBe('2025-10-26');
    expect(lastSundayOf(2020, 3)).toBe('2020-03-29');
    expect(lastSundayOf(2027, 10)).toBe('2027-10-31');
    expect(lastSundayOf(2026, 12)).toBe('2026-12-27');
  });

  it('converts ordinary winter and summer times', () => {
    expect(osloToUtcIso('2026-01-15', '08:00')).toBe('2026-01-15T07:00:00.000Z');
    expect(osloToUtcIso('2026-07-15', '08:00')).toBe('2026-07-15T06:00:00.000Z');
    expect(osloToUtcIso('2026-01-01', '00:30')).toBe('2025-12-31T23:30:00.000Z');
  });

  it('handles the spring gap on the last Sunday of March', () => {
    expect(osloToUtcIso('2026-03-29', '01:59')).toBe('2026-03-29T00:59:00.000Z');
    // 02:30 does not exist; it is read as 03:30 summer time.
    expect(osloToUtcIso('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(osloToUtcIso('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(osloOffsetMinutes(Date.parse('2026-03-29T00:59:59Z'))).toBe(60);
    expect(osloOffsetMinutes(Date.parse('2026-03-29T01:00:00Z'))).toBe(120);
  });

  it('handles the autumn overlap on the last Sunday of October', () => {
    // 02:30 happens twice; the earlier (summer time) is chosen.
    expect(osloToUtcIso('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(osloToUtcIso('2026-10-25', '03:00')).toBe('2026-10-25T02:00:00.000Z');
    expect(osloToUtcIso('2026-10-25', '01:59')).toBe('2026-10-24T23:59:00.000Z');
    expect(osloOffsetMinutes(Date.parse('2026-10-25T00:59:59Z'))).toBe(120);
    expect(osloOffsetMinutes(Date.parse('2026-10-25T01:00:00Z'))).toBe(60);
  });

  it('agrees with Intl for random instants 2000–2060', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2060, 0, 1) / 60_000 }), (minute) => {
        const utcMs = minute * 60_000;
        const expected = intlOslo(utcMs);
        const actual = utcMsToOslo(utcMs);
        expect({ date: actual.date, time: actual.time }).toEqual(expected);
        // Round trip, except the second pass through the autumn overlap (maps to the first pass).
        const back = osloToUtcMs(actual.date, actual.time);
        expect(back === utcMs || back === utcMs - 3_600_000).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with Intl at every hour around each change 2020–2040', () => {
    for (let year = 2020; year <= 2040; year++) {
      for (const month of [3, 10]) {
        const sunday = lastSundayOf(year, month);
        const base = Date.parse(`${sunday}T00:00:00Z`);
        for (let m = -180; m <= 240; m += 15) {
          const utcMs = base + m * 60_000;
          const actual = utcMsToOslo(utcMs);
          expect({ date: actual.date, time: actual.time }).toEqual(intlOslo(utcMs));
        }
      }
    }
  });

  it('measures shifts in real minutes across DST', () => {
    expect(wallClockMinutes('2026-03-10', '22:00', '08:00')).toBe(600);
    // Night the clocks go forward (Sat 28 → Sun 29 March 2026): 9 hours.
    expect(wallClockMinutes('2026-03-28', '22:00', '08:00')).toBe(540);
    // Night the clocks go back (Sat 24 → Sun 25 October 2026): 11 hours.
    expect(wallClockMinutes('2026-10-24', '22:00', '08:00')).toBe(660);
    // A day shift on the change day itself.
    expect(wallClockMinutes('2026-03-29', '00:00', '12:00')).toBe(660);
    expect(wallClockMinutes('2026-10-25', '00:00', '12:00')).toBe(780);
    expect(wallClockMinutes('2026-11-24', '08:00', '15:30')).toBe(450);
  });

  it('treats end at or before start as the next day', () => {
    const span = wallClockSpan('2026-12-31', '16:00', '08:00');
    expect(span.overnight).toBe(true);
    expect(span.endDate).toBe('2027-01-01');
    expect(span.minutes).toBe(16 * 60);
    expect(wallClockSpan('2026-11-24', '08:00', '08:00').minutes).toBe(24 * 60);
    expect(wallClockSpan('2026-11-24', '08:00', '08:01').overnight).toBe(false);
  });

  it('never gives a negative span inside the spring gap', () => {
    // 02:30 is read as 03:30, so 02:30–03:00 would go backwards: clamped to 0.
    expect(wallClockMinutes('2026-03-29', '02:30', '03:00')).toBe(0);
  });
});
