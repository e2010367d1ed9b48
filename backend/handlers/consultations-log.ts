// Consultation log handlers that write entries: saving one, amending it (only the changed fields, with a reason) and cancelling it.
import { z } from 'zod';
import { idSchema } from '../../domain/ids';
import { diffEntry } from '../../domain/consultations/amendments';
import type { EntryFields, EntryMedicine } from '../../domain/consultations/amendments';
import { checkConsultation, consultationInputSchema, dateOf } from '../../domain/consultations/entry';
import type { ConsultationInput } from '../../domain/consultations/entry';
import { patientRef } from '../../db/audit';
import { appendAmendment, insertConsultation } from '../../db/consultations';
import { getOffice } from '../../db/offices';
import { getStaffMember } from '../../db/staff';
import { AppError, fieldError } from '../errors';
import { defineHandler } from '../core/handler';
import { auditUserAction } from '../core/security-audit';
import type { CallContext, SignedInContext } from '../core/handler';
import { checkRoutinesFor } from '../read-models/routine-check';
import { requestPreparedPrescription, requestPreparedPrescriptionOnce } from './prescriptions';
import { CONSULTATION_STAFF, isDemo, localNow, onDutyAt, reasonSchema, requireEntry } from './consultations-common';

const amendInput = z.object({ id: idSchema, entry: consultationInputSchema, reason: reasonSchema });
const cancelInput = z.object({ id: idSchema, reason: reasonSchema });

/**
 * Checks an entry against the rules and the register, and turns it into the stored fields. A routine the nurse may not
 * use on that day is refused with the reasons; a nurse who is not on duty is only a warning.
 */
function prepareEntry(ctx: CallContext, input: ConsultationInput): { fields: EntryFields; warnings: string[] } {
  const checked = checkConsultation(input, { nowLocal: localNow(ctx), allowSynthetic: isDemo(ctx) });
  if (!checked.ok) throw new AppError('validation.failed', checked.identityMessage ? { identityMessage: checked.identityMessage } : undefined, checked.fields);
  if (!getOffice(ctx.store.db, input.officeId)) throw fieldError({ officeId: 'invalidChoice' });
  const nurse = getStaffMember(ctx.store.db, input.nurseId);
  // The form offers only nurses; the backend holds the same line, so a crafted call cannot name a secretary or a doctor.
  if (!nurse || !nurse.active || nurse.profession !== 'nurse') throw fieldError({ nurseId: 'invalidChoice' });
  if (input.doctorId) {
    const doctor = getStaffMember(ctx.store.db, input.doctorId);
    if (!doctor || (doctor.profession !== 'doctor' && doctor.profession !== 'doctorInTraining')) throw fieldError({ doctorId: 'invalidChoice' });
  }
  let routineVersion: number | null = null;
  let medicine: EntryMedicine | null = null;
  if (input.routineId) {
    const check = checkRoutinesFor(ctx.store.db, input.nurseId, dateOf(input.at), input.routineId)[0];
    if (!check) throw fieldError({ routineId: 'invalidChoice' });
    if (!check.result.allowed) {
      throw new AppError('consultations.routineRefused', { routine: check.routine.title, reasons: check.result.reasons.map((r) => r.message).join('. ') });
    }
    routineVersion = check.routine.version;
    if (input.medicineAction) {
      const m = check.routine.medicine;
      medicine = { action: input.medicineAction, name: m.name, details: `${m.strength} ${m.form}, ${m.dose}` };
    }
  } else if (input.medicineAction && input.medicineName) {
    medicine = { action: input.medicineAction, name: input.medicineName, details: '' };
  }
  const warnings: string[] = [];
  if (!onDutyAt(ctx, input.officeId, input.at).includes(input.nurseId)) warnings.push('nurseNotOnDuty');
  return {
    fields: {
      at: input.at,
      officeId: input.officeId,
      nurseId: input.nurseId,
      patient: checked.patient,
      contact: input.contact,
      icpc2Code: input.icpc2Code,
      routineId: input.routineId,
      routineVersion,
      medicine,
      outcome: input.outcome,
      doctorId: input.doctorId,
      followUpDate: input.followUpDate,
      note: input.note,
    },
    warnings,
  };
}

