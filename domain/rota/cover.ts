// "Hvem kan dekke?": ranks who could fill a gap (or take over a shift), with the facts that make them fit and the exact warnings the choice would still cause.
import { addDays, isoWeekday } from '../calendar/dates';
import type { LocalDate, TimeOfDay } from '../calendar/dates';
import type { PublicHoliday } from '../calendar/holidays';
import { isoWeekDates, isoWeekOf } from '../calendar/isoWeek';
import type { IsoWeek } from '../calendar/isoWeek';
import { wallClockSpan } from '../calendar/oslo';
import type { TimeSpan } from '../calendar/oslo';
import type { Profession } from '../staff';
import { DEFAULT_ROTA_LIMITS, lookbackDays } from './context';
import type { RotaLimits, RotaOffice, RotaStaff } from './context';
import { coveredMinutes } from './intervals';
import { checkWeek } from './rules';
import type { Absence, Shift, ShiftKind } from './types';
import type { RotaWarning } from './warnings';

/** What is missing: a doctor (on site or by video), a nurse on site, or a nurse with emergency competence on site. */
export const COVER_NEEDS = ['doctor', 'nurse', 'emergencyNurse'] as const;
export type CoverNeed = (typeof COVER_NEEDS)[number];

/** The duties whose required competence a candidate must hold (see domain/competence/coverage.ts). */
export type CoverDuty = 'legevakt' | 'emergencyNurse';

export interface CoverGap {
  officeId: string;
  date: LocalDate;
  start: TimeOfDay;
  end: TimeOfDay;
  need: CoverNeed;
  /** The kind of shift to book; clinic when left out. A legevakt also needs the legevakt competence; video is doctors only. */
  kind?: ShiftKind;
  /**
   * An existing shift at this office on this date to hand to someone else: the candidate takes it over (same id), its
   * current person is left out. Another shift id is treated as not there (no shift is taken over).
   */
  replacesShiftId?: string | null;
}

/** What the ranking needs of a person (inactive people are never candidates). */
export type CoverStaff = RotaStaff & { baseOfficeId: string | null; active: boolean };

/** The competence register's answer, e.g. CompetenceCoverage.hasDutyCompetence. */
export type DutyCompetenceCheck = (
  staffId: string,
  duty: CoverDuty,
  date: LocalDate,
) => { qualified: boolean; reasons: readonly { code: string; message: string }[] };

export interface CoverContext {
  offices: readonly RotaOffice[];
  staff: readonly CoverStaff[];
  /** Shifts from at least (gap date − 7 days) to (gap date + 9 days): the weeks the choice can change, with their look-back. */
  shifts: readonly Shift[];
  absences: readonly Absence[];
  publicHolidays?: readonly PublicHoliday[];
  limits?: Partial<RotaLimits>;
  /** The same lookup checkWeek takes; without it the emergency-nurse rule is skipped (as in checkWeek). */
  isEmergencyNurse?: (staffId: string, date: LocalDate) => boolean;
  /** Required competence for a duty on a date; without it no competence is checked. */
  dutyCompetence?: DutyCompetenceCheck;
}

export interface RankCoverInput extends CoverContext {
  gap: CoverGap;
}

export type CoverMode = 'onSite' | 'video';

/** Why a person cannot take it at all (listed last, not offered for booking). */
export type CoverBlocker =
  | { code: 'absent'; absenceId: string; from: LocalDate; to: LocalDate }
  | { code: 'busy'; shiftIds: string[] }
  | { code: 'competence'; duty: CoverDuty; messages: string[] };

export interface CoverTravel {
  /** Where they drive from: their base office, or the office of their previous on-site shift that day. */
  from: 'base' | 'previousShift';
  fromOfficeId: string | null;
  /** Driving minutes from the office settings; 0 from the same office; null when the distance is not set or there is no base. */
  minutes: number | null;
}

