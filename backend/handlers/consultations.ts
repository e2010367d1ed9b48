// Consultation log handlers: the entry form's context, saving, amending and cancelling, lists and search, reveal, statistics, export, ICPC-2 import and retention.
import { z } from 'zod';
import { localDateSchema } from '../../domain/calendar/dates';
import { utcMsToOslo } from '../../domain/calendar/oslo';
import type { Role } from '../../domain/roles';
import { idSchema } from '../../domain/ids';
import { diffEntry, maskHistory, maskPatient } from '../../domain/consultations/amendments';
import type { CurrentEntry, EntryFields, EntryMedicine } from '../../domain/consultations/amendments';
import { checkConsultation, consultationInputSchema, dateOf, OUTCOMES } from '../../domain/consultations/entry';
import type { ConsultationInput } from '../../domain/consultations/entry';
import { validateIdentityNumber } from '../../domain/consultations/identity';
import { checkIcpc2Rows } from '../../domain/consultations/icpc2-import';
import { ICPC2_STARTER } from '../../domain/consultations/icpc2-starter';
import { MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS, retentionCutoff } from '../../domain/consultations/retention';
import { consultationStatistics, sumStatistics } from '../../domain/consultations/statistics';
import { icpc2CodeSchema } from '../../domain/routines/types';
import { requiredText } from '../../domain/validation';
import { patientRef, recordAudit } from '../../db/audit';
import type { AuditInput } from '../../db/audit';
import { getCooperation, getCooperationSettings, setConsultationRetention } from '../../db/cooperation';
import {
  anonymiseConsultation,
  appendAmendment,
  entriesToAnonymise,
  findByIdentityNumber,
  getCurrentEntry,
  insertConsultation,
  listConsultations,
  listImportedIcpc2Codes,
  saveImportedIcpc2Codes,
  statisticsEntries,
} from '../../db/consultations';
import { DEVICE_OFFICE_KEY, getMeta } from '../../db/local-meta';
import { getOffice, listOffices } from '../../db/offices';
import { getStaffMember, listStaff } from '../../db/staff';
import type { ChangeSet } from '../../db/write-path';
import { consultationExport } from '../consultation-export';
import { AppError, fieldError } from '../errors';
import { defineHandler } from '../handler';
import type { CallContext, SignedInContext } from '../handler';
import { checkRoutinesFor } from '../routine-check';
import { plannedShifts } from '../rota-week';
import { readTable, UnreadableFileError } from '../spreadsheets';

/** Who works with the log day to day: record, amend, list, and reveal an identity number with a reason. */
export const CONSULTATION_STAFF: readonly Role[] = ['receptionist', 'nurse', 'doctor', 'lead'];
/** Who reads the trial's figures (no identities). */
export const CONSULTATION_STATISTICS: readonly Role[] = ['lead', 'doctor', 'admin'];

const PAGE_SIZE_MAX = 200;
const reasonSchema = requiredText(300);

function localNow(ctx: CallContext): string {
  const wall = utcMsToOslo(ctx.now().getTime());
  return `${wall.date}T${wall.time}`;
}

function audit(ctx: SignedInContext, changes: ChangeSet, event: Omit<AuditInput, 'at' | 'userId' | 'username'>) {
  recordAudit(changes, ctx.store.clock.deviceId, { at: ctx.now().toISOString(), userId: ctx.session.userId, username: ctx.session.username, ...event });
}

function isDemo(ctx: CallContext): boolean {
  return getCooperation(ctx.store.db)?.exampleData ?? false;
}

