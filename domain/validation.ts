// Shared validation vocabulary: field error codes that the UI translates, and helpers to build zod schemas with them.
import { z } from 'zod';

/** Codes a field can fail with; the renderer has a Norwegian and an English text for each. */
export const FIELD_ERROR_CODES = [
  'required',
  'tooLong',
  'tooShort',
  'invalidFormat',
  'outOfRange',
  'invalidChoice',
  'duplicate',
  'passwordTooShort',
  'hprFormat',
  'phoneFormat',
  'timeOrder',
  'roleRequired',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export type FieldErrors = Record<string, FieldErrorCode>;

function isFieldErrorCode(value: string): value is FieldErrorCode {
  return (FIELD_ERROR_CODES as readonly string[]).includes(value);
}

/** A trimmed text that must not be empty. */
export function requiredText(maxLength: number) {
  return z.string().trim().min(1, 'required').max(maxLength, 'tooLong');
}

/** A trimmed text that may be empty; empty becomes null. */
export function optionalText(maxLength: number) {
  return z
    .string()
    .trim()
    .max(maxLength, 'tooLong')
    .nullish()
    .transform((value) => (value ? value : null));
}

/** Maps zod issues to one error code per field path (first issue wins). */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (fields[key]) continue;
    fields[key] = issueCode(issue);
  }
  return fields;
}

function issueCode(issue: z.core.$ZodIssue): FieldErrorCode {
  if (isFieldErrorCode(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' ? 'required' : 'outOfRange';
    case 'too_big':
      return issue.origin === 'string' ? 'tooLong' : 'outOfRange';
    case 'invalid_value':
      return 'invalidChoice';
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'required' : 'invalidFormat';
    default:
      return 'invalidFormat';
  }
}

/** Validates input with a schema and returns either the parsed value or field errors. */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.output<S> } | { ok: false; fields: FieldErrors } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, fields: toFieldErrors(result.error) };
}
