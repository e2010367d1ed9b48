// What a request would do to the rota: the warnings an assignment would cause, who is eligible for a shift, and the shifts a leave clashes with.
import type Database from 'better-sqlite3';
import { addDays } from '../../domain/calendar/dates';
import type { LocalDate } from '../../domain/calendar/dates';
import { publicHolidaysBetween } from '../../domain/calendar/holidays';
import { isoWeekDates, isoWeekOf } from '../../domain/calendar/isoWeek';
import { competenceCoverage, competenceProblems } from '../../domain/competence/coverage';
import { indexCompetence } from '../../domain/competence/state';
import { coverWindow, eligibleForShift, rankCoverCandidates } from '../../domain/rota/cover';
import type { CoverGap, CoverMode, CoverNeed } from '../../domain/rota/cover';
import { checkWeek, DEFAULT_ROTA_LIMITS } from '../../domain/rota/rules';
import type { RotaLimits } from '../../domain/rota/rules';
import type { Absence, Shift } from '../../domain/rota/types';
import type { RotaWarning } from '../../domain/rota/warnings';
import type { OpenShift } from '../../domain/requests/types';
import type { Profession, StaffMember } from '../../domain/staff';
import { listCompetenceTypes, listStaffCompetences, listStaffCompetencesOfTypes } from '../../db/competence';
import { getCooperationSettings } from '../../db/cooperation';
import { listOffices } from '../../db/offices';
import { listAbsences } from '../../db/rota';
import { getStaffMember, listStaff } from '../../db/staff';
import { loadCoverCandidates } from './cover-candidates';
import { emergencyNurseLookup } from './emergency-nurse';
import { plannedShifts } from './rota-week';
import type { PlannedShift } from './rota-week';

/** What an approval changes: a new shift (open shift), or an existing shift given to another person (swap). */
export type RotaChange = { kind: 'add'; shift: Shift } | { kind: 'reassign'; shiftId: string; date: LocalDate; toStaffId: string };

interface RotaAround {
  offices: ReturnType<typeof listOffices>;
  staff: StaffMember[];
  shifts: PlannedShift[];
  absences: Absence[];
  isEmergencyNurse: ((staffId: string, date: LocalDate) => boolean) | undefined;
  limits: typeof DEFAULT_ROTA_LIMITS;
}

/** Everything the rules need for the weeks around a date (its week and the next, for rest across Sunday night). */
function rotaAround(db: Database.Database, date: LocalDate): RotaAround {
  const monday = isoWeekDates(isoWeekOf(date))[0]!;
  const from = addDays(monday, -3);
  const to = addDays(monday, 13);
  const staff = listStaff(db);
  return {
    offices: listOffices(db),
    staff,
    shifts: plannedShifts(db, from, to),
    absences: listAbsences(db, from, to),
    isEmergencyNurse: emergencyNurseLookup(db, staff),
    limits: { ...DEFAULT_ROTA_LIMITS, ...getCooperationSettings(db).rotaLimits },
  };
}

function check(around: RotaAround, date: LocalDate, shifts: readonly Shift[]): RotaWarning[] {
  const weeks = [isoWeekOf(date), isoWeekOf(addDays(date, 1))];
  const unique = weeks[0]!.week === weeks[1]!.week ? [weeks[0]!] : weeks;
  const { isEmergencyNurse } = around;
  return unique.flatMap((week) =>
    checkWeek({ week, offices: around.offices, staff: around.staff, shifts, absences: around.absences, limits: around.limits, ...(isEmergencyNurse ? { isEmergencyNurse } : {}) }),
  );
}

function applyChange(shifts: readonly PlannedShift[], change: RotaChange): Shift[] {
  if (change.kind === 'add') return [...shifts, change.shift];
  return shifts.map((shift) => (shift.id === change.shiftId ? { ...shift, staffId: change.toStaffId } : shift));
}

function newWarnings(around: RotaAround, date: LocalDate, change: RotaChange, before = new Set(check(around, date, around.shifts).map((warning) => warning.id))): RotaWarning[] {
  return check(around, date, applyChange(around.shifts, change)).filter((warning) => !before.has(warning.id));
}

/** The warnings the change would add to the rota (the rules run again, as on the planning screen). */
export function warningsCausedBy(db: Database.Database, date: LocalDate, change: RotaChange): RotaWarning[] {
  return newWarnings(rotaAround(db, date), date, change);
}

/** The shift an open shift becomes for a person (its id is the open shift's id, see docs/requests.md). */
export function shiftOfOpenShift(open: OpenShift, staffId: string): Shift {
  return { id: open.id, staffId, officeId: open.officeId, date: open.date, start: open.start, end: open.end, kind: open.kind, note: open.note, patternId: null };
}

