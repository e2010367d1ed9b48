// Week headings, day headers, the printout's freshness line, short warning labels and warning groups; pure, so it is unit-tested.
import { format } from 'date-fns';
import type { Locale } from 'date-fns';
import { isoWeekday, parseLocalDate } from '../../../../domain/calendar/dates';
import type { LocalDate } from '../../../../domain/calendar/dates';
import { utcMsToOslo } from '../../../../domain/calendar/oslo';
import type { RotaWarning } from '../../../../domain/rota/warnings';
import type { Translator } from '../../i18n';
import { capitalise, weekdayShort } from '../../i18n/labels';
import type { Language } from '../../stores/language';

/** Today's date in Norway (the domain's time zone), whatever the computer's clock zone is. */
export function osloToday(nowMs: number = Date.now()): LocalDate {
  return utcMsToOslo(nowMs).date;
}

/** A LocalDate as a JS Date at local noon, only for formatting month names with date-fns (never for arithmetic). */
function asDate(date: LocalDate): Date {
  const { year, month, day } = parseLocalDate(date);
  return new Date(year, month - 1, day, 12);
}

/** "23.–29. november 2026", "30. november – 6. desember 2026", "28. desember 2026 – 3. januar 2027" (en: "23–29 November 2026"). */
export function formatWeekRange(first: LocalDate, last: LocalDate, language: Language, locale: Locale): string {
  const a = parseLocalDate(first);
  const b = parseLocalDate(last);
  const month = (date: LocalDate) => format(asDate(date), 'MMMM', { locale });
  const dot = language === 'nb' ? '.' : '';
  if (a.year === b.year && a.month === b.month) return `${a.day}${dot}–${b.day}${dot} ${month(last)} ${b.year}`;
  const sameYear = a.year === b.year;
  return `${a.day}${dot} ${month(first)}${sameYear ? '' : ` ${a.year}`} – ${b.day}${dot} ${month(last)} ${b.year}`;
}

/** "Man 23.11." / "Mon 23/11": the column header of a day. */
export function formatDayHeader(t: Translator['t'], date: LocalDate, language: Language): string {
  const { month, day } = parseLocalDate(date);
  const dayMonth = language === 'nb' ? `${pad(day)}.${pad(month)}.` : `${day}/${month}`;
  return `${capitalise(weekdayShort(t, isoWeekday(date)))} ${dayMonth}`;
}

