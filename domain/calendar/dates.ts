// Calendar dates as 'YYYY-MM-DD' strings and times as 'HH:MM': validation, day arithmetic and ISO weekdays in pure integer maths (never local-time Date parsing).
import { z } from 'zod';

/** A calendar date in Europe/Oslo, 'YYYY-MM-DD'. */
export type LocalDate = string;
/** A wall-clock time of day, 'HH:MM' (00:00–23:59). */
export type TimeOfDay = string;
/** ISO weekday: 1 = mandag … 7 = søndag. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const MINUTES_PER_DAY = 24 * 60;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function matchDate(value: string): CivilDate | null {
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True for a real calendar date written 'YYYY-MM-DD' (so '2026-02-30' is false). */
export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && matchDate(value) !== null;
}

/** Splits a date into year, month and day; throws RangeError on anything that is not a real date. */
export function parseLocalDate(date: LocalDate): CivilDate {
  const civil = matchDate(date);
  if (!civil) throw new RangeError(`Not a date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
  return civil;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Builds 'YYYY-MM-DD' from parts; throws RangeError when the parts are not a real date. */
export function localDate(year: number, month: number, day: number): LocalDate {
  const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (!Number.isInteger(year) || !matchDate(text)) throw new RangeError(`Not a date: ${year}-${month}-${day}`);
  return text;
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil, proleptic Gregorian). */
export function civilToDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of civilToDayNumber (Hinnant's civil_from_days). */
export function dayNumberToCivil(days: number): CivilDate {
  const z0 = days + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days since 1970-01-01 for a 'YYYY-MM-DD' date. */
export function dayNumber(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return civilToDayNumber(year, month, day);
}

/** The 'YYYY-MM-DD' date that is `days` days after 1970-01-01. */
export function fromDayNumber(days: number): LocalDate {
  const { year, month, day } = dayNumberToCivil(days);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The date `days` days later (negative: earlier). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(days: number): IsoWeekday {
  return ((((days + 3) % 7) + 7) % 7) + 1 as IsoWeekday;
}

/** ISO weekday of a date: 1 = mandag … 7 = søndag. */
export function isoWeekday(date: LocalDate): IsoWeekday {
  return weekdayOfDayNumber(dayNumber(date));
}

/** Negative when a is before b, 0 when equal, positive when after. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** True when from <= date <= to (inclusive range). */
export function isDateWithin(date: LocalDate, from: LocalDate, to: LocalDate): boolean {
  return date >= from && date <= to;
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function eachDate(from: LocalDate, to: LocalDate): LocalDate[] {
  const start = dayNumber(from);
  const end = dayNumber(to);
  const dates: LocalDate[] = [];
  for (let day = start; day <= end; day++) dates.push(fromDayNumber(day));
  return dates;
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b;
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

export function isTimeOfDay(value: unknown): value is TimeOfDay {
  return typeof value === 'string' && TIME_PATTERN.test(value);
}

/** Minutes after midnight for 'HH:MM'; throws RangeError on anything else. */
export function parseTimeOfDay(time: TimeOfDay): number {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`Not a time 'HH:MM': ${JSON.stringify(time)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** 'HH:MM' for minutes after midnight (0–1439). */
export function formatTimeOfDay(minutes: number): TimeOfDay {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= MINUTES_PER_DAY) throw new RangeError(`Minutes out of range: ${minutes}`);
  return `${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`;
}

/** Zod schema for a real 'YYYY-MM-DD' date; fails with the field code 'invalidFormat'. */
export const localDateSchema = z.string().trim().refine(isLocalDate, 'invalidFormat');

/** Zod schema for 'HH:MM'; fails with the field code 'invalidFormat'. */
export const timeOfDaySchema = z.string().trim().regex(TIME_PATTERN, 'invalidFormat');
