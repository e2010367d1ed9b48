// Rota records (vaktplan): shifts, absences, recurring patterns and per-occurrence exceptions, with zod input schemas.
import { z } from 'zod';
import { localDateSchema, timeOfDaySchema } from '../calendar/dates';
import type { IsoWeekday, LocalDate, TimeOfDay } from '../calendar/dates';
import { idSchema } from '../ids';
import { optionalText } from '../validation';

/**
 * clinic = on site at the office (klinikk/dagtid), video = video cover for another office (videodekning),
 * legevakt = out-of-hours on-call, admin = administration, course = course/training (kurs).
 */
export const SHIFT_KINDS = ['clinic', 'video', 'legevakt', 'admin', 'course'] as const;
export type ShiftKind = (typeof SHIFT_KINDS)[number];

/** holiday = ferie, sick = sykefravær, course = kurs, leave = permisjon, timeOff = avspasering. */
export const ABSENCE_KINDS = ['holiday', 'sick', 'course', 'leave', 'timeOff'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

export const SHIFT_KIND_NAMES_NB: Readonly<Record<ShiftKind, string>> = {
  clinic: 'klinikk',
  video: 'videodekning',
  legevakt: 'legevakt',
  admin: 'administrasjon',
  course: 'kurs',
};

export const ABSENCE_KIND_NAMES_NB: Readonly<Record<AbsenceKind, string>> = {
  holiday: 'ferie',
  sick: 'sykefravær',
  course: 'kurs',
  leave: 'permisjon',
  timeOff: 'avspasering',
};

const NOTE_MAX = 500;
const nullableId = idSchema.nullish().transform((value) => value ?? null);
const shiftKindSchema = z.enum(SHIFT_KINDS, 'invalidChoice');

/**
 * The fields of a shift. An end at or before the start means the shift ends the next day (22:00–08:00 is overnight,
 * 08:00–08:00 is a 24-hour shift). For video cover, officeId is the office being covered; the doctor sits at their base.
 */
const shiftFields = {
  staffId: idSchema,
  officeId: idSchema,
  date: localDateSchema,
  start: timeOfDaySchema,
  end: timeOfDaySchema,
  kind: shiftKindSchema,
  note: optionalText(NOTE_MAX),
};

/** What a user enters for a shift (vakt). */
export const shiftInputSchema = z.object({ ...shiftFields, patternId: nullableId });
export type ShiftInput = z.input<typeof shiftInputSchema>;
export type ShiftValues = z.output<typeof shiftInputSchema>;

export interface Shift extends ShiftValues {
  id: string;
  date: LocalDate;
  start: TimeOfDay;
  end: TimeOfDay;
}

/** What a user enters for an absence (fravær); from and to are inclusive dates. */
export const absenceInputSchema = z
  .object({
    staffId: idSchema,
    from: localDateSchema,
    to: localDateSchema,
    kind: z.enum(ABSENCE_KINDS, 'invalidChoice'),
    note: optionalText(NOTE_MAX),
  })
  .refine((absence) => absence.from <= absence.to, { message: 'timeOrder', path: ['to'] });
export type AbsenceInput = z.input<typeof absenceInputSchema>;
export type AbsenceValues = z.output<typeof absenceInputSchema>;

export interface Absence extends AbsenceValues {
  id: string;
}

const weekdaySchema = z.number('invalidFormat').int('invalidFormat').min(1, 'outOfRange').max(7, 'outOfRange');

/**
 * What a user enters for a recurring pattern (fast turnus): on the chosen ISO weekdays, every `intervalWeeks` weeks,
 * counted from the ISO week of `from`; `to` null means open-ended. Weekdays are stored sorted and without duplicates.
 */
export const recurringPatternInputSchema = z
  .object({
    staffId: idSchema,
    officeId: idSchema,
    kind: shiftKindSchema,
    start: timeOfDaySchema,
    end: timeOfDaySchema,
    weekdays: z
      .array(weekdaySchema, 'required')
      .min(1, 'required')
      .transform((days) => [...new Set(days)].sort((a, b) => a - b) as IsoWeekday[]),
    intervalWeeks: z.number('invalidFormat').int('invalidFormat').min(1, 'outOfRange').max(52, 'outOfRange'),
    from: localDateSchema,
    to: localDateSchema.nullish().transform((value) => value ?? null),
    note: optionalText(NOTE_MAX),
  })
  .refine((pattern) => pattern.to === null || pattern.from <= pattern.to, { message: 'timeOrder', path: ['to'] });
export type RecurringPatternInput = z.input<typeof recurringPatternInputSchema>;
export type RecurringPatternValues = z.output<typeof recurringPatternInputSchema>;

export interface RecurringPattern extends RecurringPatternValues {
  id: string;
}

/** The shift fields an exception puts in place of one occurrence (it may move it to another date, time, office …). */
export const occurrenceReplacementSchema = z.object(shiftFields);
export type OccurrenceReplacement = z.output<typeof occurrenceReplacementSchema>;

/**
 * One occurrence of a pattern changed or removed, keyed by patternId + the occurrence's original date.
 * replacement null = this occurrence is removed; otherwise it is replaced (moved/changed). The rest of the pattern stays.
 */
export const patternExceptionInputSchema = z.object({
  patternId: idSchema,
  date: localDateSchema,
  replacement: occurrenceReplacementSchema.nullable(),
});
export type PatternExceptionInput = z.input<typeof patternExceptionInputSchema>;
export type PatternExceptionValues = z.output<typeof patternExceptionInputSchema>;

export interface PatternException extends PatternExceptionValues {
  id: string;
}

/** A shift not yet stored (no id), e.g. generated by a pattern or copied from another week. */
export type ShiftDraft = Omit<Shift, 'id'>;
