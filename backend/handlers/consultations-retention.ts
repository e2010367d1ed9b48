// Consultation retention handlers (admins): the retention period, what would be anonymised now, and anonymising it.
import { z } from 'zod';
import { localDateSchema } from '../../domain/calendar/dates';
import { dateOf } from '../../domain/consultations/entry';
import { MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS, retentionCutoff } from '../../domain/consultations/retention';
import { getCooperation, getCooperationSettings, setConsultationRetention } from '../../db/cooperation';
import { anonymiseConsultation, entriesToAnonymise } from '../../db/consultations';
import { erasePrescriptionReasons } from '../../db/prescriptions';
import { fieldError } from '../errors';
import { defineHandler } from '../core/handler';
import { auditUserAction } from '../core/security-audit';
import type { SignedInContext } from '../core/handler';
import { localNow } from './consultations-common';

/** Entries anonymised per transaction, so a large first run does not hold the database for long. */
const ANONYMISE_BATCH = 1000;

const anonymiseInput = z.object({ cutoff: localDateSchema });
const retentionInput = z.object({ months: z.number('required').int('invalidFormat').min(MIN_RETENTION_MONTHS, 'outOfRange').max(MAX_RETENTION_MONTHS, 'outOfRange') });

/** The cut-off date the retention setting gives today: entries before it are anonymised. */
function currentCutoff(ctx: SignedInContext) {
  const months = getCooperationSettings(ctx.store.db).consultationRetentionMonths;
  return { months, cutoff: retentionCutoff(dateOf(localNow(ctx)), months) };
}

/** What retention would anonymise now: how many entries, the date range and per office. */
function retentionPreview(ctx: SignedInContext) {
  const { months, cutoff } = currentCutoff(ctx);
  const entries = entriesToAnonymise(ctx.store.db, cutoff);
  const byOffice: Record<string, number> = {};
  for (const entry of entries) byOffice[entry.officeId] = (byOffice[entry.officeId] ?? 0) + 1;
  return { months, cutoff, count: entries.length, oldest: entries[0]?.at ?? null, newest: entries.at(-1)?.at ?? null, byOffice };
}

/** Anonymises every entry older than the retention period: identity number and note removed, statistics kept. */
function anonymise(ctx: SignedInContext, { cutoff }: z.output<typeof anonymiseInput>) {
  // The preview the admin confirmed must still be the rule in force (a setting may have changed meanwhile).
  if (cutoff > currentCutoff(ctx).cutoff) throw fieldError({ cutoff: 'outOfRange' });
  const entries = entriesToAnonymise(ctx.store.db, cutoff);
  const at = ctx.now().toISOString();
  for (let i = 0; i < entries.length; i += ANONYMISE_BATCH) {
    ctx.store.writer.write((changes) => {
      for (const entry of entries.slice(i, i + ANONYMISE_BATCH)) {
        anonymiseConsultation(changes, entry.id, at);
        erasePrescriptionReasons(changes, entry.id);
      }
      auditUserAction(ctx, changes, { action: 'consultation.anonymised', details: { count: Math.min(ANONYMISE_BATCH, entries.length - i), cutoff } });
    });
  }
  return { anonymised: entries.length };
}

function setRetention(ctx: SignedInContext, { months }: z.output<typeof retentionInput>) {
  ctx.store.writer.write((changes) => {
    const cooperation = getCooperation(changes.db);
    if (cooperation) setConsultationRetention(changes, cooperation.id, months);
  });
  return { months };
}

export const consultationRetentionHandlers = {
  'consultations.retentionPreview': defineHandler({ access: ['admin'], input: z.object({}), run: retentionPreview }),
  'consultations.anonymise': defineHandler({ access: ['admin'], changes: 'consultations', input: anonymiseInput, run: anonymise }),
  'consultations.setRetention': defineHandler({ access: ['admin'], changes: 'settings', input: retentionInput, run: setRetention }),
};
export type ConsultationRetentionHandlers = typeof consultationRetentionHandlers;
