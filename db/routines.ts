// Repository for delegated routines (one row per version), the append-only authorisation events and the nurses' read-and-understood confirmations.
import type Database from 'better-sqlite3';
import type { AuthorisationEvent, AuthorisationKind } from '../domain/routines/authorisations';
import type { RoutineConfirmation } from '../domain/routines/confirmations';
import type { ExclusionCriterion, NurseMay, Routine, RoutineMedicine, RoutineStatus } from '../domain/routines/types';
import { newId } from './ids';
import { changedColumns } from './write-path';
import type { ChangeSet } from './write-path';
import { statement } from './statements';

interface RoutineRow {
  id: string;
  routine_id: string;
  version: number;
  status: string;
  retired_from: string | null;
  superseded_by_version: number | null;
  title: string;
  icpc2_codes: string;
  indication: string;
  inclusion_criteria: string;
  exclusion_criteria: string;
  medicine: string;
  nurse_may: string;
  follow_up_advice: string;
  responsible_doctor_id: string;
  required_competence_type_ids: string;
  valid_from: string;
  review_date: string;
  expires_on: string;
}

function toRoutine(row: RoutineRow): Routine {
  return {
    id: row.id,
    routineId: row.routine_id,
    version: row.version,
    status: row.status as RoutineStatus,
    retiredFrom: row.retired_from,
    supersededByVersion: row.superseded_by_version,
    title: row.title,
    icpc2Codes: JSON.parse(row.icpc2_codes) as string[],
    indication: row.indication,
    inclusionCriteria: JSON.parse(row.inclusion_criteria) as string[],
    exclusionCriteria: JSON.parse(row.exclusion_criteria) as ExclusionCriterion[],
    medicine: JSON.parse(row.medicine) as RoutineMedicine,
    nurseMay: row.nurse_may as NurseMay,
    followUpAdvice: row.follow_up_advice,
    responsibleDoctorId: row.responsible_doctor_id,
    requiredCompetenceTypeIds: JSON.parse(row.required_competence_type_ids) as string[],
    validFrom: row.valid_from,
    reviewDate: row.review_date,
    expiresOn: row.expires_on,
  };
}

function routineColumns(routine: Routine) {
  return {
    routine_id: routine.routineId,
    version: routine.version,
    status: routine.status,
    retired_from: routine.retiredFrom,
    superseded_by_version: routine.supersededByVersion,
    title: routine.title,
    icpc2_codes: JSON.stringify(routine.icpc2Codes),
    indication: routine.indication,
    inclusion_criteria: JSON.stringify(routine.inclusionCriteria),
    exclusion_criteria: JSON.stringify(routine.exclusionCriteria),
    medicine: JSON.stringify(routine.medicine),
    nurse_may: routine.nurseMay,
    follow_up_advice: routine.followUpAdvice,
    responsible_doctor_id: routine.responsibleDoctorId,
    required_competence_type_ids: JSON.stringify(routine.requiredCompetenceTypeIds),
    valid_from: routine.validFrom,
    review_date: routine.reviewDate,
    expires_on: routine.expiresOn,
  };
}

const ROUTINE_SELECT = `SELECT id, routine_id, version, status, retired_from, superseded_by_version, title, icpc2_codes, indication,
  inclusion_criteria, exclusion_criteria, medicine, nurse_may, follow_up_advice, responsible_doctor_id,
  required_competence_type_ids, valid_from, review_date, expires_on FROM routines`;

/** Every version of every routine, by routine then version. */
export function listRoutineVersions(db: Database.Database): Routine[] {
  return (statement(db, `${ROUTINE_SELECT} WHERE deleted = 0 ORDER BY routine_id, version`).all() as RoutineRow[]).map(toRoutine);
}

export function listVersionsOf(db: Database.Database, routineId: string): Routine[] {
  return (statement(db, `${ROUTINE_SELECT} WHERE deleted = 0 AND routine_id = ? ORDER BY version`).all(routineId) as RoutineRow[]).map(toRoutine);
}

export function getRoutineVersion(db: Database.Database, id: string): Routine | null {
  const row = statement(db, `${ROUTINE_SELECT} WHERE id = ? AND deleted = 0`).get(id) as RoutineRow | undefined;
  return row ? toRoutine(row) : null;
}

