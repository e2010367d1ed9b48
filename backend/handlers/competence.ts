// Competence register handlers: competence types, staff records with history, expiry list, matrix, emergency-nurse coverage, CSV.
import { z } from 'zod';
import { localDateSchema } from '../../domain/calendar/dates';
import { isoWeekSchema } from '../../domain/calendar/isoWeek';
import { resolveStaffCompetence } from '../../domain/competence/expiry';
import { expiringWithin } from '../../domain/competence/expiring';
import { competenceMatrix } from '../../domain/competence/matrix';
import { expiringCsvRows, matrixCsvRows, toCsv } from '../../domain/competence/csv';
import { competenceTypeInputSchema, staffCompetenceInputSchema } from '../../domain/competence/types';
import { idSchema } from '../../domain/ids';
import { hasAnyRole } from '../../domain/roles';
import type { Role } from '../../domain/roles';
import {
  createCompetenceType,
  createStaffCompetence,
  deleteCompetenceType,
  deleteStaffCompetence,
  getCompetenceType,
  getStaffCompetence,
  listCompetenceTypes,
  listStaffCompetences,
  updateCompetenceType,
  updateStaffCompetence,
} from '../../db/competence';
import { getStaffMember, listStaff } from '../../db/staff';
import { AppError, fieldError } from '../errors';
import { defineHandler } from '../core/handler';
import type { CallContext, SignedInContext } from '../core/handler';
import { osloToday } from '../../domain/calendar/oslo';
import { emergencyCoverage } from '../read-models/competence-coverage';
import { draftFilterFor } from '../read-models/rota-publication';

/** Who keeps the register. */
const KEEPERS: readonly Role[] = ['lead', 'admin'];
/** Who may see everyone's competences (doctors authorise nurses and need to see them). */
const VIEWERS: readonly Role[] = ['lead', 'admin', 'doctor'];

const dateOrToday = localDateSchema.nullish();
const idInput = z.object({ id: idSchema });
const typeUpdateInput = competenceTypeInputSchema.extend({ id: idSchema });
const recordUpdateInput = z.intersection(staffCompetenceInputSchema, z.object({ id: idSchema }));
const recordsInput = z.object({ staffId: idSchema });
const matrixInput = z.object({ date: dateOrToday });
const expiringInput = z.object({ days: z.number().int().min(1, 'outOfRange').max(730, 'outOfRange').default(60), date: dateOrToday });
const exportInput = z.object({ kind: z.enum(['matrix', 'expiring'], 'invalidChoice'), days: z.number().int().min(1).max(730).default(60) });

function activeStaff(ctx: CallContext) {
  return listStaff(ctx.store.db).filter((member) => member.active);
}

function loadRegister(ctx: CallContext) {
  return { types: listCompetenceTypes(ctx.store.db), records: listStaffCompetences(ctx.store.db), staff: activeStaff(ctx) };
}

/** A new competence type; names are unique regardless of case. */
function createType(ctx: SignedInContext, input: z.output<typeof competenceTypeInputSchema>) {
  const id = ctx.store.writer.write((changes) => {
    const duplicate = listCompetenceTypes(changes.db).some((type) => type.name.toLocaleLowerCase('nb') === input.name.toLocaleLowerCase('nb'));
    if (duplicate) throw fieldError({ name: 'duplicate' });
    return createCompetenceType(changes, input);
  });
  return { id };
}

function updateType(ctx: SignedInContext, { id, ...values }: z.output<typeof typeUpdateInput>) {
  ctx.store.writer.write((changes) => {
    if (!getCompetenceType(changes.db, id)) throw new AppError('competence.typeNotFound');
    updateCompetenceType(changes, id, values);
  });
  return { id };
}

/** Removes a competence type nobody holds (a type in use is refused with how many records have it). */
function removeType(ctx: SignedInContext, { id }: z.output<typeof idInput>) {
  ctx.store.writer.write((changes) => {
    const type = getCompetenceType(changes.db, id);
    if (!type) throw new AppError('competence.typeNotFound');
    const inUse = listStaffCompetences(changes.db).filter((record) => record.competenceTypeId === id).length;
    if (inUse > 0) throw new AppError('competence.typeInUse', { name: type.name, count: inUse });
    deleteCompetenceType(changes, id);
  });
  return { id };
}

/** A person's records with history. Nurses and others see their own; leads, admins and doctors anyone's. */
function recordsOf(ctx: SignedInContext, { staffId }: z.output<typeof recordsInput>) {
  if (staffId !== ctx.session.staffId && !hasAnyRole(ctx.session.roles, VIEWERS)) throw new AppError('auth.forbidden');
  return listStaffCompetences(ctx.store.db, staffId);
}

