// What the planning grids show, computed from one rota week: rows of people per office, a person's days, and which warnings go where.
import type { ApiOutput } from '../../../../backend/api-types';
import { isoWeekday } from '../../../../domain/calendar/dates';
import type { LocalDate } from '../../../../domain/calendar/dates';
import type { Office } from '../../../../domain/offices';
import type { Absence, RecurringPattern } from '../../../../domain/rota/types';
import type { RotaWarning, RotaWarningKind } from '../../../../domain/rota/warnings';
import { PROFESSIONS } from '../../../../domain/staff';
import type { StaffMember } from '../../../../domain/staff';

export type RotaWeek = ApiOutput<'rota.week'>;
export type PlannedShift = RotaWeek['shifts'][number];

/** An absence as the backend lets this user see it: kind and note are null for a colleague's absence (private reason). */
export type ShownAbsence = RotaWeek['absences'][number];

/** The full absence a planner edits; null when the reason is hidden from this user (then there is nothing to edit). */
export function editableAbsence(absence: ShownAbsence): Absence | null {
  return absence.kind === null ? null : { ...absence, kind: absence.kind };
}

export interface DayCell {
  date: LocalDate;
  shifts: PlannedShift[];
  absences: ShownAbsence[];
  /** The office is closed (opening hours or a public holiday); in the person view only public holidays. */
  closed: boolean;
}

export interface PersonRow {
  member: StaffMember;
  days: DayCell[];
}

/** Warnings about an office's cover on a day rather than about one person's shifts. */
const OFFICE_KINDS: ReadonlySet<RotaWarningKind> = new Set(['noDoctor', 'doctorGap', 'noNurse', 'nurseGap', 'noEmergencyNurse', 'publicHolidayShift']);

function isClosed(office: Office | undefined, date: LocalDate, holidays: ReadonlySet<LocalDate>): boolean {
  if (holidays.has(date)) return true;
  return office ? office.openingHours[String(isoWeekday(date)) as keyof Office['openingHours']] === null : false;
}

function byStartTime(a: PlannedShift, b: PlannedShift): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.officeId.localeCompare(b.officeId);
}

function dayCells(rota: RotaWeek, staffId: string, office: Office | undefined): DayCell[] {
  const holidays = new Set(rota.holidays.map((holiday) => holiday.date));
  return rota.dates.map((date) => ({
    date,
    shifts: rota.shifts.filter((shift) => shift.staffId === staffId && shift.date === date).sort(byStartTime),
    absences: rota.absences.filter((absence) => absence.staffId === staffId && absence.from <= date && date <= absence.to),
    closed: office ? isClosed(office, date, holidays) : holidays.has(date),
  }));
}

/**
 * The rows of the office view: everyone with a shift at the office this week, plus the active people based there (so an
 * empty week can be planned by clicking their cells). Each cell holds all the person's shifts that day, also at other
 * offices, so a clash is visible where it is planned. Doctors first, then nurses, secretaries, others; by name within.
 */
export function officeWeekRows(rota: RotaWeek, officeId: string): PersonRow[] {
  const office = rota.offices.find((candidate) => candidate.id === officeId);
  const working = new Set(rota.shifts.filter((shift) => shift.officeId === officeId).map((shift) => shift.staffId));
  const rank = (member: StaffMember) => PROFESSIONS.indexOf(member.profession);
  return rota.staff
    .filter((member) => working.has(member.id) || (member.active && member.baseOfficeId === officeId))
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'nb'))
    .map((member) => ({ member, days: dayCells(rota, member.id, office) }));
}

/** The person view: the seven days of one person's week. */
export function personWeekDays(rota: RotaWeek, staffId: string): DayCell[] {
  return dayCells(rota, staffId, undefined);
}

/** Cover warnings for an office and day (no doctor, no nurse, open on a holiday …), for the office view's first row. */
export function officeDayWarnings(warnings: readonly RotaWarning[], officeId: string, date: LocalDate): RotaWarning[] {
  return warnings.filter((warning) => warning.officeId === officeId && warning.date === date && OFFICE_KINDS.has(warning.kind));
}

/** Warnings that name an absence (a shift planned during it). */
export function warningsForAbsence(warnings: readonly RotaWarning[], absenceId: string): RotaWarning[] {
  return warnings.filter((warning) => warning.kind === 'absence' && warning.details.absenceId === absenceId);
}

/** The week's warnings that concern the office view: at the office, or about a shift shown in its grid. */
export function officeViewWarnings(rota: RotaWeek, officeId: string, rows: readonly PersonRow[]): RotaWarning[] {
  const shown = new Set(rows.flatMap((row) => row.days.flatMap((day) => day.shifts.map((shift) => shift.id))));
  return rota.warnings.filter((warning) => warning.officeId === officeId || warning.shiftIds.some((id) => shown.has(id)));
}

/** The week's warnings about one person. */
export function personViewWarnings(rota: RotaWeek, staffId: string): RotaWarning[] {
  return rota.warnings.filter((warning) => warning.staffIds.includes(staffId));
}

/** How many one-off shifts "copy this week" would copy (pattern occurrences repeat by themselves). */
export function copyableShiftCount(rota: RotaWeek, officeId: string | null): number {
  return rota.shifts.filter((shift) => shift.occurrenceDate === null && (officeId === null || shift.officeId === officeId)).length;
}

/** Recurring patterns for the list: those of the office (office view) or person (person view), by person and start. */
export function patternsFor(patterns: readonly RecurringPattern[], filter: { officeId?: string | null; staffId?: string | null }, nameOf: (id: string) => string): RecurringPattern[] {
  return patterns
    .filter((pattern) => (!filter.officeId || pattern.officeId === filter.officeId) && (!filter.staffId || pattern.staffId === filter.staffId))
    .sort((a, b) => nameOf(a.staffId).localeCompare(nameOf(b.staffId), 'nb') || a.from.localeCompare(b.from) || a.start.localeCompare(b.start));
}
