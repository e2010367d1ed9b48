// Consultation entry form handlers: what the form needs (now, this device's office, nurses on duty first, doctors) and the routines a nurse may use.
import { z } from 'zod';
import { localDateSchema } from '../../domain/calendar/dates';
import { idSchema } from '../../domain/ids';
import { DEVICE_OFFICE_KEY, getMeta } from '../../db/local-meta';
import { listOffices } from '../../db/offices';
import { listStaff } from '../../db/staff';
import { defineHandler } from '../core/handler';
import type { CallContext } from '../core/handler';
import { checkRoutinesFor } from '../read-models/routine-check';
import { CONSULTATION_STAFF, isDemo, localNow, onDutyAt } from './consultations-common';

const formContextInput = z.object({ officeId: idSchema.nullish(), at: z.string().nullish() });
const routineOptionsInput = z.object({ nurseId: idSchema, date: localDateSchema });

/** What the entry form needs: now, this device's office, nurses (on duty first) and doctors, demo mode. */
function formContext(ctx: CallContext, input: z.output<typeof formContextInput>) {
  const now = localNow(ctx);
  const deviceOfficeId = getMeta(ctx.store.db, DEVICE_OFFICE_KEY);
  const offices = listOffices(ctx.store.db);
  const officeId = input.officeId ?? (deviceOfficeId && offices.some((o) => o.id === deviceOfficeId) ? deviceOfficeId : (offices[0]?.id ?? null));
  const at = input.at && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(input.at) ? input.at : now;
  const staff = listStaff(ctx.store.db).filter((member) => member.active);
  const onDuty = officeId ? onDutyAt(ctx, officeId, at) : [];
  const nurses = staff.filter((member) => member.profession === 'nurse').map((member) => ({ id: member.id, name: member.name, onDuty: onDuty.includes(member.id) }));
  return {
    now,
    officeId,
    deviceOfficeId,
    offices: offices.map((office) => ({ id: office.id, name: office.name })),
    nurses: [...nurses.filter((n) => n.onDuty), ...nurses.filter((n) => !n.onDuty)],
    suggestedNurseId: nurses.find((n) => n.onDuty)?.id ?? null,
    doctors: staff.filter((m) => m.profession === 'doctor' || m.profession === 'doctorInTraining').map((m) => ({ id: m.id, name: m.name })),
    demoMode: isDemo(ctx),
  };
}

/** The routines the form offers for a nurse on a date: each with whether she may use it, and the reason when not. */
function routineOptions(ctx: CallContext, { nurseId, date }: z.output<typeof routineOptionsInput>) {
  return checkRoutinesFor(ctx.store.db, nurseId, date).map(({ routine, result }) => ({
    routineId: routine.routineId,
    version: routine.version,
    title: routine.title,
    icpc2Codes: routine.icpc2Codes,
    medicine: { name: routine.medicine.name, details: `${routine.medicine.strength} ${routine.medicine.form}, ${routine.medicine.dose}` },
    nurseMay: routine.nurseMay,
    allowed: result.allowed,
    reasons: result.allowed ? [] : result.reasons.map((reason) => reason.message),
  }));
}

export const consultationFormHandlers = {
  'consultations.formContext': defineHandler({ access: CONSULTATION_STAFF, input: formContextInput, run: formContext }),
  'consultations.routineOptions': defineHandler({ access: CONSULTATION_STAFF, input: routineOptionsInput, run: routineOptions }),
};
export type ConsultationFormHandlers = typeof consultationFormHandlers;
