// Norwegian public holidays (offentlige helligdager) for any year, with Easter by the anonymous Gregorian algorithm.
import { dayNumber, fromDayNumber, localDate } from './dates';
import type { LocalDate } from './dates';

export const PUBLIC_HOLIDAY_KEYS = [
  'newYearsDay',
  'maundyThursday',
  'goodFriday',
  'easterSunday',
  'easterMonday',
  'labourDay',
  'constitutionDay',
  'ascensionDay',
  'whitSunday',
  'whitMonday',
  'christmasDay',
  'boxingDay',
] as const;
export type PublicHolidayKey = (typeof PUBLIC_HOLIDAY_KEYS)[number];

/** Norwegian names as shown in the UI and in warnings. */
export const PUBLIC_HOLIDAY_NAMES_NB: Readonly<Record<PublicHolidayKey, string>> = {
  newYearsDay: 'Første nyttårsdag',
  maundyThursday: 'Skjærtorsdag',
  goodFriday: 'Langfredag',
  easterSunday: 'Første påskedag',
  easterMonday: 'Andre påskedag',
  labourDay: 'Arbeidernes dag',
  constitutionDay: 'Grunnlovsdag',
  ascensionDay: 'Kristi himmelfartsdag',
  whitSunday: 'Første pinsedag',
  whitMonday: 'Andre pinsedag',
  christmasDay: 'Første juledag',
  boxingDay: 'Andre juledag',
};

export interface PublicHoliday {
  date: LocalDate;
  key: PublicHolidayKey;
  /** Norwegian name, e.g. 'Grunnlovsdag'. */
  name: string;
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, a.k.a. Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return localDate(year, month, day);
}

const cache = new Map<number, readonly PublicHoliday[]>();

function holiday(date: LocalDate, key: PublicHolidayKey): PublicHoliday {
  return { date, key, name: PUBLIC_HOLIDAY_NAMES_NB[key] };
}

/** The twelve Norwegian public holidays of a year, in date order. */
export function norwegianPublicHolidays(year: number): readonly PublicHoliday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const easter = dayNumber(easterSunday(year));
  const fromEaster = (days: number) => fromDayNumber(easter + days);
  const holidays = [
    holiday(localDate(year, 1, 1), 'newYearsDay'),
    holiday(fromEaster(-3), 'maundyThursday'),
    holiday(fromEaster(-2), 'goodFriday'),
    holiday(fromEaster(0), 'easterSunday'),
    holiday(fromEaster(1), 'easterMonday'),
    holiday(localDate(year, 5, 1), 'labourDay'),
    holiday(localDate(year, 5, 17), 'constitutionDay'),
    holiday(fromEaster(39), 'ascensionDay'),
    holiday(fromEaster(49), 'whitSunday'),
    holiday(fromEaster(50), 'whitMonday'),
    holiday(localDate(year, 12, 25), 'christmasDay'),
    holiday(localDate(year, 12, 26), 'boxingDay'),
  ]
    // Ascension Day can fall on 1 or 17 May; keep both entries but in date order.
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const frozen = Object.freeze(holidays.map((entry) => Object.freeze(entry)));
  cache.set(year, frozen);
  return frozen;
}

/** Public holidays from `from` to `to`, both included, in date order. */
export function publicHolidaysBetween(from: LocalDate, to: LocalDate): PublicHoliday[] {
  const result: PublicHoliday[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const entry of norwegianPublicHolidays(year)) if (entry.date >= from && entry.date <= to) result.push(entry);
  }
  return result;
}

/** The public holiday on a date, or null. When two fall on one day (Ascension Day on 17 May), the first is returned. */
export function publicHolidayOn(date: LocalDate): PublicHoliday | null {
  return norwegianPublicHolidays(Number(date.slice(0, 4))).find((entry) => entry.date === date) ?? null;
}

export function isPublicHoliday(date: LocalDate): boolean {
  return publicHolidayOn(date) !== null;
}

/** Map from date to holiday for a list of holidays (first wins when two share a date). */
export function holidaysByDate(holidays: readonly PublicHoliday[]): Map<LocalDate, PublicHoliday> {
  const map = new Map<LocalDate, PublicHoliday>();
  for (const entry of holidays) if (!map.has(entry.date)) map.set(entry.date, entry);
  return map;
}
