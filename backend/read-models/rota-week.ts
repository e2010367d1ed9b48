// Loads what the rota screens need for one ISO week: stored shifts plus pattern occurrences, absences, holidays and rule warnings.
import type Database from 'better-sqlite3';
import { addDays } from '../../domain/calendar/dates';
import type { LocalDate } from '../../domain/calendar/dates';
import { publicHolidaysBetween } from '../../domain/calendar/holidays';
import type { PublicHoliday } from '../../domain/calendar/holidays';
import { isoWeekDates } from '../../domain/calendar/isoWeek';
import type { IsoWeek } from '../../domain/calendar/isoWeek';
import type { Office } from '../../domain/offices';
import { expandPatterns } from '../../domain/rota/patterns';
import { checkWeek, DEFAULT_ROTA_LIMITS } from '../../domain/rota/rules';
import type { RotaLimits } from '../../domain/rota/rules';
import type { Absence, RecurringPattern, Shift } from '../../domain/rota/types';
import type { RotaWarning } from '../../domain/rota/warnings';
import type { StaffMember } from '../../domain/staff';
import { getCooperationSettings } from '../../db/cooperation';
import { listOffices } from '../../db/offices';
import { listAbsences, listPatternExceptions, listPatterns, listShifts } from '../../db/rota';
import { listStaff } from '../../db/staff';
import { emergencyNurseLookup } from './emergency-nurse';

/** A shift as the screens see it: one-off, or an occurrence of a recurring pattern (id = '<pattern>@<date>'). */
export interface PlannedShift extends Shift {
  /** For pattern occurrences: the date the pattern put it on (the exception key). */
  occurrenceDate: LocalDate | null;
  /** True when a pattern occurrence was changed by hand. */
  changed: boolean;
}

export interface RotaWeek {
  week: IsoWeek;
  dates: LocalDate[];
  holidays: PublicHoliday[];
  offices: Office[];
  staff: StaffMember[];
  shifts: PlannedShift[];
  absences: Absence[];
  patterns: RecurringPattern[];
  warnings: RotaWarning[];
  limits: RotaLimits;
}

/** Rest and overlap checks look back this many days before Monday (a long legevakt weekend). */
const LOOK_BACK_DAYS = 3;

/** By date, then start time ('HH:MM', so plain string order is time order); the sort is stable, so ties keep their order. */
function byDateAndStart(a: PlannedShift, b: PlannedShift): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
}

/**
 * One-off shifts and pattern occurrences dated from..to. Offices are closed on public holidays, so a pattern skips
 * them (except legevakt, which runs every day); a lead who wants someone at work that day adds a one-off shift or
 * changes the occurrence by hand, and a changed occurrence is kept.
 */
export function plannedShifts(db: Database.Database, from: LocalDate, to: LocalDate): PlannedShift[] {
  return plannedShiftsOf(db, from, to, listPatterns(db, addDays(from, -7), addDays(to, 7)));
}

/** plannedShifts with the patterns already read (those overlapping from − 7 .. to + 7 days, or more). */
function plannedShiftsOf(db: Database.Database, from: LocalDate, to: LocalDate, patterns: readonly RecurringPattern[]): PlannedShift[] {
  // One-off shifts come sorted by date, start and id from SQL; with no pattern occurrences there is nothing to merge.
  // The rows are fresh objects: adding the two fields in place is much cheaper than an object spread per shift (which
  // was a third of this function's time, bench/overview.ts).
  const single = listShifts(db, from, to) as PlannedShift[];
  for (const shift of single) {
    shift.occurrenceDate = null;
    shift.changed = false;
  }
  if (patterns.length === 0) return single;
  const exceptions = listPatternExceptions(db, patterns.map((pattern) => pattern.id));
  const holidays = new Set(publicHolidaysBetween(from, to).map((holiday) => holiday.date));
  const occurrences = expandPatterns(patterns, { from, to }, exceptions)
    .filter((occurrence) => occurrence.changed || occurrence.kind === 'legevakt' || !holidays.has(occurrence.date))
    .map(({ key, occurrenceDate, changed, ...shift }): PlannedShift => ({ ...shift, id: key, occurrenceDate, changed }));
  if (occurrences.length === 0) return single;
  return [...single, ...occurrences].sort(byDateAndStart);
}

export interface RotaWeekOptions {
  /** Shifts the viewer may not see (draft weeks for staff, read-models/rota-publication.ts): left out before the rules run. */
  hideShift?: (shift: PlannedShift) => boolean;
}

/** loadRotaWeek, with the emergency-nurse lookup it used for the rules (so a caller need not build it again). */
export function loadRotaWeekWithLookup(db: Database.Database, week: IsoWeek, options: RotaWeekOptions = {}): { rota: RotaWeek; isEmergencyNurse: ((staffId: string, date: LocalDate) => boolean) | undefined } {
  const dates = isoWeekDates(week);
  const monday = dates[0]!;
  const sunday = dates[6]!;
  const offices = listOffices(db);
  const staff = listStaff(db);
  const lookBack = addDays(monday, -LOOK_BACK_DAYS);
  // One read of the patterns serves both the occurrences (from − 7 .. to + 7) and the week's own list (same order).
  const nearby = listPatterns(db, addDays(lookBack, -7), addDays(sunday, 7));
  const planned = plannedShiftsOf(db, lookBack, sunday, nearby);
  const hide = options.hideShift;
  const around = hide ? planned.filter((shift) => !hide(shift)) : planned;
  const absences = listAbsences(db, lookBack, sunday);
  const holidays = publicHolidaysBetween(monday, sunday);
  const limits = { ...DEFAULT_ROTA_LIMITS, ...getCooperationSettings(db).rotaLimits };
  const isEmergencyNurse = emergencyNurseLookup(db, staff);
  const warnings = checkWeek({ week, offices, staff, shifts: around, absences, publicHolidays: holidays, limits, ...(isEmergencyNurse ? { isEmergencyNurse } : {}) });
  const rota: RotaWeek = {
    week,
    dates,
    holidays,
    offices,
    staff,
    shifts: around.filter((shift) => shift.date >= monday),
    absences: absences.filter((absence) => absence.to >= monday),
    patterns: nearby.filter((pattern) => pattern.from <= sunday && (pattern.to === null || pattern.to >= monday)),
    warnings,
    limits,
  };
  return { rota, isEmergencyNurse };
}

export function loadRotaWeek(db: Database.Database, week: IsoWeek, options: RotaWeekOptions = {}): RotaWeek {
  return loadRotaWeekWithLookup(db, week, options).rota;
}
