// Field error codes the renderer can show: the domain's codes plus checks only a form can make (e.g. repeated password).
import type { FieldErrorCode } from '../../../domain/validation';

export const FORM_ONLY_FIELD_ERROR_CODES = ['passwordMismatch'] as const;
export type FormFieldErrorCode = FieldErrorCode | (typeof FORM_ONLY_FIELD_ERROR_CODES)[number];

/** Field errors keyed by the input path they belong to, e.g. 'name' or 'openingHours.1.close'. */
export type FormFieldErrors = Record<string, FormFieldErrorCode>;
