// Request handlers: open shifts, swaps and handovers, leave requests, a lead's preview and decision, and the inbox.
import { z } from 'zod';
import { addDays } from '../../domain/calendar/dates';
import { osloToday } from '../../domain/calendar/oslo';
import { idSchema } from '../../domain/ids';
import { decisionInputSchema, leaveRequestInputSchema, openShiftInputSchema, swapOfferInputSchema } from '../../domain/requests/types';
import type { Role } from '../../domain/roles';
import { getOffice } from '../../db/offices';
import { insertDecision, insertOpenShift, insertResponse, insertStaffRequest } from '../../db/requests';
import { setPatternException } from '../../db/rota';
import { getStaffMember } from '../../db/staff';
import type { ChangeSet } from '../../db/write-path';
import { AppError, fieldError } from '../errors';
import { defineHandler } from '../core/handler';
import type { SignedInContext } from '../core/handler';
import { inboxFor } from '../read-models/inbox';
import { eligibleStaffFor, professionOf, shiftOfOpenShift, shiftsInPeriod, warningsCausedBy } from '../read-models/request-effects';
import { decidesFor, loadRequest, plannedShiftByRef } from '../read-models/requests';
import { draftFilterFor } from '../read-models/rota-publication';
import type { LoadedRequest } from '../read-models/requests';

/** Who publishes open shifts and decides requests (for their own office; admins for all). */
const PLANNERS: readonly Role[] = ['lead', 'admin'];
const noInput = z.object({});
const requestIdInput = z.object({ requestId: idSchema });
const previewInput = z.object({ requestId: idSchema, staffId: idSchema.nullable().default(null) });

const today = (ctx: SignedInContext) => osloToday(ctx.now().getTime());
const nowIso = (ctx: SignedInContext) => ctx.now().toISOString();
const viewerOf = (ctx: SignedInContext) => ({ userId: ctx.session.userId, staffId: ctx.session.staffId, roles: ctx.session.roles });

function ownStaffId(ctx: SignedInContext): string {
  if (!ctx.session.staffId || !getStaffMember(ctx.store.db, ctx.session.staffId)) throw new AppError('requests.noStaffRecord');
  return ctx.session.staffId;
}

function requireRequest(ctx: SignedInContext, requestId: string): LoadedRequest {
  const loaded = loadRequest(ctx.store.db, requestId);
  if (!loaded) throw new AppError('requests.notFound');
  return loaded;
}

function requireOpen(loaded: LoadedRequest) {
  if (loaded.state.status !== 'open') throw new AppError('requests.alreadyDecided');
}

/** The inbox of the signed-in user. */
function inbox(ctx: SignedInContext) {
  return { items: inboxFor(ctx.store, viewerOf(ctx), ctx.now()) };
}

/** The signed-in person's own shifts of the next four weeks, to offer one of them (none without a staff record). */
function myShifts(ctx: SignedInContext) {
  if (!ctx.session.staffId) return { shifts: [] };
  const from = today(ctx);
  // A staff member's own shifts leave out draft weeks (read-models/rota-publication.ts), like the rota.
  const hidden = draftFilterFor(ctx.store.db, ctx.session, ctx.now()).hideShift;
  return { shifts: shiftsInPeriod(ctx.store.db, ctx.session.staffId, from, addDays(from, 27)).filter((shift) => !hidden?.(shift)) };
}

/** A lead publishes a gap at their office as an open shift. */
function publishOpenShift(ctx: SignedInContext, input: z.output<typeof openShiftInputSchema>) {
  if (!getOffice(ctx.store.db, input.officeId)) throw fieldError({ officeId: 'invalidChoice' });
  if (!decidesFor(ctx.store.db, viewerOf(ctx), input.officeId)) throw new AppError('requests.notYourOffice');
  if (input.date < today(ctx)) throw fieldError({ date: 'outOfRange' });
  const id = ctx.store.writer.write((changes) => insertOpenShift(changes, { ...input, byUserId: ctx.session.userId, at: nowIso(ctx) }));
  return { id };
}

/** Staff ask for an open shift they are eligible for. */
function askForOpenShift(ctx: SignedInContext, { requestId }: z.output<typeof requestIdInput>) {
  const staffId = ownStaffId(ctx);
  const loaded = requireRequest(ctx, requestId);
  if (loaded.kind !== 'openShift') throw new AppError('requests.notFound');
  requireOpen(loaded);
  if (loaded.state.candidates.includes(staffId)) return { id: requestId };
  const open = loaded.record;
  if (eligibleStaffFor(ctx.store.db, shiftOfOpenShift(open, ''), open.profession, open.requiredCompetenceTypeIds, [staffId]).length === 0) throw new AppError('requests.notEligible');
  ctx.store.writer.write((changes) => insertResponse(changes, { requestId, kind: 'ask', staffId, byUserId: ctx.session.userId, at: nowIso(ctx) }));
  return { id: requestId };
}

