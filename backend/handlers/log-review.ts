// Log review (stikkprøver) handlers for admins: draw a weighted sample of patient accesses for a period, mark each access, list and open reviews.
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { daysBetween, localDateSchema } from '../../domain/calendar/dates';
import { DEFAULT_SAMPLE_SIZE, drawReviewSample, MAX_SAMPLE_SIZE, reviewMarkSchema } from '../../domain/audit/review-sample';
import { idSchema } from '../../domain/ids';
import { getLogReview, insertLogReview, insertReviewMark } from '../../db/log-reviews';
import { AppError, fieldError } from '../errors';
import { defineHandler } from '../core/handler';
import type { SignedInContext } from '../core/handler';
import { auditUserAction } from '../core/security-audit';
import { listLogReviewSummaries, loadLogReview, reviewCandidates } from '../read-models/log-review';

/** The longest period one review may cover. */
const MAX_PERIOD_DAYS = 366;

const drawInput = z.object({
  fromDate: localDateSchema,
  toDate: localDateSchema,
  size: z.number('required').int('invalidFormat').min(1, 'outOfRange').max(MAX_SAMPLE_SIZE, 'outOfRange').default(DEFAULT_SAMPLE_SIZE),
  /** Only to repeat a draw (tests, an auditor checking one); a new review gets a random seed. */
  seed: z.number().int().min(0).max(0xffffffff).nullish(),
});
const reviewInput = z.object({ id: idSchema });
const markInput = z.intersection(z.object({ reviewId: idSchema, auditEventId: idSchema }), reviewMarkSchema);

/** Draws and stores a review; making it is audited. Accesses by the reviewing admin are candidates like anyone's. */
function drawReview(ctx: SignedInContext, input: z.output<typeof drawInput>) {
  if (input.toDate < input.fromDate) throw fieldError({ toDate: 'timeOrder' });
  if (daysBetween(input.fromDate, input.toDate) >= MAX_PERIOD_DAYS) throw fieldError({ toDate: 'outOfRange' });
  const seed = input.seed ?? randomInt(0, 0xffffffff);
  const candidates = reviewCandidates(ctx.store.db, input.fromDate, input.toDate);
  const sample = drawReviewSample(candidates, input.size, seed);
  const id = ctx.store.writer.write((changes) => {
    const reviewId = insertLogReview(changes, {
      fromDate: input.fromDate,
      toDate: input.toDate,
      sampleSize: input.size,
      seed,
      candidateCount: candidates.length,
      items: sample.map((candidate) => ({ auditEventId: candidate.id, flags: [...candidate.flags] })),
      byUserId: ctx.session.userId,
      at: ctx.now().toISOString(),
    });
    auditUserAction(ctx, changes, {
      action: 'audit.reviewCreated',
      targetTable: 'log_reviews',
      targetId: reviewId,
      details: { fromDate: input.fromDate, toDate: input.toDate, size: input.size, sampled: sample.length, candidates: candidates.length },
    });
    return reviewId;
  });
  return { id, sampled: sample.length, candidates: candidates.length };
}

/** Marks one sampled access "ok" or "fulgt opp" (with a note); marking again replaces the mark shown, the history stays. */
function markItem(ctx: SignedInContext, input: z.output<typeof markInput>) {
  const review = getLogReview(ctx.store.db, input.reviewId);
  if (!review || !review.items.some((item) => item.auditEventId === input.auditEventId)) throw new AppError('logReview.notFound');
  ctx.store.writer.write((changes) =>
    insertReviewMark(changes, {
      reviewId: input.reviewId,
      auditEventId: input.auditEventId,
      verdict: input.verdict,
      note: input.note,
      byUserId: ctx.session.userId,
      at: ctx.now().toISOString(),
    }),
  );
  return { reviewId: input.reviewId };
}

function getReview(ctx: SignedInContext, { id }: z.output<typeof reviewInput>) {
  const review = loadLogReview(ctx.store.db, id);
  if (!review) throw new AppError('logReview.notFound');
  return review;
}

function listReviews(ctx: SignedInContext) {
  return { reviews: listLogReviewSummaries(ctx.store.db) };
}

export const logReviewHandlers = {
  'logReview.list': defineHandler({ access: ['admin'], input: z.object({}), run: listReviews }),
  'logReview.get': defineHandler({ access: ['admin'], input: reviewInput, run: getReview }),
  'logReview.draw': defineHandler({ access: ['admin'], changes: 'audit', input: drawInput, run: drawReview }),
  'logReview.mark': defineHandler({ access: ['admin'], changes: 'audit', input: markInput, run: markItem }),
};
export type LogReviewHandlers = typeof logReviewHandlers;
