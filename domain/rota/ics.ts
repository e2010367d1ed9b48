// iCalendar (.ics, RFC 5545) export of a person's shifts, so staff can see them in Outlook or their phone's calendar.
import { wallClockSpan } from '../calendar/oslo';
import { SHIFT_KIND_NAMES_NB } from './types';
import type { Shift } from './types';

export interface IcsShift extends Pick<Shift, 'date' | 'start' | 'end' | 'kind' | 'note'> {
  /** Stable across exports so calendars update an event instead of adding a copy. */
  uid: string;
  officeName: string;
}

function utcStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** Escapes text values: backslash, semicolon, comma and newlines. */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (UTF-8), continuing with CRLF + space, without splitting a character. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let currentBytes = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (currentBytes + bytes > limit) {
      parts.push(current);
      current = '';
      currentBytes = 0;
    }
    current += char;
    currentBytes += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A whole VCALENDAR with one VEVENT per shift; times are UTC so no VTIMEZONE block is needed. */
export function shiftsToIcs(personName: string, shifts: readonly IcsShift[], createdAtMs: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Samvakt//Turnus//NO', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(`Vakter – ${personName}`)}`];
  for (const shift of shifts) {
    const span = wallClockSpan(shift.date, shift.start, shift.end);
    const summary = `${SHIFT_KIND_NAMES_NB[shift.kind][0]!.toUpperCase()}${SHIFT_KIND_NAMES_NB[shift.kind].slice(1)} – ${shift.officeName}`;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${shift.uid}@samvakt`,
      `DTSTAMP:${utcStamp(createdAtMs)}`,
      `DTSTART:${utcStamp(span.startMs)}`,
      `DTEND:${utcStamp(span.endMs)}`,
      `SUMMARY:${escapeText(summary)}`,
      `LOCATION:${escapeText(shift.officeName)}`,
      ...(shift.note ? [`DESCRIPTION:${escapeText(shift.note)}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