/** Staff offer one of their own future shifts to a named colleague, or to everyone eligible. */
function offerSwap(ctx: SignedInContext, input: z.output<typeof swapOfferInputSchema>) {
  const staffId = ownStaffId(ctx);
  const shift = plannedShiftByRef(ctx.store.db, input.shiftRef);
  if (!shift) throw new AppError('rota.shiftNotFound');
  if (shift.staffId !== staffId) throw new AppError('requests.notYours');
  if (shift.date < today(ctx)) throw new AppError('requests.inThePast');
  if (input.toStaffId !== null && eligibleStaffFor(ctx.store.db, shift, professionOf(ctx.store.db, shift.staffId), [], [input.toStaffId]).length === 0) throw fieldError({ toStaffId: 'invalidChoice' });
  const id = ctx.store.writer.write((changes) =>
    insertStaffRequest(changes, {
      kind: 'swap',
      staffId,
      officeId: shift.officeId,
      shiftRef: shift.id,
      date: shift.date,
      toStaffId: input.toStaffId,
      leaveKind: null,
      from: null,
      to: null,
      note: input.note,
      byUserId: ctx.session.userId,
      at: nowIso(ctx),
    }),
  );
  return { id };
}

/** A colleague takes a shift offered to them (or to all eligible); the lead approves next. */
function acceptSwap(ctx: SignedInContext, { requestId }: z.output<typeof requestIdInput>) {
  const staffId = ownStaffId(ctx);
  const loaded = requireRequest(ctx, requestId);
  if (loaded.kind !== 'swap') throw new AppError('requests.notFound');
  requireOpen(loaded);
  const request = loaded.record;
  if (request.staffId === staffId || (request.toStaffId !== null && request.toStaffId !== staffId)) throw new AppError('requests.notYours');
  const shift = request.shiftRef ? plannedShiftByRef(ctx.store.db, request.shiftRef) : null;
  if (!shift || shift.staffId !== request.staffId) throw new AppError('rota.shiftNotFound');
  if (eligibleStaffFor(ctx.store.db, shift, professionOf(ctx.store.db, shift.staffId), [], [staffId]).length === 0) throw new AppError('requests.notEligible');
  ctx.store.writer.write((changes) => insertResponse(changes, { requestId, kind: 'accept', staffId, byUserId: ctx.session.userId, at: nowIso(ctx) }));
  return { id: requestId };
}

/** Staff ask for leave; it goes to the lead of their base office. */
function requestLeave(ctx: SignedInContext, input: z.output<typeof leaveRequestInputSchema>) {
  const staffId = ownStaffId(ctx);
  const member = getStaffMember(ctx.store.db, staffId)!;
  if (input.to < today(ctx)) throw fieldError({ to: 'outOfRange' });
  const id = ctx.store.writer.write((changes) =>
    insertStaffRequest(changes, {
      kind: 'leave',
      staffId,
      officeId: member.baseOfficeId ?? '',
      shiftRef: null,
      date: null,
      toStaffId: null,
      leaveKind: input.kind,
      from: input.from,
      to: input.to,
      note: input.note,
      byUserId: ctx.session.userId,
      at: nowIso(ctx),
    }),
  );
  return { id };
}

/** The requester takes back their own swap offer or leave request while nobody has decided it. */
function withdraw(ctx: SignedInContext, { requestId }: z.output<typeof requestIdInput>) {
  const staffId = ownStaffId(ctx);
  const loaded = requireRequest(ctx, requestId);
  requireOpen(loaded);
  const mine = loaded.kind === 'openShift' ? loaded.state.candidates.includes(staffId) : loaded.record.staffId === staffId || loaded.state.candidates.includes(staffId);
  if (!mine) throw new AppError('requests.notYours');
  ctx.store.writer.write((changes) => insertResponse(changes, { requestId, kind: 'withdraw', staffId, byUserId: ctx.session.userId, at: nowIso(ctx) }));
  return { id: requestId };
}

function requireDecider(ctx: SignedInContext, loaded: LoadedRequest) {
  if (!decidesFor(ctx.store.db, viewerOf(ctx), loaded.officeId)) throw new AppError('requests.notYourOffice');
}

/** Who an approval gives the shift to: the named candidate for an open shift, the colleague who accepted a swap. */
function approvedStaff(loaded: LoadedRequest, staffId: string | null): string {
  if (loaded.kind === 'leave') return loaded.record.staffId;
  const chosen = staffId ?? loaded.state.candidates[0] ?? null;
  if (!chosen || !loaded.state.candidates.includes(chosen)) throw fieldError({ staffId: 'invalidChoice' });
  return chosen;
}

/**
 * What approving would do, for the lead to see before saying yes: the warnings the rules would add (the rules run
 * again now), and for leave the person's shifts in the period.
 */
