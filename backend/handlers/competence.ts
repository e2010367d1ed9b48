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
import { defineHandler } from '../handler';
import type { CallContext, SignedInContext } from '../handler';
import { osloToday } from '../today';
import { emergencyCoverage } from '../competence-coverage';

/** Who keeps the register. */
const KEEPERS: readonly Role[] = ['lead', 'admin'];
/** Who may see everyone's competences (doctors authorise nurses and need to see them). */
const VIEWERS: readonly Role[] = ['lead', 'admin', 'doctor'];


const dateOrToday = localDateSchema.nullish();

function activeStaff(ctx: CallContext) {
  return listStaff(ctx.store.db).filter((member) => member.active);
}

function loadRegister(ctx: CallContext) {
  return { types: listCompetenceTypes(ctx.store.db), records: listStaffCompetences(ctx.store.db), staff: activeStaff(ctx) };
}

export const competenceHandlers = {
  'competence.types': defineHandler({
    access: 'signedIn',
    input: z.object({}),
    run: (ctx) => listCompetenceTypes(ctx.store.db),
  }),
  'competence.createType': defineHandler({
    access: KEEPERS,
    changes: 'competence',
    input: competenceTypeInputSchema,
    run: (ctx, input) => {
      const id = ctx.store.writer.write((changes) => {
        const duplicate = listCompetenceTypes(changes.db).some((type) => type.name.toLocaleLowerCase('nb') === input.name.toLocaleLowerCase('nb'));
        if (duplicate) throw fieldError({ name: 'duplicate' });
        return createCompetenceType(changes, input);
      });
      return { id };
    },
  }),
  'competence.updateType': defineHandler({
    access: KEEPERS,
    changes: 'competence',
    input: competenceTypeInputSchema.extend({ id: idSchema }),
    run: (ctx, { id, ...values }) => {
      ctx.store.writer.write((changes) => {
        if (!getCompetenceType(changes.db, id)) throw new AppError('competence.typeNotFound');
        updateCompetenceType(changes, id, values);
      });
      return { id };
    },
  }),
  'competence.removeType': defineHandler({
    access: KEEPERS,
    changes: 'competence',
    input: z.object({ id: idSchema }),
    run: (ctx, { id }) => {
      ctx.store.writer.write((changes) => {
        const type = getCompetenceType(changes.db, id);
        if (!type) throw new AppError('competence.typeNotFound');
        const inUse = listStaffCompetences(changes.db).filter((record) => record.competenceTypeId === id).length;
        if (inUse > 0) throw new AppError('competence.typeInUse', { name: type.name, count: inUse });
        deleteCompetenceType(changes, id);
      });
      return { id };
    },
  }),
  /** A person's records with history. Nurses and others see their own; leads, admins and doctors anyone's. */
  'competence.records': defineHandler({
    access: 'signedIn',
    input: z.object({ staffId: idSchema }),
    run: (ctx: SignedInContext, { staffId }) => {
      if (staffId !== ctx.session.staffId && !hasAnyRole(ctx.session.roles, VIEWERS)) throw new AppError('auth.forbidden');
      return listStaffCompetences(ctx.store.db, staffId);
    },
  }),
  'competence.addRecord': defineHandler({
    access: KEEPERS,
    changes: 'competence',
    input: staffCompetenceInputSchema,
    run: (ctx, input) => {
      const id = ctx.store.writer.write((changes) => {
        if (!getStaffMember(changes.db, input.staffId)) throw fieldError({ staffId: 'invalidChoice' });
        const type = getCompetenceType(changes.db, input.competenceTypeId);
        if (!type) throw fieldError({ competenceTypeId: 'invalidChoice' });
        return createStaffCompetence(changes, resolveStaffCompetence(input, type));
      });
      return { id };
    },
  }),
  'competence.updateRecord': defineHandler({
    access: KEEPERS,
    changes: 'competence',
    input: z.intersection(staffCompetenceInputSchema, z.object({ id: idSchema })),
    run: (ctx, { id, ...values }) => {
      ctx.store.writer.write((changes) => {
        if (!getStaffCompetence(changes.db, id)) throw new AppError('competence.recordNotFound');
        const type = getCompetenceType(changes.db, values.competenceTypeId);
        if (!type) throw fieldError({ competenceTypeId: 'invalidChoice' });
        updateStaffCompetence(changes, id, resolveStaffCompetence(values, type));
      });
      return { id };
    },
  }),
  'competence.removeRecord': defineHandler({
    access: KEEPERS,
    changes: 'competence',
    input: z.object({ id: idSchema }),
    run: (ctx, { id }) => {
      ctx.store.writer.write((changes) => {
        if (!getStaffCompetence(changes.db, id)) throw new AppError('competence.recordNotFound');
        deleteStaffCompetence(changes, id);
      });
      return { id };
    },
  }),
  'competence.expiring': defineHandler({
    access: VIEWERS,
    input: z.object({ days: z.number().int().min(1, 'outOfRange').max(730, 'outOfRange').default(60), date: dateOrToday }),
    run: (ctx, { days, date }) => {
      const { types, records, staff } = loadRegister(ctx);
      const onDate = date ?? osloToday(ctx.now());
      return { date: onDate, days, items: expiringWithin(records, types, staff, onDate, days) };
    },
  }),
  'competence.matrix': defineHandler({
    access: VIEWERS,
    input: z.object({ date: dateOrToday }),
    run: (ctx, { date }) => {
      const { types, records, staff } = loadRegister(ctx);
      const onDate = date ?? osloToday(ctx.now());
      return { date: onDate, types, matrix: competenceMatrix(staff, types, records, onDate) };
    },
  }),
  'competence.coverage': defineHandler({
    access: 'signedIn',
    input: z.object({ week: isoWeekSchema }),
    run: (ctx, { week }) => emergencyCoverage(ctx.store.db, week),
  }),
  'competence.exportCsv': defineHandler({
    access: VIEWERS,
    input: z.object({ kind: z.enum(['matrix', 'expiring'], 'invalidChoice'), days: z.number().int().min(1).max(730).default(60) }),
    run: (ctx, { kind, days }) => {
      const { types, records, staff } = loadRegister(ctx);
      const today = osloToday(ctx.now());
      const rows = kind === 'matrix' ? matrixCsvRows(competenceMatrix(staff, types, records, today)) : expiringCsvRows(expiringWithin(records, types, staff, today, days));
      return { fileName: `kompetanse-${kind === 'matrix' ? 'matrise' : 'utloper'}-${today}.csv`, content: toCsv(rows, { bom: true }) };
    },
  }),
};
export type CompetenceHandlers = typeof competenceHandlers;
