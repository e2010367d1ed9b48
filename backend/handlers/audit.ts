// Audit log handlers for admins: filter the log, and answer "who has accessed this patient's entries".
import { z } from 'zod';
import { localDateSchema } from '../../domain/calendar/dates';
import { osloToUtcIso } from '../../domain/calendar/oslo';
import { addDays } from '../../domain/calendar/dates';
import { AUDIT_ACTIONS } from '../../domain/audit/actions';
import { validateIdentityNumber } from '../../domain/consultations/identity';
import { idSchema } from '../../domain/ids';
import { requiredText } from '../../domain/validation';
import { listAuditEvents, patientRef, recordAudit } from '../../db/audit';
import { idsEverWithIdentityNumber } from '../../db/consultations';
import { getCooperation } from '../../db/cooperation';
import { AppError, fieldError } from '../errors';
import { defineHandler } from '../handler';

export const auditHandlers = {
  /** The log, newest first, filtered by Oslo dates (inclusive), user and action. */
  'audit.list': defineHandler({
    access: ['admin'],
    input: z.object({
      fromDate: localDateSchema,
      toDate: localDateSchema,
      userId: idSchema.nullish(),
      action: z.enum(AUDIT_ACTIONS, 'invalidChoice').nullish(),
      limit: z.number().int().min(1).max(2000).default(500),
    }),
    run: (ctx, input) => {
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
    },
  }),
  /**
   * Every logged access to one patient's entries (viewed, revealed, amended …) and every search for the number.
   * Asking is itself logged, with the reason.
   */
  'audit.patientAccess': defineHandler({
    access: ['admin'],
    changes: 'audit',
    input: z.object({ identityNumber: z.string(), reason: requiredText(300) }),
    run: (ctx, { identityNumber, reason }) => {
      const checked = validateIdentityNumber(identityNumber, { allowSynthetic: getCooperation(ctx.store.db)?.exampleData ?? false });
      if (!checked.ok) throw new AppError('validation.failed', { identityMessage: checked.message }, { identityNumber: 'invalidFormat' });
      const ref = patientRef(checked.number);
      const consultationIds = idsEverWithIdentityNumber(ctx.store.db, checked.number);
      const events = listAuditEvents(ctx.store.db, { targetIds: consultationIds, patientRef: ref, limit: 2000 });
      ctx.store.writer.write((changes) =>
        recordAudit(changes, ctx.store.clock.deviceId, {
          at: ctx.now().toISOString(),
          userId: ctx.session.userId,
          username: ctx.session.username,
          action: 'audit.patientAccessListed',
          patientRef: ref,
          reason,
          details: { entries: consultationIds.length, events: events.length },
        }),
      );
      return { entryCount: consultationIds.length, events };
    },
  }),
};
export type AuditHandlers = typeof auditHandlers;
