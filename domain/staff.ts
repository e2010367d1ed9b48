// Staff members: professions, HPR number and the fields an office lead keeps about each person.
import { z } from 'zod';
import { idSchema } from './ids';
import { optionalText, requiredText } from './validation';

/** lege, LIS/ALIS, sykepleier, helsesekretær, annet. */
export const PROFESSIONS = ['doctor', 'doctorInTraining', 'nurse', 'secretary', 'other'] as const;
export type Profession = (typeof PROFESSIONS)[number];

/** HPR numbers (Helsepersonellregisteret) are up to 9 digits. */
const hprSchema = z
  .string()
  .trim()
  .regex(/^(\d{4,9})?$/, 'hprFormat')
  .nullish()
  .transform((value) => (value ? value : null));

/** How to reach the person (Norwegian or international number, spaces allowed); empty = none. */
const phoneSchema = z
  .string()
  .trim()
  .regex(/^(\+?\d[\d ]{6,18}\d)?$/, 'phoneFormat')
  .nullish()
  .transform((value) => (value ? value : null));

export const staffInputSchema = z.object({
  name: requiredText(100),
  profession: z.enum(PROFESSIONS, 'invalidChoice'),
  hprNumber: hprSchema,
  homeMunicipality: optionalText(60),
  baseOfficeId: idSchema.nullable(),
  positionPercent: z.number('invalidFormat').int('invalidFormat').min(0, 'outOfRange').max(100, 'outOfRange'),
  active: z.boolean(),
  /** Optional in the input so older callers (setup, imports) need not send it; the form always does. */
  phone: phoneSchema.optional(),
});
export type StaffInput = z.input<typeof staffInputSchema>;
export type StaffValues = z.output<typeof staffInputSchema>;

export interface StaffMember extends StaffValues {
  id: string;
}
