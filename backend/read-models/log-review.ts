// Log review views: the patient accesses of a period with their unusual-ness flags (the sample's candidates), and a review as screens and print show it.
import type Database from 'better-sqlite3';
import { addDays } from '../../domain/calendar/dates';
import type { LocalDate } from '../../domain/calendar/dates';
import { osloToUtcIso } from '../../domain/calendar/oslo';
import { accessFlags, maskedPatientRef, osloMoment, PATIENT_ACCESS_ACTIONS } from '../../domain/audit/review-sample';
import type { AccessFlag, PersonShift, ReviewVerdict } from '../../domain/audit/review-sample';
import type { Role } from '../../domain/roles';
import { listAuditEvents } from '../../db/audit';
import { currentMarks, entryFacts, entryRefsByDate, getLogReview, listLogReviews, markedCounts, reviewedAuditEvents, reviewPeople } from '../../db/log-reviews';
import type { ReviewPerson } from '../../db/log-reviews';
import { plannedShifts } from './rota-week';

/** At most this many accesses are considered for one review (a period longer than that is refused by the handler's range). */
const MAX_CANDIDATES = 20000;

export interface ReviewCandidate {
  id: string;
  flags: AccessFlag[];
}

/** Every patient access in the period (Oslo dates, inclusive), oldest first, with why it is unusual. */
export function reviewCandidates(db: Database.Database, fromDate: LocalDate, toDate: LocalDate): ReviewCandidate[] {
  const events = listAuditEvents(db, {
    fromAt: osloToUtcIso(fromDate, '00:00'),
    toAt: osloToUtcIso(addDays(toDate, 1), '00:00'),
    actions: PATIENT_ACCESS_ACTIONS,
    limit: MAX_CANDIDATES,
  }).reverse();
  const people = reviewPeople(db);
  const shiftsByStaff = new Map<string, PersonShift[]>();
  for (const shift of plannedShifts(db, addDays(fromDate, -1), toDate)) {
    const list = shiftsByStaff.get(shift.staffId) ?? [];
    list.push(shift);
    shiftsByStaff.set(shift.staffId, list);
  }
  const entries = entryFacts(db, events.filter((event) => event.targetTable === 'consultations' && event.targetId).map((event) => event.targetId as string));
  const refsByDate = entryRefsByDate(db, fromDate, toDate);
  const none = new Set<string>();
  return events.map((event) => {
    const person = event.userId ? people.get(event.userId) : undefined;
    const entry = event.targetId ? entries.get(event.targetId) : undefined;
    const { date } = osloMoment(event.at);
    const flags = accessFlags({
      action: event.action,
      at: event.at,
      patientRef: event.patientRef ?? entry?.patientRef ?? null,
      entryOfficeId: entry?.officeId ?? null,
      baseOfficeId: person?.baseOfficeId ?? null,
      shifts: person?.staffId ? (shiftsByStaff.get(person.staffId) ?? []).filter((shift) => shift.date === date || shift.date === addDays(date, -1)) : null,
      entryRefsThatDay: refsByDate.get(date) ?? none,
    });
    return { id: event.id, flags };
  });
}

export interface ReviewItemView {
  auditEventId: string;
  /** False when the event has not reached this computer yet (sync). */
  found: boolean;
  at: string;
  personName: string;
  roles: Role[];
  action: string;
  /** A masked one-way patient reference (six characters), never the identity number; null when the access names no patient. */
  patientMasked: string | null;
  flags: AccessFlag[];
  mark: { verdict: ReviewVerdict; note: string; byName: string; at: string } | null;
}

export interface LogReviewView {
  id: string;
  fromDate: LocalDate;
  toDate: LocalDate;
  sampleSize: number;
  seed: number;
  candidateCount: number;
  at: string;
  byName: string;
  items: ReviewItemView[];
}

function nameOf(people: Map<string, ReviewPerson>, userId: string | null, fallback: string): string {
  return (userId ? people.get(userId)?.name : undefined) ?? fallback;
}

/** One review with each sampled access named in words (person, role, action, time, masked patient) and its mark. */
export function loadLogReview(db: Database.Database, id: string): LogReviewView | null {
  const review = getLogReview(db, id);
  if (!review) return null;
  const people = reviewPeople(db);
  const events = reviewedAuditEvents(db, review.items.map((item) => item.auditEventId));
  const entries = entryFacts(db, [...events.values()].filter((event) => event.targetTable === 'consultations' && event.targetId).map((event) => event.targetId as string));
  const marks = currentMarks(db, id);
  const items = review.items.map((item): ReviewItemView => {
    const event = events.get(item.auditEventId);
    const mark = marks.get(item.auditEventId);
    const person = event?.userId ? people.get(event.userId) : undefined;
    const ref = event ? (event.patientRef ?? (event.targetId ? entries.get(event.targetId)?.patientRef : null) ?? null) : null;
    return {
      auditEventId: item.auditEventId,
      found: event !== undefined,
      at: event?.at ?? '',
      personName: event ? nameOf(people, event.userId, event.username) : '',
      roles: person?.roles ?? [],
      action: event?.action ?? '',
      patientMasked: maskedPatientRef(ref),
      flags: item.flags,
      mark: mark ? { verdict: mark.verdict, note: mark.note, byName: nameOf(people, mark.byUserId, ''), at: mark.at } : null,
    };
  });
  return {
    id: review.id,
    fromDate: review.fromDate,
    toDate: review.toDate,
    sampleSize: review.sampleSize,
    seed: review.seed,
    candidateCount: review.candidateCount,
    at: review.at,
    byName: nameOf(people, review.byUserId, ''),
    items,
  };
}

/** Every review, newest first, with how many of its accesses are marked. */
export function listLogReviewSummaries(db: Database.Database) {
  const people = reviewPeople(db);
  const marked = markedCounts(db);
  return listLogReviews(db).map((review) => ({
    id: review.id,
    fromDate: review.fromDate,
    toDate: review.toDate,
    at: review.at,
    byName: nameOf(people, review.byUserId, ''),
    itemCount: review.items.length,
    markedCount: marked.get(review.id) ?? 0,
  }));
}
