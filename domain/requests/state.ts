// Derives a request's state from its append-only responses and decisions, including the rule for leads who decided offline.
import type { RequestDecision, RequestResponse } from './types';

export type RequestStatus = 'open' | 'approved' | 'declined' | 'withdrawn';

export interface RequestState {
  status: RequestStatus;
  /** The decision that counts (null while open or withdrawn). */
  kept: RequestDecision | null;
  /** Decisions made at the same time elsewhere that the rule set aside: each is told in the inbox, never dropped silently. */
  overruled: RequestDecision[];
  /** Staff who asked for (open shift) or accepted (swap) it and have not withdrawn, first asked first. */
  candidates: string[];
  /** The requester withdrew it before any decision counted. */
  withdrawn: boolean;
}

/** Greater first: by the hybrid logical clock, then by id, so every computer picks the same one. */
function laterFirst(a: RequestDecision, b: RequestDecision): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * The conflict rule (docs/requests.md). A request is decided once; when several decisions exist, leads decided it on
 * different computers before they synced. Then an approval beats a decline (the approval already changed the rota on
 * its computer, and that change syncs anyway), and among approvals the one with the LATEST timestamp is kept: it is the
 * one whose rota write (the shift's person, the absence) wins last-writer-wins on every computer, so what the inbox
 * says and what the rota shows always agree. Every other decision is overruled.
 */
export function keptDecision(decisions: readonly RequestDecision[]): { kept: RequestDecision | null; overruled: RequestDecision[] } {
  if (decisions.length === 0) return { kept: null, overruled: [] };
  const approvals = decisions.filter((decision) => decision.decision === 'approve').sort(laterFirst);
  const pool = approvals.length > 0 ? approvals : [...decisions].sort(laterFirst);
  const kept = pool[0]!;
  return { kept, overruled: decisions.filter((decision) => decision !== kept).sort(laterFirst) };
}

/** The state of one request from its rows (any order). `requesterStaffId` is whose request it is (null: a lead's open shift). */
export function deriveRequestState(
  responses: readonly RequestResponse[],
  decisions: readonly RequestDecision[],
  requesterStaffId: string | null,
): RequestState {
  const { kept, overruled } = keptDecision(decisions);
  const ordered = [...responses].sort((a, b) => (a.at === b.at ? (a.id < b.id ? -1 : 1) : a.at < b.at ? -1 : 1));
  const withdrawn = ordered.some((response) => response.kind === 'withdraw' && response.staffId === requesterStaffId && requesterStaffId !== null);
  const active = new Map<string, boolean>();
  for (const response of ordered) {
    if (response.kind === 'withdraw') {
      if (response.staffId !== requesterStaffId) active.set(response.staffId, false);
    } else if (!active.has(response.staffId) || active.get(response.staffId) === false) {
      active.delete(response.staffId);
      active.set(response.staffId, true);
    }
  }
  const candidates = [...active].filter(([, on]) => on).map(([staffId]) => staffId);
  const status: RequestStatus = kept ? (kept.decision === 'approve' ? 'approved' : 'declined') : withdrawn ? 'withdrawn' : 'open';
  return { status, kept, overruled, candidates, withdrawn: withdrawn && !kept };
}
