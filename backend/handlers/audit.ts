// Audit log handlers for admins: filter the log, and answer "who has accessed this patient's entries".
import { z } from 'zod';
import { addDays, localDateSchema } from '../../domain/calendar/dates';
import { osloToUtcIso } from '../../domain/calendar/oslo';
import { AUDIT_ACTIONS } from '../../domain/audit/actions';
import { idSchema } from '../../domain/ids';
import { requiredText } from '../../domain/validation';
import { listAuditEvents, patientRef } from '../../db/audit';
import { idsEverWithIdentityNumber } from '../../db/consultations';
import { fieldError } from '../errors';
import { defineHandler } from '../core/handler';
import type { SignedInContext } from '../core/handler';
import { auditUserAction } from '../core/security-audit';
import { checkedIdentityNumber } from './consultations-common';

const listInput = z.object({
  fromDate: localDateSchema,
  toDate: localDateSchema,
  userId: idSchema.nullish(),
  action: z.enum(AUDIT_ACTIONS, 'invalidChoice').nullish(),
  limit: z.number().int().min(1).max(2000).default(500),
});
const patientAccessInput = z.object({ identityNumber: z.string(), reason: requiredText(300) });

/** The log, newest first, filtered by Oslo dates (inclusive), user and action. */
function listEvents(ctx: SignedInContext, input: z.output<typeof listInput>) {
  if (input.toDate < input.fromDate) throw fieldError({ toDate: 'timeOrder' });
  return {
    events: listAuditEvents(ctx.store.db, {
      fromAt: osloToUtcIso(input.fromDate, '00:00'),
      toAt: osloToUtcIso(addDays(input.toDate, 1), '00:00'),
      ...(input.userId ? { userId: input.userId } : {}),
      ...(input.action ? { actions: [input.action] } : {}),
      limit: input.limit,
    }),
  };
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
  return { entryCount: consultationIds.length, events };
}

export const auditHandlers = {
  'audit.list': defineHandler({ access: ['admin'], input: listInput, run: listEvents }),
  'audit.patientAccess': defineHandler({ access: ['admin'], changes: 'audit', input: patientAccessInput, run: patientAccess }),
};
export type AuditHandlers = typeof auditHandlers;