/** The entry as lists show it: identity masked, no note. */
function listRow(entry: CurrentEntry) {
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

function onDutyAt(ctx: CallContext, officeId: string, at: string): string[] {
  const date = dateOf(at);
  const time = at.slice(11, 16);
  return plannedShifts(ctx.store.db, date, date)
    .filter((shift) => shift.officeId === officeId && shift.kind !== 'legevakt' && shift.start <= time && time < shift.end)
    .map((shift) => shift.staffId);
}

/**
 * Checks an entry against the rules and the register, and turns it into the stored fields. A routine the nurse may not
 * use on that day is refused with the reasons; a nurse who is not on duty is only a warning.
 */
function prepareEntry(ctx: CallContext, input: ConsultationInput): { fields: EntryFields; warnings: string[] } {
  const checked = checkConsultation(input, { nowLocal: localNow(ctx), allowSynthetic: isDemo(ctx) });
  if (!checked.ok) throw new AppError('validation.failed', checked.identityMessage ? { identityMessage: checked.identityMessage } : undefined, checked.fields);
  if (!getOffice(ctx.store.db, input.officeId)) throw fieldError({ officeId: 'invalidChoice' });
  const nurse = getStaffMember(ctx.store.db, input.nurseId);
  if (!nurse || !nurse.active) throw fieldError({ nurseId: 'invalidChoice' });
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

function requireEntry(ctx: CallContext, id: string): CurrentEntry {
  const entry = getCurrentEntry(ctx.store.db, id);
  if (!entry) throw new AppError('consultations.notFound');
  return entry;
}

const filterSchema = z.object({
  fromDate: localDateSchema,
  toDate: localDateSchema,
  officeId: idSchema.nullish(),
  nurseId: idSchema.nullish(),
  outcome: z.enum(OUTCOMES, 'invalidChoice').nullish(),
  icpc2Code: icpc2CodeSchema.nullish(),
  includeCancelled: z.boolean().optional(),
});

const statisticsInput = z.object({
  fromDate: localDateSchema,
  toDate: localDateSchema,
  officeId: idSchema.nullish(),
  period: z.enum(['week', 'month'], 'invalidChoice'),
});

const fileInput = z.object({ fileName: requiredText(200), contentBase64: z.string().max(8 * 1024 * 1024, 'tooLong') });

async function readIcpc2File(input: z.output<typeof fileInput>) {
  let rows: string[][];
  try {
    rows = await readTable(Buffer.from(input.contentBase64, 'base64'));
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new AppError('consultations.importUnreadable', { fileName: input.fileName });
    throw error;
  }
  const check = checkIcpc2Rows(rows);
  if (check.accepted.length === 0) throw new AppError('consultations.importEmpty', { fileName: input.fileName, rejected: check.rejected.length });
  return check;
}

function statistics(ctx: CallContext, input: z.output<typeof statisticsInput>) {
  const rows = consultationStatistics(statisticsEntries(ctx.store.db, input), input.period);
  const offices = [...new Set(rows.map((row) => row.officeId))];
  return {
    period: input.period,
    rows,
    totalsByOffice: offices.map((officeId) => sumStatistics(rows.filter((row) => row.officeId === officeId), officeId, 'total')),
    total: sumStatistics(rows, 'all', 'total'),
  };
}

export const consultationsHandlers = {
  /** What the entry form needs: now, this device's office, nurses (on duty first) and doctors, ICPC-2 codes, demo mode. */
  'consultations.formContext': defineHandler({
    access: CONSULTATION_STAFF,
    input: z.object({ officeId: idSchema.nullish(), at: z.string().nullish() }),
    run: (ctx, input) => {
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
    },
  }),
  /** The routines the form offers for a nurse on a date: each with whether she may use it, and the reason when not. */
  'consultations.routineOptions': defineHandler({
    access: CONSULTATION_STAFF,
    input: z.object({ nurseId: idSchema, date: localDateSchema }),
    run: (ctx, { nurseId, date }) =>
      checkRoutinesFor(ctx.store.db, nurseId, date).map(({ routine, result }) => ({
        routineId: routine.routineId,
        version: routine.version,
        title: routine.title,
        icpc2Codes: routine.icpc2Codes,
        medicine: { name: routine.medicine.name, details: `${routine.medicine.strength} ${routine.medicine.form}, ${routine.medicine.dose}` },
        nurseMay: routine.nurseMay,
        allowed: result.allowed,
        reasons: result.allowed ? [] : result.reasons.map((reason) => reason.message),
      })),
  }),
  /** ICPC-2 codes to choose from: the starter list, with the office's imported official texts taking precedence. */
  'consultations.icpc2Codes': defineHandler({
    access: 'signedIn',
    input: z.object({}),
    run: (ctx) => {
      const imported = new Map(listImportedIcpc2Codes(ctx.store.db).map((row) => [row.code, row.text]));
      const starter = ICPC2_STARTER.map((code) => ({ code: code.code, title: imported.get(code.code) ?? code.title, keywords: [...(code.keywords ?? []), ...(imported.has(code.code) ? [code.title] : [])] }));
      const starterCodes = new Set(ICPC2_STARTER.map((code) => code.code));
      const extra = [...imported].filter(([code]) => !starterCodes.has(code)).map(([code, title]) => ({ code, title, keywords: [] as string[] }));
      return { codes: [...starter, ...extra], importedCount: imported.size };
    },
  }),
  'consultations.create': defineHandler({
    access: CONSULTATION_STAFF,
    changes: 'consultations',
    input: consultationInputSchema,
    run: (ctx, input) => {
      const { fields, warnings } = prepareEntry(ctx, input);
      const id = ctx.store.writer.write((changes) => {
        const newId = insertConsultation(changes, { ...fields, recordedBy: ctx.session.userId, recordedAt: ctx.now().toISOString() });
        audit(ctx, changes, { action: 'consultation.created', targetTable: 'consultations', targetId: newId, patientRef: fields.patient.idNumber ? patientRef(fields.patient.idNumber) : null });
        return newId;
      });
      return { id, warnings };
    },
  }),
  /** A correction: the whole corrected entry and a reason; only the changed fields are stored, as an amendment. */
  'consultations.amend': defineHandler({
    access: CONSULTATION_STAFF,
    changes: 'consultations',
    input: z.object({ id: idSchema, entry: consultationInputSchema, reason: reasonSchema }),
    run: (ctx, { id, entry, reason }) => {
      const current = requireEntry(ctx, id);
      if (current.cancelled) throw new AppError('consultations.cancelled');
      const input = entry.patient.kind === 'identityNumber' && entry.patient.number === '' && current.patient.idNumber ? { ...entry, patient: { kind: 'identityNumber' as const, number: current.patient.idNumber } } : entry;
      const { fields, warnings } = prepareEntry(ctx, input);
      // A routine that was used keeps its version unless the routine itself changed.
      if (fields.routineId === current.routineId) fields.routineVersion = current.routineVersion;
      const changed = diffEntry(current, fields);
      if (Object.keys(changed).length === 0) throw new AppError('consultations.noChanges');
      ctx.store.writer.write((changes) => {
        appendAmendment(changes, { consultationId: id, kind: 'amended', changes: changed, reason, byUserId: ctx.session.userId, at: ctx.now().toISOString() });
        audit(ctx, changes, { action: 'consultation.amended', targetTable: 'consultations', targetId: id, reason, details: { fields: Object.keys(changed) } });
      });
      return { id, warnings, changedFields: Object.keys(changed) };
    },
  }),
  /** Cancels an entry logged by mistake; the original and the reason stay in the history, statistics leave it out. */
  'consultations.cancel': defineHandler({
    access: CONSULTATION_STAFF,
    changes: 'consultations',
    input: z.object({ id: idSchema, reason: reasonSchema }),
    run: (ctx, { id, reason }) => {
      const current = requireEntry(ctx, id);
      if (current.cancelled) throw new AppError('consultations.cancelled');
      ctx.store.writer.write((changes) => {
        appendAmendment(changes, { consultationId: id, kind: 'cancelled', changes: {}, reason, byUserId: ctx.session.userId, at: ctx.now().toISOString() });
        audit(ctx, changes, { action: 'consultation.cancelled', targetTable: 'consultations', targetId: id, reason });
      });
      return { id };
    },
  }),
  'consultations.list': defineHandler({
    access: CONSULTATION_STAFF,
    input: filterSchema.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(PAGE_SIZE_MAX).default(50) }),
    run: (ctx, input) => {
      if (input.toDate < input.fromDate) throw fieldError({ toDate: 'timeOrder' });
      const { total, entries } = listConsultations(ctx.store.db, input, { offset: input.offset, limit: input.limit });
      return { total, offset: input.offset, rows: entries.map(listRow) };
    },
  }),
  /** One entry with its history; the identity number stays masked (revealing it is a separate, logged step). */
  'consultations.get': defineHandler({
    access: CONSULTATION_STAFF,
    input: z.object({ id: idSchema }),
    run: (ctx, { id }) => {
      const entry = requireEntry(ctx, id);
      ctx.store.writer.write((changes) => audit(ctx, changes, { action: 'consultation.viewed', targetTable: 'consultations', targetId: id }));
      const users = new Map((ctx.store.db.prepare('SELECT id, username FROM users').all() as { id: string; username: string }[]).map((u) => [u.id, u.username]));
      return {
        ...listRow(entry),
        routineVersion: entry.routineVersion,
        note: entry.note,
        recordedBy: users.get(entry.recordedBy) ?? '',
        recordedAt: entry.recordedAt,
        anonymisedAt: entry.anonymisedAt,
        cancelledReason: entry.cancelled?.reason ?? null,
        history: maskHistory(entry.history).map((step) => ({ ...step, byUsername: users.get(step.byUserId) ?? '' })),
      };
    },
  }),
  /** Shows one entry's full identity number; who, when, which entry and why go to the audit log. */
  'consultations.reveal': defineHandler({
    access: CONSULTATION_STAFF,
    changes: 'audit',
    input: z.object({ id: idSchema, reason: reasonSchema }),
    run: (ctx, { id, reason }) => {
      const entry = requireEntry(ctx, id);
      if (!entry.patient.idNumber) throw new AppError('consultations.noIdentityNumber');
      ctx.store.writer.write((changes) =>
        audit(ctx, changes, { action: 'consultation.revealed', targetTable: 'consultations', targetId: id, patientRef: patientRef(entry.patient.idNumber as string), reason }),
      );
      return { id, idNumber: entry.patient.idNumber };
    },
  }),
  /** Finds a patient's entries by identity number; the search and its reason are logged. */
  'consultations.searchByIdentity': defineHandler({
    access: CONSULTATION_STAFF,
    changes: 'audit',
    input: z.object({ identityNumber: z.string(), reason: reasonSchema }),
    run: (ctx, { identityNumber, reason }) => {
      const checked = validateIdentityNumber(identityNumber, { allowSynthetic: isDemo(ctx) });
      if (!checked.ok) throw new AppError('validation.failed', { identityMessage: checked.message }, { identityNumber: 'invalidFormat' });
      const entries = findByIdentityNumber(ctx.store.db, checked.number);
      ctx.store.writer.write((changes) =>
        audit(ctx, changes, { action: 'consultation.searchedByIdentity', patientRef: patientRef(checked.number), reason, details: { found: entries.length } }),
      );
      return { rows: entries.map(listRow) };
    },
  }),
  'consultations.statistics': defineHandler({
    access: CONSULTATION_STATISTICS,
    input: statisticsInput,
    run: (ctx, input) => {
      if (input.toDate < input.fromDate) throw fieldError({ toDate: 'timeOrder' });
      return statistics(ctx, input);
    },
  }),
  /** The statistics as a CSV or XLSX file without identities; the export is logged. */
  'consultations.exportStatistics': defineHandler({
    access: CONSULTATION_STATISTICS,
    changes: 'audit',
    input: statisticsInput.extend({ format: z.enum(['csv', 'xlsx'], 'invalidChoice') }),
    run: async (ctx, input) => {
      if (input.toDate < input.fromDate) throw fieldError({ toDate: 'timeOrder' });
      const result = statistics(ctx, input);
      const officeNames = new Map(listOffices(ctx.store.db).map((office) => [office.id, office.name]));
      const file = await consultationExport(result.rows, officeNames, input);
      ctx.store.writer.write((changes) =>
        audit(ctx, changes, { action: 'consultation.exported', details: { format: input.format, fromDate: input.fromDate, toDate: input.toDate, rows: result.rows.length } }),
      );
      return file;
    },
  }),
  /** Reads an ICPC-2 code file (CSV or XLSX: code, text) and reports what would be imported and which lines are rejected. */
  'consultations.icpc2ImportPreview': defineHandler({
    access: ['lead', 'admin'],
    input: fileInput,
    run: async (_ctx, input) => {
      const check = await readIcpc2File(input);
      return { acceptedCount: check.accepted.length, sample: check.accepted.slice(0, 20), rejected: check.rejected, headerSkipped: check.headerSkipped };
    },
  }),
  'consultations.icpc2Import': defineHandler({
    access: ['lead', 'admin'],
    changes: 'consultations',
    input: fileInput,
    run: async (ctx, input) => {
      const check = await readIcpc2File(input);
      const counts = ctx.store.writer.write((changes) => saveImportedIcpc2Codes(changes, check.accepted));
      return { ...counts, rejected: check.rejected.length };
    },
  }),
  /** What retention would anonymise now: how many entries, the date range and per office. */
  'consultations.retentionPreview': defineHandler({
    access: ['admin'],
    input: z.object({}),
    run: (ctx) => {
      const months = getCooperationSettings(ctx.store.db).consultationRetentionMonths;
      const cutoff = retentionCutoff(dateOf(localNow(ctx)), months);
      const entries = entriesToAnonymise(ctx.store.db, cutoff);
      const byOffice: Record<string, number> = {};
      for (const entry of entries) byOffice[entry.officeId] = (byOffice[entry.officeId] ?? 0) + 1;
      return { months, cutoff, count: entries.length, oldest: entries[0]?.at ?? null, newest: entries.at(-1)?.at ?? null, byOffice };
    },
  }),
  /** Anonymises every entry older than the retention period: identity number and note removed, statistics kept. */
  'consultations.anonymise': defineHandler({
    access: ['admin'],
    changes: 'consultations',
    input: z.object({ cutoff: localDateSchema }),
    run: (ctx, { cutoff }) => {
      const months = getCooperationSettings(ctx.store.db).consultationRetentionMonths;
      const expected = retentionCutoff(dateOf(localNow(ctx)), months);
      // The preview the admin confirmed must still be the rule in force (a setting may have changed meanwhile).
      if (cutoff > expected) throw fieldError({ cutoff: 'outOfRange' });
      const entries = entriesToAnonymise(ctx.store.db, cutoff);
      const at = ctx.now().toISOString();
      for (let i = 0; i < entries.length; i += 1000) {
        ctx.store.writer.write((changes) => {
          for (const entry of entries.slice(i, i + 1000)) anonymiseConsultation(changes, entry.id, at);
          audit(ctx, changes, { action: 'consultation.anonymised', details: { count: Math.min(1000, entries.length - i), cutoff } });
        });
      }
      return { anonymised: entries.length };
    },
  }),
  'consultations.setRetention': defineHandler({
    access: ['admin'],
    changes: 'settings',
    input: z.object({ months: z.number('required').int('invalidFormat').min(MIN_RETENTION_MONTHS, 'outOfRange').max(MAX_RETENTION_MONTHS, 'outOfRange') }),
    run: (ctx, { months }) => {
      ctx.store.writer.write((changes) => {
        const cooperation = getCooperation(changes.db);
        if (cooperation) setConsultationRetention(changes, cooperation.id, months);
      });
      return { months };
    },
  }),
};
export type ConsultationsHandlers = typeof consultationsHandlers;
