// Log review (stikkprøver): which audit events are patient accesses, what makes one unusual, and the seeded weighted sample an admin reviews.
import { z } from 'zod';
import { addDays } from '../calendar/dates';
import type { LocalDate, TimeOfDay } from '../calendar/dates';
import { utcMsToOslo } from '../calendar/oslo';
import { seededRandom } from '../seeded-random';
import type { AuditAction } from './actions';

/** The audit actions that are an access to patient data and so may be drawn for review. */
export const PATIENT_ACCESS_ACTIONS = [
  'consultation.viewed',
  'consultation.revealed',
  'consultation.searchedByIdentity',
  'consultation.amended',
  'consultation.cancelled',
  'consultation.exported',
  'audit.patientAccessListed',
] as const satisfies readonly AuditAction[];
export type PatientAccessAction = (typeof PATIENT_ACCESS_ACTIONS)[number];

/** Why an access is unusual. */
export const ACCESS_FLAGS = ['searchWithoutEntry', 'outsideOffice', 'outsideShift'] as const;
export type AccessFlag = (typeof ACCESS_FLAGS)[number];

export const DEFAULT_SAMPLE_SIZE = 20;
export const MAX_SAMPLE_SIZE = 200;
/** An unusual access weighs this much per flag on top of the 1 every access has (one flag: 5, two: 9, three: 13). */
export const WEIGHT_PER_FLAG = 4;

