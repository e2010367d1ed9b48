// Authorise one or several nurses / revoke a nurse and withdraw a routine version: form values ⇄ API input and live validation, without React.
import { localDateSchema } from '../../../../domain/calendar/dates';
import type { LocalDate } from '../../../../domain/calendar/dates';
import type { FormFieldErrors } from '../../i18n/codes';

export interface AuthorisationForm {
  /** The nurses ticked (a grant may cover several at once); a revocation has exactly one. */
  nurseIds: string[];
  /** The routine version, as the select's value. */
  routineVersion: string;
  effectiveDate: string;
  reason: string;
}

export const REASON_MAX = 500;

export function newAuthorisationForm(options: { nurseId?: string; routineVersion: number; effectiveDate: LocalDate }): AuthorisationForm {
  return { nurseIds: options.nurseId ? [options.nurseId] : [], routineVersion: String(options.routineVersion), effectiveDate: options.effectiveDate, reason: '' };
}

/** A grant needs at least one nurse and a date; a revocation also needs a reason (it is shown to the nurse in the check). */
export function authorisationFormErrors(form: AuthorisationForm, kind: 'granted' | 'revoked'): FormFieldErrors {
  const errors: FormFieldErrors = {};
  if (form.nurseIds.length === 0) errors.nurseIds = 'required';
  if (form.routineVersion === '' || !Number.isInteger(Number(form.routineVersion))) errors.routineVersion = 'required';
  if (form.effectiveDate.trim() === '') errors.effectiveDate = 'required';
  else if (!localDateSchema.safeParse(form.effectiveDate).success) errors.effectiveDate = 'invalidFormat';
  if (kind === 'revoked' && form.reason.trim() === '') errors.reason = 'required';
  if (form.reason.trim().length > REASON_MAX) errors.reason = 'tooLong';
  return errors;
}

export function authorisationFormToInput(form: AuthorisationForm, routineId: string, kind: 'granted' | 'revoked') {
  return {
    routineId,
    routineVersion: Number(form.routineVersion),
    nurseIds: form.nurseIds,
    kind,
    effectiveDate: form.effectiveDate.trim(),
    reason: form.reason.trim() === '' ? null : form.reason.trim(),
  };
}

export interface RetireForm {
  from: string;
}

export function retireFormErrors(form: RetireForm, today: LocalDate): FormFieldErrors {
  if (form.from.trim() === '') return { from: 'required' };
  if (!localDateSchema.safeParse(form.from).success) return { from: 'invalidFormat' };
  if (form.from.trim() < today) return { from: 'outOfRange' };
  return {};
}
