// Consultation statistics handlers: the trial's figures per office and week or month, and their export as CSV or XLSX (no identities, logged).
import { z } from 'zod';
import { localDateSchema } from '../../domain/calendar/dates';
import { idSchema } from '../../domain/ids';
import { statisticsFromCounts, sumStatistics } from '../../domain/consultations/statistics';
import { statisticsCounts } from '../../db/consultations';
import { listOffices } from '../../db/offices';
import { fieldError } from '../errors';
import { defineHandler } from '../core/handler';
import { auditUserAction } from '../core/security-audit';
import type { CallContext, SignedInContext } from '../core/handler';
import { consultationExport } from '../files/consultation-export';
import { entriesAwaitingFacts } from '../jobs/consultation-facts';
import { CONSULTATION_STATISTICS } from './consultations-common';

const statisticsInput = z.object({
  fromDate: localDateSchema,
  toDate: localDateSchema,
  officeId: idSchema.nullish(),
  period: z.enum(['week', 'month'], 'invalidChoice'),
});
const exportInput = statisticsInput.extend({ format: z.enum(['csv', 'xlsx'], 'invalidChoice') });

function statistics(ctx: CallContext, input: z.output<typeof statisticsInput>) {
  if (input.toDate < input.fromDate) throw fieldError({ toDate: 'timeOrder' });
  // From the pre-counted days (migration 014), not from every entry: the same rows, linear in days × offices.
  const rows = statisticsFromCounts(statisticsCounts(ctx.store.db, input, input.period), input.period);
  const offices = [...new Set(rows.map((row) => row.officeId))];
  return {
    period: input.period,
    rows,
    totalsByOffice: offices.map((officeId) => sumStatistics(rows.filter((row) => row.officeId === officeId), officeId, 'total')),
    total: sumStatistics(rows, 'all', 'total'),
    /** Entries on this computer the figures leave out until the background job has written their facts (after the upgrade to migration 15). */
    notYetCounted: entriesAwaitingFacts(ctx.store),
  };
}

/** The statistics as a CSV or XLSX file without identities; the export is logged. */
async function exportStatistics(ctx: SignedInContext, input: z.output<typeof exportInput>) {
  const result = statistics(ctx, input);
  const officeNames = new Map(listOffices(ctx.store.db).map((office) => [office.id, office.name]));
  const file = await consultationExport(result.rows, officeNames, input);
  ctx.store.writer.write((changes) =>
    auditUserAction(ctx, changes, { action: 'consultation.exported', details: { format: input.format, fromDate: input.fromDate, toDate: input.toDate, rows: result.rows.length } }),
  );
  return file;
}

export const consultationStatisticsHandlers = {
  'consultations.statistics': defineHandler({ access: CONSULTATION_STATISTICS, input: statisticsInput, run: statistics }),
  'consultations.exportStatistics': defineHandler({ access: CONSULTATION_STATISTICS, changes: 'audit', input: exportInput, run: exportStatistics }),
};
export type ConsultationStatisticsHandlers = typeof consultationStatisticsHandlers;