/** Whether one person can take the gap in the given mode: what "Hvem kan dekke?" reads (cover-candidates.ts), for one person. */
function eligibleOne(db: Database.Database, gap: CoverGap, staffId: string, mode: CoverMode): boolean {
  const limits: RotaLimits = { ...DEFAULT_ROTA_LIMITS, ...getCooperationSettings(db).rotaLimits };
  const window = coverWindow(gap.date, limits);
  const staff = listStaff(db);
  const types = listCompetenceTypes(db);
  const required = types.filter((type) => type.requiredFor.includes('emergencyNurse') || type.requiredFor.includes('legevakt'));
  const coverage = competenceCoverage({ staff, types, records: required.length ? listStaffCompetencesOfTypes(db, required.map((type) => type.id)) : [] });
  const emergencyConfigured = required.some((type) => type.requiredFor.includes('emergencyNurse'));
  const input = {
    gap,
    offices: listOffices(db),
    staff,
    shifts: plannedShifts(db, window.from, window.to),
    absences: listAbsences(db, window.from, window.to),
    limits,
    publicHolidays: publicHolidaysBetween(window.from, window.to),
    dutyCompetence: coverage.hasDutyCompetence,
    ...(emergencyConfigured ? { isEmergencyNurse: coverage.isEmergencyNurse } : {}),
  };
  // eligibleForShift returns the person's best mode; the shift's own mode must be possible.
  const best = eligibleForShift(input, staffId);
  if (!best) return false;
  if (best.mode === mode) return true;
  // Rare (a doctor whose best way is the other mode): the whole ranking says whether this mode is possible too.
  return rankCoverCandidates(input).some((candidate) => candidate.staffId === staffId && candidate.mode === mode && candidate.blockers.length === 0);
}

/** The "Hvem kan dekke?" need a profession fills (domain/rota/cover.ts), or null for professions it does not rank. */
function coverNeedOf(profession: Profession | null): CoverNeed | null {
  if (profession === 'doctor' || profession === 'doctorInTraining') return 'doctor';
  if (profession === 'nurse') return 'nurse';
  return null;
}

/**
 * Who may take a shift: for doctors and nurses, exactly who "Hvem kan dekke?" offers without a blocker
 * (`rankCoverCandidates` in domain/rota/cover.ts: active, right profession, not absent or busy then, duty competence valid
 * on the date), in the shift's own mode (on site or video); for other professions, active people of that profession
 * whom the rules raise no error for (double booking, absence). Either way the open shift's own required competences
 * must be in force on the date. Rest, hours and travel warnings do not exclude anyone: the lead sees them before approving.
 */
export function eligibleStaffFor(
  db: Database.Database,
  shift: Shift,
  profession: Profession | null,
  requiredCompetenceTypeIds: readonly string[],
  /** Only these people (the inbox asks about the viewer alone). */
  only?: readonly string[],
): string[] {
  if (only !== undefined) {
    // Asked about a few people (the inbox: the viewer): people of another profession or inactive need no ranking.
    const possible = only.filter((staffId) => {
      const member = getStaffMember(db, staffId);
      return member !== null && member.active && (profession === null || member.profession === profession || coverNeedOf(member.profession) === coverNeedOf(profession));
    });
    if (possible.length === 0) return [];
    only = possible;
  }
  const types = new Map(listCompetenceTypes(db).map((type) => [type.id, type]));
  const index = indexCompetence(requiredCompetenceTypeIds.length ? listStaffCompetences(db) : []);
  const holdsRequired = (staffId: string) => competenceProblems(index, types, staffId, requiredCompetenceTypeIds, shift.date).length === 0;
  const wanted = (staffId: string) => staffId !== shift.staffId && (only === undefined || only.includes(staffId));
  const need = coverNeedOf(profession);
  if (need) {
    const gap = { officeId: shift.officeId, date: shift.date, start: shift.start, end: shift.end, need, kind: shift.kind, replacesShiftId: shift.staffId ? shift.id : null };
    const mode = shift.kind === 'video' ? 'video' : 'onSite';
    // A few people (the inbox asks about the viewer): D's eligibleForShift for each, not the whole ranking.
    const ids =
      only !== undefined
        ? only.filter((staffId) => eligibleOne(db, gap, staffId, mode))
        : loadCoverCandidates(db, gap)
            .candidates.filter((candidate) => candidate.blockers.length === 0 && candidate.mode === mode)
            .map((candidate) => candidate.staffId);
    return [...new Set(ids)].filter((staffId) => wanted(staffId) && holdsRequired(staffId));
  }
  const around = rotaAround(db, shift.date);
  const before = new Set(check(around, shift.date, around.shifts).map((warning) => warning.id));
  return around.staff
    .filter((member) => member.active && wanted(member.id) && (profession === null || member.profession === profession) && holdsRequired(member.id))
    .filter((member) => {
      const change: RotaChange = shift.staffId ? { kind: 'reassign', shiftId: shift.id, date: shift.date, toStaffId: member.id } : { kind: 'add', shift: { ...shift, staffId: member.id } };
      return !newWarnings(around, shift.date, change, before).some((warning) => warning.severity === 'error' && warning.staffIds.includes(member.id));
    })
    .map((member) => member.id);
}

/** The profession of the person who has a shift now (a swap goes to someone of the same kind). */
export function professionOf(db: Database.Database, staffId: string): Profession | null {
  return getStaffMember(db, staffId)?.profession ?? null;
}

/** A person's planned shifts in a period (what an approved leave clashes with). */
export function shiftsInPeriod(db: Database.Database, staffId: string, from: LocalDate, to: LocalDate): PlannedShift[] {
  return plannedShifts(db, from, to).filter((shift) => shift.staffId === staffId);
}
