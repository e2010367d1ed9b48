// Trust handlers: the cooperation's root fingerprint (everyone, to compare offices) and the admins' review of what sync set aside.
import { z } from 'zod';
import { defineHandler } from '../core/handler';
import { rootFingerprint, trustReview } from '../read-models/trust-review';

export const trustHandlers = {
  'trust.fingerprint': defineHandler({
    access: 'signedIn',
    input: z.object({}),
    run: (ctx) => rootFingerprint(ctx.store),
  }),
  'trust.review': defineHandler({
    access: ['admin'],
    input: z.object({}),
    run: (ctx) => trustReview(ctx.store),
  }),
};

export type TrustHandlers = typeof trustHandlers;