export interface CoverFacts {
  /** No shift dated that day (other than the one taken over) and no absence. */
  freeThatDay: boolean;
  /** Shortest rest between the new shift and the person's shifts on other dates (real minutes), null when none within 24 h. */
  restMinutes: number | null;
  minRestMinutes: number;
  /** Planned minutes that day and that ISO week with the new shift, counted as the hour rules count them. */
  dayMinutes: number;
  weekMinutes: number;
  maxDayMinutes: number;
  maxWeekMinutes: number;
  /** On site: the drive there. Video: null (video needs no travel). */
  travel: CoverTravel | null;
  /** Video: the office the doctor covers from (their base), or null without a base. */
  videoFromOfficeId: string | null;
  /** The duty whose competence was required, and whether it is valid on the date (null: nothing required). */
  competence: { duty: CoverDuty; valid: boolean; messages: string[] } | null;
}

export interface CoverCandidate {
  staffId: string;
  name: string;
  profession: Profession;
  mode: CoverMode;
  /** The shift that booking this candidate stores (id: the taken-over shift's id, or COVER_SHIFT_ID for a new one). */
  shift: Shift;
  /** Empty when the person can take it; otherwise why not (then listed last). */
  blockers: CoverBlocker[];
  facts: CoverFacts;
  /**
   * Warnings the rota would have after booking that it does not have now (new, or changed, e.g. more week hours), in
   * checkWeek's order. Computed by running checkWeek on the rota with the shift added, so the prediction is exact.
   */
  warnings: RotaWarning[];
  /** Ids of current warnings that booking removes (e.g. the noDoctor warning of the gap). */
  resolves: string[];
}

/** The id a new shift has in the prediction; the stored shift gets a real id, which then appears in its warnings instead. */
export const COVER_SHIFT_ID = 'cover-candidate';

const DOCTORS: ReadonlySet<Profession> = new Set(['doctor', 'doctorInTraining']);
const NURSES: ReadonlySet<Profession> = new Set(['nurse']);
const MS_PER_MINUTE = 60_000;
const REST_HORIZON_MS = 24 * 60 * MS_PER_MINUTE;
/** Competence reasons that are not the person's fault: the profession is checked by the need, an unconfigured duty by nobody. */
const IGNORED_REASONS: ReadonlySet<string> = new Set(['noRequirements', 'wrongProfession']);

function professionsFor(need: CoverNeed): ReadonlySet<Profession> {
  return need === 'doctor' ? DOCTORS : NURSES;
}

/** The professions that can fill a need (doctor: doctors and LIS/ALIS; nurse and emergency nurse: nurses). */
export function canFillNeed(profession: Profession, need: CoverNeed): boolean {
  return professionsFor(need).has(profession);
}

/** The ISO weeks whose warnings a shift on `date` can change (its own, and those of the next two days: rest, overnight). */
export function weeksAffected(date: LocalDate): IsoWeek[] {
  const weeks: IsoWeek[] = [];
  for (let days = 0; days <= 2; days++) {
    const week = isoWeekOf(addDays(date, days));
    if (!weeks.some((known) => known.year === week.year && known.week === week.week)) weeks.push(week);
  }
  return weeks;
}

interface Prepared {
  input: RankCoverInput;
  limits: RotaLimits;
  kind: ShiftKind;
  replaced: Shift | null;
  weeks: IsoWeek[];
  shiftsByStaff: Map<string, Shift[]>;
  /** Shifts at the gap's office dated from the day before to two days after (all the office rules can look at). */
  officeShifts: Shift[];
  officeById: Map<string, RotaOffice>;
  /**
   * The offices as the rules see them for the prediction: only the gap's office is open, and only on the weekdays of the
   * gap date and the next day (an overnight shift reaches into it). Cover elsewhere and on other days cannot change, so
   * its warnings would be the same before and after; leaving them out keeps each prediction to a few warnings.
   */
  ruleOffices: RotaOffice[];
  /** The current warnings (and their keys) of each person's relevant shifts, filled as candidates are predicted. */
  before: Map<string, { warnings: RotaWarning[]; keys: Set<string> }>;
}

const CLOSED: RotaOffice['openingHours'] = { '1': null, '2': null, '3': null, '4': null, '5': null, '6': null, '7': null };

