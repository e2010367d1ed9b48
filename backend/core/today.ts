// Today's date in Norway, from the backend's clock (injectable in tests).
import type { LocalDate } from '../../domain/calendar/dates';
import { utcMsToOslo } from '../../domain/calendar/oslo';

export function osloToday(now: Date): LocalDate {
  return utcMsToOslo(now.getTime()).date;
}
