// A consultation log entry: its fields, the input schema the form and the backend share, and the rules an entry must meet.
import { z } from 'zod';
import { localDateSchema } from '../calendar/dates';
import type { LocalDate } from '../calendar/dates';
import { idSchema } from '../ids';
import { icpc2CodeSchema } from '../routines/types';
import { optionalText } from '../validation';
import type { FieldErrors } from '../validation';
import { normalizeIdentityInput, validateIdentityNumber } from './identity';
import type { IdentityKind } from './identity';

export const CONTACT_KINDS = ['inPerson', 'phone', 'video'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** How the consultation ended. Only resolvedByNurse counts as "resolved without a doctor" in the trial's figures. */
export const OUTCOMES = ['resolvedByNurse', 'doctorByPhone', 'doctorByVideo', 'bookedWithDoctor', 'sentToLegevakt', 'emergency113'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Outcomes where a doctor was involved in the consultation itself, so the doctor must be named. */
export const OUTCOMES_NEEDING_DOCTOR: readonly Outcome[] = ['doctorByPhone', 'doctorByVideo'];

export const MEDICINE_ACTIONS = ['given', 'prepared'] as const;
export type MedicineAction = (typeof MEDICINE_ACTIONS)[number];

export const PATIENT_SEXES = ['female', 'male'] as const;
export type PatientSex = (typeof PATIENT_SEXES)[number];

/** identityNumber = fødselsnummer, D- or H-number (or a synthetic number in demo mode); none = "uten fødselsnummer". */
export type PatientKind = IdentityKind | 'none';

export const NOTE_MAX = 500;
/** Entries may be up to this far ahead of the device clock (clocks on two PCs differ a little). */
export const FUTURE_TOLERANCE_MINUTES = 5;

/** Local Oslo date and time, `YYYY-MM-DDTHH:mm`: what the receptionist sees on the wall clock. */
export type LocalDateTime = string;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d$/;
/** A malformed value fails at `at`; a well-formed one whose date does not exist (2027-02-30, year 0000) at `at.date`, so the form can say which part is wrong. */
export const localDateTimeSchema = z
  .string('required')
  .trim()
  .superRefine((value, ctx) => {
    if (!LOCAL_DATE_TIME.test(value)) ctx.addIssue({ code: 'custom', message: 'invalidFormat' });
    else if (!localDateSchema.safeParse(value.slice(0, 10)).success) ctx.addIssue({ code: 'custom', message: 'invalidFormat', path: ['date'] });
  });

export function dateOf(at: LocalDateTime): LocalDate {
  return at.slice(0, 10);
}

const patientSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('identityNumber'), number: z.string('required').transform(normalizeIdentityInput) }),
    z.object({
      kind: z.literal('none'),
      birthYear: z.number('required').int('invalidFormat').min(1890, 'outOfRange').max(2100, 'outOfRange'),
      sex: z.enum(PATIENT_SEXES, 'invalidChoice'),
    }),
  ],
  'required',
);
export type PatientInput = z.output<typeof patientSchema>;

/** What the form sends. Cross-field rules (identity number, time, doctor) are in checkConsultation. */
export const consultationInputSchema = z.object({
  at: localDateTimeSchema,
  officeId: idSchema,
  nurseId: idSchema,
  patient: patientSchema,
  contact: z.enum(CONTACT_KINDS, 'invalidChoice'),
  icpc2Code: icpc2CodeSchema,
  routineId: idSchema.nullish().transform((value) => value ?? null),
  medicineAction: z
    .enum(MEDICINE_ACTIONS, 'invalidChoice')
    .nullish()
    .transform((value) => value ?? null),
  outcome: z.enum(OUTCOMES, 'invalidChoice'),
  /** Only for medicine given without a routine (on a doctor's order); with a routine the medicine comes from it. */
  medicineName: optionalText(100),
  doctorId: idSchema.nullish().transform((value) => value ?? null),
  followUpDate: localDateSchema.nullish().transform((value) => value ?? null),
  note: optionalText(NOTE_MAX),
});
export type ConsultationInput = z.output<typeof consultationInputSchema>;

export interface ConsultationRuleContext {
  /** Now on the wall clock in Oslo, `YYYY-MM-DDTHH:mm`. */
  nowLocal: LocalDateTime;
  /** Demo mode: synthetic test identity numbers are accepted. */
  allowSynthetic: boolean;
}

/** The patient as stored: kind, number (null without one), birth year and sex (from the number when there is one). */
export interface StoredPatient {
  kind: PatientKind;
  idNumber: string | null;
  birthYear: number | null;
  sex: PatientSex | null;
}

function minutesOf(at: LocalDateTime): number {
  const [date, time] = at.split('T') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return Date.UTC(y, m - 1, d, hh, mm) / 60000;
}

/**
 * The rules an entry must meet beyond its shape: a valid identity number (synthetic ones only in demo mode), no time in
 * the future, medicine without a routine only with a consulted doctor, a named doctor when one was consulted, and a
 * follow-up date that is not before the consultation. Returns the patient as it will be stored, or field errors.
 */
export function checkConsultation(
  input: ConsultationInput,
  context: ConsultationRuleContext,
): { ok: true; patient: StoredPatient } | { ok: false; fields: FieldErrors; identityMessage?: string } {
  const fields: FieldErrors = {};
  let identityMessage: string | undefined;
  let patient: StoredPatient | null = null;
  if (input.patient.kind === 'identityNumber') {
    const result = validateIdentityNumber(input.patient.number, { allowSynthetic: context.allowSynthetic, today: dateOf(context.nowLocal) });
    if (result.ok) {
      patient = { kind: result.kind, idNumber: result.number, birthYear: Number(result.birthDate.slice(0, 4)), sex: result.sex };
    } else {
      fields['patient.number'] = 'invalidFormat';
      identityMessage = result.message;
    }
  } else {
    if (input.patient.birthYear > Number(context.nowLocal.slice(0, 4))) fields['patient.birthYear'] = 'outOfRange';
    patient = { kind: 'none', idNumber: null, birthYear: input.patient.birthYear, sex: input.patient.sex };
  }
  if (minutesOf(input.at) > minutesOf(context.nowLocal) + FUTURE_TOLERANCE_MINUTES) fields.at = 'outOfRange';
  if (input.medicineAction !== null && input.routineId === null) {
    if (input.doctorId === null) fields.doctorId = 'required';
    if (input.medicineName === null) fields.medicineName = 'required';
  }
  if (OUTCOMES_NEEDING_DOCTOR.includes(input.outcome) && input.doctorId === null) fields.doctorId = 'required';
  if (input.followUpDate !== null && input.followUpDate < dateOf(input.at)) fields.followUpDate = 'outOfRange';
  if (Object.keys(fields).length > 0 || patient === null) return { ok: false, fields, ...(identityMessage ? { identityMessage } : {}) };
  return { ok: true, patient };
}

/** True when the nurse resolved the consultation without a doctor: the trial's main figure. */
export function resolvedWithoutDoctor(entry: { outcome: Outcome; doctorId: string | null }): boolean {
  return entry.outcome === 'resolvedByNurse' && entry.doctorId === null;
}
