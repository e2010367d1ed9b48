// The inbox: gathers what waits for a user from every source (requests to decide, answers, offline conflicts, rota notices, prescriptions to sign).
import { osloToday } from '../../domain/calendar/oslo';
import { sortInbox } from '../../domain/inbox';
import type { InboxItem } from '../../domain/inbox';
import type { RequestDecision } from '../../domain/requests/types';
import type { LocalStore } from '../../db/open';
import { listOffices } from '../../db/offices';
import { listStaff } from '../../db/staff';
import { prescriptionInboxItems } from './prescription-inbox';
import { rotaNoticesFor } from './rota-notices';
import { eligibleStaffFor, professionOf, shiftOfOpenShift, warningsCausedBy } from './request-effects';
import { decidesFor, loadRequests, plannedShiftByRef } from './requests';
import type { LoadedOpenShift, LoadedRequest, LoadedStaffRequest, Viewer } from './requests';

interface Names {
  person(staffId: string | null): string;
  office(officeId: string): string;
}

/** What every line about a shift names: where and when. */
function shiftParams(names: Names, shift: { officeId: string; date: string; start: string; end: string }): Record<string, string> {
  return { office: names.office(shift.officeId), date: shift.date, start: shift.start, end: shift.end };
}

/** Lines about one open shift for the viewer. */
function openShiftItems(store: LocalStore, viewer: Viewer, names: Names, loaded: LoadedOpenShift): InboxItem[] {
  const { record: open, state } = loaded;
  const params = shiftParams(names, open);
  const items: InboxItem[] = [];
  if (state.status === 'open') {
    if (decidesFor(store.db, viewer, open.officeId)) {
      for (const staffId of state.candidates) {
        items.push({ id: `${open.id}:asked:${staffId}`, kind: 'openShiftAsked', at: open.at, params: { ...params, person: names.person(staffId) }, actions: [{ kind: 'approve', requestId: open.id, staffId }] });
      }
    }
    const asked = state.candidates.includes(viewer.staffId);
    if (viewer.staffId && !asked && eligibleStaffFor(store.db, shiftOfOpenShift(open, ''), open.profession, open.requiredCompetenceTypeIds, [viewer.staffId]).length > 0) {
      items.push({ id: `${open.id}:available`, kind: 'openShiftAvailable', at: open.at, params: { ...params, note: open.note ?? '' }, actions: [{ kind: 'ask', requestId: open.id }] });
    }
  } else if (state.kept?.decision === 'approve' && state.candidates.includes(viewer.staffId)) {
    const granted = state.kept.staffId === viewer.staffId;
    items.push({ id: `${open.id}:answer`, kind: granted ? 'openShiftGranted' : 'openShiftTakenByOther', at: state.kept.at, params, actions: [] });
  }
  return items;
}

/** Lines about one swap offer for the viewer. */
function swapItems(store: LocalStore, viewer: Viewer, names: Names, loaded: LoadedStaffRequest): InboxItem[] {
  const { record: request, state } = loaded;
  const shift = request.shiftRef ? plannedShiftByRef(store.db, request.shiftRef) : null;
  const params = { ...(shift ? shiftParams(names, shift) : { office: names.office(request.officeId), date: request.date ?? '', start: '', end: '' }), from: names.person(request.staffId) };
  const items: InboxItem[] = [];
  if (state.status === 'open') {
    const taker = state.candidates[0] ?? null;
    if (taker && decidesFor(store.db, viewer, request.officeId)) {
      const warnings = shift ? warningsCausedBy(store.db, shift.date, { kind: 'reassign', shiftId: shift.id, date: shift.date, toStaffId: taker }).length : 0;
      items.push({
        id: `${request.id}:approve`,
        kind: 'swapToApprove',
        at: request.at,
        params: { ...params, person: names.person(taker), warnings, note: request.note ?? '' },
        actions: [
          { kind: 'approve', requestId: request.id, staffId: taker },
          { kind: 'decline', requestId: request.id },
        ],
      });
    }
    const offeredToViewer = () =>
      request.toStaffId === viewer.staffId || (request.toStaffId === null && shift !== null && eligibleStaffFor(store.db, shift, professionOf(store.db, shift.staffId), [], [viewer.staffId]).length > 0);
    if (!taker && viewer.staffId && viewer.staffId !== request.staffId && offeredToViewer()) {
      items.push({ id: `${request.id}:offered`, kind: 'swapOffered', at: request.at, params: { ...params, note: request.note ?? '' }, actions: [{ kind: 'accept', requestId: request.id }] });
    }
  } else if (state.kept && (viewer.staffId === request.staffId || state.candidates.includes(viewer.staffId))) {
    const approved = state.kept.decision === 'approve';
    items.push({ id: `${request.id}:answer`, kind: approved ? 'swapApproved' : 'swapDeclined', at: state.kept.at, params: { ...params, person: names.person(state.kept.staffId), note: state.kept.note ?? '' }, actions: [] });
  }
  return items;
}

