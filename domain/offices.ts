// Offices (legekontor): fields, opening hours per weekday and driving minutes between offices.
import { z } from 'zod';
import { idSchema } from './ids';
import { optionalText, requiredText } from './validation';

/** ISO weekdays, Monday first: 1 = mandag … 7 = søndag. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalidFormat');

/** Opening hours for one weekday, or null when the office is closed that day. */
export const dayHoursSchema = z
  .object({ open: timeOfDay, close: timeOfDay })
  .refine((hours) => hours.open < hours.close, { message: 'timeOrder', path: ['close'] })
  .nullable();
export type DayHours = z.infer<typeof dayHoursSchema>;

/** Keys '1'..'7' (ISO weekday) to hours or null (closed). */
export const openingHoursSchema = z.object({
  '1': dayHoursSchema,
  '2': dayHoursSchema,
  '3': dayHoursSchema,
  '4': dayHoursSchema,
  '5': dayHoursSchema,
  '6': dayHoursSchema,
  '7': dayHoursSchema,
});
export type OpeningHours = z.infer<typeof openingHoursSchema>;

export const STANDARD_OPENING_HOURS: OpeningHours = {
  '1': { open: '08:00', close: '15:30' },
  '2': { open: '08:00', close: '15:30' },
  '3': { open: '08:00', close: '15:30' },
  '4': { open: '08:00', close: '15:30' },
  '5': { open: '08:00', close: '15:30' },
  '6': null,
  '7': null,
};

/** Driving minutes from this office to each other office, keyed by the other office's id. */
export const drivingMinutesSchema = z.record(idSchema, z.number().int('invalidFormat').min(0, 'outOfRange').max(24 * 60, 'outOfRange'));
export type DrivingMinutes = z.infer<typeof drivingMinutesSchema>;

const phoneSchema = z
  .string()
  .trim()
  .regex(/^(\+?\d[\d ]{6,18}\d)?$/, 'phoneFormat')
  .nullish()
  .transform((value) => (value ? value : null));

/** What a user enters for an office. */
export const officeInputSchema = z.object({
  name: requiredText(80),
  municipality: requiredText(60),
  address: optionalText(160),
  phone: phoneSchema,
  openingHours: openingHoursSchema,
  drivingMinutes: drivingMinutesSchema,
});
export type OfficeInput = z.input<typeof officeInputSchema>;
export type OfficeValues = z.output<typeof officeInputSchema>;

export interface Office extends OfficeValues {
  id: string;
}

/** Case- and space-insensitive key used to find duplicate office names. */
export function officeNameKey(name: string): string {
  return name.trim().toLocaleLowerCase('nb-NO').replace(/\s+/g, ' ');
}
