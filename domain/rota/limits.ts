// The rota limits a cooperation may configure (rest, day and week hours, coverage tolerance, legevakt), as a zod schema.
import { z } from 'zod';

const hours = (min: number, max: number) => z.number('invalidFormat').min(min, 'outOfRange').max(max, 'outOfRange');

/** What a lead or admin enters; the defaults are DEFAULT_ROTA_LIMITS (11 h rest, 9 h a day, 40 h a week). */
export const rotaLimitsSchema = z.object({
  minRestHours: hours(0, 24),
  maxDayHours: hours(1, 24),
  maxWeekHours: hours(1, 168),
  coverageGapToleranceMinutes: z.number('invalidFormat').int('invalidFormat').min(0, 'outOfRange').max(240, 'outOfRange'),
  legevaktCountsTowardsHours: z.boolean('invalidFormat'),
});
export type RotaLimitsInput = z.input<typeof rotaLimitsSchema>;