function createConsultation(ctx: SignedInContext, input: ConsultationInput) {
  const { fields, warnings } = prepareEntry(ctx, input);
  const id = ctx.store.writer.write((changes) => {
    const newId = insertConsultation(changes, { ...fields, recordedBy: ctx.session.userId, recordedAt: ctx.now().toISOString() });
    auditUserAction(ctx, changes, { action: 'consultation.created', targetTable: 'consultations', targetId: newId, patientRef: fields.patient.idNumber ? patientRef(fields.patient.idNumber) : null });
    // A prescription prepared for signature goes to the doctor responsible now (backend/handlers/prescriptions.ts).
    if (fields.medicine?.action === 'prepared') requestPreparedPrescription(ctx, changes, { consultationId: newId, officeId: fields.officeId, nurseId: fields.nurseId });
    return newId;
  });
  return { id, warnings };
}

/** A correction: the whole corrected entry and a reason; only the changed fields are stored, as an amendment. */
function amendConsultation(ctx: SignedInContext, { id, entry, reason }: z.output<typeof amendInput>) {
  const current = requireEntry(ctx, id);
  if (current.cancelled) throw new AppError('consultations.cancelled');
  // The form sends the masked number back empty: the entry keeps the number it has.
  const input = entry.patient.kind === 'identityNumber' && entry.patient.number === '' && current.patient.idNumber ? { ...entry, patient: { kind: 'identityNumber' as const, number: current.patient.idNumber } } : entry;
  const { fields, warnings } = prepareEntry(ctx, input);
  // A routine that was used keeps its version unless the routine itself changed.
  if (fields.routineId === current.routineId) fields.routineVersion = current.routineVersion;
  const changed = diffEntry(current, fields);
  if (Object.keys(changed).length === 0) throw new AppError('consultations.noChanges');
  ctx.store.writer.write((changes) => {
    appendAmendment(changes, { consultationId: id, kind: 'amended', changes: changed, reason, byUserId: ctx.session.userId, at: ctx.now().toISOString() });
    auditUserAction(ctx, changes, { action: 'consultation.amended', targetTable: 'consultations', targetId: id, reason, details: { fields: Object.keys(changed) } });
    // Corrected to "prepared": the doctor gets it as if it had been logged so (an existing request simply applies again).
    if (fields.medicine?.action === 'prepared') requestPreparedPrescriptionOnce(ctx, changes, { consultationId: id, officeId: fields.officeId, nurseId: fields.nurseId });
  });
  return { id, warnings, changedFields: Object.keys(changed) };
}

/** Cancels an entry logged by mistake; the original and the reason stay in the history, statistics leave it out. */
function cancelConsultation(ctx: SignedInContext, { id, reason }: z.output<typeof cancelInput>) {
  const current = requireEntry(ctx, id);
  if (current.cancelled) throw new AppError('consultations.cancelled');
  ctx.store.writer.write((changes) => {
    appendAmendment(changes, { consultationId: id, kind: 'cancelled', changes: {}, reason, byUserId: ctx.session.userId, at: ctx.now().toISOString() });
    auditUserAction(ctx, changes, { action: 'consultation.cancelled', targetTable: 'consultations', targetId: id, reason });
  });
  return { id };
}

export const consultationLogHandlers = {
  'consultations.create': defineHandler({ access: CONSULTATION_STAFF, changes: 'consultations', input: consultationInputSchema, run: createConsultation }),
  'consultations.amend': defineHandler({ access: CONSULTATION_STAFF, changes: 'consultations', input: amendInput, run: amendConsultation }),
  'consultations.cancel': defineHandler({ access: CONSULTATION_STAFF, changes: 'consultations', input: cancelInput, run: cancelConsultation }),
};
export type ConsultationLogHandlers = typeof consultationLogHandlers;