function prepare(input: RankCoverInput): Prepared {
  const { gap } = input;
  const limits: RotaLimits = { ...DEFAULT_ROTA_LIMITS, ...input.limits };
  const weeks = weeksAffected(gap.date);
  const shiftsByStaff = new Map<string, Shift[]>();
  const officeShifts: Shift[] = [];
  const from = addDays(gap.date, -1);
  const to = addDays(gap.date, 2);
  for (const shift of input.shifts) {
    const list = shiftsByStaff.get(shift.staffId);
    if (list) list.push(shift);
    else shiftsByStaff.set(shift.staffId, [shift]);
    if (shift.officeId === gap.officeId && shift.date >= from && shift.date <= to) officeShifts.push(shift);
  }
  // Only a shift at the gap's office on its date can be taken over (gapFromShift makes such gaps).
  const replaced = gap.replacesShiftId ? (officeShifts.find((shift) => shift.id === gap.replacesShiftId && shift.date === gap.date) ?? null) : null;
  const days = [String(isoWeekday(gap.date)), String(isoWeekday(addDays(gap.date, 1)))];
  const ruleOffices = input.offices.map((office) => {
    if (office.id !== gap.officeId) return { ...office, openingHours: CLOSED };
    const openingHours = { ...CLOSED };
    for (const day of days) openingHours[day as keyof typeof CLOSED] = office.openingHours[day as keyof typeof CLOSED];
    return { ...office, openingHours };
  });
  return {
    input,
    limits,
    ruleOffices,
    before: new Map(),
    kind: gap.kind ?? replaced?.kind ?? 'clinic',
    replaced,
    weeks,
    shiftsByStaff,
    officeShifts,
    officeById: new Map(input.offices.map((office) => [office.id, office])),
  };
}

function drivingMinutes(prepared: Prepared, from: string, to: string): number | null {
  if (from === to) return 0;
  return prepared.officeById.get(from)?.drivingMinutes[to] ?? prepared.officeById.get(to)?.drivingMinutes[from] ?? null;
}

/** A warning's identity for "is it still the same warning": id plus everything it says. */
function warningKey(warning: RotaWarning): string {
  return `${warning.id}\u0000${warning.message}\u0000${warning.shiftIds.join(',')}\u0000${JSON.stringify(warning.details)}`;
}

function checkWeeks(prepared: Prepared, shifts: readonly Shift[]): RotaWarning[] {
  const { input } = prepared;
  const out: RotaWarning[] = [];
  for (const week of prepared.weeks) {
    out.push(
      ...checkWeek({
        week,
        offices: prepared.ruleOffices,
        staff: input.staff,
        shifts,
        absences: input.absences,
        limits: prepared.limits,
        ...(input.publicHolidays ? { publicHolidays: input.publicHolidays } : {}),
        ...(input.isEmergencyNurse ? { isEmergencyNurse: input.isEmergencyNurse } : {}),
      }),
    );
  }
  return out;
}

/**
 * The shifts the rules need to judge this choice exactly: every shift of the candidate and of the person whose shift is
 * taken over (person rules), and every shift at the gap's office around the date (office rules). Warnings about other
 * people and offices come out the same before and after, so the difference is the same as on the whole rota.
 */
function relevantShifts(prepared: Prepared, staffId: string): Shift[] {
  const seen = new Set<string>();
  const out: Shift[] = [];
  const add = (list: readonly Shift[] | undefined) => {
    for (const shift of list ?? []) {
      if (seen.has(shift.id)) continue;
      seen.add(shift.id);
      out.push(shift);
    }
  };
  add(prepared.officeShifts);
  add(prepared.shiftsByStaff.get(staffId));
  if (prepared.replaced) add(prepared.shiftsByStaff.get(prepared.replaced.staffId));
  return out;
}

