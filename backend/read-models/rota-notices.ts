// A user's unread rota notices as inbox lines: "Turnusen for uke 12–15 er publisert" and "Vakten din torsdag 19.03 er endret".
import { addDays } from '../../domain/calendar/dates';
import { isoWeekOf } from '../../domain/calendar/isoWeek';
import { osloToday } from '../../domain/calendar/oslo';
import type { InboxItem } from '../../domain/inbox';
import type { RotaNoticeRecord } from '../../db/rota-publications';
import { listUnreadRotaNotices } from '../../db/rota-publications';
import type { LocalStore } from '../../db/open';
import { listOffices } from '../../db/offices';
import { getUser } from '../../db/users';

/** Notices older than this leave the inbox even unread: the weeks they speak of are long past. */
export const ROTA_NOTICE_DAYS = 56;

/** The line for one notice; params name weeks, dates, times and offices only. */
function itemOf(notice: RotaNoticeRecord, officeName: (id: string) => string): InboxItem {
  const actions: InboxItem['actions'] = [{ kind: 'dismiss', requestId: notice.id }];
  const details = notice.details;
  if (details.kind === 'rotaPublished') {
    const from = isoWeekOf(details.fromWeek).week;
    const through = isoWeekOf(details.throughWeek).week;
    return {
      id: `rota-notice:${notice.id}`,
      kind: 'rotaPublished',
      at: notice.at,
      params: { office: officeName(notice.officeId), fromWeek: from, throughWeek: through, weeks: from === through ? String(from) : `${from}–${through}` },
      actions,
    };
  }
  // The shift as the person knew it (removed or changed), or the new one (added).
  const known = details.before ?? details.after!;
  const now = details.after;
  return {
    id: `rota-notice:${notice.id}`,
    kind: 'shiftChanged',
    at: notice.at,
    params: {
      change: details.change,
      date: known.date,
      start: known.start,
      end: known.end,
      office: officeName(known.officeId),
      newDate: now?.date ?? '',
      newStart: now?.start ?? '',
      newEnd: now?.end ?? '',
      newOffice: now ? officeName(now.officeId) : '',
      // A changed recurring pattern: how many of the person's shifts changed (the line names the first).
      occurrences: details.occurrences ?? 1,
    },
    actions,
  };
}

/** The user's unread rota notices (their staff member's), newest first; none for a user without a staff member. */
export function rotaNoticesFor(store: LocalStore, userId: string, now: Date): InboxItem[] {
  const staffId = getUser(store.db, userId)?.staffId;
  if (!staffId) return [];
  const since = addDays(osloToday(now.getTime()), -ROTA_NOTICE_DAYS);
  const notices = listUnreadRotaNotices(store.db, staffId, userId).filter((notice) => notice.at.slice(0, 10) >= since);
  if (notices.length === 0) return [];
  const offices = new Map(listOffices(store.db).map((office) => [office.id, office.name]));
  return notices.map((notice) => itemOf(notice, (id) => offices.get(id) ?? 'Ukjent kontor'));
}