/** Stores a version: inserts a new row, or writes the changed columns of an existing one. */
export function saveRoutineVersion(changes: ChangeSet, routine: Routine): void {
  const current = getRoutineVersion(changes.db, routine.id);
  if (!current) changes.insert('routines', routine.id, routineColumns(routine));
  else changes.update('routines', routine.id, changedColumns(routineColumns(current), routineColumns(routine)));
}

interface EventRow {
  id: string;
  routine_id: string;
  routine_version: number;
  nurse_id: string;
  kind: string;
  by_doctor_id: string;
  effective_date: string;
  reason: string | null;
  at: string;
}

function toEvent(row: EventRow): AuthorisationEvent {
  return {
    id: row.id,
    routineId: row.routine_id,
    routineVersion: row.routine_version,
    nurseId: row.nurse_id,
    kind: row.kind as AuthorisationKind,
    byDoctorId: row.by_doctor_id,
    effectiveDate: row.effective_date,
    reason: row.reason,
    at: row.at,
  };
}

const EVENT_SELECT = 'SELECT id, routine_id, routine_version, nurse_id, kind, by_doctor_id, effective_date, reason, at FROM routine_authorisations';

export function listAuthorisationEvents(db: Database.Database, filter: { routineId?: string; nurseId?: string } = {}): AuthorisationEvent[] {
  if (filter.routineId) return (statement(db, `${EVENT_SELECT} WHERE routine_id = ? ORDER BY at, id`).all(filter.routineId) as EventRow[]).map(toEvent);
  if (filter.nurseId) return (statement(db, `${EVENT_SELECT} WHERE nurse_id = ? ORDER BY at, id`).all(filter.nurseId) as EventRow[]).map(toEvent);
  return (statement(db, `${EVENT_SELECT} ORDER BY at, id`).all() as EventRow[]).map(toEvent);
}

/** Appends a grant or revocation; events are never changed afterwards. */
export function appendAuthorisationEvent(changes: ChangeSet, event: Omit<AuthorisationEvent, 'id'>): string {
  const id = newId();
  changes.insert('routine_authorisations', id, {
    routine_id: event.routineId,
    routine_version: event.routineVersion,
    nurse_id: event.nurseId,
    kind: event.kind,
    by_doctor_id: event.byDoctorId,
    effective_date: event.effectiveDate,
    reason: event.reason,
    at: event.at,
  });
  return id;
}

interface ConfirmationRow {
  id: string;
  routine_id: string;
  routine_version: number;
  nurse_id: string;
  user_id: string;
  at: string;
}

const CONFIRMATION_SELECT = 'SELECT id, routine_id, routine_version, nurse_id, user_id, at FROM routine_confirmations';

function toConfirmation(row: ConfirmationRow): RoutineConfirmation {
  return { id: row.id, routineId: row.routine_id, routineVersion: row.routine_version, nurseId: row.nurse_id, userId: row.user_id, at: row.at };
}

/** Read-and-understood confirmations, of one routine or of one nurse (or all), oldest first. */
export function listConfirmations(db: Database.Database, filter: { routineId?: string; nurseId?: string } = {}): RoutineConfirmation[] {
  if (filter.routineId) return (statement(db, `${CONFIRMATION_SELECT} WHERE routine_id = ? AND deleted = 0 ORDER BY at, id`).all(filter.routineId) as ConfirmationRow[]).map(toConfirmation);
  if (filter.nurseId) return (statement(db, `${CONFIRMATION_SELECT} WHERE nurse_id = ? AND deleted = 0 ORDER BY at, id`).all(filter.nurseId) as ConfirmationRow[]).map(toConfirmation);
  return (statement(db, `${CONFIRMATION_SELECT} WHERE deleted = 0 ORDER BY at, id`).all() as ConfirmationRow[]).map(toConfirmation);
}

/** Appends a nurse's confirmation that she has read a version; written once by her (user_id is the signer). */
export function appendConfirmation(changes: ChangeSet, confirmation: Omit<RoutineConfirmation, 'id'>): string {
  const id = newId();
  changes.insert('routine_confirmations', id, {
    routine_id: confirmation.routineId,
    routine_version: confirmation.routineVersion,
    nurse_id: confirmation.nurseId,
    user_id: confirmation.userId,
    at: confirmation.at,
  });
  return id;
}
