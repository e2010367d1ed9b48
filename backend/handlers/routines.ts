// Delegated routine handlers: versions owned by doctors, authorisation events, nurses' read-and-understood confirmations, and the nurse's "may I use it now" check with the supervising doctor.
import { z } from 'zod';
import { localDateSchema } from '../../domain/calendar/dates';
import { idSchema } from '../../domain/ids';
import { authorisationEventInputSchema, authorisedNurses } from '../../domain/routines/authorisations';
import { confirmationOf, confirmationsOfVersion } from '../../domain/routines/confirmations';
import { routineContentSchema } from '../../domain/routines/types';
import type { Routine } from '../../domain/routines/types';
import { activateRoutine, createRoutine, nextVersionOnChange, retireRoutine } from '../../domain/routines/versions';
import type { RoutineChangeResult } from '../../domain/routines/versions';
import { optionalText } from '../../domain/validation';
import type { FieldErrors } from '../../domain/validation';
import { newId } from '../../db/ids';
import { appendAuthorisationEvent, appendConfirmation, getRoutineVersion, listAuthorisationEvents, listConfirmations, listRoutineVersions, listVersionsOf, saveRoutineVersion } from '../../db/routines';
import { getStaffMember, listStaff } from '../../db/staff';
import type { ChangeSet } from '../../db/write-path';
import { AppError } from '../errors';
import { defineHandler } from '../core/handler';
import { checkRoutinesFor, groupByRoutine, nurseOfficeAt, summariseRoutine } from '../read-models/routine-check';
import { supervisingDoctorAt } from '../read-models/supervising-doctor';
import { getOffice } from '../../db/offices';
import type { CallContext, SignedInContext } from '../core/handler';
import { osloToday } from '../../domain/calendar/oslo';
import { auditInWrite } from '../core/security-audit';

/** The rule refused: field errors go to the form, reasons (Norwegian sentences) to the message. */
function refused(fields: FieldErrors, reasons: { code: string; message: string }[]): AppError {
  if (Object.keys(fields).length > 0) return new AppError('validation.failed', undefined, fields);
  return new AppError('routines.refused', { reasons: reasons.map((r) => r.message).join('. ') });
}

function storeResult(changes: ChangeSet, result: RoutineChangeResult): Routine {
  if (!result.ok) throw refused(result.fields, result.reasons);
  saveRoutineVersion(changes, result.routine);
  for (const superseded of result.superseded) saveRoutineVersion(changes, superseded);
  return result.routine;
}

function assertDoctor(changes: ChangeSet, staffId: string, field: string) {
  const member = getStaffMember(changes.db, staffId);
  if (!member || (member.profession !== 'doctor' && member.profession !== 'doctorInTraining')) throw new AppError('validation.failed', undefined, { [field]: 'invalidChoice' });
}

const routineIdInput = z.object({ routineId: idSchema });
const idInput = z.object({ id: idSchema });
const updateInput = z.object({ id: idSchema, content: routineContentSchema, activate: z.boolean().default(false) });
const retireInput = z.object({ id: idSchema, from: localDateSchema });
// byDoctorId is not input: it is the signed-in doctor. Several nurses at once (nurseIds) are one transaction.
const authorisationInput = z
  .object({
    routineId: idSchema,
    routineVersion: z.number('invalidFormat').int('invalidFormat').min(1, 'outOfRange'),
    nurseId: idSchema.optional(),
    nurseIds: z.array(idSchema).max(200, 'outOfRange').optional(),
    kind: z.enum(['granted', 'revoked'], 'invalidChoice'),
    effectiveDate: localDateSchema,
    reason: optionalText(500),
  })
  .refine((event) => event.kind !== 'revoked' || event.reason !== null, { message: 'required', path: ['reason'] })
  .refine((event) => (event.nurseIds?.length ?? 0) > 0 || event.nurseId !== undefined, { message: 'required', path: ['nurseIds'] });
const checkInput = z.object({ nurseId: idSchema.nullish(), routineId: idSchema.nullish(), date: localDateSchema.nullish() });
const confirmInput = z.object({ routineId: idSchema, routineVersion: z.number('invalidFormat').int('invalidFormat').min(1, 'outOfRange') });

/** Every routine summarised as of today (the version in force, else the newest), by title. */
function listRoutines(ctx: CallContext) {
  const today = osloToday(ctx.now().getTime());
  return groupByRoutine(listRoutineVersions(ctx.store.db))
    .map((versions) => summariseRoutine(versions, today))
    .sort((a, b) => (a.inForce ?? a.newest).title.localeCompare((b.inForce ?? b.newest).title, 'nb'));
}

