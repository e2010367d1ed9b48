// Rota forms without React: shift, absence and recurring-pattern forms ⇄ API input, live validation, and the person picker's matching.
import { isoWeekday } from '../../../../domain/calendar/dates';
import type { LocalDate } from '../../../../domain/calendar/dates';
import type { Office } from '../../../../domain/offices';
import { absenceInputSchema, recurringPatternInputSchema, shiftInputSchema } from '../../../../domain/rota/types';
import type { Absence, AbsenceKind, RecurringPattern, Shift, ShiftKind } from '../../../../domain/rota/types';
import type { StaffMember } from '../../../../domain/staff';
import { validate } from '../../../../domain/validation';
import { parseTypedNumber } from '../../components/parse';
import type { FormFieldErrors } from '../../i18n/codes';

const DEFAULT_START = '08:00';
const DEFAULT_END = '15:30';

/** One person in the picker: the text shown (and typed) is unique, e.g. "Ingrid Solbakk – lege, Grong legekontor". */
export interface StaffChoice {
  id: string;
  name: string;
  label: string;
  baseOfficeId: string | null;
}

/**
 * The people a planner can pick, sorted by name. Inactive people are left out unless `keepId` is one of them (an old
 * shift of someone who has left must still open). Labels are made unique with a number if two would read the same.
 */