function addRecord(ctx: SignedInContext, input: z.output<typeof staffCompetenceInputSchema>) {
  const id = ctx.store.writer.write((changes) => {
    if (!getStaffMember(changes.db, input.staffId)) throw fieldError({ staffId: 'invalidChoice' });
    const type = getCompetenceType(changes.db, input.competenceTypeId);
    if (!type) throw fieldError({ competenceTypeId: 'invalidChoice' });
    return createStaffCompetence(changes, resolveStaffCompetence(input, type));
  });
  return { id };
}

function updateRecord(ctx: SignedInContext, { id, ...values }: z.output<typeof recordUpdateInput>) {
  ctx.store.writer.write((changes) => {
    if (!getStaffCompetence(changes.db, id)) throw new AppError('competence.recordNotFound');
    const type = getCompetenceType(changes.db, values.competenceTypeId);
    if (!type) throw fieldError({ competenceTypeId: 'invalidChoice' });
    updateStaffCompetence(changes, id, resolveStaffCompetence(values, type));
  });
  return { id };
}

function removeRecord(ctx: SignedInContext, { id }: z.output<typeof idInput>) {
  ctx.store.writer.write((changes) => {
    if (!getStaffCompetence(changes.db, id)) throw new AppError('competence.recordNotFound');
    deleteStaffCompetence(changes, id);
  });
  return { id };
}

/** Competences that expire within the given days of the date (default: today), or have expired. */
function expiring(ctx: SignedInContext, { days, date }: z.output<typeof expiringInput>) {
  const { types, records, staff } = loadRegister(ctx);
  const onDate = date ?? osloToday(ctx.now().getTime());
  return { date: onDate, days, items: expiringWithin(records, types, staff, onDate, days) };
}

/** Who holds which competence on the date (default: today). */
function matrix(ctx: SignedInContext, { date }: z.output<typeof matrixInput>) {
  const { types, records, staff } = loadRegister(ctx);
  const onDate = date ?? osloToday(ctx.now().getTime());
  return { date: onDate, types, matrix: competenceMatrix(staff, types, records, onDate) };
}

/** The matrix or the expiring list as a CSV file (with a BOM, so Excel reads the Norwegian letters). */
function exportCsv(ctx: SignedInContext, { kind, days }: z.output<typeof exportInput>) {
  const { types, records, staff } = loadRegister(ctx);
  const today = osloToday(ctx.now().getTime());
  const rows = kind === 'matrix' ? matrixCsvRows(competenceMatrix(staff, types, records, today)) : expiringCsvRows(expiringWithin(records, types, staff, today, days));
  return { fileName: `kompetanse-${kind === 'matrix' ? 'matrise' : 'utloper'}-${today}.csv`, content: toCsv(rows, { bom: true }) };
}

export const competenceHandlers = {
  'competence.types': defineHandler({
    access: 'signedIn',
    input: z.object({}),
    run: (ctx) => listCompetenceTypes(ctx.store.db),
  }),
  'competence.createType': defineHandler({ access: KEEPERS, changes: 'competence', input: competenceTypeInputSchema, run: createType }),
  'competence.updateType': defineHandler({ access: KEEPERS, changes: 'competence', input: typeUpdateInput, run: updateType }),
  'competence.removeType': defineHandler({ access: KEEPERS, changes: 'competence', input: idInput, run: removeType }),
  'competence.records': defineHandler({ access: 'signedIn', input: recordsInput, run: recordsOf }),
  'competence.addRecord': defineHandler({ access: KEEPERS, changes: 'competence', input: staffCompetenceInputSchema, run: addRecord }),
  'competence.updateRecord': defineHandler({ access: KEEPERS, changes: 'competence', input: recordUpdateInput, run: updateRecord }),
  'competence.removeRecord': defineHandler({ access: KEEPERS, changes: 'competence', input: idInput, run: removeRecord }),
  'competence.expiring': defineHandler({ access: VIEWERS, input: expiringInput, run: expiring }),
  'competence.matrix': defineHandler({ access: VIEWERS, input: matrixInput, run: matrix }),
  'competence.coverage': defineHandler({
    access: 'signedIn',
    input: z.object({ week: isoWeekSchema }),
    // Staff do not get draft weeks here either (who is on shift in a week not yet published).
    run: (ctx, { week }) => emergencyCoverage(ctx.store.db, week, draftFilterFor(ctx.store.db, ctx.session, ctx.now()).hideShift),
  }),
  'competence.exportCsv': defineHandler({ access: VIEWERS, input: exportInput, run: exportCsv }),
};
export type CompetenceHandlers = typeof competenceHandlers;
