// Competence register records (kompetanseregister): competence types with renewal interval, professions and duties, and the staff competence records, with zod input schemas.
import { z } from 'zod';
import { localDateSchema } from '../calendar/dates';
import type { LocalDate } from '../calendar/dates';
import { idSchema } from '../ids';
import { PROFESSIONS } from '../staff';
import type { Profession, StaffMember } from '../staff';
import { optionalText, requiredText } from '../validation';

/** course = kurs, certificate = sertifikat/godkjenning, specialism = spesialitet, routineAuthorisation = rutineautorisasjon. */
export const COMPETENCE_CATEGORIES = ['course', 'certificate', 'specialism', 'routineAuthorisation'] as const;
export type CompetenceCategory = (typeof COMPETENCE_CATEGORIES)[number];

/**
 * Duties that require competences. legevakt = out-of-hours on-call (akuttmedisinforskriften);
 * emergencyNurse = the office's emergency-medicine nurse (akuttmedisinsk sykepleier) who handles simple consultations.
 */
export const DUTIES = ['legevakt', 'emergencyNurse'] as const;
export type Duty = (typeof DUTIES)[number];

export const COMPETENCE_CATEGORY_NAMES_NB: Readonly<Record<CompetenceCategory, string>> = {
  course: 'Kurs',
  certificate: 'Sertifikat/godkjenning',
  specialism: 'Spesialitet',
  routineAuthorisation: 'Rutineautorisasjon',
};

export const DUTY_NAMES_NB: Readonly<Record<Duty, string>> = {
  legevakt: 'Legevakt',
  emergencyNurse: 'Akuttmedisinsk sykepleier',
};

/** Longest renewal interval accepted: 50 years. */
export const MAX_RENEWAL_MONTHS = 600;

function uniqueInOrder<T extends string>(order: readonly T[]) {
  return (values: T[]): T[] => order.filter((value) => values.includes(value));
}

/** What a lead enters for a competence type (kompetansetype). Lists are stored without duplicates, in the order of the const lists. */
export const competenceTypeInputSchema = z.object({
  name: requiredText(100),
  category: z.enum(COMPETENCE_CATEGORIES, 'invalidChoice'),
  /** Months from the obtained date to the expiry date; null = never expires (e.g. a specialism). */
  renewalMonths: z
    .number('invalidFormat')
    .int('invalidFormat')
    .min(1, 'outOfRange')
    .max(MAX_RENEWAL_MONTHS, 'outOfRange')
    .nullish()
    .transform((value) => value ?? null),
  appliesTo: z
    .array(z.enum(PROFESSIONS, 'invalidChoice'), 'required')
    .min(1, 'required')
    .transform(uniqueInOrder<Profession>(PROFESSIONS)),
  requiredFor: z
    .array(z.enum(DUTIES, 'invalidChoice'), 'invalidFormat')
    .nullish()
    .transform((value) => uniqueInOrder<Duty>(DUTIES)(value ?? [])),
  description: optionalText(500),
});
export type CompetenceTypeInput = z.input<typeof competenceTypeInputSchema>;
export type CompetenceTypeValues = z.output<typeof competenceTypeInputSchema>;

export interface CompetenceType extends CompetenceTypeValues {
  id: string;
}

/** An optional date: '', null and undefined become null. */
const nullableDate = z
  .union([z.literal(''), localDateSchema], 'invalidFormat')
  .nullish()
  .transform((value) => value || null);

/**
 * What a lead enters for one staff competence (kompetansebevis): one record per time the competence was obtained.
 * A renewal is a new record, so the history is kept. expiresOn left empty = computed from the type's renewal interval
 * (see resolveStaffCompetence); expiresOn is the last day the competence is valid.
 */
export const staffCompetenceInputSchema = z
  .object({
    staffId: idSchema,
    competenceTypeId: idSchema,
    obtained: localDateSchema,
    expiresOn: nullableDate,
    /** Where the proof is: "kursbevis i personalmappe", a document number … */
    evidenceRef: optionalText(200),
    verifiedBy: idSchema.nullish().transform((value) => value ?? null),
    note: optionalText(500),
  })
  .refine((record) => record.expiresOn === null || record.obtained <= record.expiresOn, { message: 'timeOrder', path: ['expiresOn'] })
  .refine((record) => record.verifiedBy === null || record.verifiedBy !== record.staffId, { message: 'invalidChoice', path: ['verifiedBy'] });
export type StaffCompetenceInput = z.input<typeof staffCompetenceInputSchema>;
export type StaffCompetenceValues = z.output<typeof staffCompetenceInputSchema>;

/** A stored staff competence record. expiresOn null = never expires. */
export interface StaffCompetence extends StaffCompetenceValues {
  id: string;
  obtained: LocalDate;
  expiresOn: LocalDate | null;
}

/** What the competence rules need of a staff member. */
export type CompetenceStaff = Pick<StaffMember, 'id' | 'name' | 'profession'>;