/** The warnings booking `shift` would add or change, and the current ones it removes. */
function predictWarnings(prepared: Prepared, shift: Shift): { warnings: RotaWarning[]; resolves: string[] } {
  const before = relevantShifts(prepared, shift.staffId);
  const after = before.filter((existing) => existing.id !== shift.id);
  after.push(shift);
  // The rota before is the same for both of a doctor's options (video and on site): checked once per person.
  let known = prepared.before.get(shift.staffId);
  if (!known) {
    const warnings = checkWeeks(prepared, before);
    known = { warnings, keys: new Set(warnings.map(warningKey)) };
    prepared.before.set(shift.staffId, known);
  }
  const { warnings: beforeWarnings, keys: beforeKeys } = known;
  const afterWarnings = checkWeeks(prepared, after);
  const afterIds = new Set(afterWarnings.map((warning) => warning.id));
  return {
    warnings: afterWarnings.filter((warning) => !beforeKeys.has(warningKey(warning))),
    resolves: [...new Set(beforeWarnings.filter((warning) => !afterIds.has(warning.id)).map((warning) => warning.id))],
  };
}

interface Timed {
  shift: Shift;
  span: TimeSpan;
}

function timedOf(shift: Shift): Timed {
  return { shift, span: wallClockSpan(shift.date, shift.start, shift.end) };
}

function countsForHours(prepared: Prepared, shift: Shift): boolean {
  return shift.kind !== 'legevakt' || prepared.limits.legevaktCountsTowardsHours;
}

function factsFor(prepared: Prepared, member: CoverStaff, mode: CoverMode, shift: Shift): { facts: CoverFacts; blockers: CoverBlocker[] } {
  const { gap } = prepared.input;
  const own = (prepared.shiftsByStaff.get(member.id) ?? []).filter((existing) => existing.id !== shift.id).map(timedOf);
  const mine = timedOf(shift);
  const blockers: CoverBlocker[] = [];

  const absence = prepared.input.absences.find((item) => item.staffId === member.id && item.from <= gap.date && gap.date <= item.to);
  if (absence) blockers.push({ code: 'absent', absenceId: absence.id, from: absence.from, to: absence.to });
  const overlapping = own.filter((timed) => timed.span.startMs < mine.span.endMs && mine.span.startMs < timed.span.endMs);
  if (overlapping.length > 0) blockers.push({ code: 'busy', shiftIds: overlapping.map((timed) => timed.shift.id) });

  let rest: number | null = null;
  for (const timed of own) {
    if (timed.shift.date === shift.date) continue;
    const gapMs = timed.span.endMs <= mine.span.startMs ? mine.span.startMs - timed.span.endMs : timed.span.startMs >= mine.span.endMs ? timed.span.startMs - mine.span.endMs : null;
    if (gapMs === null || gapMs > REST_HORIZON_MS) continue;
    const minutes = Math.round(gapMs / MS_PER_MINUTE);
    if (rest === null || minutes < rest) rest = minutes;
  }

  const weekDates = new Set(isoWeekDates(isoWeekOf(shift.date)));
  const withMine = [...own, mine];
  const daySpans = withMine.filter((timed) => timed.shift.date === shift.date && countsForHours(prepared, timed.shift)).map((timed) => timed.span);
  const byDate = new Map<LocalDate, TimeSpan[]>();
  for (const timed of withMine) {
    if (!weekDates.has(timed.shift.date) || !countsForHours(prepared, timed.shift)) continue;
    const list = byDate.get(timed.shift.date);
    if (list) list.push(timed.span);
    else byDate.set(timed.shift.date, [timed.span]);
  }
  let weekMinutes = 0;
  for (const spans of byDate.values()) weekMinutes += coveredMinutes(spans);

  let travel: CoverTravel | null = null;
  if (mode === 'onSite') {
    const earlier = own
      .filter((timed) => timed.shift.date === shift.date && timed.shift.kind !== 'video' && timed.span.endMs <= mine.span.startMs)
      .sort((a, b) => b.span.endMs - a.span.endMs)[0];
    if (earlier) travel = { from: 'previousShift', fromOfficeId: earlier.shift.officeId, minutes: drivingMinutes(prepared, earlier.shift.officeId, gap.officeId) };
    else travel = { from: 'base', fromOfficeId: member.baseOfficeId, minutes: member.baseOfficeId === null ? null : drivingMinutes(prepared, member.baseOfficeId, gap.officeId) };
  }

  const duty: CoverDuty | null = prepared.kind === 'legevakt' ? 'legevakt' : gap.need === 'emergencyNurse' ? 'emergencyNurse' : null;
  let competence: CoverFacts['competence'] = null;
  if (duty) {
    const check = prepared.input.dutyCompetence;
    if (check) {
      const messages = check(member.id, duty, gap.date).reasons.filter((reason) => !IGNORED_REASONS.has(reason.code)).map((reason) => reason.message);
      competence = { duty, valid: messages.length === 0, messages };
    } else if (duty === 'emergencyNurse' && prepared.input.isEmergencyNurse) {
      const valid = prepared.input.isEmergencyNurse(member.id, gap.date);
      competence = { duty, valid, messages: [] };
    }
    if (competence && !competence.valid) blockers.push({ code: 'competence', duty, messages: competence.messages });
  }

  const freeThatDay = !absence && !own.some((timed) => timed.shift.date === shift.date);
  return {
    blockers,
    facts: {
      freeThatDay,
      restMinutes: rest,
      minRestMinutes: Math.round(prepared.limits.minRestHours * 60),
      dayMinutes: coveredMinutes(daySpans),
      weekMinutes,
      maxDayMinutes: Math.round(prepared.limits.maxDayHours * 60),
      maxWeekMinutes: Math.round(prepared.limits.maxWeekHours * 60),
      travel,
      videoFromOfficeId: mode === 'video' ? member.baseOfficeId : null,
      competence,
    },
  };
}