/** "tirsdag 24.11." / "Tuesday 24/11" for group headings and dialog texts. */
export function formatDayLong(t: Translator['t'], date: LocalDate, language: Language): string {
  const { month, day } = parseLocalDate(date);
  return `${t(`weekday.${isoWeekday(date)}`)} ${language === 'nb' ? `${pad(day)}.${pad(month)}.` : `${day}/${month}`}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** "24.11.2026 09:12", or just "09:12" when it is on `sameDayAs` (Norwegian time). */
export function formatStamp(iso: string, sameDayAs?: string | null): string {
  const wall = utcMsToOslo(Date.parse(iso));
  if (sameDayAs && utcMsToOslo(Date.parse(sameDayAs)).date === wall.date) return wall.time;
  const { year, month, day } = parseLocalDate(wall.date);
  return `${pad(day)}.${pad(month)}.${year} ${wall.time}`;
}

export interface Freshness {
  printedAt: string;
  dataAsOf: string | null;
  lastSyncedAt: string | null;
}

/** "Skrevet ut 23.11.2026 09:12 · data per 09:10 (ikke synkronisert ennå)": paper goes stale, so it says how fresh it was. */
export function freshnessText(t: Translator['t'], freshness: Freshness): string {
  const printed = formatStamp(freshness.printedAt);
  const data = freshness.dataAsOf ? formatStamp(freshness.dataAsOf, freshness.printedAt) : t('overview.noDataYet');
  const sync = freshness.lastSyncedAt
    ? t('overview.lastSynced', { time: formatStamp(freshness.lastSyncedAt, freshness.printedAt) })
    : t('overview.notSynced');
  return t('overview.freshness', { printed, data, sync });
}

/** On screen: "Data per 09:10 (ikke synkronisert ennå)". */
export function freshnessScreenText(t: Translator['t'], data: { generatedAt: string; dataAsOf: string | null; lastSyncedAt: string | null }): string {
  const stamp = data.dataAsOf ? formatStamp(data.dataAsOf, data.generatedAt) : t('overview.noDataYet');
  const sync = data.lastSyncedAt ? t('overview.lastSynced', { time: formatStamp(data.lastSyncedAt, data.generatedAt) }) : t('overview.notSynced');
  return t('overview.freshnessScreen', { data: stamp, sync });
}

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

/** What the line estimate needs from the overview. */
export interface PrintableOverview {
  showWeekend: boolean;
  offices: readonly { officeId: string; rows: readonly { cells: readonly (readonly { text: string; detail: string | null; emergency?: boolean }[])[] }[] }[];
  warnings: readonly RotaWarning[];
  dates: readonly LocalDate[];
}

/**
 * Lines (of normal print size) the sheet needs when printed at `zoom`: headings, names, details and names that wrap,
 * warning lines, the legend and the footer. A smaller zoom gives every column more characters, so less wraps.
 */
export function printLineEstimate(overview: PrintableOverview, zoom = 1): number {
  const days = overview.showWeekend ? 7 : 5;
  // Characters of a bold name that fit in a column at full size: weekday columns are wide, weekend columns narrow.
  const nameChars = (index: number) => ((index >= 5 ? 14 : 24) / zoom);
  const entryLines = (entry: { text: string; detail: string | null }, index: number) => {
    const name = Math.ceil(entry.text.length / nameChars(index));
    // "Gunn Jørsdal 08:00–12:30" fits on one line in a weekday column; longer details, or any in a weekend column, wrap.
    const detail = entry.detail && zoom > 0.85 && (entry.detail.length > 11 || index >= 5) ? 0.6 : 0;
    return name + detail;
  };
  // A short warning line holds about 32 characters at full size: the words plus about 18 per name.
  const warningChars = 32 / zoom;
  let lines = 1.5 + 1.5 + 1; // page heading, column headings, footer
  let emergency = false;
  for (const block of overview.offices) {
    lines += 1.3;
    for (const row of block.rows) {
      const cells = row.cells.slice(0, days);
      if (cells.some((cell) => cell.some((entry) => entry.emergency))) emergency = true;
      lines += Math.max(1, ...cells.map((cell, index) => cell.reduce((sum, entry) => sum + entryLines(entry, index), 0)));
    }
    const perDay = overview.dates
      .slice(0, days)
      .map((date) => mergeCellWarnings(warningsOn(overview.warnings, block.officeId, date)).reduce((sum, { warning }) => sum + 0.8 * Math.ceil((18 + 18 * warning.staffIds.length) / warningChars), 0));
    if (perDay.some((count) => count > 0)) lines += Math.max(...perDay);
  }
  return lines + (emergency ? 0.8 : 0);
}

/** Lines that fit on the A4 landscape sheet at normal size (calibrated by printing the example weeks and a dense 5-year week). */
export const PRINT_LINES_PER_PAGE = 41;

export const PRINT_ZOOM_STEPS = [100, 95, 90, 85, 80, 75, 70, 65, 60, 55, 50] as const;
export type PrintZoomStep = (typeof PRINT_ZOOM_STEPS)[number];

/** The print zoom class for the sheet: 100 when it fits, else the largest step at which it fits (never below 50). */
export function printZoomStep(overview: PrintableOverview): PrintZoomStep {
  for (const step of PRINT_ZOOM_STEPS) {
    if (printLineEstimate(overview, step / 100) * (step / 100) <= PRINT_LINES_PER_PAGE) return step;
  }
  return 50;
}

/** The warnings of one office and day (for the "Varsler" line of an office block). */
export function warningsOn(warnings: readonly RotaWarning[], officeId: string, date: LocalDate): RotaWarning[] {
  return warnings.filter((warning) => warning.officeId === officeId && warning.date === date);
}
