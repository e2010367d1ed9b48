// Rota notices to staff: what a publication or a change to a published shift tells the people affected (pure rules; stored by db/rota-publications.ts).
import type { LocalDate } from '../calendar/dates';

export type RotaNoticeKind = 'rotaPublished' | 'shiftChanged';

/** What a notice says about a shift: enough to name it, never a note. */
export interface ShiftFacts {
  staffId: string;
  officeId: string;
  date: LocalDate;
  start: string;
  end: string;
  kind: string;
}

/** 'changed': the person's shift moved or changed time, office or kind; 'removed': it is no longer theirs; 'added': a new one in a published week. */
export type ShiftChange = 'changed' | 'removed' | 'added';

export type RotaNoticeDetails =
  | { kind: 'rotaPublished'; fromWeek: LocalDate; throughWeek: LocalDate }
  | {
      kind: 'shiftChanged';
      change: ShiftChange;
      before: ShiftFacts | null;
      after: ShiftFacts | null;
      /** For a changed recurring pattern: how many of the person's published shifts changed (before/after: the first). */
      occurrences?: number;
    };

export interface ShiftNotice {
  staffId: string;
  officeId: string;
  details: Extract<RotaNoticeDetails, { kind: 'shiftChanged' }>;
}

const sameWork = (a: ShiftFacts, b: ShiftFacts) => a.date === b.date && a.start === b.start && a.end === b.end && a.officeId === b.officeId && a.kind === b.kind;

/**
 * The notices a change of one shift (before → after; null: did not exist / removed) causes. Only what the person could
 * see counts: a shift in a draft week was never shown to them, so changing it tells nobody; a note alone tells nobody.
 */
export function shiftChangeNotices(before: ShiftFacts | null, after: ShiftFacts | null, isPublished: (shift: ShiftFacts) => boolean): ShiftNotice[] {
  const seenBefore = before !== null && before.staffId !== '' && isPublished(before);
  const seenAfter = after !== null && after.staffId !== '' && isPublished(after);
  const notice = (staffId: string, officeId: string, change: ShiftChange): ShiftNotice => ({
    staffId,
    officeId,
    details: { kind: 'shiftChanged', change, before: change === 'added' ? null : before, after: change === 'removed' ? null : after },
  });
  if (before && after && before.staffId === after.staffId) {
    if (sameWork(before, after) || (!seenBefore && !seenAfter)) return [];
    if (seenBefore && seenAfter) return [notice(after.staffId, after.officeId, 'changed')];
    return seenBefore ? [notice(before.staffId, before.officeId, 'removed')] : [notice(after.staffId, after.officeId, 'added')];
  }
  const notices: ShiftNotice[] = [];
  if (before && seenBefore) notices.push(notice(before.staffId, before.officeId, 'removed'));
  if (after && seenAfter) notices.push(notice(after.staffId, after.officeId, 'added'));
  return notices;
}
