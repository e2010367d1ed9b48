// Rota handlers: the planning week, shifts, absences, recurring patterns and their occurrences, week copy and .ics export.
import { z } from 'zod';
import { addDays, localDateSchema } from '../../domain/calendar/dates';
import { isoWeekDates, isoWeekSchema } from '../../domain/calendar/isoWeek';
import { idSchema } from '../../domain/ids';
import { visibleAbsence, visibleWarning } from '../../domain/rota/absence-privacy';
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
import { defineHandler } from '../core/handler';
import type { SignedInContext } from '../core/handler';
import { draftFilterFor, weekPublication } from '../read-models/rota-publication';
import { loadRotaWeek, plannedShifts } from '../read-models/rota-week';

/** Who plans the rota. */
const PLANNERS: readonly Role[] = ['lead', 'admin'];

function assertPeopleAndPlace(changes: ChangeSet, values: { staffId: string; officeId?: string }) {
  if (!getStaffMember(changes.db, values.staffId)) throw fieldError({ staffId: 'invalidChoice' });
  if (values.officeId !== undefined && !getOffice(changes.db, values.officeId)) throw fieldError({ officeId: 'invalidChoice' });
}

function assertOccurrence(changes: ChangeSet, patternId: string, date: string) {
  const pattern = getPattern(changes.db, patternId);
  if (!pattern || !isPatternOccurrence(pattern, date)) throw new AppError('rota.occurrenceNotFound');
}

const idInput = z.object({ id: idSchema });
const oneOffShiftSchema = shiftInputSchema.omit({ patternId: true });
const shiftUpdateInput = oneOffShiftSchema.extend({ id: idSchema });
const occurrenceSchema = z.object({ patternId: idSchema, date: localDateSchema });
const occurrenceChangeInput = occurrenceSchema.extend({ replacement: occurrenceReplacementSchema });
const absenceUpdateInput = z.intersection(absenceInputSchema, z.object({ id: idSchema }));
const patternUpdateInput = z.intersection(recurringPatternInputSchema, z.object({ id: idSchema }));
const copyWeekInput = z.object({
  week: isoWeekSchema,
  weeks: z.number('invalidFormat').int('invalidFormat').min(1, 'outOfRange').max(26, 'outOfRange'),
  officeId: idSchema.nullable(),
});
const exportIcsInput = z
  .object({ staffId: idSchema, from: localDateSchema, to: localDateSchema })
  .refine((range) => range.from <= range.to && range.to <= addDays(range.from, 400), { message: 'outOfRange', path: ['to'] });

function addShift(ctx: SignedInContext, input: z.output<typeof oneOffShiftSchema>) {
  const id = ctx.store.writer.write((changes) => {
    assertPeopleAndPlace(changes, input);
    return createShift(changes, input);
  });
  return { id };
}

function changeShift(ctx: SignedInContext, { id, ...values }: z.output<typeof shiftUpdateInput>) {
  ctx.store.writer.write((changes) => {
    if (!getShift(changes.db, id)) throw new AppError('rota.shiftNotFound');
    assertPeopleAndPlace(changes, values);
    updateShift(changes, id, values);
  });
  return { id };
}

function removeShift(ctx: SignedInContext, { id }: z.output<typeof idInput>) {
  ctx.store.writer.write((changes) => {
    if (!getShift(changes.db, id)) throw new AppError('rota.shiftNotFound');
    deleteShift(changes, id);
  });
  return { id };
}

/** One occurrence of a recurring pattern worked by someone else, elsewhere or at other times (a pattern exception). */
function changeOccurrence(ctx: SignedInContext, { patternId, date, replacement }: z.output<typeof occurrenceChangeInput>) {
  const id = ctx.store.writer.write((changes) => {
    assertOccurrence(changes, patternId, date);
    assertPeopleAndPlace(changes, replacement);
    return setPatternException(changes, patternId, date, replacement);
  });
  return { id };
}

/** One occurrence of a recurring pattern left out (an exception with no replacement). */
function removeOccurrence(ctx: SignedInContext, { patternId, date }: z.output<typeof occurrenceSchema>) {
  const id = ctx.store.writer.write((changes) => {
    assertOccurrence(changes, patternId, date);
    return setPatternException(changes, patternId, date, null);
  });
  return { id };
}

/** Puts an occurrence back as the pattern has it (removes its exception). */
function restoreOccurrence(ctx: SignedInContext, { patternId, date }: z.output<typeof occurrenceSchema>) {
  ctx.store.writer.write((changes) => {
    assertOccurrence(changes, patternId, date);
    clearPatternException(changes, patternId, date);
  });
  return { patternId, date };
}

function addAbsence(ctx: SignedInContext, input: z.output<typeof absenceInputSchema>) {
  const id = ctx.store.writer.write((changes) => {
    assertPeopleAndPlace(changes, input);
    return createAbsence(changes, input);
  });
  return { id };
}

function changeAbsence(ctx: SignedInContext, { id, ...values }: z.output<typeof absenceUpdateInput>) {
  ctx.store.writer.write((changes) => {
    if (!getAbsence(changes.db, id)) throw new AppError('rota.absenceNotFound');
    assertPeopleAndPlace(changes, values);
    updateAbsence(changes, id, values);
  });
  return { id };
}

function removeAbsence(ctx: SignedInContext, { id }: z.output<typeof idInput>) {
  ctx.store.writer.write((changes) => {
    if (!getAbsence(changes.db, id)) throw new AppError('rota.absenceNotFound');
    deleteAbsence(changes, id);
  });
  return { id };
}

function addPattern(ctx: SignedInContext, input: z.output<typeof recurringPatternInputSchema>) {
  const id = ctx.store.writer.write((changes) => {
    assertPeopleAndPlace(changes, input);
    return createPattern(changes, input);
  });
  return { id };
}

