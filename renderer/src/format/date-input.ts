// Typed dates and weeks: 'dd.mm.åååå' to and from 'YYYY-MM-DD', and "go to week or date" input to an ISO week; pure, tested.
import { isLocalDate } from '../../../domain/calendar/dates';
import type { LocalDate } from '../../../domain/calendar/dates';
import { isoWeekOf, isValidIsoWeek } from '../../../domain/calendar/isoWeek';
import type { IsoWeek } from '../../../domain/calendar/isoWeek';

/** '2027-03-14' → '14.03.2027' (the form every date field shows, whatever the computer's language); '' for ''. */
export function toDisplayDate(value: string): string {
  return isLocalDate(value) ? `${value.slice(8, 10)}.${value.slice(5, 7)}.${value.slice(0, 4)}` : value;
}

/**
 * '14.03.2027', '14.3.2027', '14/03/2027', '14-03-2027' or '2027-03-14' → '2027-03-14'; a two-digit year is 20xx.
 * Null when the text is not a real date.
 */
export function parseDisplayDate(text: string): LocalDate | null {
  const trimmed = text.trim();
  if (isLocalDate(trimmed)) return trimmed;
  const match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/.exec(trimmed);
  if (!match) return null;
  const year = match[3]!.length === 2 ? `20${match[3]}` : match[3]!;
  const iso = `${year}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return isLocalDate(iso) ? iso : null;
}

/**
 * What someone types in "Gå til uke eller dato": a week number ('14', 'uke 14', 'u14', '14/2027', '14 2027') — in the
 * shown week's year unless a year is given — or a date (see parseDisplayDate), which goes to its week. Null otherwise.
 */
export function parseWeekOrDate(text: string, shownYear: number): IsoWeek | null {
  const date = parseDisplayDate(text);
  if (date) return isoWeekOf(date);
  const match = /^(?:uke|u|week|w)?\s*(\d{1,2})(?:\s*[/ ]\s*(\d{4}))?$/i.exec(text.trim());
  if (!match) return null;
  const week = { year: match[2] ? Number(match[2]) : shownYear, week: Number(match[1]) };
  return isValidIsoWeek(week) ? week : null;
}
