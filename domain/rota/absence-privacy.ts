// Private absence reasons: who may see the kind and note of an absence, and the redacted form colleagues get.
import { hasAnyRole } from '../roles';
import type { Role } from '../roles';
import { ABSENCE_KIND_NAMES_NB } from './types';
import type { Absence, AbsenceKind } from './types';
import type { RotaWarning } from './warnings';

/** Who is looking: the signed-in person's staff id and roles. */
export interface AbsenceViewer {
  staffId: string;
  roles: readonly Role[];
}

/**
 * An absence as a reader gets it: `kind` and `note` are null when the reader may not see why the person is away
 * (a colleague sees only "Fravær").
 */
export interface VisibleAbsence extends Omit<Absence, 'kind' | 'note'> {
  kind: AbsenceKind | null;
  note: string | null;
}

/** Leads and admins plan absences, so they see every reason. */
const SEES_ALL_REASONS: readonly Role[] = ['lead', 'admin'];

/** True when the viewer may see why `staffId` is away: it is the viewer herself, or the viewer is a lead or an admin. */
export function canSeeAbsenceReason(viewer: AbsenceViewer, staffId: string): boolean {
  return viewer.staffId === staffId || hasAnyRole(viewer.roles, SEES_ALL_REASONS);
}

/** The absence as this viewer may see it. */
export function visibleAbsence(viewer: AbsenceViewer, absence: Absence): VisibleAbsence {
  if (canSeeAbsenceReason(viewer, absence.staffId)) return absence;
  return { ...absence, kind: null, note: null };
}

/** The word the warning texts use for an absence whose reason is private. */
const PRIVATE_ABSENCE_NB = 'fravær';

/**
 * A rota warning as this viewer may see it: a shift planned during someone else's absence names the absence as
 * "fravær", without its kind, in the text and in the details.
 */
export function visibleWarning(viewer: AbsenceViewer, warning: RotaWarning): RotaWarning {
  if (warning.kind !== 'absence') return warning;
  const owner = warning.staffIds[0];
  if (owner !== undefined && canSeeAbsenceReason(viewer, owner)) return warning;
  const kind = warning.details.absenceKind;
  const message = kind === null ? warning.message : warning.message.replace(`har ${ABSENCE_KIND_NAMES_NB[kind]} (`, `har ${PRIVATE_ABSENCE_NB} (`);
  return { ...warning, message, details: { ...warning.details, absenceKind: null } };
}
