// Errors the API client hands to the UI: the backend's ApiError, plus the few codes only the client can detect.
import type { AppErrorCode } from '../../../backend/api-types';
import type { FieldErrors } from '../../../domain/validation';

/** Failures the renderer detects itself, before or instead of a backend answer. */
export const CLIENT_ERROR_CODES = [
  /** The backend (utility process or harness) could not be reached at all. */
  'client.unreachable',
  /** The harness refused the access token: the page was opened without the URL the harness printed. */
  'client.accessDenied',
  /** The answer was not the JSON the API always sends. */
  'client.badResponse',
] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

/** Every code the UI may have to explain. */
export type ErrorCode = AppErrorCode | ClientErrorCode;

export interface ClientApiError {
  code: ErrorCode;
  params?: Record<string, string | number>;
  fields?: FieldErrors;
}

/** Thrown by api.call when a call fails; carries the code, parameters and per-field errors. */
export class ApiCallError extends Error {
  readonly error: ClientApiError;

  constructor(error: ClientApiError) {
    super(error.code);
    this.name = 'ApiCallError';
    this.error = error;
  }

  get code(): ErrorCode {
    return this.error.code;
  }

  get fields(): FieldErrors {
    return this.error.fields ?? {};
  }
}

/** Turns anything a call can throw into a ClientApiError the UI can show. */
export function toClientError(error: unknown): ClientApiError {
  if (error instanceof ApiCallError) return error.error;
  return { code: 'internal' };
}