/** Lines about one leave request for the viewer: the lead decides, the applicant hears the answer. */
function leaveItems(store: LocalStore, viewer: Viewer, names: Names, loaded: LoadedStaffRequest): InboxItem[] {
  const { record: request, state } = loaded;
  const params = { person: names.person(request.staffId), leaveKind: request.leaveKind ?? 'leave', from: request.from ?? '', to: request.to ?? '', note: request.note ?? '' };
  if (state.status === 'open' && decidesFor(store.db, viewer, request.officeId)) {
    return [{ id: `${request.id}:decide`, kind: 'leaveToDecide', at: request.at, params, actions: [{ kind: 'approve', requestId: request.id, staffId: request.staffId }, { kind: 'decline', requestId: request.id }] }];
  }
  if (state.kept && viewer.staffId === request.staffId) {
    const approved = state.kept.decision === 'approve';
    return [{ id: `${request.id}:answer`, kind: approved ? 'leaveApproved' : 'leaveDeclined', at: state.kept.at, params: { ...params, note: state.kept.note ?? '' }, actions: [] }];
  }
  return [];
}

/**
 * Offline conflicts, never silent: when leads decided one request on different computers, the kept decision and each
 * overruled one are told to the person the overruled decision named and to both leads.
 */
function conflictItems(viewer: Viewer, names: Names, loaded: LoadedRequest): InboxItem[] {
  const { kept, overruled } = loaded.state;
  if (!kept || overruled.length === 0) return [];
  const concerns = (decision: RequestDecision) => decision.byUserId === viewer.userId || (decision.staffId !== null && decision.staffId === viewer.staffId && decision.staffId !== kept.staffId);
  const where = loaded.kind === 'openShift' ? shiftParams(names, loaded.record) : { office: names.office(loaded.officeId), date: loaded.record.date ?? loaded.record.from ?? '', start: '', end: '' };
  return overruled
    .filter((decision) => concerns(decision) || kept.byUserId === viewer.userId)
    .map((decision) => ({
      id: `${loaded.record.id}:overruled:${decision.id}`,
      kind: 'decisionOverruled' as const,
      at: kept.at > decision.at ? kept.at : decision.at,
      params: { ...where, keptPerson: kept.decision === 'approve' ? names.person(kept.staffId) : '', overruledPerson: decision.decision === 'approve' ? names.person(decision.staffId) : '', keptDecision: kept.decision, overruledDecision: decision.decision },
      actions: [],
    }));
}

/** Everything in the viewer's inbox, newest first. */
export function inboxFor(store: LocalStore, viewer: Viewer, now: Date): InboxItem[] {
  const today = osloToday(now.getTime());
  const staffNames = new Map(listStaff(store.db).map((member) => [member.id, member.name]));
  const officeNames = new Map(listOffices(store.db).map((office) => [office.id, office.name]));
  const names: Names = { person: (id) => (id ? (staffNames.get(id) ?? 'Ukjent person') : ''), office: (id) => officeNames.get(id) ?? 'Ukjent kontor' };
  const items: InboxItem[] = [];
  for (const loaded of loadRequests(store.db, today)) {
    if (loaded.kind === 'openShift') items.push(...openShiftItems(store, viewer, names, loaded));
    else if (loaded.kind === 'swap') items.push(...swapItems(store, viewer, names, loaded));
    else items.push(...leaveItems(store, viewer, names, loaded));
    items.push(...conflictItems(viewer, names, loaded));
  }
  // Other sources add their lines here, one line each (rota notices: backend/read-models/rota-notices.ts, E2).
  items.push(...rotaNoticesFor(store, viewer.userId, now));
  items.push(...prescriptionInboxItems(store, viewer, now));
  return sortInbox(items);
}
