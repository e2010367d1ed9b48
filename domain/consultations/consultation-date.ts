// When a consultation's date is far enough from today that the form asks "is this date right?" before saving (issue 16 B2).
import { addDays, isLocalDate } from '../calendar/dates';
import type { LocalDate } from '../calendar/dates';

/** A date more than this many days before today asks for confirmation; 30 days back still saves at once. */
export const CONFIRM_AFTER_DAYS = 30;

/**
 * ok: save at once. farPast: more than CONFIRM_AFTER_DAYS days before today (a mistyped year such as 0072 lands here),
 * so the form asks first. future: after today, which the backend refuses (an entry logs what has happened; the time
 * rule is checkConsultation's). impossible: not a real calendar date (2027-02-30, year 0000), refused as well.
 */
export type ConsultationDateCheck = 'ok' | 'farPast' | 'future' | 'impossible';

export function checkConsultationDate(date: string, today: LocalDate): ConsultationDateCheck {
  if (!isLocalDate(date)) return 'impossible';
  if (date > today) return 'future';
  if (date < addDays(today, -CONFIRM_AFTER_DAYS)) return 'farPast';
  return 'ok';
}
