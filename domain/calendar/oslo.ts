// Europe/Oslo wall-clock time ↔ UTC instants (CET/CEST with the EU summer-time rule) and real durations of wall-clock spans across DST changes.
import { MINUTES_PER_DAY, addDays, civilToDayNumber, dayNumber, formatTimeOfDay, fromDayNumber, parseTimeOfDay, weekdayOfDayNumber } from './dates';
import type { LocalDate, TimeOfDay } from './dates';

export const OSLO_TIME_ZONE = 'Europe/Oslo';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = MINUTES_PER_DAY * MS_PER_MINUTE;
const CET_MINUTES = 60;
const CEST_MINUTES = 120;

/** Day number of the last Sunday of a month. */
function lastSundayDayNumber(year: number, month: number): number {
  const nextMonthFirst = month === 12 ? civilToDayNumber(year + 1, 1, 1) : civilToDayNumber(year, month + 1, 1);
  const last = nextMonthFirst - 1;
  return last - (weekdayOfDayNumber(last) % 7);
}

/** The last Sunday of a month as 'YYYY-MM-DD' (the EU changes clocks on the last Sundays of March and October). */
export function lastSundayOf(year: number, month: number): LocalDate {
  return fromDayNumber(lastSundayDayNumber(year, month));
}

/** UTC instant (ms) when summer time starts: last Sunday of March 01:00 UTC (02:00 CET → 03:00 CEST). */
export function osloSummerTimeStartMs(year: number): number {
  return lastSundayDayNumber(year, 3) * MS_PER_DAY + 60 * MS_PER_MINUTE;
}

/** UTC instant (ms) when summer time ends: last Sunday of October 01:00 UTC (03:00 CEST → 02:00 CET). */
export function osloSummerTimeEndMs(year: number): number {
  return lastSundayDayNumber(year, 10) * MS_PER_DAY + 60 * MS_PER_MINUTE;
}

function yearOfUtcMs(utcMs: number): number {
  return Number(fromDayNumber(Math.floor(utcMs / MS_PER_DAY)).slice(0, 4));
}

/**
 * Offset of Oslo time from UTC at an instant: 120 minutes in summer time (CEST), else 60 (CET).
 * Uses the EU rule in force since 1996 for every year; if the EU ever drops clock changes, only this function changes.
 */
export function osloOffsetMinutes(utcMs: number): 60 | 120 {
  const year = yearOfUtcMs(utcMs);
  return utcMs >= osloSummerTimeStartMs(year) && utcMs < osloSummerTimeEndMs(year) ? CEST_MINUTES : CET_MINUTES;
}

/**
 * The UTC instant (ms) of an Oslo wall-clock date and time.
 * A time in the spring gap (02:00–02:59 on the last Sunday of March does not exist) is read as if the clocks had not
 * yet moved, i.e. 02:30 becomes 03:30 CEST. A time in the autumn overlap (02:00–02:59 happens twice on the last Sunday
 * of October) is the earlier one, in CEST. This is the "compatible" choice of Temporal and of most calendars.
 */
export function osloToUtcMs(date: LocalDate, time: TimeOfDay): number {
  const wallMs = (dayNumber(date) * MINUTES_PER_DAY + parseTimeOfDay(time)) * MS_PER_MINUTE;
  const asSummer = wallMs - CEST_MINUTES * MS_PER_MINUTE;
  if (osloOffsetMinutes(asSummer) === CEST_MINUTES) return asSummer;
  // Either plain winter time, or the spring gap where the winter offset gives the later (moved-forward) instant.
  return wallMs - CET_MINUTES * MS_PER_MINUTE;
}

/** Like osloToUtcMs, as an ISO 8601 UTC string ('2026-03-29T06:00:00.000Z'). */
export function osloToUtcIso(date: LocalDate, time: TimeOfDay): string {
  return new Date(osloToUtcMs(date, time)).toISOString();
}

export interface OsloWallClock {
  date: LocalDate;
  time: TimeOfDay;
  offsetMinutes: 60 | 120;
}

/** The Oslo wall-clock date and time (to the minute, rounded down) of a UTC instant. */
export function utcMsToOslo(utcMs: number): OsloWallClock {
  const offsetMinutes = osloOffsetMinutes(utcMs);
  const wallMinutes = Math.floor(utcMs / MS_PER_MINUTE) + offsetMinutes;
  const day = Math.floor(wallMinutes / MINUTES_PER_DAY);
  return { date: fromDayNumber(day), time: formatTimeOfDay(wallMinutes - day * MINUTES_PER_DAY), offsetMinutes };
}

/** Today's date in Norway (the domain's time zone) at a UTC instant, whatever the computer's clock zone is. */
export function osloToday(utcMs: number = Date.now()): LocalDate {
  return utcMsToOslo(utcMs).date;
}

/** A span of real time between two UTC instants (ms), end exclusive. */
export interface TimeSpan {
  startMs: number;
  endMs: number;
}

export interface WallClockSpan extends TimeSpan {
  /** The date the span ends on: the next day when it runs past midnight. */
  endDate: LocalDate;
  overnight: boolean;
  /** Real minutes, so a 22:00–08:00 span is 540 on the night clocks go forward and 660 when they go back. */
  minutes: number;
}

/**
 * The real time covered by a wall-clock span starting on `date`. An end at or before the start means the span ends the
 * next day (22:00–08:00; 08:00–08:00 is 24 hours). Never negative: inside the spring gap an end that falls before the
 * start is clamped to the start.
 */
export function wallClockSpan(date: LocalDate, start: TimeOfDay, end: TimeOfDay): WallClockSpan {
  const overnight = parseTimeOfDay(end) <= parseTimeOfDay(start);
  const endDate = overnight ? addDays(date, 1) : date;
  const startMs = osloToUtcMs(date, start);
  const endMs = Math.max(startMs, osloToUtcMs(endDate, end));
  return { startMs, endMs, endDate, overnight, minutes: Math.round((endMs - startMs) / MS_PER_MINUTE) };
}

/** Real minutes of a wall-clock span (see wallClockSpan). */
export function wallClockMinutes(date: LocalDate, start: TimeOfDay, end: TimeOfDay): number {
  return wallClockSpan(date, start, end).minutes;
}
