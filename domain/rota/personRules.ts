// Rota rules per person: double booking, driving time between offices, rest between shifts, hours per day and week, shifts during absence.
import { formatWeekdayDateNb } from '../calendar/format';
import type { LocalDate } from '../calendar/dates';
import { utcMsToOslo } from '../calendar/oslo';
import type { RuleContext, TimedShift } from './context';
import { coveredMinutes, overlapMinutes } from './intervals';
import { describeShift, describeShiftPlace, messages } from './messages';
import { WARNING_SEVERITY, warningId } from './warnings';
import type { RotaWarning } from './warnings';

const MS_PER_MINUTE = 60_000;

function sortedPair(a: string, b: string): [string, string] {
  return a <= b ? [a, b] : [b, a];
}

function describe(ctx: RuleContext, timed: TimedShift, onDate: LocalDate): string {
  return describeShift(timed.shift, ctx.officeName(timed.shift.officeId), onDate);
}

/** Wall-clock end of a shift, with the weekday and date added when it ends on another day than `onDate`. */
function endLabel(timed: TimedShift, onDate: LocalDate): string {
  const end = utcMsToOslo(timed.endMs);
  return end.date === onDate ? end.time : `${end.time} ${formatWeekdayDateNb(end.date)}`;
}

/** Same person in two overlapping shifts (touching, e.g. 08:00–12:00 and 12:00–16:00, is fine). O(k + overlaps). */
function doubleBookings(ctx: RuleContext, staffId: string, shifts: readonly TimedShift[], out: RotaWarning[]): void {
  for (let i = 0; i < shifts.length; i++) {
    const a = shifts[i] as TimedShift;
    for (let j = i + 1; j < shifts.length; j++) {
      const b = shifts[j] as TimedShift;
      if (b.startMs >= a.endMs) break;
      const overlap = overlapMinutes(a, b);
      if (overlap === 0 || !ctx.inWeek(b.shift.date)) continue;
      const date = b.shift.date;
      out.push({
        id: warningId('doubleBooking', ...sortedPair(a.shift.id, b.shift.id)),
        kind: 'doubleBooking',
        severity: WARNING_SEVERITY.doubleBooking,
        officeId: b.shift.officeId,
        staffIds: [staffId],
        date,
        shiftIds: [a.shift.id, b.shift.id],
        message: messages.doubleBooking(ctx.staffName(staffId), date, describe(ctx, a, date), describe(ctx, b, date)),
        details: { overlapMinutes: overlap },
      });
    }
  }
}

/**
 * Less than minRestHours between a shift and the latest-ending earlier shift, when the two start on different dates.
 * Shifts on the same date with a short break between them are one split working day (counted by dayHours instead).
 */
function restPeriods(ctx: RuleContext, staffId: string, shifts: readonly TimedShift[], out: RotaWarning[]): void {
  const minRestMinutes = Math.round(ctx.limits.minRestHours * 60);
  let previous: TimedShift | undefined;
  for (const next of shifts) {
    if (previous && previous.endMs <= next.startMs && previous.shift.date !== next.shift.date && ctx.inWeek(next.shift.date)) {
      const restMinutes = Math.round((next.startMs - previous.endMs) / MS_PER_MINUTE);
      if (restMinutes < minRestMinutes) {
        const date = next.shift.date;
        out.push({
          id: warningId('rest', previous.shift.id, next.shift.id),
          kind: 'rest',
          severity: WARNING_SEVERITY.rest,
          officeId: next.shift.officeId,
          staffIds: [staffId],
          date,
          shiftIds: [previous.shift.id, next.shift.id],
          message: messages.rest({
            person: ctx.staffName(staffId),
            date,
            previous: describeShiftPlace(previous.shift, ctx.officeName(previous.shift.officeId)),
            previousEnd: endLabel(previous, date),
            next: describeShiftPlace(next.shift, ctx.officeName(next.shift.officeId)),
            nextStart: next.shift.start,
            restMinutes,
            minRestMinutes,
          }),
          details: { restMinutes, minRestMinutes },
        });
      }
    }
    if (!previous || next.endMs > previous.endMs) previous = next;
  }
}

/**
 * Too little time to drive between two consecutive on-site shifts at different offices (same day, or across midnight
 * after a night shift). Video cover needs no travel and can be done from anywhere, but its minutes inside the gap are
 * not available for driving.
 */