function changePattern(ctx: SignedInContext, { id, ...values }: z.output<typeof patternUpdateInput>) {
  ctx.store.writer.write((changes) => {
    if (!getPattern(changes.db, id)) throw new AppError('rota.patternNotFound');
    assertPeopleAndPlace(changes, values);
    updatePattern(changes, id, values);
  });
  return { id };
}

function removePattern(ctx: SignedInContext, { id }: z.output<typeof idInput>) {
  ctx.store.writer.write((changes) => {
    if (!getPattern(changes.db, id)) throw new AppError('rota.patternNotFound');
    deletePattern(changes, id);
  });
  return { id };
}

/** Copies a week's one-off shifts (of one office or all) to the following weeks. */
function copyWeek(ctx: SignedInContext, { week, weeks, officeId }: z.output<typeof copyWeekInput>) {
  // Only the week's one-off shifts are copied (patterns continue by themselves): no need for the rules here.
  const dates = isoWeekDates(week);
  const source = listShifts(ctx.store.db, dates[0]!, dates[6]!).filter((shift) => officeId === null || shift.officeId === officeId);
  const drafts = copyWeekShifts(source, week, weeks);
  ctx.store.writer.write((changes) => {
    for (const { patternId: _patternId, ...draft } of drafts) createShift(changes, draft);
  });
  return { created: drafts.length };
}

/** One person's planned shifts in a date range as an .ics calendar file. */
function exportIcs(ctx: SignedInContext, { staffId, from, to }: z.output<typeof exportIcsInput>) {
  const member = getStaffMember(ctx.store.db, staffId);
  if (!member) throw new AppError('staff.notFound');
  const officeNames = new Map(listOffices(ctx.store.db).map((office) => [office.id, office.name]));
  // Staff do not get draft weeks, in their calendar file either.
  const hidden = draftFilterFor(ctx.store.db, ctx.session, ctx.now()).hideShift;
  const shifts = plannedShifts(ctx.store.db, from, to)
    .filter((shift) => shift.staffId === staffId && !hidden?.(shift))
    .map((shift) => ({ ...shift, uid: shift.id, officeName: officeNames.get(shift.officeId) ?? '' }));
  const safeName = member.name.normalize('NFD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
  return { fileName: `vakter-${safeName}-${from}-${to}.ics`, content: shiftsToIcs(member.name, shifts, ctx.now().getTime()), count: shifts.length };
}

/** The planning week as the caller may see it: the reasons for colleagues' absences never leave the backend. */
function readRotaWeek(ctx: SignedInContext, { week }: { week: z.output<typeof isoWeekSchema> }) {
  const viewer = ctx.session;
  // Staff never get shifts of draft weeks (nor the warnings they would cause); leads and admins get them, marked per office.
  const drafts = draftFilterFor(ctx.store.db, viewer, ctx.now());
  const rota = loadRotaWeek(ctx.store.db, week, drafts.hideShift ? { hideShift: drafts.hideShift } : {});
  return {
    ...rota,
    publication: weekPublication(ctx.store.db, drafts, viewer, week, rota.offices.map((office) => office.id)),
    absences: rota.absences.map((absence) => visibleAbsence(viewer, absence)),
    warnings: rota.warnings.map((warning) => visibleWarning(viewer, warning)),
  };
}

export const rotaHandlers = {
  'rota.week': defineHandler({
    access: 'signedIn',
    input: z.object({ week: isoWeekSchema }),
    run: readRotaWeek,
  }),
  'rota.createShift': defineHandler({ access: PLANNERS, changes: 'rota', input: oneOffShiftSchema, run: addShift }),
  'rota.updateShift': defineHandler({ access: PLANNERS, changes: 'rota', input: shiftUpdateInput, run: changeShift }),
  'rota.removeShift': defineHandler({ access: PLANNERS, changes: 'rota', input: idInput, run: removeShift }),
  'rota.changeOccurrence': defineHandler({ access: PLANNERS, changes: 'rota', input: occurrenceChangeInput, run: changeOccurrence }),
  'rota.removeOccurrence': defineHandler({ access: PLANNERS, changes: 'rota', input: occurrenceSchema, run: removeOccurrence }),
  'rota.restoreOccurrence': defineHandler({ access: PLANNERS, changes: 'rota', input: occurrenceSchema, run: restoreOccurrence }),
  'rota.createAbsence': defineHandler({ access: PLANNERS, changes: 'rota', input: absenceInputSchema, run: addAbsence }),
  'rota.updateAbsence': defineHandler({ access: PLANNERS, changes: 'rota', input: absenceUpdateInput, run: changeAbsence }),
  'rota.removeAbsence': defineHandler({ access: PLANNERS, changes: 'rota', input: idInput, run: removeAbsence }),
  'rota.listPatterns': defineHandler({
    access: 'signedIn',
    input: z.object({}),
    run: (ctx) => listPatterns(ctx.store.db),
  }),
  'rota.createPattern': defineHandler({ access: PLANNERS, changes: 'rota', input: recurringPatternInputSchema, run: addPattern }),
  'rota.updatePattern': defineHandler({ access: PLANNERS, changes: 'rota', input: patternUpdateInput, run: changePattern }),
  'rota.removePattern': defineHandler({ access: PLANNERS, changes: 'rota', input: idInput, run: removePattern }),
  'rota.copyWeek': defineHandler({ access: PLANNERS, changes: 'rota', input: copyWeekInput, run: copyWeek }),
  'rota.exportIcs': defineHandler({ access: 'signedIn', input: exportIcsInput, run: exportIcs }),
};
export type RotaHandlers = typeof rotaHandlers;
