// Delegated routines (delegerte rutiner / standing orders): ICPC-2 and ATC code formats, criteria, medicine, the versioned routine record and its zod schemas.
import { z } from 'zod';
import { localDateSchema } from '../calendar/dates';
import type { LocalDate } from '../calendar/dates';
import { idSchema } from '../ids';
import { requiredText } from '../validation';

/** draft = utkast (never in force), active = aktiv, retired = utgått (superseded by a newer version or withdrawn). */
export const ROUTINE_STATUSES = ['draft', 'active', 'retired'] as const;
export type RoutineStatus = (typeof ROUTINE_STATUSES)[number];

/** give = give or hand out from the office's stock; prepareForSignature = prepare a prescription the responsible doctor signs. */
export const NURSE_MAY = ['give', 'prepareForSignature'] as const;
export type NurseMay = (typeof NURSE_MAY)[number];

export const ROUTINE_STATUS_NAMES_NB: Readonly<Record<RoutineStatus, string>> = {
  draft: 'Utkast',
  active: 'Aktiv',
  retired: 'Utgått',
};

export const NURSE_MAY_NAMES_NB: Readonly<Record<NurseMay, string>> = {
  give: 'Gi eller utlevere fra kontorets lager',
  prepareForSignature: 'Forberede resept som ansvarlig lege signerer',
};

/**
 * ICPC-2 code: chapter letter + two digits (U71, R72, S18, A92). Only the 17 chapter letters ICPC-2 uses; rubric 00 does
 * not exist. Lower case is accepted and stored upper case.
 */
export const ICPC2_CODE_PATTERN = /^[ABDFHKLNPRSTUWXYZ](0[1-9]|[1-9]\d)$/;
/**
 * ATC code at substance level (level 5): anatomical group letter, 2 digits, 2 letters, 2 digits (J01CA08, R06AE07).
 * Only the 14 anatomical main groups exist. Lower case is accepted and stored upper case.
 */
export const ATC_CODE_PATTERN = /^[ABCDGHJLMNPRSV]\d{2}[A-Z]{2}\d{2}$/;

export const icpc2CodeSchema = z.string('invalidFormat').trim().toUpperCase().regex(ICPC2_CODE_PATTERN, 'invalidFormat');
export const atcCodeSchema = z.string('invalidFormat').trim().toUpperCase().regex(ATC_CODE_PATTERN, 'invalidFormat');

export function isIcpc2Code(value: string): boolean {
  return ICPC2_CODE_PATTERN.test(value);
}

export function isAtcCode(value: string): boolean {
  return ATC_CODE_PATTERN.test(value);
}

const CRITERION_MAX = 300;

/** An exclusion criterion; redFlag = a sign that needs a doctor urgently (the UI shows it first and in red). */
export const exclusionCriterionSchema = z.object({
  text: requiredText(CRITERION_MAX),
  redFlag: z.boolean('invalidFormat'),
});
export type ExclusionCriterion = z.output<typeof exclusionCriterionSchema>;