function travelTimes(ctx: RuleContext, staffId: string, shifts: readonly TimedShift[], out: RotaWarning[]): void {
  const videos = shifts.filter((timed) => timed.shift.kind === 'video');
  let previous: TimedShift | undefined;
  for (const next of shifts) {
    if (next.shift.kind === 'video') continue;
    if (previous && previous.endMs <= next.startMs && previous.shift.officeId !== next.shift.officeId && ctx.inWeek(next.shift.date)) {
      const driving = ctx.drivingMinutes(previous.shift.officeId, next.shift.officeId);
      if (driving !== null) {
        const gap = { startMs: previous.endMs, endMs: next.startMs };
        const gapMinutes = Math.round((gap.endMs - gap.startMs) / MS_PER_MINUTE);
        let videoMinutes = 0;
        for (const video of videos) videoMinutes += overlapMinutes(video, gap);
        const availableMinutes = gapMinutes - videoMinutes;
        if (availableMinutes < driving) {
          const date = next.shift.date;
          out.push({
            id: warningId('travelTime', previous.shift.id, next.shift.id),
            kind: 'travelTime',
            severity: WARNING_SEVERITY.travelTime,
            officeId: next.shift.officeId,
            staffIds: [staffId],
            date,
            shiftIds: [previous.shift.id, next.shift.id],
            message: messages.travelTime({
              person: ctx.staffName(staffId),
              date,
              fromOffice: ctx.officeName(previous.shift.officeId),
              fromEnd: endLabel(previous, date),
              toOffice: ctx.officeName(next.shift.officeId),
              toStart: next.shift.start,
              availableMinutes,
              videoMinutes,
              drivingMinutes: driving,
            }),
            details: {
              fromOfficeId: previous.shift.officeId,
              toOfficeId: next.shift.officeId,
              gapMinutes,
              videoMinutes,
              availableMinutes,
              drivingMinutes: driving,
            },
          });
        }
      }
    }
    if (!previous || next.endMs > previous.endMs) previous = next;
  }
}

/**
 * Hours per day and per ISO week. A shift counts in full, in real minutes, on the date it starts (a legevakt
 * 16:00–08:00 is 16 h on its start date, when legevakt counts at all: see RotaLimits); overlapping shifts on one
 * date are counted once.
 */
function workingHours(ctx: RuleContext, staffId: string, shifts: readonly TimedShift[], out: RotaWarning[]): void {
  const dayLimit = Math.round(ctx.limits.maxDayHours * 60);
  const weekLimit = Math.round(ctx.limits.maxWeekHours * 60);
  const byDate = new Map<LocalDate, TimedShift[]>();
  for (const timed of shifts) {
    if (!ctx.inWeek(timed.shift.date)) continue;
    if (timed.shift.kind === 'legevakt' && !ctx.limits.legevaktCountsTowardsHours) continue;
    const list = byDate.get(timed.shift.date);
    if (list) list.push(timed);
    else byDate.set(timed.shift.date, [timed]);
  }
  let weekTotal = 0;
  let weekExceededOn: LocalDate | null = null;
  const weekShiftIds: string[] = [];
  for (const date of ctx.weekDates) {
    const dayShifts = byDate.get(date);
    if (!dayShifts) continue;
    const worked = coveredMinutes(dayShifts);
    for (const timed of dayShifts) weekShiftIds.push(timed.shift.id);
    weekTotal += worked;
    if (weekExceededOn === null && weekTotal > weekLimit) weekExceededOn = date;
    if (worked > dayLimit) {
      out.push({
        id: warningId('dayHours', staffId, date),
        kind: 'dayHours',
        severity: WARNING_SEVERITY.dayHours,
        officeId: null,
        staffIds: [staffId],
        date,
        shiftIds: dayShifts.map((timed) => timed.shift.id),
        message: messages.dayHours(ctx.staffName(staffId), date, worked, dayLimit),
        details: { workedMinutes: worked, limitMinutes: dayLimit },
      });
    }
  }
  if (weekExceededOn !== null) {
    out.push({
      id: warningId('weekHours', staffId, `${ctx.week.year}-W${ctx.week.week}`),
      kind: 'weekHours',
      severity: WARNING_SEVERITY.weekHours,
      officeId: null,
      staffIds: [staffId],
      date: weekExceededOn,
      shiftIds: weekShiftIds,
      message: messages.weekHours(ctx.staffName(staffId), ctx.week, weekTotal, weekLimit),
      details: { week: ctx.week, workedMinutes: weekTotal, limitMinutes: weekLimit },
    });
  }
}

/** A shift dated inside one of the person's absences (a night shift ending on the first absence day is fine). */
function shiftsDuringAbsence(ctx: RuleContext, staffId: string, shifts: readonly TimedShift[], out: RotaWarning[]): void {
  for (const timed of shifts) {
    const date = timed.shift.date;
    if (!ctx.inWeek(date)) continue;
    for (const absence of ctx.absencesOn(staffId, date)) {
      out.push({
        id: warningId('absence', timed.shift.id, absence.id),
        kind: 'absence',
        severity: WARNING_SEVERITY.absence,
        officeId: timed.shift.officeId,
        staffIds: [staffId],
        date,
        shiftIds: [timed.shift.id],
        message: messages.absence(ctx.staffName(staffId), date, absence, describe(ctx, timed, date)),
        details: { absenceId: absence.id, absenceKind: absence.kind, from: absence.from, to: absence.to },
      });
    }
  }
}

/** All person rules for every person with shifts in the window. */
export function checkPeople(ctx: RuleContext, out: RotaWarning[]): void {
  for (const [staffId, shifts] of ctx.shiftsByStaff) {
    doubleBookings(ctx, staffId, shifts, out);
    restPeriods(ctx, staffId, shifts, out);
    travelTimes(ctx, staffId, shifts, out);
    workingHours(ctx, staffId, shifts, out);
    shiftsDuringAbsence(ctx, staffId, shifts, out);
  }
}
