// Small formatting helpers for the planning page (dates in lists, the .ics export range).
import { saveFile } from '../../app/download';
import { addDays } from '../../../../domain/calendar/dates';
import type { LocalDate } from '../../../../domain/calendar/dates';

/** '08.03.2027'. */
export function formatStampDate(date: LocalDate): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/** How far ahead "Eksporter til kalender" reaches: this week and the next 7 (8 weeks), Monday to Sunday. */
export const ICS_WEEKS = 8;

export function icsRange(monday: LocalDate): { from: LocalDate; to: LocalDate } {
  return { from: monday, to: addDays(monday, ICS_WEEKS * 7 - 1) };
}

/** Saves text as a file (see app/download.ts). */
export function downloadText(fileName: string, content: string, type: string): void {
  saveFile(fileName, content, type);
}
