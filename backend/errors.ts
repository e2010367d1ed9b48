// Errors a user can cause: a code the UI translates, optional parameters and per-field errors.
import type { FieldErrors } from '../domain/validation';

export const APP_ERROR_CODES = [
  'auth.signInRequired',
  'auth.forbidden',
  'auth.invalidCredentials',
  'auth.userInactive',
  'auth.locked',
  'auth.tooManyAttempts',
  'backups.notFound',
  'backups.unreadable',
  'backups.busy',
  'validation.failed',
  'setup.alreadyDone',
  'offices.duplicateName',
  'offices.notFound',
  'offices.inUse',
  'staff.notFound',
  'users.notFound',
  'users.duplicateUsername',
  'users.cannotRemoveOwnAdmin',
  'rota.shiftNotFound',
  'rota.absenceNotFound',
  'rota.patternNotFound',
  'rota.occurrenceNotFound',
  'rota.notOwnOffice',
  'rota.weekStarted',
  'rota.noticeNotFound',
  'rota.coverNotPossible',
  'competence.typeNotFound',
  'competence.typeInUse',
  'competence.recordNotFound',
  'routines.notFound',
  'routines.refused',
  'consultations.notFound',
  'consultations.cancelled',
  'consultations.noChanges',
  'consultations.routineRefused',
  'consultations.noIdentityNumber',
  'consultations.importUnreadable',
  'consultations.importEmpty',
  'prescriptions.notFound',
  'prescriptions.notResponsible',
  'prescriptions.alreadyAnswered',
  'prescriptions.withdrawn',
  'logReview.notFound',
  'requests.notFound',
  'requests.alreadyDecided',
  'requests.notYourOffice',
  'requests.notEligible',
  'requests.notYours',
  'requests.noStaffRecord',
  'requests.inThePast',
  'sync.notEnrolled',
  'sync.unreachable',
  'sync.deviceRejected',
  'sync.deviceNotFound',
  'sync.cannotRevokeSelf',
  'sync.serviceRefused',
  'sync.mergeNotConfirmed',
  'api.unknownMethod',
  'internal',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** What crosses the API boundary when a call fails. */
export interface ApiError {
  code: AppErrorCode;
  params?: Record<string, string | number>;
  fields?: FieldErrors;
}

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly params?: Record<string, string | number>,
    readonly fields?: FieldErrors,
  ) {
    super(code);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return { code: this.code, ...(this.params ? { params: this.params } : {}), ...(this.fields ? { fields: this.fields } : {}) };
  }
}

/** A validation failure on named fields, e.g. a duplicate name. */
export function fieldError(fields: FieldErrors): AppError {
  return new AppError('validation.failed', undefined, fields);
}
