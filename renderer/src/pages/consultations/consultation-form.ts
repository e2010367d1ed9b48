// The consultation entry form without React: values as typed ⇄ API input, defaults for the next entry, an entry as the amendment form, live validation.
import type { z } from 'zod';
import { isLocalDate } from '../../../../domain/calendar/dates';
import type { ApiOutput } from '../../../../backend/api-types';
import type { ContactKind, ConsultationInput, MedicineAction, Outcome, PatientSex } from '../../../../domain/consultations/entry';
import { checkConsultation, consultationInputSchema } from '../../../../domain/consultations/entry';
import { identityInputFeedback } from '../../../../domain/consultations/identity';
import { validate } from '../../../../domain/validation';
import { parseTypedNumber } from '../../components/parse';
import type { FormFieldErrors } from '../../i18n/codes';

type ConsultationEntry = ApiOutput<'consultations.get'>;

/** What the form holds: text exactly as typed, '' for "not chosen". */
export interface ConsultationForm {
  date: string;
  time: string;
  officeId: string;
  nurseId: string;
  /** True: "uten fødselsnummer" (birth year and sex instead). */
  withoutNumber: boolean;
  identityNumber: string;
  birthYear: string;
  sex: PatientSex | '';
  contact: ContactKind;
  icpc2Code: string;
  routineId: string;
  medicineAction: MedicineAction | '';
  medicineName: string;
  outcome: Outcome;
  doctorId: string;
  followUpDate: string;
  note: string;
}

/** A fresh form at "now": this device's office and the suggested nurse; the rest empty with the common defaults. */
export function newConsultationForm(now: string, officeId: string | null, nurseId: string | null): ConsultationForm {
  return {
    date: now.slice(0, 10),
    time: now.slice(11, 16),
    officeId: officeId ?? '',
    nurseId: nurseId ?? '',
    withoutNumber: false,
    identityNumber: '',
    birthYear: '',
    sex: '',
    contact: 'inPerson',
    icpc2Code: '',
    routineId: '',
    medicineAction: '',
    medicineName: '',
    outcome: 'resolvedByNurse',
    doctorId: '',
    followUpDate: '',
    note: '',
  };
}

/** After a save: the next entry starts at the new "now", with the same office and nurse (receptionists log in runs). */
export function nextConsultationForm(saved: ConsultationForm, now: string): ConsultationForm {
  return { ...newConsultationForm(now, saved.officeId, saved.nurseId) };
}

/** The API input; call only after the live validation passed (an unchosen sex or outcome would be refused by the backend). */
export function consultationFormToInput(form: ConsultationForm): z.input<typeof consultationInputSchema> {
  return {
    at: `${form.date}T${form.time.trim()}`,
    officeId: form.officeId,
    nurseId: form.nurseId,
    patient: form.withoutNumber
      ? { kind: 'none' as const, birthYear: parseTypedNumber(form.birthYear) ?? Number.NaN, sex: form.sex as PatientSex }
      : { kind: 'identityNumber' as const, number: form.identityNumber },
    contact: form.contact,
    icpc2Code: form.icpc2Code.trim(),
    routineId: form.routineId || null,
    medicineAction: form.medicineAction === '' ? null : form.medicineAction,
    medicineName: form.medicineName,
    outcome: form.outcome,
    doctorId: form.doctorId || null,
    followUpDate: form.followUpDate || null,
    note: form.note,
  };
}

/** Input paths the backend and schema use, mapped to the form field that shows the error. */
const PATH_TO_FIELD: Record<string, keyof ConsultationForm> = {
  at: 'time',
  'at.date': 'date',
  'patient.number': 'identityNumber',
  'patient.birthYear': 'birthYear',
  'patient.sex': 'sex',
  patient: 'identityNumber',
};

export function fieldForPath(path: string): string {
  return PATH_TO_FIELD[path] ?? path;
}

export interface ConsultationRules {
  nowLocal: string;
  allowSynthetic: boolean;
  /** When amending, an empty number keeps the one on record. */
  numberOptional?: boolean;
}

/** Live errors with the same rules the backend applies (schema, identity number, time, doctor, follow-up). */
export function consultationFormErrors(form: ConsultationForm, rules: ConsultationRules): FormFieldErrors {
  const errors: FormFieldErrors = {};
  if (!form.officeId) errors.officeId = 'required';
  if (!form.nurseId) errors.nurseId = 'required';
  if (!form.icpc2Code.trim()) errors.icpc2Code = 'required';
  if (form.withoutNumber && !form.sex) errors.sex = 'required';
  if (!form.withoutNumber && form.identityNumber.trim() === '' && !rules.numberOptional) errors.identityNumber = 'required';
  const input = consultationFormToInput(form);
  const parsed = validate(consultationInputSchema, input);
  if (!parsed.ok) {
    for (const [path, code] of Object.entries(parsed.fields)) errors[fieldForPath(path)] ??= code;
    if (!isLocalDate(form.date)) {
      // Empty or typed but not a date (03.12): the date field's error; a good time on its own is fine.
      errors.date = form.date ? 'invalidFormat' : 'required';
      if (/^([01]\d|2[0-3]):[0-5]\d$/.test(form.time.trim())) delete errors.time;
    }
    return errors;
  }
  const value: ConsultationInput = parsed.value;
  if (rules.numberOptional && value.patient.kind === 'identityNumber' && value.patient.number === '') return errors;
  const checked = checkConsultation(value, { nowLocal: rules.nowLocal, allowSynthetic: rules.allowSynthetic });
  if (!checked.ok) for (const [path, code] of Object.entries(checked.fields)) errors[fieldForPath(path)] ??= code;
  return errors;
}

/** The hint under the identity number while typing: neutral until 11 digits, then valid (with birth date) or the reason. */
export function identityHint(text: string, allowSynthetic: boolean, today: string) {
  return identityInputFeedback(text, { allowSynthetic, today });
}

/** The amendment dialog: the entry's fields and why it is changed. */
export interface AmendmentForm extends ConsultationForm {
  reason: string;
}

/** An entry as the amendment form shows it: the identity number empty (an empty one keeps the number on record), and a reason to give. */
export function amendmentForm(entry: ConsultationEntry): AmendmentForm {
  return {
    date: entry.at.slice(0, 10),
    time: entry.at.slice(11, 16),
    officeId: entry.officeId,
    nurseId: entry.nurseId,
    withoutNumber: entry.patient.kind === 'none',
    identityNumber: '',
    birthYear: entry.patient.birthYear === null ? '' : String(entry.patient.birthYear),
    sex: entry.patient.kind === 'none' && entry.patient.sex ? entry.patient.sex : '',
    contact: entry.contact,
    icpc2Code: entry.icpc2Code,
    routineId: entry.routineId ?? '',
    medicineAction: entry.medicine?.action ?? '',
    medicineName: entry.routineId ? '' : (entry.medicine?.name ?? ''),
    outcome: entry.outcome,
    doctorId: entry.doctorId ?? '',
    followUpDate: entry.followUpDate ?? '',
    note: entry.note ?? '',
    reason: '',
  };
}
