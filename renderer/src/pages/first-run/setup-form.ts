// First-run form logic without React: the create-cooperation rules (from the domain's schemas) and the repeated password.
import { z } from 'zod';
import { passwordSchema, usernameSchema } from '../../../../domain/users';
import { requiredText, validate } from '../../../../domain/validation';
import type { FormFieldErrors } from '../../i18n/codes';

export interface CreateForm {
  cooperationName: string;
  adminName: string;
  username: string;
  password: string;
  passwordRepeat: string;
}

/** The same rules as setup.createCooperation, built from the domain's schemas. */
const createSchema = z.object({
  cooperationName: requiredText(100),
  adminName: requiredText(100),
  username: usernameSchema,
  password: passwordSchema,
});

export function createFormErrors(form: CreateForm): FormFieldErrors {
  const result = validate(createSchema, form);
  const errors: FormFieldErrors = result.ok ? {} : { ...result.fields };
  if (form.passwordRepeat === '') errors.passwordRepeat = 'required';
  else if (form.passwordRepeat !== form.password) errors.passwordRepeat = 'passwordMismatch';
  return errors;
}

export function createFormToInput(form: CreateForm) {
  return { cooperationName: form.cooperationName, adminName: form.adminName, username: form.username, password: form.password };
}
