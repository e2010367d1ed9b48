// The inbox's item shape: what waits for a user (requests to decide, answers, rota notices), one line each with its actions.

/**
 * Every kind of inbox line. Requests (docs/requests.md) and rota notices ('rotaPublished', 'shiftChanged', from
 * backend/read-models/rota-notices.ts). The renderer has a text per kind (type-checked), filled from `params`.
 */
export type InboxItemKind =
  /** A lead: an open shift at one of their offices has people asking for it. */
  | 'openShiftAsked'
  /** Eligible staff: an open shift they may ask for. */
  | 'openShiftAvailable'
  /** The staff member who asked: they got the shift. */
  | 'openShiftGranted'
  /** The staff member who asked: the shift went to somebody else ("Vakten gikk til en annen"). */
  | 'openShiftTakenByOther'
  /** A colleague: a shift offered to them (or to everyone eligible) that they may accept. */
  | 'swapOffered'
  /** A lead: a swap accepted by a colleague, waiting for approval (with the warnings it would cause). */
  | 'swapToApprove'
  /** The one who offered, or the one who took it: the lead approved or declined the swap. */
  | 'swapApproved'
  | 'swapDeclined'
  /** A lead: a leave request waiting for a decision. */
  | 'leaveToDecide'
  /** The applicant: the leave was approved or declined. */
  | 'leaveApproved'
  | 'leaveDeclined'
  /** Leads deciding offline disagreed: one decision kept by the rule in docs/requests.md, the other void. */
  | 'decisionOverruled'
  /** The rota for some weeks was published (E2). */
  | 'rotaPublished'
  /** One of the user's published shifts changed (E2). */
  | 'shiftChanged'
  /** A doctor: prepared prescriptions waiting for their signature (a count; the list is Rutiner › Resepter). */
  | 'prescriptionsToSign'
  /** A lead: prepared prescriptions unanswered after a working day, or made when no doctor was responsible (a count). */
  | 'prescriptionsFlagged';

/**
 * What a button on an inbox line does. `requestId` names the open shift or staff request it acts on; for 'dismiss'
 * (a rota notice read: "Lest") it is the notice id, and the button calls `rota.markNoticeRead({ id: requestId })`; for
 * 'open' it names the screen to go to ('prescriptions': Rutiner › Resepter).
 */
export type InboxActionKind = 'approve' | 'decline' | 'accept' | 'ask' | 'open' | 'dismiss';

export interface InboxAction {
  kind: InboxActionKind;
  requestId: string;
  /** For a lead's approval of an open shift: the staff member approved. */
  staffId?: string;
}

export interface InboxItem {
  /** Stable across refreshes (the request id plus what the line is about), so the UI keeps focus on it. */
  id: string;
  kind: InboxItemKind;
  /** When it happened (ISO timestamp): the list is newest first. */
  at: string;
  /** The values the line's text names (names, dates, times, office), never patient data. */
  params: Record<string, string | number>;
  actions: InboxAction[];
}

/** Newest first, then by id, so the order is the same on every computer. */
export function sortInbox(items: readonly InboxItem[]): InboxItem[] {
  return [...items].sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at < b.at ? 1 : -1));
}
