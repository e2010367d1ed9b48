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

/** The warnings of one office and day (for the "Varsler" line of an office block). */
export function warningsOn(warnings: readonly RotaWarning[], officeId: string, date: LocalDate): RotaWarning[] {
  return warnings.filter((warning) => warning.officeId === officeId && warning.date === date);
}
