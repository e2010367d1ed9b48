// Dates and times as the UI shows them (Norwegian or English): week ranges, day headers, timestamps; pure and unit-tested.
import { format } from 'date-fns';
import type { Locale } from 'date-fns';
import { isoWeekday, parseLocalDate } from '../../../domain/calendar/dates';
import type { LocalDate } from '../../../domain/calendar/dates';
import { osloToday, utcMsToOslo } from '../../../domain/calendar/oslo';
import type { Translator } from '../i18n';
import { capitalise, weekdayShort } from '../i18n/labels';
import type { Language } from '../stores/language';

/** Today's date in Norway: the domain's one definition, re-exported so screens import every date helper from here. */
export { osloToday };

/** A LocalDate as a JS Date at local noon, only for formatting month names with date-fns (never for arithmetic). */
function asDate(date: LocalDate): Date {
  const { year, month, day } = parseLocalDate(date);
  return new Date(year, month - 1, day, 12);
}

/** "torsdag 3. desember 2026" / "Thursday 3 December 2026" (lower case weekday in Norwegian, as in running text). */
export function formatLongDate(date: LocalDate, language: Language, locale: Locale): string {
  return format(asDate(date), language === 'nb' ? 'EEEE d. MMMM yyyy' : 'EEEE d MMMM yyyy', { locale });
}

/** "23.–29. november 2026", "30. november – 6. desember 2026", "28. desember 2026 – 3. januar 2027" (en: "23–29 November 2026"). */
export function formatWeekRange(first: LocalDate, last: LocalDate, language: Language, locale: Locale): string {
  const a = parseLocalDate(first);
  const b = parseLocalDate(last);
  const month = (date: LocalDate) => format(asDate(date), 'MMMM', { locale });
  const dot = language === 'nb' ? '.' : '';
  if (a.year === b.year && a.month === b.month) return `${a.day}${dot}–${b.day}${dot} ${month(last)} ${b.year}`;
  const sameYear = a.year === b.year;
  return `${a.day}${dot} ${month(first)}${sameYear ? '' : ` ${a.year}`} – ${b.day}${dot} ${month(last)} ${b.year}`;
}

/** "Man 23.11." / "Mon 23/11": the column header of a day. */
export function formatDayHeader(t: Translator['t'], date: LocalDate, language: Language): string {
  const { month, day } = parseLocalDate(date);
  const dayMonth = language === 'nb' ? `${pad(day)}.${pad(month)}.` : `${day}/${month}`;
  return `${capitalise(weekdayShort(t, isoWeekday(date)))} ${dayMonth}`;
}

/** "tirsdag 24.11." / "Tuesday 24/11" for group headings and dialog texts. */
export function formatDayLong(t: Translator['t'], date: LocalDate, language: Language): string {
  const { month, day } = parseLocalDate(date);
  return `${t(`weekday.${isoWeekday(date)}`)} ${language === 'nb' ? `${pad(day)}.${pad(month)}.` : `${day}/${month}`}`;
}

export function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** "24.11.2026 09:12", or just "09:12" when it is on `sameDayAs` (Norwegian time). */
export function formatStamp(iso: string, sameDayAs?: string | null): string {
  const wall = utcMsToOslo(Date.parse(iso));
  if (sameDayAs && utcMsToOslo(Date.parse(sameDayAs)).date === wall.date) return wall.time;
  const { year, month, day } = parseLocalDate(wall.date);
  return `${pad(day)}.${pad(month)}.${year} ${wall.time}`;
}

/** '01.10.2026' (nb) or '01/10/2026' (en) from '2026-10-01'; empty for no date. */
export function formatDate(date: LocalDate | null, language: Language = 'nb'): string {
  if (!date) return '';
  const separator = language === 'nb' ? '.' : '/';
  return [date.slice(8, 10), date.slice(5, 7), date.slice(0, 4)].join(separator);
}
