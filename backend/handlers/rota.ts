// Rota handlers: the planning week, shifts, absences, recurring patterns and their occurrences, week copy and .ics export.
import { z } from 'zod';
import { addDays, localDateSchema } from '../../domain/calendar/dates';
import { isoWeekDates, isoWeekSchema } from '../../domain/calendar/isoWeek';
import { idSchema } from '../../domain/ids';
import { copyWeekShifts } from '../../domain/rota/copyWeek';
import { shiftsToIcs } from '../../domain/rota/ics';
import { isPatternOccurrence } from '../../domain/rota/patterns';
import {
  absenceInputSchema,
  occurrenceReplacementSchema,
  recurringPatternInputSchema,
  shiftInputSchema,
} from '../../domain/rota/types';
import type { Role } from '../../domain/roles';
import { getOffice, listOffices } from '../../db/offices';
import {
  clearPatternException,
  createAbsence,
  createPattern,
  createShift,
  deleteAbsence,
  deletePattern,
  deleteShift,
  getAbsence,
  getPattern,
  getShift,
  listPatterns,
  listShifts,
  setPatternException,
  updateAbsence,
  updatePattern,
  updateShift,
} from '../../db/rota';
import { getStaffMember } from '../../db/staff';
import type { ChangeSet } from '../../db/write-path';
import { AppError, fieldError } from '../errors';
import { defineHandler } from '../handler';
import { loadRotaWeek, plannedShifts } from '../rota-week';

/** Who plans the rota. */
const PLANNERS: readonly Role[] = ['lead', 'admin'];


function assertPeopleAndPlace(changes: ChangeSet, values: { staffId: string; officeId?: string }) {
  if (!getStaffMember(changes.db, values.staffId)) throw fieldError({ staffId: 'invalidChoice' });
  if (values.officeId !== undefined && !getOffice(changes.db, values.officeId)) throw fieldError({ officeId: 'invalidChoice' });
}

const oneOffShiftSchema = shiftInputSchema.omit({ patternId: true });
const occurrenceSchema = z.object({ patternId: idSchema, date: localDateSchema });

function assertOccurrence(changes: ChangeSet, patternId: string, date: string) {
  const pattern = getPattern(changes.db, patternId);
  if (!pattern || !isPatternOccurrence(pattern, date)) throw new AppError('rota.occurrenceNotFound');
}