export const REVIEW_VERDICTS = ['ok', 'followedUp'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

/** A mark on one sampled access: "ok", or "fulgt opp" with a note saying what was done (required). */
export const reviewMarkSchema = z
  .object({ verdict: z.enum(REVIEW_VERDICTS, 'invalidChoice'), note: z.string().trim().max(1000, 'tooLong').default('') })
  .superRefine((mark, ctx) => {
    if (mark.verdict === 'followedUp' && mark.note === '') ctx.addIssue({ code: 'custom', path: ['note'], message: 'required' });
  });

/** One planned shift of the person, as the rota has it (wall-clock times in Norway; end ≤ start runs past midnight). */
export interface PersonShift {
  date: LocalDate;
  start: TimeOfDay;
  end: TimeOfDay;
  officeId: string;
  kind: string;
}

/** What is known about one access when judging whether it is unusual. */
export interface AccessFacts {
  action: string;
  /** UTC ISO time of the access. */
  at: string;
  /** The patient's one-way reference, when the event names one. */
  patientRef: string | null;
  /** The office of the entry the access concerns, when it concerns one entry. */
  entryOfficeId: string | null;
  /** The person's staff base office; null when the user has no staff record or no base office. */
  baseOfficeId: string | null;
  /** The person's shifts on the access's date and the day before (a night shift runs into the day). Null: no staff record, so no rota. */
  shifts: readonly PersonShift[] | null;
  /** Patient references of entries dated the access's Oslo date. */
  entryRefsThatDay: ReadonlySet<string>;
}

/** Shift kinds that are not work at an office (a course day): an access then is outside the shift. */
const NOT_AT_WORK: ReadonlySet<string> = new Set(['course']);

function minutes(time: TimeOfDay): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Whether a shift covers the wall-clock moment `date time` (a night shift from the day before included). */
function shiftCovers(shift: PersonShift, date: LocalDate, time: TimeOfDay): boolean {
  const start = minutes(shift.start);
  const end = minutes(shift.end);
  const now = minutes(time);
  const overnight = end <= start;
  if (shift.date === date) return now >= start && (overnight || now < end);
  return overnight && shift.date === addDays(date, -1) && now < end;
}

/** The Oslo date and time of a UTC ISO instant. */
export function osloMoment(at: string): { date: LocalDate; time: TimeOfDay } {
  const { date, time } = utcMsToOslo(Date.parse(at));
  return { date, time };
}

/**
 * The unusual-ness flags of one access:
 * - searchWithoutEntry: an identity search for a patient with no entry dated that day (Norwegian date).
 * - outsideShift: the person had no shift covering that moment (course days do not count); a user with no staff
 *   record has no rota, so every access of theirs is outside a shift.
 * - outsideOffice: the access concerns an entry of an office that is neither the person's base office nor the office
 *   of a shift they had that day. Accesses to no single entry (searches, exports) have no office and never get it.
 */
export function accessFlags(facts: AccessFacts): AccessFlag[] {
  const flags: AccessFlag[] = [];
  const { date, time } = osloMoment(facts.at);
  if (facts.action === 'consultation.searchedByIdentity' && facts.patientRef !== null && !facts.entryRefsThatDay.has(facts.patientRef)) {
    flags.push('searchWithoutEntry');
  }
  const working = (facts.shifts ?? []).filter((shift) => !NOT_AT_WORK.has(shift.kind));
  if (facts.entryOfficeId !== null) {
    const ownOffices = new Set(working.filter((shift) => shift.date === date).map((shift) => shift.officeId));
    if (facts.baseOfficeId) ownOffices.add(facts.baseOfficeId);
    if (!ownOffices.has(facts.entryOfficeId)) flags.push('outsideOffice');
  }
  if (!working.some((shift) => shiftCovers(shift, date, time))) flags.push('outsideShift');
  return flags;
}

/** A candidate for the sample: an access (audit event id) and its flags. */
export interface SampleCandidate {
  id: string;
  flags: readonly AccessFlag[];
}

/** 1 for an ordinary access, 1 + WEIGHT_PER_FLAG per flag for an unusual one. */
export function candidateWeight(candidate: SampleCandidate): number {
  return 1 + WEIGHT_PER_FLAG * candidate.flags.length;
}

/** Draws `count` of `pool` without replacement, each draw in proportion to the weights still in the pool. */
function weightedDraw(next: () => number, pool: SampleCandidate[], count: number): SampleCandidate[] {
  const left = [...pool];
  const drawn: SampleCandidate[] = [];
  while (drawn.length < count && left.length > 0) {
    const total = left.reduce((sum, candidate) => sum + candidateWeight(candidate), 0);
    let roll = next() * total;
    let index = left.length - 1;
    for (let i = 0; i < left.length; i += 1) {
      roll -= candidateWeight(left[i] as SampleCandidate);
      if (roll < 0) {
        index = i;
        break;
      }
    }
    drawn.push(...left.splice(index, 1));
  }
  return drawn;
}

/**
 * The sample to review, in the candidates' order (pass them oldest first). The rule:
 * - When there are at most `size` unusual candidates (at least one flag), every one of them is in the sample and the
 *   rest of the places are drawn evenly from the ordinary ones.
 * - When there are more, all `size` places are drawn from all candidates without replacement, each draw in proportion
 *   to candidateWeight (ordinary 1, unusual 1 + 4 per flag), so ordinary accesses are still spot-checked sometimes.
 * The same candidates and seed always give the same sample.
 */
export function drawReviewSample<T extends SampleCandidate>(candidates: readonly T[], size: number, seed: number): T[] {
  const next = seededRandom(seed);
  const unusual = candidates.filter((candidate) => candidate.flags.length > 0);
  const chosen =
    unusual.length <= size
      ? new Set<SampleCandidate>([
          ...unusual,
          ...weightedDraw(
            next,
            candidates.filter((candidate) => candidate.flags.length === 0),
            size - unusual.length,
          ),
        ])
      : new Set<SampleCandidate>(weightedDraw(next, [...candidates], size));
  return candidates.filter((candidate) => chosen.has(candidate));
}

/** A masked patient reference for screens and print: the first 6 characters of the one-way reference, never the number. */
export function maskedPatientRef(ref: string | null): string | null {
  return ref ? ref.slice(0, 6).toUpperCase() : null;
}