/** The modes a person can cover the gap in: doctors on site or by video for a clinic gap; video shifts by video only. */
function modesFor(prepared: Prepared, member: CoverStaff): CoverMode[] {
  const kind = prepared.kind;
  if (kind === 'video') return DOCTORS.has(member.profession) ? ['video'] : [];
  if (kind === 'clinic' && prepared.input.gap.need === 'doctor' && member.baseOfficeId !== prepared.input.gap.officeId) return ['video', 'onSite'];
  return ['onSite'];
}

function shiftFor(prepared: Prepared, member: CoverStaff, mode: CoverMode): Shift {
  const { gap } = prepared.input;
  return {
    id: prepared.replaced?.id ?? COVER_SHIFT_ID,
    staffId: member.id,
    officeId: gap.officeId,
    date: gap.date,
    start: gap.start,
    end: gap.end,
    kind: mode === 'video' ? 'video' : prepared.kind,
    note: prepared.replaced?.note ?? null,
    patternId: prepared.replaced?.patternId ?? null,
  };
}

function severityCounts(warnings: readonly RotaWarning[]): [number, number] {
  let errors = 0;
  for (const warning of warnings) if (warning.severity === 'error') errors += 1;
  return [errors, warnings.length - errors];
}

/** Best first: can take it; fewer errors, then fewer warnings; shorter travel (video = none); fewer week hours; name. */
export function compareCandidates(a: CoverCandidate, b: CoverCandidate): number {
  const blocked = Number(a.blockers.length > 0) - Number(b.blockers.length > 0);
  if (blocked !== 0) return blocked;
  const [aErrors, aWarnings] = severityCounts(a.warnings);
  const [bErrors, bWarnings] = severityCounts(b.warnings);
  if (aErrors !== bErrors) return aErrors - bErrors;
  if (aWarnings !== bWarnings) return aWarnings - bWarnings;
  const travel = (candidate: CoverCandidate) => (candidate.facts.travel ? (candidate.facts.travel.minutes ?? Number.MAX_SAFE_INTEGER) : 0);
  const travelDiff = travel(a) - travel(b);
  if (travelDiff !== 0) return travelDiff;
  if (a.facts.weekMinutes !== b.facts.weekMinutes) return a.facts.weekMinutes - b.facts.weekMinutes;
  const byName = a.name.localeCompare(b.name, 'nb');
  if (byName !== 0) return byName;
  if (a.mode !== b.mode) return a.mode === 'video' ? -1 : 1;
  return a.staffId < b.staffId ? -1 : a.staffId > b.staffId ? 1 : 0;
}

