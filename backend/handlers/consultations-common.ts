// Shared by the consultation handler modules (and the audit log's patient lookup): who works with the log, its local "now", identity numbers, and an entry as lists show it.
import { utcMsToOslo } from '../../domain/calendar/oslo';
import type { Role } from '../../domain/roles';
import { maskPatient } from '../../domain/consultations/amendments';
import type { CurrentEntry } from '../../domain/consultations/amendments';
import { dateOf } from '../../domain/consultations/entry';
import { validateIdentityNumber } from '../../domain/consultations/identity';
import { requiredText } from '../../domain/validation';
import { getCooperation } from '../../db/cooperation';
import { getCurrentEntry } from '../../db/consultations';
import { plannedShifts } from '../read-models/rota-week';
import { CONSULTATION_LOGGERS } from '../../domain/trust/permissions';
import { AppError } from '../errors';
import type { CallContext } from '../core/handler';

/**
 * Who works with the log day to day: record, amend, list, and reveal an identity number with a reason. The permission
 * table's list, so who may call these handlers and whose entries sync accepts cannot drift apart.
 */
export const CONSULTATION_STAFF: readonly Role[] = CONSULTATION_LOGGERS;
/** Who reads the trial's figures (no identities). */
export const CONSULTATION_STATISTICS: readonly Role[] = ['lead', 'doctor', 'admin'];

/** Why an identity number is revealed or searched for, an entry amended or cancelled. */
export const reasonSchema = requiredText(300);

/** Now on the wall clock in Oslo, as the log stores times (YYYY-MM-DDTHH:MM). */
export function localNow(ctx: CallContext): string {
  const wall = utcMsToOslo(ctx.now().getTime());
  return `${wall.date}T${wall.time}`;
}

/** The example dataset accepts synthetic identity numbers. */
export function isDemo(ctx: CallContext): boolean {
  return getCooperation(ctx.store.db)?.exampleData ?? false;
}

/** The entry as lists show it: identity masked, no note. */
export function listRow(entry: CurrentEntry) {
  return {
    id: entry.id,
    at: entry.at,
    officeId: entry.officeId,
    nurseId: entry.nurseId,
    patient: maskPatient(entry.patient),
    contact: entry.contact,
    icpc2Code: entry.icpc2Code,
    routineId: entry.routineId,
    medicine: entry.medicine,
    outcome: entry.outcome,
    doctorId: entry.doctorId,
    followUpDate: entry.followUpDate,
    cancelled: entry.cancelled !== null,
    amendmentCount: entry.amendmentCount,
  };
}
export type ConsultationListRow = ReturnType<typeof listRow>;

/** The identity number as typed, checked (synthetic numbers only in the example dataset); refused as a field error otherwise. */
export function checkedIdentityNumber(ctx: CallContext, identityNumber: string): string {
  const checked = validateIdentityNumber(identityNumber, { allowSynthetic: isDemo(ctx) });
  if (!checked.ok) throw new AppError('validation.failed', { identityMessage: checked.message }, { identityNumber: 'invalidFormat' });
  return checked.number;
}

export function requireEntry(ctx: CallContext, id: string): CurrentEntry {
  const entry = getCurrentEntry(ctx.store.db, id);
  if (!entry) throw new AppError('consultations.notFound');
  return entry;
}

/** The staff planned at the office at a local time (clinic and video shifts, not the emergency duty). */
export function onDutyAt(ctx: CallContext, officeId: string, at: string): string[] {
  const date = dateOf(at);
  const time = at.slice(11, 16);
  return plannedShifts(ctx.store.db, date, date)
    .filter((shift) => shift.officeId === officeId && shift.kind !== 'legevakt' && shift.start <= time && time < shift.end)
    .map((shift) => shift.staffId);
}
