// Office form logic without React: form values ⇄ API input, live validation, and the opening-hours summary for the list.
import { officeInputSchema, STANDARD_OPENING_HOURS, WEEKDAYS } from '../../../../domain/offices';
import type { Office, OfficeInput, OpeningHours, Weekday } from '../../../../domain/offices';
import { validate } from '../../../../domain/validation';
import { parseTypedNumber } from '../../components/parse';
import type { FormFieldErrors } from '../../i18n/codes';

export type DayKey = `${Weekday}`;

/** One weekday row: the checkbox and the two time inputs (kept while unticked, so ticking again restores them). */
export interface DayForm {
  isOpen: boolean;
  open: string;
  close: string;
}

/** What the office form holds: text exactly as typed, at the paths the input (and its errors) use. */
export interface OfficeForm {
  name: string;
  municipality: string;
  address: string;
  phone: string;
  openingHours: Record<DayKey, DayForm>;
  /** Driving minutes as typed, keyed by the other office's id. */
  drivingMinutes: Record<string, string>;
}

const DEFAULT_OPENS = '08:00';
const DEFAULT_CLOSES = '15:30';

export const DAY_KEYS: readonly DayKey[] = WEEKDAYS.map((day) => String(day) as DayKey);

export function hoursToForm(hours: OpeningHours): Record<DayKey, DayForm> {
  const form = {} as Record<DayKey, DayForm>;
  for (const key of DAY_KEYS) {
    const day = hours[key];
    form[key] = day ? { isOpen: true, open: day.open, close: day.close } : { isOpen: false, open: DEFAULT_OPENS, close: DEFAULT_CLOSES };
  }
  return form;
}

export function emptyOfficeForm(): OfficeForm {
  return { name: '', municipality: '', address: '', phone: '', openingHours: hoursToForm(STANDARD_OPENING_HOURS), drivingMinutes: {} };
}

export function officeToForm(office: Office): OfficeForm {
  const drivingMinutes: Record<string, string> = {};
  for (const [id, minutes] of Object.entries(office.drivingMinutes)) drivingMinutes[id] = String(minutes);
  return {
    name: office.name,
    municipality: office.municipality,
    address: office.address ?? '',
    phone: office.phone ?? '',
    openingHours: hoursToForm(office.openingHours),
    drivingMinutes,
  };
}

/**
 * The API input for the form. Driving minutes are sent only for offices that still exist and have a number,
 * so minutes to a deleted office are dropped on the next save.
 */
export function officeFormToInput(form: OfficeForm, otherOfficeIds: readonly string[]): OfficeInput {
  const openingHours = {} as Record<DayKey, { open: string; close: string } | null>;
  for (const key of DAY_KEYS) {
    const day = form.openingHours[key];
    openingHours[key] = day.isOpen ? { open: day.open, close: day.close } : null;
  }
  const drivingMinutes: Record<string, number> = {};
  for (const id of otherOfficeIds) {
    const minutes = parseTypedNumber(form.drivingMinutes[id] ?? '');
    if (minutes !== null) drivingMinutes[id] = minutes;
  }
  return {
    name: form.name,
    municipality: form.municipality,
    address: form.address,
    phone: form.phone,
    openingHours,
    drivingMinutes,
  };
}

/** Live validation with the domain's schema, plus "required" for an emptied time and "invalidFormat" for unreadable minutes. */
export function officeFormErrors(form: OfficeForm, otherOfficeIds: readonly string[]): FormFieldErrors {
  const result = validate(officeInputSchema, officeFormToInput(form, otherOfficeIds));
  const errors: FormFieldErrors = result.ok ? {} : { ...result.fields };
  for (const id of otherOfficeIds) {
    // zod reports NaN as a missing value; a typed but unreadable number is a format problem.
    if (Number.isNaN(parseTypedNumber(form.drivingMinutes[id] ?? ''))) errors[`drivingMinutes.${id}`] = 'invalidFormat';
  }
  for (const key of DAY_KEYS) {
    const day = form.openingHours[key];
    if (!day.isOpen) continue;
    if (day.open.trim() === '') errors[`openingHours.${key}.open`] = 'required';
    if (day.close.trim() === '') errors[`openingHours.${key}.close`] = 'required';
  }
  return errors;
}

/** Consecutive weekdays with the same hours, e.g. Monday–Friday 08:00–15:30. */
export interface OpeningSpan {
  firstDay: Weekday;
  lastDay: Weekday;
  opens: string;
  closes: string;
}

export function openingSpans(hours: OpeningHours): OpeningSpan[] {
  const spans: OpeningSpan[] = [];
  for (const day of WEEKDAYS) {
    const today = hours[String(day) as DayKey];
    if (!today) continue;
    const last = spans[spans.length - 1];
    if (last && last.lastDay === day - 1 && last.opens === today.open && last.closes === today.close) last.lastDay = day;
    else spans.push({ firstDay: day, lastDay: day, opens: today.open, closes: today.close });
  }
  return spans;
}

/** "man–fre 08:00–15:30, lør 10:00–13:00", or the given text when the office is closed all week. */
export function formatOpeningSpans(spans: readonly OpeningSpan[], dayName: (day: Weekday) => string, closedAllWeek: string): string {
  if (spans.length === 0) return closedAllWeek;
  return spans
    .map((span) => {
      const days = span.firstDay === span.lastDay ? dayName(span.firstDay) : `${dayName(span.firstDay)}–${dayName(span.lastDay)}`;
      return `${days} ${span.opens}–${span.closes}`;
    })
    .join(', ');
}
