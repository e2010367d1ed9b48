// Norwegian (bokmål) wording of dates, weekdays, weeks and durations for warnings and printouts.
import { isoWeekday, parseLocalDate } from './dates';
import type { IsoWeekday, LocalDate } from './dates';
import type { IsoWeek } from './isoWeek';

/** Index 1..7 = mandag..søndag (index 0 unused). */
const WEEKDAY_NAMES: readonly string[] = ['', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];

/** 'mandag' … 'søndag' for ISO weekday 1..7. */
export function weekdayNameNb(weekday: IsoWeekday): string {
  return WEEKDAY_NAMES[weekday] ?? '';
}

/** '24.11.' */
export function formatDayMonthNb(date: LocalDate): string {
  const { month, day } = parseLocalDate(date);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.`;
}

/** 'tirsdag 24.11.' */
export function formatWeekdayDateNb(date: LocalDate): string {
  return `${weekdayNameNb(isoWeekday(date))} ${formatDayMonthNb(date)}`;
}

/** '24.11.2026' */
export function formatFullDateNb(date: LocalDate): string {
  return `${formatDayMonthNb(date)}${parseLocalDate(date).year}`;
}

/** '23.11.–27.11.' for a range, or '23.11.' when it is a single day. */
export function formatDateRangeNb(from: LocalDate, to: LocalDate): string {
  return from === to ? formatDayMonthNb(from) : `${formatDayMonthNb(from)}–${formatDayMonthNb(to)}`;
}

/** 'uke 48', or 'uke 53 2026' with the week-year. */
export function formatIsoWeekNb(week: IsoWeek, withYear = false): string {
  return withYear ? `uke ${week.week} ${week.year}` : `uke ${week.week}`;
}

/** '8 t 30 min', '9 t', '45 min', '0 min'. */
export function formatDurationNb(minutes: number): string {
  const whole = Math.round(minutes);
  const sign = whole < 0 ? '−' : '';
  const abs = Math.abs(whole);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  if (hours === 0) return `${sign}${rest} min`;
  return rest === 0 ? `${sign}${hours} t` : `${sign}${hours} t ${rest} min`;
}

/** 'Kari', 'Kari og Ola', 'Kari, Ola og Anne'. */
export function joinNamesNb(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} og ${names[names.length - 1]}`;
}
