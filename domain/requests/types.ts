// Staff requests (open shifts, swaps and handovers, leave): the records, their responses and decisions, and the input schemas.
import { z } from 'zod';
import { localDateSchema, timeOfDaySchema } from '../calendar/dates';
import type { LocalDate, TimeOfDay } from '../calendar/dates';
import { idSchema } from '../ids';
import { SHIFT_KINDS } from '../rota/types';
import type { ShiftKind } from '../rota/types';
import { PROFESSIONS } from '../staff';
import type { Profession } from '../staff';
import { optionalText } from '../validation';

/** The leave a person may ask for (sick leave is registered by the lead, never requested). */
export const LEAVE_KINDS = ['holiday', 'timeOff', 'course', 'leave'] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];

const NOTE_MAX = 500;

/** A lead publishes a gap as an open shift (ledig vakt). */
export const openShiftInputSchema = z.object({
  officeId: idSchema,
  date: localDateSchema,
  start: timeOfDaySchema,
  end: timeOfDaySchema,
  kind: z.enum(SHIFT_KINDS, 'invalidChoice'),
  profession: z.enum(PROFESSIONS, 'invalidChoice'),
  requiredCompetenceTypeIds: z.array(idSchema).max(10, 'outOfRange').default([]),
  note: optionalText(NOTE_MAX),
});
export type OpenShiftInput = z.input<typeof openShiftInputSchema>;

/** A person asks for leave (fraværssøknad); from and to are inclusive. */
export const leaveRequestInputSchema = z
  .object({
    kind: z.enum(LEAVE_KINDS, 'invalidChoice'),
    from: localDateSchema,
    to: localDateSchema,
    note: optionalText(NOTE_MAX),
  })
  .refine((leave) => leave.from <= leave.to, { message: 'timeOrder', path: ['to'] });
export type LeaveRequestInput = z.input<typeof leaveRequestInputSchema>;

/** A person offers one of their shifts (a shift id or a pattern occurrence '<pattern>@<date>') to a colleague or to all eligible. */
export const swapOfferInputSchema = z.object({
  shiftRef: z.string().min(1, 'required').max(80, 'outOfRange'),
  toStaffId: idSchema.nullable(),
  note: optionalText(NOTE_MAX),
});
export type SwapOfferInput = z.input<typeof swapOfferInputSchema>;

/** A lead's answer. For an open shift, `staffId` names who gets it. */
export const decisionInputSchema = z.object({
  requestId: idSchema,
  decision: z.enum(['approve', 'decline'], 'invalidChoice'),
  staffId: idSchema.nullable().default(null),
  note: optionalText(NOTE_MAX),
});
export type DecisionInput = z.input<typeof decisionInputSchema>;

export interface OpenShift {
  id: string;
  officeId: string;
  date: LocalDate;
  start: TimeOfDay;
  end: TimeOfDay;
  kind: ShiftKind;
  profession: Profession;
  requiredCompetenceTypeIds: string[];
  note: string | null;
  byUserId: string;
  at: string;
}

export interface StaffRequest {
  id: string;
  kind: 'swap' | 'leave';
  staffId: string;
  officeId: string;
  /** Swap: the shift offered and its date. */
  shiftRef: string | null;
  date: LocalDate | null;
  /** Swap: the named colleague, or null for everyone eligible. */
  toStaffId: string | null;
  leaveKind: LeaveKind | null;
  from: LocalDate | null;
  to: LocalDate | null;
  note: string | null;
  byUserId: string;
  at: string;
}

export type ResponseKind = 'ask' | 'accept' | 'withdraw';

export interface RequestResponse {
  id: string;
  requestId: string;
  kind: ResponseKind;
  staffId: string;
  byUserId: string;
  at: string;
}

export interface RequestDecision {
  id: string;
  requestId: string;
  decision: 'approve' | 'decline';
  /** Approve: who gets the open shift or the swapped shift, or whose leave. */
  staffId: string | null;
  note: string | null;
  byUserId: string;
  byStaffId: string | null;
  /** The deciding transaction's hybrid logical clock timestamp: the conflict rule orders by it. */
  hlc: string;
  at: string;
}
