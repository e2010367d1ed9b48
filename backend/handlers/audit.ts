// Audit log handlers: for admins the filtered log, "who has accessed this patient's entries" and the patient's access report; for everyone their own log.
import { z } from 'zod';
import { localDateSchema } from '../../domain/calendar/dates';
import { AUDIT_ACTIONS } from '../../domain/audit/actions';
import { maskIdentityNumber } from '../../domain/consultations/identity';
import { idSchema } from '../../domain/ids';
import { requiredText } from '../../domain/validation';
import { countAuditEvents, listAuditEvents, patientRef } from '../../db/audit';
import { idsEverWithIdentityNumber } from '../../db/consultations';
import { fieldError } from '../errors';
import { defineHandler } from '../core/handler';
import type { SignedInContext } from '../core/handler';
import { auditUserAction } from '../core/security-audit';
import { accessReport, officesNotServed, periodBounds, rolesFromAuthority, withPeople } from '../read-models/access-report';
import { checkedIdentityNumber } from './consultations-common';

const listInput = z.object({
  fromDate: localDateSchema,
  toDate: localDateSchema,
  userId: idSchema.nullish(),
  action: z.enum(AUDIT_ACTIONS, 'invalidChoice').nullish(),
  limit: z.number().int().min(1).max(2000).default(500),
});
const patientAccessInput = z.object({ identityNumber: z.string(), reason: requiredText(300) });
const accessReportInput = z.object({ identityNumber: z.string(), fromDate: localDateSchema, toDate: localDateSchema });
const OWN_LOG_PAGE_MAX = 200;
const ownLogInput = z.object({
  fromDate: localDateSchema,
  toDate: localDateSchema,
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(OWN_LOG_PAGE_MAX).default(50),
});

/** Each person's roles when an event happened, from the chain of authority (null before the cooperation signs). */
function rolesThen(ctx: SignedInContext) {
  return rolesFromAuthority(ctx.store.db, ctx.store.trust.enforced() ? ctx.store.trust.authority() : null);
}

/** The log, newest first, filtered by Oslo dates (inclusive), user and action. */
function listEvents(ctx: SignedInContext, input: z.output<typeof listInput>) {
  if (input.toDate < input.fromDate) throw fieldError({ toDate: 'timeOrder' });
  const events = listAuditEvents(ctx.store.db, {
    ...periodBounds(input.fromDate, input.toDate),
    ...(input.userId ? { userId: input.userId } : {}),
    ...(input.action ? { actions: [input.action] } : {}),
    limit: input.limit,
  });
  return { events: withPeople(ctx.store.db, events, rolesThen(ctx)) };
}

/**
 * Every logged access to one patient's entries (viewed, revealed, amended …) and every search for the number.
 * Asking is itself logged, with the reason.
 */
function patientAccess(ctx: SignedInContext, { identityNumber, reason }: z.output<typeof patientAccessInput>) {
  const number = checkedIdentityNumber(ctx, identityNumber);
  const ref = patientRef(number);
  const consultationIds = idsEverWithIdentityNumber(ctx.store.db, number);
  const events = listAuditEvents(ctx.store.db, { targetIds: consultationIds, patientRef: ref, limit: 2000 });
  ctx.store.writer.write((changes) =>
    auditUserAction(ctx, changes, {
      action: 'audit.patientAccessListed',
      patientRef: ref,
      reason,
      details: { entries: consultationIds.length, events: events.length },
    }),
  );
  return { entryCount: consultationIds.length, events: withPeople(ctx.store.db, events, rolesThen(ctx)) };
}

/**
 * The patient's access report (innsyn i logg) for a period: who, when, what and why, oldest first, for the admin to
 * print or save and hand over. Making it is logged with the patient's one-way reference, never the number.
 */
function createAccessReport(ctx: SignedInContext, input: z.output<typeof accessReportInput>) {
  if (input.toDate < input.fromDate) throw fieldError({ toDate: 'timeOrder' });
  const number = checkedIdentityNumber(ctx, input.identityNumber);
  const report = accessReport(ctx.store.db, number, input.fromDate, input.toDate, rolesThen(ctx));
  ctx.store.writer.write((changes) =>
    auditUserAction(ctx, changes, {
      action: 'audit.accessReportCreated',
      patientRef: patientRef(number),
      details: { fromDate: input.fromDate, toDate: input.toDate, entries: report.entryCount, events: report.rows.length },
    }),
  );
  return {
    maskedIdentityNumber: maskIdentityNumber(number),
    fromDate: input.fromDate,
    toDate: input.toDate,
    createdAt: ctx.now().toISOString(),
    createdBy: ctx.session.name,
    /** Offices this computer does not serve: their accesses are not in this report (an admin computer serving every office has none). */
    officesNotCovered: officesNotServed(ctx.store.db, ctx.sync.status().offices),
    ...report,
  };
}

/** What the log holds about the signed-in user's own actions (Normen: staff may see what is logged about them), newest first, a page at a time. */
function ownLog(ctx: SignedInContext, input: z.output<typeof ownLogInput>) {
  if (input.toDate < input.fromDate) throw fieldError({ toDate: 'timeOrder' });
  const filter = { ...periodBounds(input.fromDate, input.toDate), userId: ctx.session.userId };
  const events = listAuditEvents(ctx.store.db, { ...filter, offset: input.offset, limit: input.limit });
  return { total: countAuditEvents(ctx.store.db, filter), offset: input.offset, events: withPeople(ctx.store.db, events, rolesThen(ctx)) };
}

export const auditHandlers = {
  'audit.list': defineHandler({ access: ['admin'], input: listInput, run: listEvents }),
  'audit.patientAccess': defineHandler({ access: ['admin'], changes: 'audit', input: patientAccessInput, run: patientAccess }),
  'audit.accessReport': defineHandler({ access: ['admin'], changes: 'audit', input: accessReportInput, run: createAccessReport }),
  'audit.ownLog': defineHandler({ access: 'signedIn', input: ownLogInput, run: ownLog }),
};
export type AuditHandlers = typeof auditHandlers;