export const rotaHandlers = {
  'rota.week': defineHandler({
    access: 'signedIn',
    input: z.object({ week: isoWeekSchema }),
    run: (ctx, { week }) => loadRotaWeek(ctx.store.db, week),
  }),
  'rota.createShift': defineHandler({
    access: PLANNERS,
    changes: 'rota',
    input: oneOffShiftSchema,
    run: (ctx, input) => {
      const id = ctx.store.writer.write((changes) => {
        assertPeopleAndPlace(changes, input);
        return createShift(changes, input);
      });
      return { id };
    },
  }),
  'rota.updateShift': defineHandler({
    access: PLANNERS,
    changes: 'rota',
    input: oneOffShiftSchema.extend({ id: idSchema }),
    run: (ctx, { id, ...values }) => {
      ctx.store.writer.write((changes) => {
        if (!getShift(changes.db, id)) throw new AppError('rota.shiftNotFound');
        assertPeopleAndPlace(changes, values);
        updateShift(changes, id, values);
      });
      return { id };
    },
  }),
  'rota.removeShift': defineHandler({
    access: PLANNERS,
    changes: 'rota',
    input: z.object({ id: idSchema }),
    run: (ctx, { id }) => {
      ctx.store.writer.write((changes) => {
        if (!getShift(changes.db, id)) throw new AppError('rota.shiftNotFound');
        deleteShift(changes, id);
      });
      return { id };
    },
  }),
  'rota.changeOccurrence': defineHandler({
    access: PLANNERS,
    changes: 'rota',
    input: occurrenceSchema.extend({ replacement: occurrenceReplacementSchema }),
    run: (ctx, { patternId, date, replacement }) => {
      const id = ctx.store.writer.write((changes) => {
        assertOccurrence(changes, patternId, date);
        assertPeopleAndPlace(changes, replacement);
        return setPatternException(changes, patternId, date, replacement);
      });
      return { id };
    },
  }),
  'rota.removeOccurrence': defineHandler({
    access: PLANNERS,
    changes: 'rota',
    input: occurrenceSchema,
    run: (ctx, { patternId, date }) => {
      const id = ctx.store.writer.write((changes) => {
        assertOccurrence(changes, patternId, date);
        return setPatternException(changes, patternId, date, null);
      });
      return { id };
    },
  }),
  'rota.restoreOccurrence': defineHandler({
    access: PLANNERS,
    changes: 'rota',
    input: occurrenceSchema,
    run: (ctx, { patternId, date }) => {
      ctx.store.writer.write((changes) => {
        assertOccurrence(changes, patternId, date);
        clearPatternException(changes, patternId, date);
      });
      return { patternId, date };
    },
  }),
  'rota.createAbsence': defineHandler({
    access: PLANNERS,
    changes: 'rota',
    input: absenceInputSchema,
    run: (ctx, input) => {
      const id = ctx.store.writer.write((changes) => {
        assertPeopleAndPlace(changes, input);
        return createAbsence(changes, input);
      });
      return { id };
    },
  }),
  'rota.updateAbsence': defineHandler({
    access: PLANNERS,
    changes: 'rota',
    input: z.intersection(absenceInputSchema, z.object({ id: idSchema })),
    run: (ctx, { id, ...values }) => {
      ctx.store.writer.write((changes) => {
        if (!getAbsence(changes.db, id)) throw new AppError('rota.absenceNotFound');
        assertPeopleAndPlace(changes, values);
        updateAbsence(changes, id, values);
      });
      return { id };
    },
  }),
  'rota.removeAbsence': defineHandler({
    access: PLANNERS,
    changes: 'rota',
    input: z.object({ id: idSchema }),
    run: (ctx, { id }) => {
      ctx.store.writer.write((changes) => {
        if (!getAbsence(changes.db, id)) throw new AppError('rota.absenceNotFound');
        deleteAbsence(changes, id);
      });
      return { id };
    },
  }),
  'rota.listPatterns': defineHandler({
    access: 'signedIn',
    input: z.object({}),
    run: (ctx) => listPatterns(ctx.store.db),
  }),
  'rota.createPattern': defineHandler({
    access: PLANNERS,
    changes: 'rota',
    input: recurringPatternInputSchema,
    run: (ctx, input) => {
      const id = ctx.store.writer.write((changes) => {
        assertPeopleAndPlace(changes, input);
        return createPattern(changes, input);
      });
      return { id };
    },
  }),
  'rota.updatePattern': defineHandler({
    access: PLANNERS,
    changes: 'rota',
    input: z.intersection(recurringPatternInputSchema, z.object({ id: idSchema })),
    run: (ctx, { id, ...values }) => {
      ctx.store.writer.write((changes) => {
        if (!getPattern(changes.db, id)) throw new AppError('rota.patternNotFound');
        assertPeopleAndPlace(changes, values);
        updatePattern(changes, id, values);
      });
      return { id };
    },
  }),
  'rota.removePattern': defineHandler({
    access: PLANNERS,
    changes: 'rota',
    input: z.object({ id: idSchema }),
    run: (ctx, { id }) => {
      ctx.store.writer.write((changes) => {
        if (!getPattern(changes.db, id)) throw new AppError('rota.patternNotFound');
        deletePattern(changes, id);
      });
      return { id };
    },
  }),
  'rota.copyWeek': defineHandler({
    access: PLANNERS,
    changes: 'rota',
    input: z.object({
      week: isoWeekSchema,
      weeks: z.number('invalidFormat').int('invalidFormat').min(1, 'outOfRange').max(26, 'outOfRange'),
      officeId: idSchema.nullable(),
    }),
    run: (ctx, { week, weeks, officeId }) => {
      // Only the week's one-off shifts are copied (patterns continue by themselves): no need for the rules here.
      const dates = isoWeekDates(week);
      const source = listShifts(ctx.store.db, dates[0]!, dates[6]!).filter((shift) => officeId === null || shift.officeId === officeId);
      const drafts = copyWeekShifts(source, week, weeks);
      ctx.store.writer.write((changes) => {
        for (const { patternId: _patternId, ...draft } of drafts) createShift(changes, draft);
      });
      return { created: drafts.length };
    },
  }),
  'rota.exportIcs': defineHandler({
    access: 'signedIn',
    input: z
      .object({ staffId: idSchema, from: localDateSchema, to: localDateSchema })
      .refine((range) => range.from <= range.to && range.to <= addDays(range.from, 400), { message: 'outOfRange', path: ['to'] }),
    run: (ctx, { staffId, from, to }) => {
      const member = getStaffMember(ctx.store.db, staffId);
      if (!member) throw new AppError('staff.notFound');
      const officeNames = new Map(listOffices(ctx.store.db).map((office) => [office.id, office.name]));
      const shifts = plannedShifts(ctx.store.db, from, to)
        .filter((shift) => shift.staffId === staffId)
        .map((shift) => ({ ...shift, uid: shift.id, officeName: officeNames.get(shift.officeId) ?? '' }));
      const safeName = member.name.normalize('NFD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
      return { fileName: `vakter-${safeName}-${from}-${to}.ics`, content: shiftsToIcs(member.name, shifts, ctx.now().getTime()), count: shifts.length };
    },
  }),
};
export type RotaHandlers = typeof rotaHandlers;
