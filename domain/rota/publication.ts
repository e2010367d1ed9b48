// Draft and published rota weeks: an office's publication state from its publish/draft records, and which shifts are drafts for whom.
import { addDays, dayNumber } from '../calendar/dates';
import type { LocalDate } from '../calendar/dates';
import { hasAnyRole } from '../roles';
import type { Role } from '../roles';

/** What a lead or admin did to an office's weeks (a row of rota_publications). Weeks are given by their Mondays. */
export interface PublicationRecord {
  id: string;
  officeId: string;
  /** 'publish': fromWeek..throughWeek become published; 'draft': fromWeek and every later week become drafts. */
  kind: 'publish' | 'draft';
  fromWeek: LocalDate;
  throughWeek: LocalDate;
  /** The write's clock stamp: records apply in this order on every computer. */
  hlc: string;
}

/** One office's state. An office with no records has every week published (existing data on upgrade). */
export interface OfficePublication {
  /** The earliest week a 'draft' record made a draft; null: no week ever was. */
  draftFrom: LocalDate | null;
  /** Ranges (Mondays, inclusive) published after draftFrom was set, oldest first. */
  published: { from: LocalDate; through: LocalDate }[];
}

/** Roles that plan, see drafts and (for their own office) publish. */
export const DRAFT_VIEWERS: readonly Role[] = ['lead', 'admin'];

/** True when these roles see draft shifts. */
export function seesDrafts(roles: readonly Role[]): boolean {
  return hasAnyRole(roles, DRAFT_VIEWERS);
}

/** The Monday of the ISO week a date lies in. */
export function mondayOf(date: LocalDate): LocalDate {
  // Day number 0 (1970-01-01) was a Thursday: (n + 3) mod 7 is 0 on Mondays.
  const offset = (((dayNumber(date) + 3) % 7) + 7) % 7;
  return addDays(date, -offset);
}

/** Applies the records (any order; sorted here by hlc, then id) to each office's state. */
export function publicationStates(records: readonly PublicationRecord[]): Map<string, OfficePublication> {
  const sorted = [...records].sort((a, b) => (a.hlc !== b.hlc ? (a.hlc < b.hlc ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const states = new Map<string, OfficePublication>();
  for (const record of sorted) {
    const state = states.get(record.officeId) ?? { draftFrom: null, published: [] };
    if (record.kind === 'draft') {
      const from = record.fromWeek;
      state.draftFrom = state.draftFrom === null || from < state.draftFrom ? from : state.draftFrom;
      // Weeks from `from` on are drafts again: publications of them no longer count.
      state.published = state.published
        .filter((range) => range.from < from)
        .map((range) => (range.through < from ? range : { from: range.from, through: addDays(from, -7) }));
    } else if (record.fromWeek <= record.throughWeek) {
      state.published.push({ from: record.fromWeek, through: record.throughWeek });
    }
    states.set(record.officeId, state);
  }
  return states;
}

/**
 * True when the week (its Monday) is a draft at the office. A week that has started (the current week or earlier) is
 * never a draft: nobody may be working a shift they cannot see.
 */
export function isDraftWeek(state: OfficePublication | undefined, monday: LocalDate, currentMonday: LocalDate): boolean {
  if (!state || state.draftFrom === null || monday <= currentMonday || monday < state.draftFrom) return false;
  return !state.published.some((range) => range.from <= monday && monday <= range.through);
}

/** True when a shift at this office on this date is a draft. */
export function isDraftShift(states: ReadonlyMap<string, OfficePublication>, shift: { officeId: string; date: LocalDate }, today: LocalDate): boolean {
  return isDraftWeek(states.get(shift.officeId), mondayOf(shift.date), mondayOf(today));
}

/** The first draft week (Monday) of the office after the current week, looking at most `horizonWeeks` ahead; null: none. */
export function firstDraftWeek(state: OfficePublication | undefined, today: LocalDate, horizonWeeks = 260): LocalDate | null {
  if (!state || state.draftFrom === null) return null;
  const current = mondayOf(today);
  let monday = state.draftFrom > current ? state.draftFrom : addDays(current, 7);
  for (let step = 0; step < horizonWeeks; step++, monday = addDays(monday, 7)) {
    if (isDraftWeek(state, monday, current)) return monday;
  }
  return null;
}

/** The draft weeks (Mondays) among from..through, for a publication's notices: only those change for staff. */
export function draftWeeksBetween(state: OfficePublication | undefined, from: LocalDate, through: LocalDate, today: LocalDate): LocalDate[] {
  const current = mondayOf(today);
  const weeks: LocalDate[] = [];
  for (let monday = mondayOf(from); monday <= through; monday = addDays(monday, 7)) if (isDraftWeek(state, monday, current)) weeks.push(monday);
  return weeks;
}
