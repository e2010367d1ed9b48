// The text of one inbox line in the user's language: its kind's template filled with formatted dates, names and kinds.
import type { InboxItem, InboxItemKind } from '../../../../domain/inbox';
import type { AbsenceKind } from '../../../../domain/rota/types';
import { formatDate, formatDayLong } from '../../format/dates';
import type { Translator } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { absenceKindName } from '../../i18n/labels';
import type { Language } from '../../stores/language';

const TEMPLATES: Record<InboxItemKind, MessageKey> = {
  openShiftAsked: 'inbox.item.openShiftAsked',
  openShiftAvailable: 'inbox.item.openShiftAvailable',
  openShiftGranted: 'inbox.item.openShiftGranted',
  openShiftTakenByOther: 'inbox.item.openShiftTakenByOther',
  swapOffered: 'inbox.item.swapOffered',
  swapToApprove: 'inbox.item.swapToApprove',
  swapApproved: 'inbox.item.swapApproved',
  swapDeclined: 'inbox.item.swapDeclined',
  leaveToDecide: 'inbox.item.leaveToDecide',
  leaveApproved: 'inbox.item.leaveApproved',
  leaveDeclined: 'inbox.item.leaveDeclined',
  decisionOverruled: 'inbox.item.decisionOverruled',
  rotaPublished: 'inbox.item.rotaPublished',
  shiftChanged: 'inbox.item.shiftChanged',
  prescriptionsToSign: 'inbox.item.prescriptionsToSign',
  prescriptionsFlagged: 'inbox.item.prescriptionsFlagged',
};

const isDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** A rota notice's sentence depends on what happened to the shift (backend/read-models/rota-notices.ts). */
function shiftChangeTemplate(params: InboxItem['params']): MessageKey {
  if (Number(params.occurrences ?? 1) > 1) return 'inbox.item.patternChanged';
  if (params.change === 'removed') return 'inbox.item.shiftRemoved';
  if (params.change === 'added') return 'inbox.item.shiftAdded';
  return 'inbox.item.shiftChanged';
}

/** The line's sentence; a note from the lead or the applicant follows it on its own. */
export function inboxItemText(t: Translator['t'], language: Language, item: InboxItem): string {
  const params = item.params;
  const template =
    item.kind === 'decisionOverruled' && params.overruledDecision === 'decline'
      ? 'inbox.item.decisionOverruledDecline'
      : item.kind === 'shiftChanged'
        ? shiftChangeTemplate(params)
        : TEMPLATES[item.kind];
  return t(template, {
    ...params,
    day: isDate(params.date) ? formatDayLong(t, params.date, language) : '',
    newDay: isDate(params.newDate) ? formatDayLong(t, params.newDate, language) : '',
    from: isDate(params.from) ? formatDate(params.from, language) : (params.from ?? ''),
    to: isDate(params.to) ? formatDate(params.to, language) : (params.to ?? ''),
    leaveKind: typeof params.leaveKind === 'string' ? absenceKindName(t, params.leaveKind as AbsenceKind) : '',
  });
}

/** The note on a line (a lead's answer, or the reason an applicant gave), or null. */
export function inboxItemNote(item: InboxItem): string | null {
  const note = item.params.note;
  return typeof note === 'string' && note.trim() !== '' ? note : null;
}