/** One routine with all versions, its authorisation events and who is authorised today (for the routine sheet). */
function getRoutine(ctx: CallContext, { routineId }: z.output<typeof routineIdInput>) {
  const versions = listVersionsOf(ctx.store.db, routineId);
  if (versions.length === 0) throw new AppError('routines.notFound');
  const today = osloToday(ctx.now().getTime());
  const events = listAuthorisationEvents(ctx.store.db, { routineId });
  const confirmations = listConfirmations(ctx.store.db, { routineId });
  const names = new Map(listStaff(ctx.store.db).map((member) => [member.id, member.name]));
  const summary = summariseRoutine(versions, today);
  const sheetVersion = summary.inForce ?? summary.newest;
  return {
    ...summary,
    events: events.map((event) => ({ ...event, nurseName: names.get(event.nurseId) ?? '', doctorName: names.get(event.byDoctorId) ?? '' })),
    authorisedToday: authorisedNurses(events, routineId, sheetVersion.version, today).map(({ nurseId, granted }) => ({
      nurseId,
      nurseName: names.get(nurseId) ?? '',
      since: granted.effectiveDate,
      byDoctorName: names.get(granted.byDoctorId) ?? '',
    })),
    responsibleDoctorName: names.get(sheetVersion.responsibleDoctorId) ?? '',
    /** Who has confirmed reading each version (first confirmation per nurse), for the routine page and the sheet. */
    confirmations: versions.flatMap((version) =>
      confirmationsOfVersion(confirmations, routineId, version.version).map(({ nurseId, routineVersion, at }) => ({ nurseId, nurseName: names.get(nurseId) ?? '', routineVersion, at })),
    ),
    today,
  };
}

function createDraft(ctx: SignedInContext, content: z.output<typeof routineContentSchema>) {
  const routine = ctx.store.writer.write((changes) => {
    assertDoctor(changes, content.responsibleDoctorId, 'responsibleDoctorId');
    const created = createRoutine(content, { id: newId(), routineId: newId() });
    saveRoutineVersion(changes, created);
    return created;
  });
  return { id: routine.id, routineId: routine.routineId, version: routine.version };
}

/** Edits a draft in place, or makes a new version of an active one (nurses must then be authorised again). */
function updateRoutine(ctx: SignedInContext, { id, content, activate }: z.output<typeof updateInput>) {
  const routine = ctx.store.writer.write((changes) => {
    const current = getRoutineVersion(changes.db, id);
    if (!current) throw new AppError('routines.notFound');
    assertDoctor(changes, content.responsibleDoctorId, 'responsibleDoctorId');
    const result = nextVersionOnChange(current, { ...content, status: activate ? 'active' : 'draft' }, {
      newId: newId(),
      today: osloToday(ctx.now().getTime()),
      actorRoles: ctx.session.roles,
      versions: listVersionsOf(changes.db, current.routineId),
    });
    return storeResult(changes, result);
  });
  return { id: routine.id, routineId: routine.routineId, version: routine.version, status: routine.status };
}

function activate(ctx: SignedInContext, { id }: z.output<typeof idInput>) {
  const routine = ctx.store.writer.write((changes) => {
    const draft = getRoutineVersion(changes.db, id);
    if (!draft) throw new AppError('routines.notFound');
    const result = activateRoutine(draft, { today: osloToday(ctx.now().getTime()), actorRoles: ctx.session.roles, versions: listVersionsOf(changes.db, draft.routineId) });
    return storeResult(changes, result);
  });
  return { id: routine.id, version: routine.version, status: routine.status };
}

function retire(ctx: SignedInContext, { id, from }: z.output<typeof retireInput>) {
  ctx.store.writer.write((changes) => {
    const routine = getRoutineVersion(changes.db, id);
    if (!routine) throw new AppError('routines.notFound');
    const result = retireRoutine(routine, { from, today: osloToday(ctx.now().getTime()), actorRoles: ctx.session.roles });
    if (!result.ok) throw refused(result.fields, result.reasons);
    saveRoutineVersion(changes, result.routine);
  });
  return { id };
}

/**
 * A doctor authorises one or several nurses for a routine version, or revokes (with a reason): one append-only event
 * per nurse, all in one transaction (all or none).
 */
