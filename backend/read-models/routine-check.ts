// Which delegated routines a nurse may use on a date, and why not: shared by the routines screen and the consultation form.
import type Database from 'better-sqlite3';
import type { LocalDate } from '../../domain/calendar/dates';
import { mayUseRoutine } from '../../domain/routines/mayUse';
import type { MayUseRoutineResult } from '../../domain/routines/mayUse';
import type { Routine } from '../../domain/routines/types';
import { routineVersionInForce } from '../../domain/routines/versions';
import { listCompetenceTypes, listStaffCompetences } from '../../db/competence';
import { listAuthorisationEvents, listRoutineVersions, listVersionsOf } from '../../db/routines';

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

/** The nurse's check for every routine (or one) on a date; routines that were never active are left out. */
export function checkRoutinesFor(db: Database.Database, nurseId: string, date: LocalDate, routineId?: string): RoutineCheck[] {
  const all = routineId ? listVersionsOf(db, routineId) : listRoutineVersions(db);
  const events = listAuthorisationEvents(db, { nurseId });
  const competenceRecords = listStaffCompetences(db, nurseId);
  const competenceTypes = listCompetenceTypes(db);
  return groupByRoutine(all).flatMap((versions) => {
    const { inForce, newest } = summariseRoutine(versions, date);
    const routine = inForce ?? newest;
    if (!inForce && newest.status === 'draft' && versions.length === 1) return []; // never active: not for nurses yet
    const result = mayUseRoutine({ nurseId, routine, routineVersions: versions, events, competenceRecords, competenceTypes, date });
    return [{ routine, result }];
  });
}