export function staffChoices(
  staff: readonly StaffMember[],
  describe: (member: StaffMember) => string,
  keepId: string | null = null,
): StaffChoice[] {
  const shown = staff.filter((member) => member.active || member.id === keepId).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const seen = new Map<string, number>();
  return shown.map((member) => {
    const base = `${member.name} – ${describe(member)}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { id: member.id, name: member.name, label: count === 1 ? base : `${base} (${count})`, baseOfficeId: member.baseOfficeId };
  });
}

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');
}

/** The person a typed text means: the exact label, or a name that only one person has; null if none or ambiguous. */
export function findStaff(choices: readonly StaffChoice[], text: string): StaffChoice | null {
  const typed = normalise(text);
  if (typed === '') return null;
  const byLabel = choices.find((choice) => normalise(choice.label) === typed);
  if (byLabel) return byLabel;
  const byName = choices.filter((choice) => normalise(choice.name) === typed);
  return byName.length === 1 ? byName[0]! : null;
}

/** Errors in the order the fields appear, so the error summary reads top to bottom. */
function inFieldOrder(errors: FormFieldErrors, order: readonly string[]): FormFieldErrors {
  const rank = (path: string) => {
    const index = order.indexOf(path.split('.')[0]!);
    return index === -1 ? order.length : index;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

function staffLabel(choices: readonly StaffChoice[], staffId: string): string {
  return choices.find((choice) => choice.id === staffId)?.label ?? '';
}

/** 'required' for an empty picker, 'invalidChoice' for text that is no one's (or several people's) name. */
function staffError(choices: readonly StaffChoice[], text: string): FormFieldErrors {
  if (text.trim() === '') return { staffId: 'required' };
  return findStaff(choices, text) ? {} : { staffId: 'invalidChoice' };
}

/** The office's opening hours that day, or the usual day shift when it is closed. */
export function defaultTimes(office: Pick<Office, 'openingHours'> | undefined, date: LocalDate): { start: string; end: string } {
  const hours = office?.openingHours[String(isoWeekday(date)) as keyof Office['openingHours']];
  return hours ? { start: hours.open, end: hours.close } : { start: DEFAULT_START, end: DEFAULT_END };
}

// ---------- Shifts ----------

/** What the shift form holds: text exactly as typed. */
export interface ShiftForm {
  staffText: string;
  officeId: string;
  date: string;
  start: string;
  end: string;
  kind: ShiftKind | '';
  note: string;
}

export interface ShiftPrefill {
  staffId?: string | null;
  officeId?: string | null;
  date: LocalDate;
  start: string;
  end: string;
}

export function newShiftForm(choices: readonly StaffChoice[], prefill: ShiftPrefill): ShiftForm {
  return {
    staffText: prefill.staffId ? staffLabel(choices, prefill.staffId) : '',
    officeId: prefill.officeId ?? '',
    date: prefill.date,
    start: prefill.start,
    end: prefill.end,
    kind: 'clinic',
    note: '',
  };
}

export function shiftToForm(choices: readonly StaffChoice[], shift: Shift): ShiftForm {
  return {
    staffText: staffLabel(choices, shift.staffId),
    officeId: shift.officeId,
    date: shift.date,
    start: shift.start,
    end: shift.end,
    kind: shift.kind,
    note: shift.note ?? '',
  };
}

/** The API input (also an occurrence's replacement); unmatched people and unchosen kinds are left for validation to report. */
export function shiftFormToInput(form: ShiftForm, choices: readonly StaffChoice[]) {
  return {
    staffId: findStaff(choices, form.staffText)?.id ?? '',
    officeId: form.officeId,
    date: form.date,
    start: form.start,
    end: form.end,
    kind: form.kind as ShiftKind,
    note: form.note,
  };
}

export function shiftFormErrors(form: ShiftForm, choices: readonly StaffChoice[]): FormFieldErrors {
  const result = validate(shiftInputSchema, shiftFormToInput(form, choices));
  const errors: FormFieldErrors = result.ok ? {} : { ...result.fields };
  delete errors.staffId;
  Object.assign(errors, staffError(choices, form.staffText));
  if (form.officeId === '') errors.officeId = 'required';
  if (form.kind === '') errors.kind = 'required';
  for (const key of ['date', 'start', 'end'] as const) if (form[key].trim() === '') errors[key] = 'required';
  return inFieldOrder(errors, ['staffId', 'officeId', 'date', 'kind', 'start', 'end', 'note']);
}

// ---------- Absences ----------

export interface AbsenceForm {
  staffText: string;
  from: string;
  to: string;
  kind: AbsenceKind | '';
  note: string;
}

export function newAbsenceForm(choices: readonly StaffChoice[], prefill: { staffId?: string | null; date: LocalDate }): AbsenceForm {
  return { staffText: prefill.staffId ? staffLabel(choices, prefill.staffId) : '', from: prefill.date, to: prefill.date, kind: 'holiday', note: '' };
}

export function absenceToForm(choices: readonly StaffChoice[], absence: Absence): AbsenceForm {
  return { staffText: staffLabel(choices, absence.staffId), from: absence.from, to: absence.to, kind: absence.kind, note: absence.note ?? '' };
}

export function absenceFormToInput(form: AbsenceForm, choices: readonly StaffChoice[]) {
  return {
    staffId: findStaff(choices, form.staffText)?.id ?? '',
    from: form.from,
    to: form.to,
    kind: form.kind as AbsenceKind,
    note: form.note,
  };
}

export function absenceFormErrors(form: AbsenceForm, choices: readonly StaffChoice[]): FormFieldErrors {
  const result = validate(absenceInputSchema, absenceFormToInput(form, choices));
  const errors: FormFieldErrors = result.ok ? {} : { ...result.fields };
  delete errors.staffId;
  Object.assign(errors, staffError(choices, form.staffText));
  if (form.kind === '') errors.kind = 'required';
  for (const key of ['from', 'to'] as const) if (form[key].trim() === '') errors[key] = 'required';
  return inFieldOrder(errors, ['staffId', 'from', 'to', 'kind', 'note']);
}

// ---------- Recurring patterns ----------

export interface PatternForm {
  staffText: string;
  officeId: string;
  kind: ShiftKind | '';
  start: string;
  end: string;
  /** ISO weekdays 1 (Monday) … 7 ticked. */
  weekdays: number[];
  intervalWeeks: string;
  from: string;
  /** '' = no end date. */
  to: string;
  note: string;
}

export function newPatternForm(choices: readonly StaffChoice[], prefill: { staffId?: string | null; officeId?: string | null; from: LocalDate }): PatternForm {
  return {
    staffText: prefill.staffId ? staffLabel(choices, prefill.staffId) : '',
    officeId: prefill.officeId ?? '',
    kind: 'clinic',
    start: DEFAULT_START,
    end: DEFAULT_END,
    weekdays: [],
    intervalWeeks: '1',
    from: prefill.from,
    to: '',
    note: '',
  };
}

export function patternToForm(choices: readonly StaffChoice[], pattern: RecurringPattern): PatternForm {
  return {
    staffText: staffLabel(choices, pattern.staffId),
    officeId: pattern.officeId,
    kind: pattern.kind,
    start: pattern.start,
    end: pattern.end,
    weekdays: [...pattern.weekdays],
    intervalWeeks: String(pattern.intervalWeeks),
    from: pattern.from,
    to: pattern.to ?? '',
    note: pattern.note ?? '',
  };
}

export function patternFormToInput(form: PatternForm, choices: readonly StaffChoice[]) {
  return {
    staffId: findStaff(choices, form.staffText)?.id ?? '',
    officeId: form.officeId,
    kind: form.kind as ShiftKind,
    start: form.start,
    end: form.end,
    weekdays: [...form.weekdays].sort((a, b) => a - b),
    intervalWeeks: parseTypedNumber(form.intervalWeeks) ?? Number.NaN,
    from: form.from,
    to: form.to.trim() === '' ? null : form.to,
    note: form.note,
  };
}

export function patternFormErrors(form: PatternForm, choices: readonly StaffChoice[]): FormFieldErrors {
  const result = validate(recurringPatternInputSchema, patternFormToInput(form, choices));
  const errors: FormFieldErrors = result.ok ? {} : { ...result.fields };
  // zod reports an array's items as 'weekdays.0'; the form shows one error for the group.
  for (const path of Object.keys(errors)) if (path.startsWith('weekdays.')) delete errors[path];
  delete errors.staffId;
  Object.assign(errors, staffError(choices, form.staffText));
  if (form.officeId === '') errors.officeId = 'required';
  if (form.kind === '') errors.kind = 'required';
  if (form.weekdays.length === 0) errors.weekdays = 'required';
  if (form.intervalWeeks.trim() === '') errors.intervalWeeks = 'required';
  else if (Number.isNaN(parseTypedNumber(form.intervalWeeks))) errors.intervalWeeks = 'invalidFormat';
  for (const key of ['start', 'end', 'from'] as const) if (form[key].trim() === '') errors[key] = 'required';
  return inFieldOrder(errors, ['staffId', 'officeId', 'kind', 'start', 'end', 'weekdays', 'intervalWeeks', 'from', 'to', 'note']);
}

/** Server field errors for an occurrence come as 'replacement.start'; the form's fields are 'start'. */
export function unnestFields<C extends string>(fields: Readonly<Record<string, C>>, prefix: string): Record<string, C> {
  const result: Record<string, C> = {};
  for (const [path, code] of Object.entries(fields)) result[path.startsWith(prefix) ? path.slice(prefix.length) : path] = code;
  return result;
}
