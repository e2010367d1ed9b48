// Rota warnings: kinds, severities, structured details per kind, a stable id, and ordering for lists.
import type { LocalDate, TimeOfDay } from '../calendar/dates';
import type { PublicHolidayKey } from '../calendar/holidays';
import type { IsoWeek } from '../calendar/isoWeek';
import type { AbsenceKind } from './types';

export const ROTA_WARNING_KINDS = [
  'doubleBooking',
  'absence',
  'noDoctor',
  'doctorGap',
  'noNurse',
  'nurseGap',
  'noEmergencyNurse',
  'travelTime',
  'rest',
  'dayHours',
  'weekHours',
  'publicHolidayShift',
] as const;
export type RotaWarningKind = (typeof ROTA_WARNING_KINDS)[number];

export type WarningSeverity = 'error' | 'warning';

/** A period of the day in Oslo wall-clock time. */
export interface ClockPeriod {
  start: TimeOfDay;
  end: TimeOfDay;
}

interface CoverageDetails {
  /** Opening hours that day. */
  open: TimeOfDay;
  close: TimeOfDay;
}

/** Structured data for each kind, so a UI can render its own text or highlight cells. */
export interface RotaWarningDetails {
  doubleBooking: { overlapMinutes: number };
  /** absenceKind is null when the reader may not see the reason (see absence-privacy.ts). */
  absence: { absenceId: string; absenceKind: AbsenceKind | null; from: LocalDate; to: LocalDate };
  noDoctor: CoverageDetails;
  doctorGap: CoverageDetails & { uncovered: ClockPeriod[] };
  noNurse: CoverageDetails;
  nurseGap: CoverageDetails & { uncovered: ClockPeriod[] };
  noEmergencyNurse: CoverageDetails & { nurseIds: string[] };
  travelTime: {
    fromOfficeId: string;
    toOfficeId: string;
    /** Minutes between the end of one on-site shift and the start of the next. */
    gapMinutes: number;
    /** Minutes of video cover inside that gap (the person cannot drive then). */
    videoMinutes: number;
    /** gapMinutes − videoMinutes. */
    availableMinutes: number;
    drivingMinutes: number;
  };
  rest: { restMinutes: number; minRestMinutes: number };
  dayHours: { workedMinutes: number; limitMinutes: number };
  weekHours: { week: IsoWeek; workedMinutes: number; limitMinutes: number };
  publicHolidayShift: { holidayKey: PublicHolidayKey; holidayName: string };
}

interface WarningOf<K extends RotaWarningKind> {
  /** Stable across recomputations while the same records cause the same problem; use as React key or to dismiss. */
  id: string;
  kind: K;
  severity: WarningSeverity;
  /** The office the problem is at (for person warnings: the office of the shift that breaks the rule), or null. */
  officeId: string | null;
  staffIds: string[];
  /** The day the warning belongs to (always inside the checked ISO week). */
  date: LocalDate;
  shiftIds: string[];
  /** Norwegian (bokmål): who/where/when, what is wrong, and what to do. */
  message: string;
  details: RotaWarningDetails[K];
}

export type RotaWarning = { [K in RotaWarningKind]: WarningOf<K> }[RotaWarningKind];

export const WARNING_SEVERITY: Readonly<Record<RotaWarningKind, WarningSeverity>> = {
  doubleBooking: 'error',
  absence: 'error',
  noDoctor: 'error',
  doctorGap: 'warning',
  noNurse: 'warning',
  nurseGap: 'warning',
  noEmergencyNurse: 'warning',
  travelTime: 'warning',
  rest: 'warning',
  dayHours: 'warning',
  weekHours: 'warning',
  publicHolidayShift: 'warning',
};

/** Stable warning id: the kind and the ids/dates that identify the problem. */
export function warningId(kind: RotaWarningKind, ...parts: string[]): string {
  return [kind, ...parts].join(':');
}

const KIND_ORDER = new Map<RotaWarningKind, number>(ROTA_WARNING_KINDS.map((kind, index) => [kind, index]));

/** Orders warnings by date, errors first, then kind, then id (deterministic). */
export function compareWarnings(a: RotaWarning, b: RotaWarning): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  const kindDiff = (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0);
  if (kindDiff !== 0) return kindDiff;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The warnings that involve a shift (for showing them inline next to it while planning). */
export function warningsForShift(warnings: readonly RotaWarning[], shiftId: string): RotaWarning[] {
  return warnings.filter((warning) => warning.shiftIds.includes(shiftId));
}
