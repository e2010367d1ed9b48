// Rota publication handlers: publish an office's draft weeks (telling the staff affected), make future weeks drafts, and mark a rota notice read.
import { z } from 'zod';
import { addDays } from '../../domain/calendar/dates';
import { isoWeekMonday, isoWeekSchema } from '../../domain/calendar/isoWeek';
import { idSchema } from '../../domain/ids';
import { draftWeeksBetween, mondayOf } from '../../domain/rota/publication';
import type { Role } from '../../domain/roles';
import { getOffice } from '../../db/offices';
import { getRotaNoticeOf, insertNoticeRead, insertPublicationRecord, insertRotaNotice, readPublicationStates } from '../../db/rota-publications';
import { AppError, fieldError } from '../errors';
import { defineHandler } from '../core/handler';
import type { SignedInContext } from '../core/handler';
import { osloToday } from '../../domain/calendar/oslo';
import { mayPublishOffice } from '../read-models/rota-publication';
import { plannedShifts } from '../read-models/rota-week';

const PLANNERS: readonly Role[] = ['lead', 'admin'];
/** The longest range one publication may cover (a year). */
const MAX_PUBLISH_WEEKS = 53;

const publishInput = z.object({ officeId: idSchema, fromWeek: isoWeekSchema, throughWeek: isoWeekSchema });
const draftInput = z.object({ officeId: idSchema, fromWeek: isoWeekSchema });

function assertMayPublish(ctx: SignedInContext, officeId: string) {
  if (!getOffice(ctx.store.db, officeId)) throw new AppError('offices.notFound');
  if (!mayPublishOffice(ctx.store.db, ctx.session, officeId)) throw new AppError('rota.notOwnOffice');
}

/**
 * Publishes the office's draft weeks among fromWeek..throughWeek and tells each staff member with a shift there
 * (one notice each). Weeks already published are left as they are and tell nobody again.
 */
function publishWeeks(ctx: SignedInContext, { officeId, fromWeek, throughWeek }: z.output<typeof publishInput>) {
  assertMayPublish(ctx, officeId);
  const from = isoWeekMonday(fromWeek);
  const through = isoWeekMonday(throughWeek);
  if (through < from || through > addDays(from, 7 * (MAX_PUBLISH_WEEKS - 1))) throw fieldError({ throughWeek: 'outOfRange' });
  const now = ctx.now();
  const today = osloToday(now.getTime());
  return ctx.store.writer.write((changes) => {
    const weeks = draftWeeksBetween(readPublicationStates(changes.db).get(officeId), from, through, today);
    if (weeks.length === 0) return { id: null, weeks: 0, notified: 0 };
    const first = weeks[0]!;
    const last = weeks.at(-1)!;
    const at = now.toISOString();
    const byUserId = ctx.session.userId;
    const id = insertPublicationRecord(changes, { officeId, kind: 'publish', fromWeek: first, throughWeek: last, byUserId, at });
    const draft = new Set(weeks);
    const people = new Set<string>();
    for (const shift of plannedShifts(changes.db, first, addDays(last, 6))) {
      if (shift.officeId === officeId && shift.staffId && draft.has(mondayOf(shift.date))) people.add(shift.staffId);
    }
    for (const staffId of [...people].sort()) {
      insertRotaNotice(changes, { staffId, officeId, kind: 'rotaPublished', publicationId: id, details: { kind: 'rotaPublished', fromWeek: first, throughWeek: last }, byUserId, at });
    }
    return { id, weeks: weeks.length, notified: people.size };
  });
}

/** Makes fromWeek and every later week of the office drafts that staff do not see; a week that has started cannot be. */
function makeDraft(ctx: SignedInContext, { officeId, fromWeek }: z.output<typeof draftInput>) {
  assertMayPublish(ctx, officeId);
  const from = isoWeekMonday(fromWeek);
  const now = ctx.now();
  if (from <= mondayOf(osloToday(now.getTime()))) throw new AppError('rota.weekStarted');
  const id = ctx.store.writer.write((changes) =>
    insertPublicationRecord(changes, { officeId, kind: 'draft', fromWeek: from, throughWeek: from, byUserId: ctx.session.userId, at: now.toISOString() }),
  );
  return { id };
}

/** Marks one of the caller's rota notices read, so it leaves their inbox on every computer. */
function markNoticeRead(ctx: SignedInContext, { id }: { id: string }) {
  ctx.store.writer.write((changes) => {
    if (!getRotaNoticeOf(changes.db, id, ctx.session.staffId)) throw new AppError('rota.noticeNotFound');
    insertNoticeRead(changes, id, ctx.session.userId, ctx.now().toISOString());
  });
  return { id };
}

export const rotaPublicationHandlers = {
  'rota.publishWeeks': defineHandler({ access: PLANNERS, changes: 'rota', input: publishInput, run: publishWeeks }),
  'rota.makeDraft': defineHandler({ access: PLANNERS, changes: 'rota', input: draftInput, run: makeDraft }),
  'rota.markNoticeRead': defineHandler({ access: 'signedIn', changes: 'rota', input: z.object({ id: idSchema }), run: markNoticeRead }),
};
export type RotaPublicationHandlers = typeof rotaPublicationHandlers;
