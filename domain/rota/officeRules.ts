// Rota rules per office and day: doctor cover (on site or video), nurse on duty, emergency-competent nurse, shifts on public holidays.
import { addDays, isoWeekday } from '../calendar/dates';
import type { LocalDate, TimeOfDay } from '../calendar/dates';
import { osloToUtcMs, utcMsToOslo } from '../calendar/oslo';
import type { TimeSpan } from '../calendar/oslo';
import type { Profession } from '../staff';
import { officeDayKey } from './context';
import type { RotaOffice, RuleContext, TimedShift } from './context';
import { uncoveredParts } from './intervals';
import { messages } from './messages';
import { WARNING_SEVERITY, warningId } from './warnings';
import type { ClockPeriod, RotaWarning } from './warnings';
import type { ShiftKind } from './types';

const DOCTOR_PROFESSIONS: ReadonlySet<Profession> = new Set(['doctor', 'doctorInTraining']);
/** Kinds that count as doctor cover for the office in shift.officeId: on site, or video cover for that office. */
const DOCTOR_COVER_KINDS: ReadonlySet<ShiftKind> = new Set(['clinic', 'video']);
/** A nurse on duty is on site (clinic). */
const NURSE_COVER_KINDS: ReadonlySet<ShiftKind> = new Set(['clinic']);

function toClock(span: TimeSpan): ClockPeriod {
  return { start: utcMsToOslo(span.startMs).time, end: utcMsToOslo(span.endMs).time };
}

function overlaps(a: TimeSpan, b: TimeSpan): boolean {
  return a.startMs < b.endMs && b.startMs < a.endMs;
}

/** Shifts of the office that can reach into `date` (dated that day, or the day before and running overnight). */
function shiftsTouching(ctx: RuleContext, officeId: string, date: LocalDate): TimedShift[] {
  const today = ctx.shiftsByOfficeDay.get(officeDayKey(officeId, date)) ?? [];
  const yesterday = (ctx.shiftsByOfficeDay.get(officeDayKey(officeId, addDays(date, -1))) ?? []).filter((timed) => timed.endDate === date);
  return yesterday.length ? [...yesterday, ...today] : today;
}

/** Cover by people of the given professions in the given shift kinds, excluding anyone absent on the shift's date. */
function coverFor(ctx: RuleContext, candidates: readonly TimedShift[], kinds: ReadonlySet<ShiftKind>, professions: ReadonlySet<Profession>, open: TimeSpan): TimedShift[] {
  return candidates.filter((timed) => {
    if (!kinds.has(timed.shift.kind)) return false;
    const profession = ctx.staffById.get(timed.shift.staffId)?.profession;
    if (!profession || !professions.has(profession)) return false;
    if (ctx.absenceOn(timed.shift.staffId, timed.shift.date)) return false;
    return overlaps(timed, open);
  });
}

interface OpenDay {
  office: RotaOffice;
  date: LocalDate;
  open: TimeOfDay;
  close: TimeOfDay;
  span: TimeSpan;
  candidates: TimedShift[];
}

function coverageGaps(ctx: RuleContext, day: OpenDay, cover: readonly TimedShift[]): ClockPeriod[] {
  const toleranceMs = ctx.limits.coverageGapToleranceMinutes * 60_000;
  return uncoveredParts(day.span, cover)
    .filter((gap) => gap.endMs - gap.startMs > toleranceMs)
    .map(toClock);
}

function doctorCover(ctx: RuleContext, day: OpenDay, out: RotaWarning[]): void {
  const cover = coverFor(ctx, day.candidates, DOCTOR_COVER_KINDS, DOCTOR_PROFESSIONS, day.span);
  const base = { officeId: day.office.id, date: day.date, staffIds: [] as string[] };
  const name = ctx.officeName(day.office.id);
  if (cover.length === 0) {
    out.push({
      ...base,
      id: warningId('noDoctor', day.office.id, day.date),
      kind: 'noDoctor',
      severity: WARNING_SEVERITY.noDoctor,
      shiftIds: [],
      message: messages.noDoctor(name, day.date),
      details: { open: day.open, close: day.close },
    });
    return;
  }
  const uncovered = coverageGaps(ctx, day, cover);
  if (uncovered.length === 0) return;
  out.push({
    ...base,
    id: warningId('doctorGap', day.office.id, day.date),
    kind: 'doctorGap',
    severity: WARNING_SEVERITY.doctorGap,
    staffIds: [...new Set(cover.map((timed) => timed.shift.staffId))],
    shiftIds: cover.map((timed) => timed.shift.id),
    message: messages.doctorGap(name, day.date, uncovered),
    details: { open: day.open, close: day.close, uncovered },
  });
}

