// Prepared prescriptions: a nurse's request for the responsible doctor's signature, the doctor's answer, the working-day overdue rule and who sees what.
import { z } from 'zod';
import { addDays, isoWeekday } from '../calendar/dates';
import type { LocalDate } from '../calendar/dates';
import { isPublicHoliday } from '../calendar/holidays';
import { idSchema } from '../ids';
import type { Role } from '../roles';
import { optionalText } from '../validation';
import type { LocalDateTime } from './entry';

/** "Signert i journalsystemet" or "Avslått" (with a reason). */
export const PRESCRIPTION_ANSWERS = ['signed', 'declined'] as const;
export type PrescriptionAnswerKind = (typeof PRESCRIPTION_ANSWERS)[number];

/** How the responsible doctor was found when the entry was saved: on site or by video at the office, the legevakt doctor, or nobody. */
export const RESPONSIBLE_KINDS = ['onSite', 'video', 'legevakt', 'none'] as const;
export type ResponsibleKind = (typeof RESPONSIBLE_KINDS)[number];

export const PRESCRIPTION_REASON_MAX = 300;

/** The doctor's answer as the form sends it; a declined prescription needs a reason. */
export const prescriptionAnswerInputSchema = z
  .object({
    requestId: idSchema,
    answer: z.enum(PRESCRIPTION_ANSWERS, 'invalidChoice'),
    reason: optionalText(PRESCRIPTION_REASON_MAX),
  })
  .superRefine((value, ctx) => {
    if (value.answer === 'declined' && value.reason === null) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required' });
  });
export type PrescriptionAnswerInput = z.output<typeof prescriptionAnswerInputSchema>;

/** A request as stored: it points at the consultation (never copies the patient) and names the doctor fixed at saving. */
export interface PrescriptionRequest {
  id: string;
  consultationId: string;
  officeId: string;
  nurseId: string;
  responsibleKind: ResponsibleKind;
  /** Staff id of the responsible doctor; null = nobody was on duty: every doctor sees it and the lead is told. */
  doctorId: string | null;
  requestedBy: string;
  /** ISO instant of saving. */
  at: string;
}

export interface PrescriptionAnswer {
  id: string;
  requestId: string;
  answer: PrescriptionAnswerKind;
  reason: string | null;
  byUserId: string;
  byStaffId: string;
  at: string;
}

/** The answer that counts when two doctors answered offline: the earliest (then the lowest id). */
export function firstAnswer<A extends Pick<PrescriptionAnswer, 'at' | 'id'>>(answers: readonly A[]): A | null {
  let first: A | null = null;
  for (const answer of answers) {
    if (!first || answer.at < first.at || (answer.at === first.at && answer.id < first.id)) first = answer;
  }
  return first;
}

/** Monday to Friday and not a Norwegian public holiday. */
export function isWorkingDay(date: LocalDate): boolean {
  return isoWeekday(date) <= 5 && !isPublicHoliday(date);
}

export function nextWorkingDay(date: LocalDate): LocalDate {
  let next = addDays(date, 1);
  while (!isWorkingDay(next)) next = addDays(next, 1);
  return next;
}

/**
 * When an unanswered request becomes overdue: after one whole working day (24 hours counted on working days only).
 * Made on a working day at 14:00 → 14:00 the next working day (Friday → Monday). Made on a weekend or holiday, the clock
 * starts at 00:00 of the next working day, so it is due at 00:00 the working day after that.
 */
export function overdueFrom(requestedLocal: LocalDateTime): LocalDateTime {
  const date = requestedLocal.slice(0, 10);
  const time = requestedLocal.slice(11, 16);
  if (isWorkingDay(date)) return `${nextWorkingDay(date)}T${time}`;
  return `${nextWorkingDay(nextWorkingDay(date))}T00:00`;
}

/** True when the request is unanswered and past its working-day limit (both times are Oslo wall-clock). */
export function isOverdue(requestedLocal: LocalDateTime, nowLocal: LocalDateTime, answered: boolean): boolean {
  return !answered && nowLocal >= overdueFrom(requestedLocal);
}

/** Who is looking: their staff id, user id and roles. */
export interface PrescriptionViewer {
  userId: string;
  staffId: string;
  roles: readonly Role[];
}

/** A doctor may answer a request made to them, or one made when no doctor was on duty. */
export function mayAnswer(viewer: PrescriptionViewer, request: Pick<PrescriptionRequest, 'doctorId'>): boolean {
  return viewer.roles.includes('doctor') && (request.doctorId === null || request.doctorId === viewer.staffId);
}

/** The state of a request as lists need it. */
export interface RequestState {
  request: PrescriptionRequest;
  answered: boolean;
  /** The consultation was cancelled, or corrected so nothing is prepared any more: nothing to sign, never overdue. */
  cancelled: boolean;
  overdue: boolean;
}

/** "Resepter til signering": open requests the doctor may answer, oldest first. */
export function toSignFor(viewer: PrescriptionViewer, states: readonly RequestState[]): RequestState[] {
  return states.filter((s) => !s.answered && !s.cancelled && mayAnswer(viewer, s.request)).sort(byOldest);
}

/** "Mine forberedte resepter": requests for the nurse, or logged by this user, newest first. */
export function preparedBy(viewer: PrescriptionViewer, states: readonly RequestState[]): RequestState[] {
  return states.filter((s) => s.request.nurseId === viewer.staffId || s.request.requestedBy === viewer.userId).sort((a, b) => -byOldest(a, b));
}

/**
 * What a lead is told about: open requests that are overdue or that no doctor was responsible for, in the given
 * offices (null = every office), oldest first.
 */
export function flaggedForLead(states: readonly RequestState[], officeIds: readonly string[] | null): RequestState[] {
  return states
    .filter((s) => !s.answered && !s.cancelled && (s.overdue || s.request.doctorId === null))
    .filter((s) => officeIds === null || officeIds.includes(s.request.officeId))
    .sort(byOldest);
}

function byOldest(a: RequestState, b: RequestState): number {
  return a.request.at < b.request.at ? -1 : a.request.at > b.request.at ? 1 : a.request.id < b.request.id ? -1 : 1;
}
