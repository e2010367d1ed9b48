// Loads staff requests with their derived states, and answers who decides for an office and which shift a reference names.
import type Database from 'better-sqlite3';
import type { LocalDate } from '../../domain/calendar/dates';
import { deriveRequestState } from '../../domain/requests/state';
import type { RequestState } from '../../domain/requests/state';
import type { OpenShift, StaffRequest } from '../../domain/requests/types';
import type { Role } from '../../domain/roles';
import type { Shift } from '../../domain/rota/types';
import { getShift } from '../../db/rota';
import { getOpenShift, getStaffRequest, listOpenShifts, listStaffRequests, responsesAndDecisions } from '../../db/requests';
import { getStaffMember } from '../../db/staff';
import { plannedShifts } from './rota-week';
import type { PlannedShift } from './rota-week';

/** Who looks: the signed-in user (a session's fields). */
export interface Viewer {
  userId: string;
  staffId: string;
  roles: readonly Role[];
}

export interface LoadedOpenShift {
  kind: 'openShift';
  record: OpenShift;
  officeId: string;
  state: RequestState;
}
export interface LoadedStaffRequest {
  kind: 'swap' | 'leave';
  record: StaffRequest;
  officeId: string;
  state: RequestState;
}
export type LoadedRequest = LoadedOpenShift | LoadedStaffRequest;

/**
 * Which offices a lead decides for: their own base office (the staff record their user is linked to). An admin decides
 * for every office. docs/requests.md says why.
 */
export function decidesFor(db: Database.Database, viewer: Viewer, officeId: string): boolean {
  if (viewer.roles.includes('admin')) return true;
  if (!viewer.roles.includes('lead') || !viewer.staffId) return false;
  return getStaffMember(db, viewer.staffId)?.baseOfficeId === officeId;
}

/** Every request about today or later, with its state. */
export function loadRequests(db: Database.Database, today: LocalDate): LoadedRequest[] {
  const openShifts = listOpenShifts(db, today);
  const staffRequests = listStaffRequests(db, today);
  const { responses, decisions } = responsesAndDecisions(db, [...openShifts.map((open) => open.id), ...staffRequests.map((request) => request.id)]);
  const stateOf = (id: string, requester: string | null) => deriveRequestState(responses.get(id) ?? [], decisions.get(id) ?? [], requester);
  return [
    ...openShifts.map((record): LoadedRequest => ({ kind: 'openShift', record, officeId: record.officeId, state: stateOf(record.id, null) })),
    ...staffRequests.map((record): LoadedRequest => ({ kind: record.kind, record, officeId: record.officeId, state: stateOf(record.id, record.staffId) })),
  ];
}

/** One request (whatever its date) with its state, or null. */
export function loadRequest(db: Database.Database, id: string): LoadedRequest | null {
  const { responses, decisions } = responsesAndDecisions(db, [id]);
  const open = getOpenShift(db, id);
  if (open) return { kind: 'openShift', record: open, officeId: open.officeId, state: deriveRequestState(responses.get(id) ?? [], decisions.get(id) ?? [], null) };
  const request = getStaffRequest(db, id);
  if (!request) return null;
  return { kind: request.kind, record: request, officeId: request.officeId, state: deriveRequestState(responses.get(id) ?? [], decisions.get(id) ?? [], request.staffId) };
}

/** The shift a reference names: a one-off shift id, or a pattern occurrence '<pattern>@<date>' as the rota shows it. */
export function plannedShiftByRef(db: Database.Database, ref: string): PlannedShift | null {
  const at = ref.indexOf('@');
  if (at < 0) {
    const shift: Shift | null = getShift(db, ref);
    return shift ? { ...shift, occurrenceDate: null, changed: false } : null;
  }
  const date = ref.slice(at + 1);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  // A changed occurrence may have moved a day either way; its id stays the key of the original date.
  return plannedShifts(db, date, date).find((shift) => shift.id === ref) ?? null;
}