function nurseCover(ctx: RuleContext, day: OpenDay, out: RotaWarning[]): void {
  const cover = coverFor(ctx, day.candidates, NURSE_COVER_KINDS, new Set<Profession>(['nurse']), day.span);
  const name = ctx.officeName(day.office.id);
  if (cover.length === 0) {
    out.push({
      id: warningId('noNurse', day.office.id, day.date),
      kind: 'noNurse',
      severity: WARNING_SEVERITY.noNurse,
      officeId: day.office.id,
      staffIds: [],
      date: day.date,
      shiftIds: [],
      message: messages.noNurse(name, day.date),
      details: { open: day.open, close: day.close },
    });
    return;
  }
  const nurseIds = [...new Set(cover.map((timed) => timed.shift.staffId))];
  const uncovered = coverageGaps(ctx, day, cover);
  if (uncovered.length > 0) {
    out.push({
      id: warningId('nurseGap', day.office.id, day.date),
      kind: 'nurseGap',
      severity: WARNING_SEVERITY.nurseGap,
      officeId: day.office.id,
      staffIds: nurseIds,
      date: day.date,
      shiftIds: cover.map((timed) => timed.shift.id),
      message: messages.nurseGap(name, day.date, uncovered),
      details: { open: day.open, close: day.close, uncovered },
    });
  }
  const isEmergencyNurse = ctx.isEmergencyNurse;
  if (isEmergencyNurse && !nurseIds.some((staffId) => isEmergencyNurse(staffId, day.date))) {
    out.push({
      id: warningId('noEmergencyNurse', day.office.id, day.date),
      kind: 'noEmergencyNurse',
      severity: WARNING_SEVERITY.noEmergencyNurse,
      officeId: day.office.id,
      staffIds: nurseIds,
      date: day.date,
      shiftIds: cover.map((timed) => timed.shift.id),
      message: messages.noEmergencyNurse(name, day.date, nurseIds.map((staffId) => ctx.staffName(staffId))),
      details: { open: day.open, close: day.close, nurseIds },
    });
  }
}

/** Offices are closed on public holidays; any shift there except legevakt gets one warning per office and day. */
function holidayShifts(ctx: RuleContext, office: RotaOffice, date: LocalDate, out: RotaWarning[]): void {
  const holiday = ctx.holidays.get(date);
  if (!holiday) return;
  const planned = (ctx.shiftsByOfficeDay.get(officeDayKey(office.id, date)) ?? []).filter((timed) => timed.shift.kind !== 'legevakt');
  if (planned.length === 0) return;
  const staffIds = [...new Set(planned.map((timed) => timed.shift.staffId))];
  out.push({
    id: warningId('publicHolidayShift', office.id, date),
    kind: 'publicHolidayShift',
    severity: WARNING_SEVERITY.publicHolidayShift,
    officeId: office.id,
    staffIds,
    date,
    shiftIds: planned.map((timed) => timed.shift.id),
    message: messages.publicHolidayShift(ctx.officeName(office.id), date, holiday.name, staffIds.map((staffId) => ctx.staffName(staffId)), planned.length),
    details: { holidayKey: holiday.key, holidayName: holiday.name },
  });
}

/** All office rules for every office and every day of the week. */
export function checkOffices(ctx: RuleContext, out: RotaWarning[]): void {
  for (const office of ctx.offices) {
    for (const date of ctx.weekDates) {
      holidayShifts(ctx, office, date, out);
      if (ctx.holidays.has(date)) continue;
      const hours = office.openingHours[String(isoWeekday(date)) as keyof RotaOffice['openingHours']];
      if (!hours) continue;
      const span = { startMs: osloToUtcMs(date, hours.open), endMs: osloToUtcMs(date, hours.close) };
      const day: OpenDay = { office, date, open: hours.open, close: hours.close, span, candidates: shiftsTouching(ctx, office.id, date) };
      doctorCover(ctx, day, out);
      nurseCover(ctx, day, out);
    }
  }
}
