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

export const staffInputSchema = z.object({
  name: requiredText(100),
  profession: z.enum(PROFESSIONS, 'invalidChoice'),
  hprNumber: hprSchema,
  homeMunicipality: optionalText(60),
  baseOfficeId: idSchema.nullable(),
  positionPercent: z.number('invalidFormat').int('invalidFormat').min(0, 'outOfRange').max(100, 'outOfRange'),
  active: z.boolean(),
});
export type StaffInput = z.input<typeof staffInputSchema>;
export type StaffValues = z.output<typeof staffInputSchema>;

export interface StaffMember extends StaffValues {
  id: string;
}
