// Small formatting helpers for the planning page (dates in lists, the .ics export range).
import { addDays } from '../../../../domain/calendar/dates';
import type { LocalDate } from '../../../../domain/calendar/dates';

/** How far ahead "Eksporter til kalender" reaches: this week and the next 7 (8 weeks), Monday to Sunday. */
export const ICS_WEEKS = 8;

export function icsRange(monday: LocalDate): { from: LocalDate; to: LocalDate } {
  return { from: monday, to: addDays(monday, ICS_WEEKS * 7 - 1) };
}