function recordAuthorisation(ctx: SignedInContext, { nurseId, nurseIds, ...input }: z.output<typeof authorisationInput>) {
  const wanted = [...new Set([...(nurseIds ?? []), ...(nurseId ? [nurseId] : [])])];
  const ids = ctx.store.writer.write((changes) => {
    const versions = listVersionsOf(changes.db, input.routineId);
    if (!versions.some((version) => version.version === input.routineVersion)) throw new AppError('routines.notFound');
    return wanted.map((id) => recordOne(ctx, changes, { ...input, nurseId: id }, nurseIds ? 'nurseIds' : 'nurseId'));
  });
  return { id: ids[0]!, ids };
}

/** One nurse's grant or revocation, with its audit event (inside the caller's transaction). */
function recordOne(ctx: SignedInContext, changes: ChangeSet, input: Omit<z.output<typeof authorisationInput>, 'nurseIds'> & { nurseId: string }, field: string): string {
  const nurse = getStaffMember(changes.db, input.nurseId);
  if (!nurse || nurse.profession !== 'nurse') throw new AppError('validation.failed', undefined, { [field]: 'invalidChoice' });
  const event = authorisationEventInputSchema.parse({ ...input, byDoctorId: ctx.session.staffId });
  const eventId = appendAuthorisationEvent(changes, { ...event, at: ctx.now().toISOString() });
  // Who may treat under which routine is a security event: it is in the audit log with the other access changes.
  auditInWrite(changes, ctx.store, {
    action: 'routine.authorisationChanged',
    actor: ctx.session,
    targetTable: 'routine_authorisations',
    targetId: eventId,
    reason: input.reason,
    details: { kind: input.kind, routineId: input.routineId, routineVersion: input.routineVersion, nurseId: input.nurseId, nurseName: nurse.name, effectiveDate: input.effectiveDate },
    at: ctx.now(),
  });
  return eventId;
}

/** The nurse confirms she has read a routine version (read and understood): a signed, write-once row; twice is once. */
function confirmRead(ctx: SignedInContext, input: z.output<typeof confirmInput>) {
  const id = ctx.store.writer.write((changes) => {
    const version = listVersionsOf(changes.db, input.routineId).find((candidate) => candidate.version === input.routineVersion);
    if (!version || version.status === 'draft') throw new AppError('routines.notFound');
    const nurseId = ctx.session.staffId;
    const existing = confirmationOf(listConfirmations(changes.db, { nurseId }), { nurseId, ...input });
    if (existing) return existing.id;
    return appendConfirmation(changes, { ...input, nurseId, userId: ctx.session.userId, at: ctx.now().toISOString() });
  });
  return { id };
}

/**
 * The nurse's check: may this nurse (default: me) use each routine (or one) now, and why not; for another date (a
 * date given) it is for that day. Now also names the supervising doctor for her office at this moment.
 */
function check(ctx: SignedInContext, input: z.output<typeof checkInput>) {
  const nurseId = input.nurseId ?? ctx.session.staffId;
  const now = ctx.now();
  const today = osloToday(now.getTime());
  const date = input.date ?? today;
  const at = date === today ? now : undefined;
  const officeId = at ? nurseOfficeAt(ctx.store.db, nurseId, at) : null;
  const supervising = at && officeId ? { officeId, officeName: getOffice(ctx.store.db, officeId)?.name ?? '', doctor: supervisingDoctorAt(ctx.store, officeId, at) } : null;
  return { nurseId, date, at: at?.toISOString() ?? null, supervising, routines: checkRoutinesFor(ctx.store.db, nurseId, date, input.routineId ?? undefined, at) };
}

export const routinesHandlers = {
  'routines.list': defineHandler({ access: 'signedIn', input: z.object({}), run: listRoutines }),
  'routines.get': defineHandler({ access: 'signedIn', input: routineIdInput, run: getRoutine }),
  'routines.create': defineHandler({ access: ['doctor'], changes: 'routines', input: routineContentSchema, run: createDraft }),
  'routines.update': defineHandler({ access: ['doctor'], changes: 'routines', input: updateInput, run: updateRoutine }),
  'routines.activate': defineHandler({ access: ['doctor'], changes: 'routines', input: idInput, run: activate }),
  'routines.retire': defineHandler({ access: ['doctor'], changes: 'routines', input: retireInput, run: retire }),
  'routines.recordAuthorisation': defineHandler({ access: ['doctor'], changes: 'routines', input: authorisationInput, run: recordAuthorisation }),
  'routines.check': defineHandler({ access: 'signedIn', input: checkInput, run: check }),
  'routines.confirmRead': defineHandler({ access: ['nurse'], changes: 'routines', input: confirmInput, run: confirmRead }),
};
export type RoutinesHandlers = typeof routinesHandlers;
