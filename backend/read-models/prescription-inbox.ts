// The inbox's lines about prepared prescriptions: a count for the doctor who is to sign them and one for leads, never the patients.
import { flaggedForLead, toSignFor } from '../../domain/consultations/prescriptions';
import type { RequestState } from '../../domain/consultations/prescriptions';
import { utcMsToOslo } from '../../domain/calendar/oslo';
import type { InboxItem } from '../../domain/inbox';
import type { LocalStore } from '../../db/open';
import { prescriptionStates } from './prescription-queue';
import type { Viewer } from './requests';

/** One line that counts `states`, dated by the newest of them; none when there are none. */
function countLine(kind: 'prescriptionsToSign' | 'prescriptionsFlagged', states: readonly RequestState[]): InboxItem[] {
  if (states.length === 0) return [];
  const newest = states.reduce((at, state) => (state.request.at > at ? state.request.at : at), '');
  return [{ id: `prescriptions:${kind}`, kind, at: newest, params: { count: states.length }, actions: [{ kind: 'open', requestId: 'prescriptions' }] }];
}

/**
 * A doctor sees how many prescriptions wait for their signature, a lead how many are flagged (late, or with no doctor
 * responsible). Only counts: the list itself (Rutiner › Resepter) shows masked patients and logs each view.
 */
export function prescriptionInboxItems(store: LocalStore, viewer: Viewer, now: Date): InboxItem[] {
  const isDoctor = viewer.roles.includes('doctor');
  const isLead = viewer.roles.includes('lead');
  if (!isDoctor && !isLead) return [];
  const wall = utcMsToOslo(now.getTime());
  const { states } = prescriptionStates(store.db, `${wall.date}T${wall.time}`);
  return [
    ...(isDoctor ? countLine('prescriptionsToSign', toSignFor(viewer, states)) : []),
    ...(isLead ? countLine('prescriptionsFlagged', flaggedForLead(states, null)) : []),
  ];
}
