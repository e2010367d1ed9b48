// Expiry dates of competences: calendar-month arithmetic with end-of-month clamping and the expiry computed from a renewal interval.
import { daysInMonth, localDate, parseLocalDate } from '../calendar/dates';
import type { LocalDate } from '../calendar/dates';
import type { CompetenceType, StaffCompetenceValues } from './types';

/**
 * The same day `months` calendar months later (negative: earlier). When that month is shorter, the day is clamped to
 * its last day: 2026-01-31 + 1 = 2026-02-28, 2028-01-31 + 1 = 2028-02-29, 2024-02-29 + 12 = 2025-02-28.
 * Clamping makes the operation not associative: add the whole interval in one step, from the original date.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  if (!Number.isInteger(months)) throw new RangeError(`Months must be a whole number: ${months}`);
  const { year, month, day } = parseLocalDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  return localDate(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/**
 * The expiry date (last valid day) of a competence obtained on `obtained` with a renewal interval of `renewalMonths`
 * months, or null when it never expires. A course taken 2024-10-01 with 24 months is valid through 2026-10-01.
 */
export function computeExpiry(obtained: LocalDate, renewalMonths: number | null): LocalDate | null {
  return renewalMonths === null ? null : addMonths(obtained, renewalMonths);
}

/**
 * The record to store for validated input: an entered expiry date wins, otherwise the expiry is computed from the
 * competence type's renewal interval. The computed date is stored, so changing the interval later does not move the
 * expiry of records already entered.
 */
export function resolveStaffCompetence(values: StaffCompetenceValues, type: Pick<CompetenceType, 'renewalMonths'>): StaffCompetenceValues {
  return { ...values, expiresOn: values.expiresOn ?? computeExpiry(values.obtained, type.renewalMonths) };
}
