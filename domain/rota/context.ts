// Input types of the rota rules and the prepared lookups they share (shifts placed on the real time line, names, absences, holidays).
import { addDays } from '../calendar/dates';
import type { LocalDate } from '../calendar/dates';
import { holidaysByDate, publicHolidaysBetween } from '../calendar/holidays';
import type { PublicHoliday } from '../calendar/holidays';
import { isoWeekDates } from '../calendar/isoWeek';
import type { IsoWeek } from '../calendar/isoWeek';
import { wallClockSpan } from '../calendar/oslo';
import type { Office } from '../offices';
import type { StaffMember } from '../staff';
import type { Absence, Shift } from './types';

/** What the rules need of an office. */
export type RotaOffice = Pick<Office, 'id' | 'name' | 'openingHours' | 'drivingMinutes'>;
/** What the rules need of a staff member. */
export type RotaStaff = Pick<StaffMember, 'id' | 'name' | 'profession'>;

export interface RotaLimits {
  /** Minimum rest between shifts on different days (arbeidsmiljøloven § 10-8: 11 h). Exactly this much is fine. */
  minRestHours: number;
  /** Most hours planned on one day (shifts count on the date they start). Exactly this much is fine. */
  maxDayHours: number;
  /** Most hours planned in one ISO week. Exactly this much is fine. */
  maxWeekHours: number;
  /** Uncovered stretches of opening hours this short or shorter are not reported (0 = report every minute). */
  coverageGapToleranceMinutes: number;
  /**
   * Whether legevakt counts towards the day and week hour limits. Off by default: on-call duty follows the legevakt's
   * own agreements, and counting a 16-hour on-call shift as work would flag every legevakt. Rest, overlaps and double
   * bookings always include legevakt.
   */
  legevaktCountsTowardsHours: boolean;
}

export const DEFAULT_ROTA_LIMITS: Readonly<RotaLimits> = Object.freeze({
  minRestHours: 11,
  maxDayHours: 9,
  maxWeekHours: 40,
  coverageGapToleranceMinutes: 0,
  legevaktCountsTowardsHours: false,
});

export interface CheckWeekInput {
  /** The ISO week to check; every warning returned is dated inside it. */
  week: IsoWeek;
  offices: readonly RotaOffice[];
  staff: readonly RotaStaff[];
  /**
   * Shifts of the week and of the days just before it (rest and overlaps across Monday need them: pass at least from
   * three days before Monday). Shifts outside the window are ignored, so passing more is harmless.
   */
  shifts: readonly Shift[];
  absences: readonly Absence[];
  /** Public holidays to use; computed with norwegianPublicHolidays when left out. */
  publicHolidays?: readonly PublicHoliday[];
  limits?: Partial<RotaLimits>;
  /** From the competence register: does this nurse hold emergency competence on that date? Without it the rule is skipped. */
  isEmergencyNurse?: (staffId: string, date: LocalDate) => boolean;
}

/** A shift placed on the real (UTC) time line. */
export interface TimedShift {
  shift: Shift;
  startMs: number;
  endMs: number;
  /** Real minutes (DST-aware). */
  minutes: number;
  endDate: LocalDate;
}

export interface RuleContext {
  week: IsoWeek;
  weekDates: LocalDate[];
  weekStart: LocalDate;
  weekEnd: LocalDate;
  limits: RotaLimits;
  isEmergencyNurse: ((staffId: string, date: LocalDate) => boolean) | undefined;
  offices: readonly RotaOffice[];
  /** All relevant shifts per person, sorted by start (then id). */
  shiftsByStaff: Map<string, TimedShift[]>;
  /** Shifts per office and date ('officeId|date'), in start order. */
  shiftsByOfficeDay: Map<string, TimedShift[]>;
  holidays: Map<LocalDate, PublicHoliday>;
  inWeek(date: LocalDate): boolean;
  officeName(officeId: string): string;
  staffName(staffId: string): string;
  staffById: Map<string, RotaStaff>;
  /** Driving minutes between two offices from office settings (either direction), or null when not set. */
  drivingMinutes(fromOfficeId: string, toOfficeId: string): number | null;
  /** The person's absence covering a date, if any. */
  absenceOn(staffId: string, date: LocalDate): Absence | undefined;
  absencesOn(staffId: string, date: LocalDate): Absence[];
}