/** The one medicine a routine version covers (like a Patient Group Direction: one medicine per routine). */
export const routineMedicineSchema = z.object({
  name: requiredText(100),
  atcCode: atcCodeSchema,
  /** '200 mg', '10 mg/ml'. */
  strength: requiredText(60),
  /** 'tablett', 'mikstur', 'øredråper'. */
  form: requiredText(60),
  /** 'oralt', 'i øret', 'intramuskulært'. */
  route: requiredText(60),
  /** '1 tablett'. */
  dose: requiredText(100),
  /** '3 ganger daglig', 'én gang'. */
  frequency: requiredText(100),
  /** Treatment length in days; null = a single dose. */
  durationDays: z
    .number('invalidFormat')
    .int('invalidFormat')
    .min(1, 'outOfRange')
    .max(365, 'outOfRange')
    .nullish()
    .transform((value) => value ?? null),
  /** Most the nurse may give or prepare for one patient: '9 tabletter (1 pakning)'. */
  maxQuantity: requiredText(100),
});
export type RoutineMedicine = z.output<typeof routineMedicineSchema>;

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** The fields a doctor writes; version and status are managed by the version rules (see versions.ts). */
const routineContentObject = z.object({
  title: requiredText(150),
  icpc2Codes: z.array(icpc2CodeSchema, 'required').min(1, 'required').max(20, 'outOfRange').transform(unique),
  indication: requiredText(1000),
  inclusionCriteria: z.array(requiredText(CRITERION_MAX), 'required').min(1, 'required').max(30, 'outOfRange'),
  exclusionCriteria: z.array(exclusionCriterionSchema, 'required').min(1, 'required').max(40, 'outOfRange'),
  medicine: routineMedicineSchema,
  nurseMay: z.enum(NURSE_MAY, 'invalidChoice'),
  followUpAdvice: requiredText(2000),
  responsibleDoctorId: idSchema,
  requiredCompetenceTypeIds: z
    .array(idSchema, 'invalidFormat')
    .max(20, 'outOfRange')
    .nullish()
    .transform((value) => unique(value ?? [])),
  /** First day the version is in force (once active). */
  validFrom: localDateSchema,
  /** When the routine should be reviewed; after it the check shows a warning, not a refusal. */
  reviewDate: localDateSchema,
  /** Last day the version is in force. */
  expiresOn: localDateSchema,
});

/** What a doctor enters for a routine version: validFrom ≤ reviewDate ≤ expiresOn. */
export const routineContentSchema = routineContentObject
  .refine((routine) => routine.validFrom <= routine.reviewDate, { message: 'timeOrder', path: ['reviewDate'] })
  .refine((routine) => routine.reviewDate <= routine.expiresOn, { message: 'timeOrder', path: ['expiresOn'] });
export type RoutineContentInput = z.input<typeof routineContentSchema>;
export type RoutineContent = z.output<typeof routineContentSchema>;

/** The content fields, in a fixed order (used to compare versions and to list what changed). */
export const ROUTINE_CONTENT_FIELDS = Object.keys(routineContentObject.shape) as (keyof RoutineContent)[];

/** A stored routine version: content plus identity, lifecycle and the dates that bound it. */
export const routineSchema = routineContentObject
  .extend({
    /** Id of this version's row. */
    id: idSchema,
    /** Id shared by all versions of the same routine. */
    routineId: idSchema,
    version: z.number('invalidFormat').int('invalidFormat').min(1, 'outOfRange'),
    status: z.enum(ROUTINE_STATUSES, 'invalidChoice'),
    /** First day the version is no longer in force (superseded or withdrawn); null while not retired. */
    retiredFrom: localDateSchema.nullable(),
    /** The version that replaced this one; null when withdrawn or not retired. */
    supersededByVersion: z.number('invalidFormat').int('invalidFormat').min(2, 'outOfRange').nullable(),
  })
  .refine((routine) => routine.validFrom <= routine.reviewDate, { message: 'timeOrder', path: ['reviewDate'] })
  .refine((routine) => routine.reviewDate <= routine.expiresOn, { message: 'timeOrder', path: ['expiresOn'] })
  .refine((routine) => (routine.status === 'retired') === (routine.retiredFrom !== null), { message: 'invalidChoice', path: ['retiredFrom'] })
  .refine((routine) => routine.supersededByVersion === null || routine.supersededByVersion > routine.version, {
    message: 'outOfRange',
    path: ['supersededByVersion'],
  });

export interface Routine extends RoutineContent {
  id: string;
  routineId: string;
  version: number;
  status: RoutineStatus;
  retiredFrom: LocalDate | null;
  supersededByVersion: number | null;
}

/** The content fields of a routine version (without identity and lifecycle). */
export function routineContent(routine: RoutineContent): RoutineContent {
  const content = {} as Record<string, unknown>;
  for (const field of ROUTINE_CONTENT_FIELDS) content[field] = routine[field];
  return content as RoutineContent;
}