function preview(ctx: SignedInContext, { requestId, staffId }: z.output<typeof previewInput>) {
  const loaded = requireRequest(ctx, requestId);
  requireDecider(ctx, loaded);
  if (loaded.kind === 'leave') {
    const { staffId: person, from, to } = loaded.record;
    return { warnings: [], clashingShifts: shiftsInPeriod(ctx.store.db, person, from ?? '', to ?? '') };
  }
  const chosen = approvedStaff(loaded, staffId);
  if (loaded.kind === 'openShift') {
    const shift = shiftOfOpenShift(loaded.record, chosen);
    return { warnings: warningsCausedBy(ctx.store.db, shift.date, { kind: 'add', shift }), clashingShifts: [] };
  }
  const shift = loaded.record.shiftRef ? plannedShiftByRef(ctx.store.db, loaded.record.shiftRef) : null;
  if (!shift) throw new AppError('rota.shiftNotFound');
  return { warnings: warningsCausedBy(ctx.store.db, shift.date, { kind: 'reassign', shiftId: shift.id, date: shift.date, toStaffId: chosen }), clashingShifts: [] };
}

/** Writes what an approval changes in the rota, with ids that make two offline approvals land on the same row. */
function applyApproval(changes: ChangeSet, loaded: LoadedRequest, staffId: string) {
  if (loaded.kind === 'openShift') {
    const open = loaded.record;
    changes.upsert('shifts', open.id, { staff_id: staffId, office_id: open.officeId, date: open.date, start_time: open.start, end_time: open.end, kind: open.kind, note: open.note });
    return;
  }
  if (loaded.kind === 'leave') {
    const request = loaded.record;
    changes.upsert('absences', request.id, { staff_id: request.staffId, from_date: request.from, to_date: request.to, kind: request.leaveKind, note: null });
    return;
  }
  const shift = loaded.record.shiftRef ? plannedShiftByRef(changes.db, loaded.record.shiftRef) : null;
  if (!shift || shift.staffId !== loaded.record.staffId) throw new AppError('rota.shiftNotFound');
  if (shift.patternId && shift.occurrenceDate) {
    setPatternException(changes, shift.patternId, shift.occurrenceDate, { staffId, officeId: shift.officeId, date: shift.date, start: shift.start, end: shift.end, kind: shift.kind, note: shift.note });
  } else {
    changes.update('shifts', shift.id, { staff_id: staffId });
  }
}

/** A lead approves or declines a request at their office; an approval changes the rota in the same transaction. */
function decide(ctx: SignedInContext, input: z.output<typeof decisionInputSchema>) {
  const id = ctx.store.writer.write((changes) => {
    const loaded = requireRequest(ctx, input.requestId);
    requireDecider(ctx, loaded);
    requireOpen(loaded);
    const staffId = input.decision === 'approve' ? approvedStaff(loaded, input.staffId) : null;
    if (staffId) applyApproval(changes, loaded, staffId);
    return insertDecision(changes, { requestId: input.requestId, decision: input.decision, staffId, note: input.note, byUserId: ctx.session.userId, byStaffId: ctx.session.staffId || null, at: nowIso(ctx) });
  });
  const loaded = loadRequest(ctx.store.db, input.requestId)!;
  const clashingShifts = loaded.kind === 'leave' && input.decision === 'approve' ? shiftsInPeriod(ctx.store.db, loaded.record.staffId, loaded.record.from ?? '', loaded.record.to ?? '') : [];
  return { id, clashingShifts };
}

export const requestsHandlers = {
  'requests.inbox': defineHandler({ access: 'signedIn', input: noInput, run: inbox }),
  'requests.myShifts': defineHandler({ access: 'signedIn', input: noInput, run: myShifts }),
  'requests.publishOpenShift': defineHandler({ access: PLANNERS, changes: 'requests', input: openShiftInputSchema, run: publishOpenShift }),
  'requests.ask': defineHandler({ access: 'signedIn', changes: 'requests', input: requestIdInput, run: askForOpenShift }),
  'requests.offerSwap': defineHandler({ access: 'signedIn', changes: 'requests', input: swapOfferInputSchema, run: offerSwap }),
  'requests.acceptSwap': defineHandler({ access: 'signedIn', changes: 'requests', input: requestIdInput, run: acceptSwap }),
  'requests.requestLeave': defineHandler({ access: 'signedIn', changes: 'requests', input: leaveRequestInputSchema, run: requestLeave }),
  'requests.withdraw': defineHandler({ access: 'signedIn', changes: 'requests', input: requestIdInput, run: withdraw }),
  'requests.preview': defineHandler({ access: PLANNERS, input: previewInput, run: preview }),
  'requests.decide': defineHandler({ access: PLANNERS, changes: 'rota', input: decisionInputSchema, run: decide }),
};
export type RequestsHandlers = typeof requestsHandlers;
