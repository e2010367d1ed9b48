// Prepared prescriptions: the request saved with a consultation entry, the doctor's list to sign, the nurse's list, the lead's flagged list and the answer.
import { z } from 'zod';
import { mayAnswer, flaggedForLead, preparedBy, prescriptionAnswerInputSchema, toSignFor } from '../../domain/consultations/prescriptions';
import type { PrescriptionAnswerInput, PrescriptionViewer, RequestState, ResponsibleKind } from '../../domain/consultations/prescriptions';
import type { Role } from '../../domain/roles';
import { patientRef } from '../../db/audit';
import { getCurrentEntry } from '../../db/consultations';
import { answersFor, getPrescriptionRequest, hasRequestFor, insertPrescriptionAnswer, insertPrescriptionRequest } from '../../db/prescriptions';
import type { ChangeSet } from '../../db/write-path';
import { AppError } from '../errors';
import { defineHandler } from '../core/handler';
import type { SignedInContext } from '../core/handler';
import { auditUserAction } from '../core/security-audit';
import { prescriptionRows, prescriptionStates } from '../read-models/prescription-queue';
import type { PrescriptionRow } from '../read-models/prescription-queue';
import { supervisingDoctorAt } from '../read-models/supervising-doctor';
import { CONSULTATION_STAFF, localNow } from './consultations-common';

const DOCTOR: readonly Role[] = ['doctor'];
const LEAD: readonly Role[] = ['lead'];
const noInput = z.object({});

function viewerOf(ctx: SignedInContext): PrescriptionViewer {
  return { userId: ctx.session.userId, staffId: ctx.session.staffId, roles: ctx.session.roles };
}

/**
 * Called in the transaction that saves an entry whose medicine was prepared for signature: fixes the doctor responsible
 * now (on site or by video at the office, else the legevakt doctor, else nobody) so a later rota change does not move it.
 */
export function requestPreparedPrescription(ctx: SignedInContext, changes: ChangeSet, entry: { consultationId: string; officeId: string; nurseId: string }): string {
  const supervising = supervisingDoctorAt(ctx.store, entry.officeId, ctx.now());
  let responsibleKind: ResponsibleKind = 'none';
  let doctorId: string | null = null;
  if (supervising.kind !== 'none') {
    responsibleKind = supervising.kind;
    doctorId = supervising.staffId;
  } else if (supervising.legevakt) {
    responsibleKind = 'legevakt';
    doctorId = supervising.legevakt.staffId;
  }
  return insertPrescriptionRequest(changes, { ...entry, responsibleKind, doctorId, requestedBy: ctx.session.userId, at: ctx.now().toISOString() });
}

/** For a corrected entry: a request only if the consultation never had one (an earlier one counts again once prepared). */
export function requestPreparedPrescriptionOnce(ctx: SignedInContext, changes: ChangeSet, entry: { consultationId: string; officeId: string; nurseId: string }): void {
  if (!hasRequestFor(changes.db, entry.consultationId)) requestPreparedPrescription(ctx, changes, entry);
}

/** The rows of a list; showing them is patient access, so each shown entry is logged as other consultation access. */
function shownRows(ctx: SignedInContext, pick: (states: RequestState[]) => RequestState[]): PrescriptionRow[] {
  const { states, answers, entries } = prescriptionStates(ctx.store.db, localNow(ctx));
  const rows = prescriptionRows(ctx.store.db, pick(states), answers, entries);
  if (rows.length > 0) {
    ctx.store.writer.write((changes) => {
      for (const row of rows) {
        const idNumber = entries.get(row.consultationId)?.patient.idNumber ?? null;
        auditUserAction(ctx, changes, { action: 'prescription.viewed', targetTable: 'consultations', targetId: row.consultationId, patientRef: idNumber ? patientRef(idNumber) : null, details: { requestId: row.id } });
      }
    });
  }
  return rows;
}

/** "Resepter til signering": open requests made to this doctor, and those made when no doctor was on duty. */
function toSign(ctx: SignedInContext) {
  return { rows: shownRows(ctx, (states) => toSignFor(viewerOf(ctx), states)) };
}

/** "Mine forberedte resepter": what this nurse prepared (or this user logged), with the doctors' answers. */
function mine(ctx: SignedInContext) {
  return { rows: shownRows(ctx, (states) => preparedBy(viewerOf(ctx), states).slice(0, 200)) };
}

/** The lead's list: open requests past one working day, or made when no doctor was responsible (every office). */
function flagged(ctx: SignedInContext) {
  return { rows: shownRows(ctx, (states) => flaggedForLead(states, null)) };
}

/** The responsible doctor's answer: signed in the record system, or declined with a reason. Audited. */
function answer(ctx: SignedInContext, input: PrescriptionAnswerInput) {
  const request = getPrescriptionRequest(ctx.store.db, input.requestId);
  if (!request) throw new AppError('prescriptions.notFound');
  if (!mayAnswer(viewerOf(ctx), request)) throw new AppError('prescriptions.notResponsible');
  if ((answersFor(ctx.store.db, [request.id]).get(request.id) ?? []).length > 0) throw new AppError('prescriptions.alreadyAnswered');
  const entry = getCurrentEntry(ctx.store.db, request.consultationId);
  if (!entry) throw new AppError('consultations.notFound');
  if (entry.cancelled) throw new AppError('consultations.cancelled');
  if (entry.medicine?.action !== 'prepared') throw new AppError('prescriptions.withdrawn');
  const id = ctx.store.writer.write((changes) => {
    const answerId = insertPrescriptionAnswer(changes, {
      requestId: request.id,
      answer: input.answer,
      reason: input.answer === 'declined' ? input.reason : null,
      byUserId: ctx.session.userId,
      byStaffId: ctx.session.staffId,
      at: ctx.now().toISOString(),
    });
    auditUserAction(ctx, changes, {
      action: 'prescription.answered',
      targetTable: 'consultations',
      targetId: request.consultationId,
      patientRef: entry.patient.idNumber ? patientRef(entry.patient.idNumber) : null,
      details: { requestId: request.id, answer: input.answer },
    });
    return answerId;
  });
  return { id };
}

export const prescriptionsHandlers = {
  'prescriptions.toSign': defineHandler({ access: DOCTOR, input: noInput, run: toSign }),
  'prescriptions.mine': defineHandler({ access: CONSULTATION_STAFF, input: noInput, run: mine }),
  'prescriptions.flagged': defineHandler({ access: LEAD, input: noInput, run: flagged }),
  'prescriptions.answer': defineHandler({ access: DOCTOR, changes: 'consultations', input: prescriptionAnswerInputSchema, run: answer }),
};
export type PrescriptionsHandlers = typeof prescriptionsHandlers;