function candidate(prepared: Prepared, member: CoverStaff, mode: CoverMode): CoverCandidate {
  const shift = shiftFor(prepared, member, mode);
  const { facts, blockers } = factsFor(prepared, member, mode, shift);
  const { warnings, resolves } = predictWarnings(prepared, shift);
  return { staffId: member.id, name: member.name, profession: member.profession, mode, shift, blockers, facts, warnings, resolves };
}

function people(prepared: Prepared): CoverStaff[] {
  const { gap } = prepared.input;
  return prepared.input.staff.filter(
    (member) => member.active && canFillNeed(member.profession, gap.need) && member.id !== prepared.replaced?.staffId,
  );
}

/**
 * Everyone who could fill the gap, best first (compareCandidates). People of another profession, inactive people and
 * the person whose shift is taken over are left out; people who are absent, already working at that time or lack the
 * required competence are listed last with their blockers. A doctor whose base is another office appears twice for a
 * clinic gap: by video (no travel) and on site.
 */
export function rankCoverCandidates(input: RankCoverInput): CoverCandidate[] {
  const prepared = prepare(input);
  const out: CoverCandidate[] = [];
  for (const member of people(prepared)) {
    for (const mode of modesFor(prepared, member)) out.push(candidate(prepared, member, mode));
  }
  return out.sort(compareCandidates);
}

/**
 * The person's best way to fill the gap, or null when they cannot (another profession, inactive, absent, busy, or the
 * required competence is not valid on the date). Used for "eligible staff" of open shifts and swaps.
 */
export function eligibleForShift(input: RankCoverInput, staffId: string): CoverCandidate | null {
  const prepared = prepare(input);
  const member = people(prepared).find((person) => person.id === staffId);
  if (!member) return null;
  const options = modesFor(prepared, member)
    .map((mode) => candidate(prepared, member, mode))
    .filter((option) => option.blockers.length === 0)
    .sort(compareCandidates);
  return options[0] ?? null;
}

/** The gap a coverage warning describes, or null for warnings that are not about cover. A partial gap spans its uncovered periods. */
export function gapFromWarning(warning: RotaWarning): CoverGap | null {
  if (warning.officeId === null) return null;
  const base = { officeId: warning.officeId, date: warning.date };
  switch (warning.kind) {
    case 'noDoctor':
      return { ...base, start: warning.details.open, end: warning.details.close, need: 'doctor' };
    case 'noNurse':
      return { ...base, start: warning.details.open, end: warning.details.close, need: 'nurse' };
    case 'noEmergencyNurse':
      return { ...base, start: warning.details.open, end: warning.details.close, need: 'emergencyNurse' };
    case 'doctorGap':
    case 'nurseGap': {
      const first = warning.details.uncovered[0];
      const last = warning.details.uncovered[warning.details.uncovered.length - 1];
      if (!first || !last) return null;
      return { ...base, start: first.start, end: last.end, need: warning.kind === 'doctorGap' ? 'doctor' : 'nurse' };
    }
    default:
      return null;
  }
}

/** The gap of handing an existing shift to someone else: same office, day, times and kind; need from the current person's profession. */
export function gapFromShift(shift: Shift, profession: Profession): CoverGap | null {
  const need: CoverNeed | null = DOCTORS.has(profession) ? 'doctor' : NURSES.has(profession) ? 'nurse' : null;
  if (!need) return null;
  return { officeId: shift.officeId, date: shift.date, start: shift.start, end: shift.end, need, kind: shift.kind, replacesShiftId: shift.id };
}

/** Days of shifts the ranking needs around a gap date: the look-back of the earliest affected week to the end of the last. */
export function coverWindow(date: LocalDate, limits: Partial<RotaLimits> = {}): { from: LocalDate; to: LocalDate } {
  const full: RotaLimits = { ...DEFAULT_ROTA_LIMITS, ...limits };
  return { from: addDays(date, -7 - lookbackDays(full)), to: addDays(date, 9) };
}