export const UNKNOWN_PERSON = 'Ukjent person';
export const UNKNOWN_OFFICE = 'Ukjent kontor';

export function officeDayKey(officeId: string, date: LocalDate): string {
  return `${officeId}|${date}`;
}

function compareTimed(a: TimedShift, b: TimedShift): number {
  return a.startMs - b.startMs || a.endMs - b.endMs || (a.shift.id < b.shift.id ? -1 : a.shift.id > b.shift.id ? 1 : 0);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Days before Monday whose shifts can still affect the week (24 h shifts plus the rest period). */
export function lookbackDays(limits: RotaLimits): number {
  return 2 + Math.ceil(Math.max(limits.minRestHours, 24) / 24);
}

export function buildContext(input: CheckWeekInput): RuleContext {
  const limits: RotaLimits = { ...DEFAULT_ROTA_LIMITS, ...input.limits };
  const weekDates = isoWeekDates(input.week);
  const weekStart = weekDates[0] as LocalDate;
  const weekEnd = weekDates[6] as LocalDate;
  const windowStart = addDays(weekStart, -lookbackDays(limits));

  const shiftsByStaff = new Map<string, TimedShift[]>();
  const shiftsByOfficeDay = new Map<string, TimedShift[]>();
  for (const shift of input.shifts) {
    if (shift.date < windowStart || shift.date > weekEnd) continue;
    const span = wallClockSpan(shift.date, shift.start, shift.end);
    const timed: TimedShift = { shift, startMs: span.startMs, endMs: span.endMs, minutes: span.minutes, endDate: span.endDate };
    pushTo(shiftsByStaff, shift.staffId, timed);
    pushTo(shiftsByOfficeDay, officeDayKey(shift.officeId, shift.date), timed);
  }
  for (const list of shiftsByStaff.values()) list.sort(compareTimed);
  for (const list of shiftsByOfficeDay.values()) list.sort(compareTimed);

  const absencesByStaff = new Map<string, Absence[]>();
  for (const absence of input.absences) {
    if (absence.to < windowStart || absence.from > weekEnd) continue;
    pushTo(absencesByStaff, absence.staffId, absence);
  }

  const officeById = new Map(input.offices.map((office) => [office.id, office]));
  const staffById = new Map(input.staff.map((member) => [member.id, member]));
  const holidays = holidaysByDate(input.publicHolidays ?? publicHolidaysBetween(windowStart, weekEnd));
  const absencesOn = (staffId: string, date: LocalDate): Absence[] =>
    (absencesByStaff.get(staffId) ?? []).filter((absence) => absence.from <= date && date <= absence.to);

  return {
    week: input.week,
    weekDates,
    weekStart,
    weekEnd,
    limits,
    isEmergencyNurse: input.isEmergencyNurse,
    offices: input.offices,
    shiftsByStaff,
    shiftsByOfficeDay,
    holidays,
    staffById,
    inWeek: (date) => date >= weekStart && date <= weekEnd,
    officeName: (officeId) => officeById.get(officeId)?.name ?? UNKNOWN_OFFICE,
    staffName: (staffId) => staffById.get(staffId)?.name ?? UNKNOWN_PERSON,
    drivingMinutes: (from, to) => {
      if (from === to) return 0;
      return officeById.get(from)?.drivingMinutes[to] ?? officeById.get(to)?.drivingMinutes[from] ?? null;
    },
    absenceOn: (staffId, date) => absencesOn(staffId, date)[0],
    absencesOn,
  };
}
