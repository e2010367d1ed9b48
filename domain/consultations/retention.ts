// Retention of identifiable consultation entries: which entries are old enough to be anonymised.
import { daysInMonth, localDate, parseLocalDate } from '../calendar/dates';
import type { LocalDate } from '../calendar/dates';

export const DEFAULT_RETENTION_MONTHS = 24;
export const MIN_RETENTION_MONTHS = 1;
export const MAX_RETENTION_MONTHS = 240;

/**
 * The first day whose entries are kept identifiable: entries dated before it are anonymised.
 * Counting back whole calendar months from today (31 May minus 3 months is 28/29 Feb), so an
 * entry is anonymised the day after it becomes older than the retention period.
 */
export function retentionCutoff(today: LocalDate, months: number): LocalDate {
  const { year, month, day } = parseLocalDate(today);
  const totalMonths = year * 12 + (month - 1) - months;
  const cutoffYear = Math.floor(totalMonths / 12);
  const cutoffMonth = (totalMonths % 12) + 1;
  const cutoffDay = Math.min(day, daysInMonth(cutoffYear, cutoffMonth));
  return localDate(cutoffYear, cutoffMonth, cutoffDay);
}
