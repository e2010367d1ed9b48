// Read and understood: a nurse confirms she has read a routine version; only a confirmation of exactly the version in question counts.
import type { Reason } from './reasons';
import { reason } from './reasons';

/** One confirmation (a signed, write-once row): nurse (staff id) and her user id, the version, when. */
export interface RoutineConfirmation {
  id: string;
  routineId: string;
  routineVersion: number;
  nurseId: string;
  userId: string;
  /** ISO instant. */
  at: string;
}

/**
 * The nurse's confirmation of this routine version made by `atMs` (the earliest, if she confirmed twice), or null.
 * A confirmation of an older (or newer) version does not count: every new version must be read again.
 */
export function confirmationOf(
  confirmations: readonly RoutineConfirmation[],
  key: { nurseId: string; routineId: string; routineVersion: number },
  atMs: number = Number.POSITIVE_INFINITY,
): RoutineConfirmation | null {
  let first: RoutineConfirmation | null = null;
  for (const confirmation of confirmations) {
    if (confirmation.nurseId !== key.nurseId || confirmation.routineId !== key.routineId || confirmation.routineVersion !== key.routineVersion) continue;
    const at = Date.parse(confirmation.at);
    if (!(at <= atMs)) continue;
    if (first === null || at < Date.parse(first.at)) first = confirmation;
  }
  return first;
}

/** The reason the check gives when the confirmation is missing: "Bekreft at du har lest versjon 3". */
export function confirmationReasons(
  confirmations: readonly RoutineConfirmation[],
  key: { nurseId: string; routineId: string; routineVersion: number },
  atMs?: number,
): Reason<'notConfirmed'>[] {
  if (confirmationOf(confirmations, key, atMs)) return [];
  return [reason('notConfirmed', `Bekreftelse på at versjon ${key.routineVersion} er lest mangler`, { version: key.routineVersion })];
}

/** Who has confirmed a version (first confirmation each), in time order: for the routine page and the printed sheet. */
export function confirmationsOfVersion(confirmations: readonly RoutineConfirmation[], routineId: string, routineVersion: number): RoutineConfirmation[] {
  const byNurse = new Map<string, RoutineConfirmation>();
  for (const confirmation of confirmations) {
    if (confirmation.routineId !== routineId || confirmation.routineVersion !== routineVersion) continue;
    const seen = byNurse.get(confirmation.nurseId);
    if (!seen || Date.parse(confirmation.at) < Date.parse(seen.at)) byNurse.set(confirmation.nurseId, confirmation);
  }
  return [...byNurse.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.nurseId.localeCompare(b.nurseId));
}
