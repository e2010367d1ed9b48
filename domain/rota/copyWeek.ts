// "Copy this week to the next N weeks": the shift drafts to create, as a pure function.
import { addDays } from '../calendar/dates';
import { isoWeekDates } from '../calendar/isoWeek';
import type { IsoWeek } from '../calendar/isoWeek';
import type { Shift, ShiftDraft } from './types';

export interface CopyWeekOptions {
  /**
   * Also copy shifts a recurring pattern generated. Off by default: the pattern already produces them in later weeks,
   * so copying would double them.
   */
  includePatternShifts?: boolean;
}

/**
 * Drafts for copying the shifts dated in `source` to each of the next `weeks` weeks (same weekday, time, office, kind
 * and note). Copies are independent shifts (patternId null). Shifts outside the source week are ignored.
 */
export function copyWeekShifts(shifts: readonly Shift[], source: IsoWeek, weeks: number, options: CopyWeekOptions = {}): ShiftDraft[] {
  if (!Number.isInteger(weeks) || weeks < 0) throw new RangeError(`weeks must be a whole number >= 0, got ${weeks}`);
  const dates = isoWeekDates(source);
  const monday = dates[0] ?? '';
  const sunday = dates[6] ?? '';
  const inWeek = shifts.filter((shift) => shift.date >= monday && shift.date <= sunday && (options.includePatternShifts || shift.patternId === null));
  const drafts: ShiftDraft[] = [];
  for (let week = 1; week <= weeks; week++) {
    for (const shift of inWeek) {
      drafts.push({
        staffId: shift.staffId,
        officeId: shift.officeId,
        date: addDays(shift.date, week * 7),
        start: shift.start,
        end: shift.end,
        kind: shift.kind,
        note: shift.note,
        patternId: null,
      });
    }
  }
  return drafts;
}
