// Routine form logic without React: form values ⇄ routine content, live validation with the domain schema, and server field paths mapped to the form's fields.
import { addDays } from '../../../../domain/calendar/dates';
import type { LocalDate } from '../../../../domain/calendar/dates';
import { addMonths } from '../../../../domain/competence/expiry';
import { isIcpc2Code, routineContentSchema } from '../../../../domain/routines/types';
import type { NurseMay, RoutineContent, RoutineContentInput } from '../../../../domain/routines/types';
import { validate } from '../../../../domain/validation';
import { parseTypedNumber } from '../../components/parse';
import type { FormFieldErrors } from '../../i18n/codes';

export interface ExclusionRow {
  text: string;
  redFlag: boolean;
}

export interface MedicineForm {
  name: string;
  atcCode: string;
  strength: string;
  form: string;
  route: string;
  dose: string;
  frequency: string;
  /** Days; empty = a single dose. */
  durationDays: string;
  maxQuantity: string;
}

export interface RoutineForm {
  title: string;
  /** Comma separated, as typed: "U71, U72". */
  icpc2Codes: string;
  indication: string;
  /** One criterion per line. */
  inclusionCriteria: string;
  /** One row per criterion, each with its own red-flag checkbox. */
  exclusionCriteria: ExclusionRow[];
  medicine: MedicineForm;
  nurseMay: NurseMay | '';
  followUpAdvice: string;
  responsibleDoctorId: string;
  requiredCompetenceTypeIds: string[];
  validFrom: string;
  reviewDate: string;
  expiresOn: string;
}

/** Review after a year and expiry after two by default; the doctor can change both. */
export const DEFAULT_REVIEW_MONTHS = 12;
export const DEFAULT_EXPIRY_MONTHS = 24;

export function emptyMedicineForm(): MedicineForm {
  return { name: '', atcCode: '', strength: '', form: '', route: '', dose: '', frequency: '', durationDays: '', maxQuantity: '' };
}

/** A new routine: valid from today, the signed-in doctor responsible, one empty exclusion row. */
export function emptyRoutineForm(today: LocalDate, responsibleDoctorId: string | null): RoutineForm {
  return {
    title: '',
    icpc2Codes: '',
    indication: '',
    inclusionCriteria: '',
    exclusionCriteria: [{ text: '', redFlag: false }],
    medicine: emptyMedicineForm(),
    nurseMay: '',
    followUpAdvice: '',
    responsibleDoctorId: responsibleDoctorId ?? '',
    requiredCompetenceTypeIds: [],
    validFrom: today,
    reviewDate: addMonths(today, DEFAULT_REVIEW_MONTHS),
    expiresOn: addMonths(today, DEFAULT_EXPIRY_MONTHS),
  };
}

export function routineToForm(routine: RoutineContent): RoutineForm {
  return {
    title: routine.title,
    icpc2Codes: routine.icpc2Codes.join(', '),
    indication: routine.indication,
    inclusionCriteria: routine.inclusionCriteria.join('\n'),
    exclusionCriteria: routine.exclusionCriteria.map((criterion) => ({ text: criterion.text, redFlag: criterion.redFlag })),
    medicine: {
      ...routine.medicine,
      durationDays: routine.medicine.durationDays === null ? '' : String(routine.medicine.durationDays),
    },
    nurseMay: routine.nurseMay,
    followUpAdvice: routine.followUpAdvice,
    responsibleDoctorId: routine.responsibleDoctorId,
    requiredCompetenceTypeIds: [...routine.requiredCompetenceTypeIds],
    validFrom: routine.validFrom,
    reviewDate: routine.reviewDate,
    expiresOn: routine.expiresOn,
  };
}

/** "U71, u72 ; R72" → ['U71', 'U72', 'R72'] (commas, semicolons or spaces separate; empty parts are ignored). */
export function splitCodes(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
}

/** The typed codes that are not ICPC-2 codes, for the field's message. */
export function invalidIcpc2Codes(text: string): string[] {
  return splitCodes(text).filter((code) => !isIcpc2Code(code));
}

