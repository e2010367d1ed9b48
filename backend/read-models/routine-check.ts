// Which delegated routines a nurse may use on a date (at an instant), and why not: shared by the routines screen and the consultation form.
import type Database from 'better-sqlite3';
import { addDays } from '../../domain/calendar/dates';
import type { LocalDate } from '../../domain/calendar/dates';
import { osloToday, wallClockSpan } from '../../domain/calendar/oslo';
import { mayUseRoutine } from '../../domain/routines/mayUse';
import type { MayUseRoutineResult } from '../../domain/routines/mayUse';
import type { Routine } from '../../domain/routines/types';
import { routineVersionInForce } from '../../domain/routines/versions';
import { listCompetenceTypes, listStaffCompetences } from '../../db/competence';
import { listAuthorisationEvents, listConfirmations, listRoutineVersions, listVersionsOf } from '../../db/routines';
import { getStaffMember } from '../../db/staff';
import { plannedShifts } from './rota-week';

/** A routine as lists show it: the version in force on the date (or the newest, if none is), and every version. */
export function summariseRoutine(versions: Routine[], date: LocalDate) {
  const newest = versions.reduce((a, b) => (b.version > a.version ? b : a));
  return { routineId: newest.routineId, inForce: routineVersionInForce(versions, date), newest, versions };
}

export function groupByRoutine(versions: Routine[]): Routine[][] {
  const groups = new Map<string, Routine[]>();
  for (const version of versions) groups.set(version.routineId, [...(groups.get(version.routineId) ?? []), version]);
  return [...groups.values()];
}

export interface RoutineCheck {
  routine: Routine;
  result: MayUseRoutineResult;
}

/**
 * The nurse's check for every routine (or one) on a date; routines that were never active are left out. She must have
 * confirmed she has read the version (read and understood). With `at` (an instant on `date`), authorisation events
 * and confirmations of that day count from when they were recorded, so the answer is for this moment, not the day.
 */
export function checkRoutinesFor(db: Database.Database, nurseId: string, date: LocalDate, routineId?: string, at?: Date): RoutineCheck[] {
  const all = routineId ? listVersionsOf(db, routineId) : listRoutineVersions(db);
  const events = listAuthorisationEvents(db, { nurseId });
  const confirmations = listConfirmations(db, { nurseId });
  const atMs = at?.getTime();
  const competenceRecords = listStaffCompetences(db, nurseId);
  const competenceTypes = listCompetenceTypes(db);
  return groupByRoutine(all).flatMap((versions) => {
    const { inForce, newest } = summariseRoutine(versions, date);
    const routine = inForce ?? newest;
    if (!inForce && newest.status === 'draft' && versions.length === 1) return []; // never active: not for nurses yet
    const result = mayUseRoutine({ nurseId, routine, routineVersions: versions, events, confirmations, competenceRecords, competenceTypes, date, ...(atMs === undefined ? {} : { atMs }) });
    return [{ routine, result }];
  });
}

/**
 * The office a nurse works at now, for naming her supervising doctor: the office of a clinic shift of hers running at
 * `at` (Oslo time, overnight shifts too), else her base office, else null.
 */
export function nurseOfficeAt(db: Database.Database, nurseId: string, at: Date): string | null {
  const today = osloToday(at.getTime());
  const onShift = plannedShifts(db, addDays(today, -1), today).find((shift) => {
    if (shift.staffId !== nurseId || shift.kind !== 'clinic') return false;
    const span = wallClockSpan(shift.date, shift.start, shift.end);
    return span.startMs <= at.getTime() && at.getTime() < span.endMs;
  });
  return onShift?.officeId ?? getStaffMember(db, nurseId)?.baseOfficeId ?? null;
}
