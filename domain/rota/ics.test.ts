// Tests for the iCalendar export: UTC times across DST and midnight, escaping, folding and CRLF line ends.
import { describe, expect, it } from 'vitest';
import { shiftsToIcs } from './ics';

const base = { uid: 'u1', officeName: 'Røyrvik legekontor', kind: 'clinic' as const, note: null };

describe('iCalendar export', () => {
  it('writes Oslo times as UTC, in winter and summer, and overnight shifts end the next day', () => {
    const ics = shiftsToIcs('Kari', [
      { ...base, date: '2026-11-24', start: '08:00', end: '15:30' },
      { ...base, uid: 'u2', date: '2026-06-10', start: '08:00', end: '15:30' },
      { ...base, uid: 'u3', kind: 'legevakt', date: '2026-03-28', start: '22:00', end: '08:00' },
    ], Date.UTC(2026, 10, 1));
    expect(ics).toContain('DTSTART:20261124T070000Z\r\nDTEND:20261124T143000Z');
    expect(ics).toContain('DTSTART:20260610T060000Z\r\nDTEND:20260610T133000Z');
    // The night the clocks go forward: 22:00 CET to 08:00 CEST is 9 real hours.
    expect(ics).toContain('DTSTART:20260328T210000Z\r\nDTEND:20260329T060000Z');
    expect(ics).toContain('SUMMARY:Legevakt – Røyrvik legekontor');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
  });

  it('escapes text and folds long lines at 75 octets without breaking characters', () => {
    const note = 'Møte, deretter; hjemmebesøk\\ i Ø'.repeat(4);
    const ics = shiftsToIcs('Kari', [{ ...base, note, date: '2026-11-24', start: '08:00', end: '15:30' }], 0);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('DESCRIPTION:Møte\\, deretter\\; hjemmebesøk\\\\ i Ø');
  });
});