/** One criterion per line; blank lines are ignored. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export function routineFormToContent(form: RoutineForm): RoutineContentInput {
  const duration = parseTypedNumber(form.medicine.durationDays);
  return {
    title: form.title,
    icpc2Codes: splitCodes(form.icpc2Codes),
    indication: form.indication,
    inclusionCriteria: splitLines(form.inclusionCriteria),
    exclusionCriteria: form.exclusionCriteria.map((row) => ({ text: row.text, redFlag: row.redFlag })),
    medicine: { ...form.medicine, durationDays: duration },
    nurseMay: form.nurseMay as NurseMay,
    followUpAdvice: form.followUpAdvice,
    responsibleDoctorId: form.responsibleDoctorId,
    requiredCompetenceTypeIds: form.requiredCompetenceTypeIds,
    validFrom: form.validFrom,
    reviewDate: form.reviewDate,
    expiresOn: form.expiresOn,
  };
}

/** Fields shown as one input although the schema checks their parts: 'icpc2Codes.2' is the ICPC-2 field. */
const WHOLE_FIELDS = ['icpc2Codes', 'inclusionCriteria', 'requiredCompetenceTypeIds'] as const;

/** A server or schema path as the form's field path: without 'content.' (routines.update) and list parts folded. */
export function formPath(path: string): string {
  const bare = path.startsWith('content.') ? path.slice('content.'.length) : path;
  for (const whole of WHOLE_FIELDS) if (bare.startsWith(`${whole}.`)) return whole;
  return bare;
}

/** Field errors keyed by form path; the first error of a folded list wins. */
export function toFormFieldErrors<Code extends string>(fields: Readonly<Record<string, Code>>): Record<string, Code> {
  const errors: Record<string, Code> = {};
  for (const [path, code] of Object.entries(fields)) {
    const key = formPath(path);
    errors[key] ??= code;
  }
  return errors;
}

export function routineFormErrors(form: RoutineForm): FormFieldErrors {
  const result = validate(routineContentSchema, routineFormToContent(form));
  const errors: FormFieldErrors = result.ok ? {} : toFormFieldErrors(result.fields);
  if (form.medicine.atcCode.trim() === '') errors['medicine.atcCode'] = 'required';
  if (form.nurseMay === '') errors.nurseMay = 'required';
  if (form.responsibleDoctorId === '') errors.responsibleDoctorId = 'required';
  if (form.medicine.durationDays.trim() !== '' && Number.isNaN(parseTypedNumber(form.medicine.durationDays))) errors['medicine.durationDays'] = 'invalidFormat';
  return errors;
}

/** A new version's first day when changing an active version: today, or the day after the current version started (as the domain does). */
export function nextValidFrom(currentValidFrom: LocalDate, today: LocalDate): LocalDate {
  return today > currentValidFrom ? today : addDays(currentValidFrom, 1);
}

/** The content as the schema stores it (trimmed, upper-cased codes), or the raw conversion when it does not validate. */
function normalised(form: RoutineForm, ignore: readonly (keyof RoutineContent)[]): string {
  const content = routineFormToContent(form);
  const parsed = routineContentSchema.safeParse(content);
  const value: Record<string, unknown> = { ...(parsed.success ? parsed.data : content) };
  for (const field of ignore) delete value[field];
  return JSON.stringify(value);
}

/** Whether two forms hold the same routine content (ignoring the given fields, e.g. a defaulted validFrom). */
export function sameContent(a: RoutineForm, b: RoutineForm, ignore: readonly (keyof RoutineContent)[] = []): boolean {
  return normalised(a, ignore) === normalised(b, ignore);
}

/** What saving the form answers: the routine, the version written and its status. */
export interface SavedRoutine {
  routineId: string;
  version: number;
  status: string;
}

/**
 * The confirmation after a save: created (a new routine), unchanged (an active version saved with nothing changed keeps
 * its number), activated, a new version of an active one, or the draft saved in place.
 */
export function savedMessageKey(before: { version: number; status: string } | null, saved: Pick<SavedRoutine, 'version' | 'status'>) {
  if (!before) return 'routines.saved.created' as const;
  if (before.status !== 'draft' && saved.version === before.version) return 'routines.saved.unchanged' as const;
  if (saved.status === 'active') return 'routines.saved.activated' as const;
  if (saved.version !== before.version) return 'routines.saved.newVersion' as const;
  return 'routines.saved.draft' as const;
}
