// Competence forms without React: competence type and staff competence record forms ⇄ API input, live validation, the expiry hint.
import { isLocalDate } from '../../../../domain/calendar/dates';
import type { LocalDate } from '../../../../domain/calendar/dates';
import { computeExpiry } from '../../../../domain/competence/expiry';
import { competenceTypeInputSchema, staffCompetenceInputSchema } from '../../../../domain/competence/types';
import type {
  CompetenceCategory,
  CompetenceType,
  CompetenceTypeInput,
  Duty,
  StaffCompetence,
  StaffCompetenceInput,
} from '../../../../domain/competence/types';
import type { Profession } from '../../../../domain/staff';
import { validate } from '../../../../domain/validation';
import { parseTypedNumber } from '../../components/parse';
import type { FormFieldErrors } from '../../i18n/codes';

// ---------- Competence types ----------

/** What the competence type form holds: text exactly as typed. */
export interface TypeForm {
  name: string;
  /** '' until chosen. */
  category: CompetenceCategory | '';
  /** Months as typed; '' = never expires. */
  renewalMonths: string;
  appliesTo: Profession[];
  requiredFor: Duty[];
  description: string;
}

export function emptyTypeForm(): TypeForm {
  return { name: '', category: 'course', renewalMonths: '', appliesTo: [], requiredFor: [], description: '' };
}

export function typeToForm(type: CompetenceType): TypeForm {
  return {
    name: type.name,
    category: type.category,
    renewalMonths: type.renewalMonths === null ? '' : String(type.renewalMonths),
    appliesTo: [...type.appliesTo],
    requiredFor: [...type.requiredFor],
    description: type.description ?? '',
  };
}

export function typeFormToInput(form: TypeForm): CompetenceTypeInput {
  return {
    name: form.name,
    category: form.category as CompetenceCategory,
    renewalMonths: parseTypedNumber(form.renewalMonths),
    appliesTo: form.appliesTo,
    requiredFor: form.requiredFor,
    description: form.description,
  };
}

export function typeFormErrors(form: TypeForm): FormFieldErrors {
  const result = validate(competenceTypeInputSchema, typeFormToInput(form));
  const errors: FormFieldErrors = result.ok ? {} : { ...result.fields };
  if (form.category === '') errors.category = 'required';
  // "1,5" or "two" are not a number of months: say how to write it rather than "wrong format".
  if (errors.renewalMonths === 'invalidFormat') errors.renewalMonths = 'outOfRange';
  return errors;
}

// ---------- Staff competence records ----------

/** What the record form holds (the person is fixed by the page). */
export interface RecordForm {
  competenceTypeId: string;
  obtained: string;
  /** '' = computed from the type's renewal interval. */
  expiresOn: string;
  evidenceRef: string;
  /** '' = nobody. */
  verifiedBy: string;
  note: string;
}

/** A new record (or a renewal when `competenceTypeId` is given), obtained today unless changed. */
export function newRecordForm(competenceTypeId: string | null, today: LocalDate): RecordForm {
  return { competenceTypeId: competenceTypeId ?? '', obtained: today, expiresOn: '', evidenceRef: '', verifiedBy: '', note: '' };
}

/**
 * An existing record in the form. An expiry that equals what the type's interval gives is shown as empty ("computed"),
 * so changing the obtained date moves it along; an entered expiry that differs stays as entered.
 */
export function recordToForm(record: StaffCompetence, type: Pick<CompetenceType, 'renewalMonths'> | undefined): RecordForm {
  const computed = type ? computeExpiry(record.obtained, type.renewalMonths) : undefined;
  return {
    competenceTypeId: record.competenceTypeId,
    obtained: record.obtained,
    expiresOn: record.expiresOn === null || record.expiresOn === computed ? '' : record.expiresOn,
    evidenceRef: record.evidenceRef ?? '',
    verifiedBy: record.verifiedBy ?? '',
    note: record.note ?? '',
  };
}

export function recordFormToInput(form: RecordForm, staffId: string): StaffCompetenceInput {
  return {
    staffId,
    competenceTypeId: form.competenceTypeId,
    obtained: form.obtained,
    expiresOn: form.expiresOn,
    evidenceRef: form.evidenceRef,
    verifiedBy: form.verifiedBy === '' ? null : form.verifiedBy,
    note: form.note,
  };
}

export function recordFormErrors(form: RecordForm, staffId: string, types: readonly Pick<CompetenceType, 'id'>[]): FormFieldErrors {
  const result = validate(staffCompetenceInputSchema, recordFormToInput(form, staffId));
  const errors: FormFieldErrors = result.ok ? {} : { ...result.fields };
  if (form.competenceTypeId === '') errors.competenceTypeId = 'required';
  else if (!types.some((type) => type.id === form.competenceTypeId)) errors.competenceTypeId = 'invalidChoice';
  if (form.obtained.trim() === '') errors.obtained = 'required';
  return errors;
}

export type ExpiryHint =
  | { kind: 'entered' }
  | { kind: 'needType' }
  | { kind: 'needObtained' }
  | { kind: 'never'; typeName: string }
  | { kind: 'computed'; date: LocalDate; months: number };

/** What the expiry field's hint says: the date that will be stored when the field is left empty. */
export function expiryHint(form: RecordForm, types: readonly CompetenceType[]): ExpiryHint {
  if (form.expiresOn.trim() !== '') return { kind: 'entered' };
  const type = types.find((candidate) => candidate.id === form.competenceTypeId);
  if (!type) return { kind: 'needType' };
  if (type.renewalMonths === null) return { kind: 'never', typeName: type.name };
  const obtained = form.obtained.trim();
  if (!isLocalDate(obtained)) return { kind: 'needObtained' };
  return { kind: 'computed', date: computeExpiry(obtained, type.renewalMonths)!, months: type.renewalMonths };
}
