// Rota warnings as the UI shows them: short labels for grid cells, grouping by office and day, merged cell lines.
import type { LocalDate } from '../../../domain/calendar/dates';
import type { RotaWarning } from '../../../domain/rota/warnings';
import type { Translator } from '../i18n';

/** A few words for a warning (for grid cells and next to shifts); the full sentence is `warning.message`. */
export function warningShortText(t: Translator['t'], warning: RotaWarning, staffName: (id: string) => string): string {
  const people = warning.staffIds.map(staffName).join(', ');
  switch (warning.kind) {
    case 'noDoctor':
      return t('warningShort.noDoctor');
    case 'doctorGap':
      return t('warningShort.doctorGap', { periods: warning.details.uncovered.map((p) => `${p.start}–${p.end}`).join(', ') });
    case 'noNurse':
      return t('warningShort.noNurse');
    case 'nurseGap':
      return t('warningShort.nurseGap', { periods: warning.details.uncovered.map((p) => `${p.start}–${p.end}`).join(', ') });
    case 'noEmergencyNurse':
      return t('warningShort.noEmergencyNurse');
    case 'doubleBooking':
      return t('warningShort.doubleBooking', { people });
    case 'absence':
      return t('warningShort.absence', { people });
    case 'travelTime':
      return t('warningShort.travelTime', { people });
    case 'rest':
      return t('warningShort.rest', { people });
    case 'dayHours':
      return t('warningShort.dayHours', { people, hours: Math.round(warning.details.limitMinutes / 6) / 10 });
    case 'weekHours':
      return t('warningShort.weekHours', { people, hours: Math.round(warning.details.limitMinutes / 6) / 10 });
    case 'publicHolidayShift':
      return t('warningShort.publicHolidayShift', { people });
  }
}

export interface WarningDayGroup {
  date: LocalDate;
  warnings: RotaWarning[];
}

export interface WarningOfficeGroup {
  /** null: warnings about a person's hours that belong to no single office. */
  officeId: string | null;
  days: WarningDayGroup[];
}

/** Warnings grouped by office (in `officeOrder`, unknown offices after, person-only warnings last) and then by day. */
export function groupWarnings(warnings: readonly RotaWarning[], officeOrder: readonly string[]): WarningOfficeGroup[] {
  const byOffice = new Map<string | null, Map<LocalDate, RotaWarning[]>>();
  for (const warning of warnings) {
    let days = byOffice.get(warning.officeId);
    if (!days) byOffice.set(warning.officeId, (days = new Map()));
    const list = days.get(warning.date);
    if (list) list.push(warning);
    else days.set(warning.date, [warning]);
  }
  const rank = (officeId: string | null) => {
    if (officeId === null) return Number.MAX_SAFE_INTEGER;
    const index = officeOrder.indexOf(officeId);
    return index === -1 ? officeOrder.length : index;
  };
  return [...byOffice.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([officeId, days]) => ({
      officeId,
      days: [...days.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, list]) => ({ date, warnings: list })),
    }));
}

/** A line in a grid cell: a warning, possibly standing for several of the same kind about different people. */
export interface CellWarning {
  /** The first warning, with the people of all merged ones in `staffIds`. */
  warning: RotaWarning;
  /** The full sentences of every merged warning (for the tooltip). */
  messages: string[];
}

/**
 * Warnings for one grid cell, with warnings of the same kind about different people merged into one line
 * ("Vakt under fravær: Hanna Fjellstad, Astrid Hov"), so a busy day does not fill the sheet.
 */
export function mergeCellWarnings(warnings: readonly RotaWarning[]): CellWarning[] {
  const groups = new Map<string, CellWarning>();
  for (const warning of warnings) {
    const personKind = warning.staffIds.length > 0 && warning.kind !== 'publicHolidayShift' && warning.kind !== 'noEmergencyNurse';
    const key = personKind ? `${warning.kind}:${warning.severity}` : warning.id;
    const existing = groups.get(key);
    if (!existing) {
      groups.set(key, { warning: { ...warning, staffIds: [...warning.staffIds] } as RotaWarning, messages: [warning.message] });
      continue;
    }
    existing.messages.push(warning.message);
    for (const id of warning.staffIds) if (!existing.warning.staffIds.includes(id)) existing.warning.staffIds.push(id);
  }
  return [...groups.values()];
}

/** The warnings of one office and day (for the "Varsler" line of an office block). */
export function warningsOn(warnings: readonly RotaWarning[], officeId: string, date: LocalDate): RotaWarning[] {
  return warnings.filter((warning) => warning.officeId === officeId && warning.date === date);
}
