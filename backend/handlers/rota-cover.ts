// "Hvem kan dekke?" handlers: the ranked candidates for a gap or a shift, and booking the chosen one (a shift, a video cover, or the shift handed over).
import { z } from 'zod';
import { localDateSchema, timeOfDaySchema } from '../../domain/calendar/dates';
import { idSchema } from '../../domain/ids';
import { COVER_NEEDS } from '../../domain/rota/cover';
import { SHIFT_KINDS } from '../../domain/rota/types';
import type { Role } from '../../domain/roles';
import { getOffice, listOffices } from '../../db/offices';
import { createShift, setPatternException, updateShift } from '../../db/rota';
import { AppError } from '../errors';
import { defineHandler } from '../core/handler';
import type { SignedInContext } from '../core/handler';
import { loadCoverCandidates } from '../read-models/cover-candidates';

/** Who plans the rota (as in rota.ts). */
const PLANNERS: readonly Role[] = ['lead', 'admin'];

const gapSchema = z.object({
  officeId: idSchema,
  date: localDateSchema,
  start: timeOfDaySchema,
  end: timeOfDaySchema,
  need: z.enum(COVER_NEEDS, 'invalidChoice'),
  kind: z.enum(SHIFT_KINDS, 'invalidChoice').optional(),
  // A pattern occurrence's id is '<pattern id>@<date>', so not an idSchema.
  replacesShiftId: z.string().trim().min(1).max(100).nullish(),
});
const candidatesInput = z.object({ gap: gapSchema });
const bookInput = z.object({ gap: gapSchema, staffId: idSchema, mode: z.enum(['onSite', 'video'], 'invalidChoice') });

function gapOf(input: z.output<typeof gapSchema>) {
  const { kind, replacesShiftId, ...rest } = input;
  return { ...rest, ...(kind ? { kind } : {}), ...(replacesShiftId ? { replacesShiftId } : {}) };
}

/** The ranked candidates, with the office names the lines need ("video fra Grong"). */
function coverCandidates(ctx: SignedInContext, input: z.output<typeof candidatesInput>) {
  const gap = gapOf(input.gap);
  if (!getOffice(ctx.store.db, gap.officeId)) throw new AppError('offices.notFound');
  const result = loadCoverCandidates(ctx.store.db, gap);
  if (gap.replacesShiftId && !result.replaced) throw new AppError('rota.shiftNotFound');
  const offices = listOffices(ctx.store.db).map((office) => ({ id: office.id, name: office.name }));
  return { gap: result.gap, candidates: result.candidates, offices };
}

/**
 * Books the chosen person, checked again against the rota as it is now: a new shift (on site or a video cover for the
 * office, from the doctor's base), or the handed-over shift given to them (a pattern occurrence becomes an exception).
 */
function bookCover(ctx: SignedInContext, input: z.output<typeof bookInput>) {
  const gap = gapOf(input.gap);
  const id = ctx.store.writer.write((changes) => {
    const { candidates, replaced } = loadCoverCandidates(changes.db, gap);
    if (gap.replacesShiftId && !replaced) throw new AppError('rota.shiftNotFound');
    const chosen = candidates.find((candidate) => candidate.staffId === input.staffId && candidate.mode === input.mode);
    if (!chosen || chosen.blockers.length > 0) throw new AppError('rota.coverNotPossible');
    const { id: _id, patternId: _patternId, ...values } = chosen.shift;
    if (!replaced) return createShift(changes, values);
    if (replaced.patternId && replaced.occurrenceDate) {
      setPatternException(changes, replaced.patternId, replaced.occurrenceDate, values);
      return replaced.id;
    }
    updateShift(changes, replaced.id, values);
    return replaced.id;
  });
  return { id };
}

export const rotaCoverHandlers = {
  'rota.coverCandidates': defineHandler({ access: PLANNERS, input: candidatesInput, run: coverCandidates }),
  'rota.bookCover': defineHandler({ access: PLANNERS, changes: 'rota', input: bookInput, run: bookCover }),
};
export type RotaCoverHandlers = typeof rotaCoverHandlers;
