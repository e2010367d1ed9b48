// Consultation log handlers that read entries: the filtered list, one entry with its history, revealing an identity number, and the search by identity number.
import { z } from 'zod';
import { localDateSchema } from '../../domain/calendar/dates';
import { idSchema } from '../../domain/ids';
import { maskHistory } from '../../domain/consultations/amendments';
import { OUTCOMES } from '../../domain/consultations/entry';
import { icpc2CodeSchema } from '../../domain/routines/types';
import { patientRef } from '../../db/audit';
import { findByIdentityNumber, listConsultations } from '../../db/consultations';
import { peopleByUserId } from '../../db/users';
import { AppError, fieldError } from '../errors';
import { defineHandler } from '../core/handler';
import { auditUserAction } from '../core/security-audit';
import type { SignedInContext } from '../core/handler';
import { checkedIdentityNumber, CONSULTATION_STAFF, listRow, reasonSchema, requireEntry } from './consultations-common';

const PAGE_SIZE_MAX = 200;

const listInput = z.object({
  fromDate: localDateSchema,
  toDate: localDateSchema,
  officeId: idSchema.nullish(),
  nurseId: idSchema.nullish(),
  outcome: z.enum(OUTCOMES, 'invalidChoice').nullish(),
  icpc2Code: icpc2CodeSchema.nullish(),
  includeCancelled: z.boolean().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(PAGE_SIZE_MAX).default(50),
});
const entryInput = z.object({ id: idSchema });
const revealInput = z.object({ id: idSchema, reason: reasonSchema });
const searchInput = z.object({ identityNumber: z.string(), reason: reasonSchema });

function listEntries(ctx: SignedInContext, input: z.output<typeof listInput>) {
  if (input.toDate < input.fromDate) throw fieldError({ toDate: 'timeOrder' });
  // total is exact when totalIsExact, else a lower bound: the count stops a while past the page (LIST_COUNT_AHEAD).
  const { total, totalIsExact, entries } = listConsultations(ctx.store.db, input, { offset: input.offset, limit: input.limit });
  return { total, totalIsExact, offset: input.offset, rows: entries.map(listRow) };
}

/** One entry with its history; the identity number stays masked (revealing it is a separate, logged step). */
function getEntry(ctx: SignedInContext, { id }: z.output<typeof entryInput>) {
  const entry = requireEntry(ctx, id);
  ctx.store.writer.write((changes) => auditUserAction(ctx, changes, { action: 'consultation.viewed', targetTable: 'consultations', targetId: id }));
  // People's names, not user ids or usernames: whoever reads the history knows the staff by name.
  const people = peopleByUserId(ctx.store.db);
  const nameOf = (userId: string) => people.get(userId)?.name ?? '';
  return {
    ...listRow(entry),
    routineVersion: entry.routineVersion,
    note: entry.note,
    recordedBy: nameOf(entry.recordedBy),
    recordedAt: entry.recordedAt,
    anonymisedAt: entry.anonymisedAt,
    cancelledReason: entry.cancelled?.reason ?? null,
    history: maskHistory(entry.history).map((step) => ({ ...step, byName: nameOf(step.byUserId) })),
  };
}

/** Shows one entry's full identity number; who, when, which entry and why go to the audit log. */
function revealIdentityNumber(ctx: SignedInContext, { id, reason }: z.output<typeof revealInput>) {
  const entry = requireEntry(ctx, id);
  if (!entry.patient.idNumber) throw new AppError('consultations.noIdentityNumber');
  ctx.store.writer.write((changes) =>
    auditUserAction(ctx, changes, { action: 'consultation.revealed', targetTable: 'consultations', targetId: id, patientRef: patientRef(entry.patient.idNumber as string), reason }),
  );
  return { id, idNumber: entry.patient.idNumber };
}

/** Finds a patient's entries by identity number; the search and its reason are logged. */
function searchByIdentity(ctx: SignedInContext, { identityNumber, reason }: z.output<typeof searchInput>) {
  const number = checkedIdentityNumber(ctx, identityNumber);
  const entries = findByIdentityNumber(ctx.store.db, number);
  ctx.store.writer.write((changes) =>
    auditUserAction(ctx, changes, { action: 'consultation.searchedByIdentity', patientRef: patientRef(number), reason, details: { found: entries.length } }),
  );
  return { rows: entries.map(listRow) };
}

export const consultationLookupHandlers = {
  'consultations.list': defineHandler({ access: CONSULTATION_STAFF, input: listInput, run: listEntries }),
  'consultations.get': defineHandler({ access: CONSULTATION_STAFF, input: entryInput, run: getEntry }),
  'consultations.reveal': defineHandler({ access: CONSULTATION_STAFF, changes: 'audit', input: revealInput, run: revealIdentityNumber }),
  'consultations.searchByIdentity': defineHandler({ access: CONSULTATION_STAFF, changes: 'audit', input: searchInput, run: searchByIdentity }),
};
export type ConsultationLookupHandlers = typeof consultationLookupHandlers;
