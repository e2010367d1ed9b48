// ISO 8601 weeks ("uke 48"): week number and week-year of a date, the seven dates of a week, weeks 52/53, stepping between weeks.
import { z } from 'zod';
import { civilToDayNumber, dayNumber, fromDayNumber, weekdayOfDayNumber } from './dates';
import type { LocalDate } from './dates';

/** An ISO week: `year` is the ISO week-year, which differs from the calendar year around New Year. */
export interface IsoWeek {
  year: number;
  week: number;
}

/** Day number (days since 1970-01-01) of the Monday of ISO week 1 of an ISO week-year. */
function week1MondayDayNumber(year: number): number {
  const jan4 = civilToDayNumber(year, 1, 4);
  return jan4 - (weekdayOfDayNumber(jan4) - 1);
}

/** The ISO week (number and week-year) a date belongs to; the week's Thursday decides the year. */
export function isoWeekOf(date: LocalDate): IsoWeek {
  const day = dayNumber(date);
  const thursday = day - weekdayOfDayNumber(day) + 4;
  const year = Number(fromDayNumber(thursday).slice(0, 4));
  return { year, week: Math.floor((thursday - week1MondayDayNumber(year)) / 7) + 1 };
}

/** 53 when the ISO week-year has a week 53 (1 January is a Thursday, or a Wednesday in a leap year), else 52. */
export function isoWeeksInYear(year: number): 52 | 53 {
  return (week1MondayDayNumber(year + 1) - week1MondayDayNumber(year)) / 7 === 53 ? 53 : 52;
}

export function isValidIsoWeek(week: IsoWeek): boolean {
  return Number.isInteger(week.year) && Number.isInteger(week.week) && week.year >= 1 && week.year <= 9999 && week.week >= 1 && week.week <= isoWeeksInYear(week.year);
}

function assertIsoWeek(week: IsoWeek): void {
  if (!isValidIsoWeek(week)) throw new RangeError(`No such ISO week: ${week.year} week ${week.week}`);
}

/** Monday of an ISO week. */
export function isoWeekMonday(week: IsoWeek): LocalDate {
  assertIsoWeek(week);
  return fromDayNumber(week1MondayDayNumber(week.year) + (week.week - 1) * 7);
}

/** Sunday of an ISO week. */
export function isoWeekSunday(week: IsoWeek): LocalDate {
  return fromDayNumber(dayNumber(isoWeekMonday(week)) + 6);
}

/** The seven dates of an ISO week, Monday first. */
export function isoWeekDates(week: IsoWeek): LocalDate[] {
  const monday = dayNumber(isoWeekMonday(week));
  return [0, 1, 2, 3, 4, 5, 6].map((offset) => fromDayNumber(monday + offset));
}

/**
 * Continuous week counter: 0 is the ISO week containing 1970-01-01 (Monday 1969-12-29).
 * Differences of indexes count weeks correctly across year ends and week 53.
 */
export function isoWeekIndexOfDate(date: LocalDate): number {
  const day = dayNumber(date);
  const monday = day - (weekdayOfDayNumber(day) - 1);
  return (monday + 3) / 7;
}

export function isoWeekIndex(week: IsoWeek): number {
  return isoWeekIndexOfDate(isoWeekMonday(week));
}

/** Monday of the week with the given continuous index. */
export function mondayOfIsoWeekIndex(index: number): LocalDate {
  return fromDayNumber(index * 7 - 3);
}

export function isoWeekFromIndex(index: number): IsoWeek {
  return isoWeekOf(mondayOfIsoWeekIndex(index));
}

/** The week `count` weeks later (negative: earlier). */
export function addIsoWeeks(week: IsoWeek, count: number): IsoWeek {
  return isoWeekFromIndex(isoWeekIndex(week) + count);
}

export function nextIsoWeek(week: IsoWeek): IsoWeek {
  return addIsoWeeks(week, 1);
}

export function previousIsoWeek(week: IsoWeek): IsoWeek {
  return addIsoWeeks(week, -1);
}

export function compareIsoWeeks(a: IsoWeek, b: IsoWeek): number {
  return a.year !== b.year ? a.year - b.year : a.week - b.week;
}

/** '2026-W53' (ISO 8601 week notation), handy as a map key or URL parameter. */
export function isoWeekKey(week: IsoWeek): string {
  assertIsoWeek(week);
  return `${String(week.year).padStart(4, '0')}-W${String(week.week).padStart(2, '0')}`;
}

/** Parses '2026-W53'; returns null for text that is not an existing ISO week. */
export function parseIsoWeekKey(key: string): IsoWeek | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(key.trim());
  if (!match) return null;
  const week = { year: Number(match[1]), week: Number(match[2]) };
  return isValidIsoWeek(week) ? week : null;
}

/** Zod schema for an ISO week; week 53 only in years that have it. */
export const isoWeekSchema = z
  .object({
    year: z.number('invalidFormat').int('invalidFormat').min(1900, 'outOfRange').max(2200, 'outOfRange'),
    week: z.number('invalidFormat').int('invalidFormat').min(1, 'outOfRange').max(53, 'outOfRange'),
  })
  .refine(isValidIsoWeek, { message: 'outOfRange', path: ['week'] });
