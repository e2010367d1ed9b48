// The nurse's routine check: may nurse N use routine version R on date D (at instant T), with every reason when not (routine not in force, no authorisation for this version, revoked, not confirmed as read, competence missing or expired).
import type { LocalDate } from '../calendar/dates';
import { formatFullDateNb, joinNamesNb } from '../calendar/format';
import { competenceProblems } from '../competence/coverage';
import type { CompetenceProblemCode } from '../competence/coverage';
import { competenceState, DEFAULT_WARN_DAYS, indexCompetence } from '../competence/state';
import type { CompetenceType, StaffCompetence } from '../competence/types';
import { authorisationOn, authorisedVersions } from './authorisations';
import type { AuthorisationEvent } from './authorisations';
import { confirmationReasons } from './confirmations';
import type { RoutineConfirmation } from './confirmations';
import { reason } from './reasons';
import type { Reason } from './reasons';
import type { Routine } from './types';
import { routineInactiveReasons } from './versions';
import type { RoutineInactiveCode } from './versions';

export type MayUseReasonCode = RoutineInactiveCode | 'notAuthorised' | 'authorisationRevoked' | 'notConfirmed' | CompetenceProblemCode;
export type MayUseWarningCode = 'reviewOverdue' | 'competenceExpiring' | 'newVersionScheduled' | 'otherVersionInForce';

export interface MayUseRoutineInput {
  nurseId: string;
  /** The routine version the nurse wants to use (normally the version in force). */
  routine: Routine;
  /** All versions of the routine, when known: adds warnings about a newer or another version. */
  routineVersions?: readonly Routine[];
  events: readonly AuthorisationEvent[];
  competenceRecords: readonly StaffCompetence[];
  competenceTypes: readonly CompetenceType[];
  date: LocalDate;
  /**
   * The instant of use, on `date` (Oslo). When given, an authorisation event effective on that date counts only from
   * when it was recorded (a grant made at 10:00 does not cover 09:00; a revocation at 15:00 ends it at 15:00).
   */
  atMs?: number;
  /** Read-and-understood confirmations; when given, the nurse must have confirmed exactly this version (by atMs). */
  confirmations?: readonly RoutineConfirmation[];
  /** Days before a required competence expires from which a warning is shown; default 60. */
  warnDays?: number;
}

export type MayUseRoutineResult =
  | { allowed: true; warnings: Reason<MayUseWarningCode>[] }
  | { allowed: false; reasons: Reason<MayUseReasonCode>[]; warnings: Reason<MayUseWarningCode>[] };

function authorisationReasons(input: MayUseRoutineInput): Reason<MayUseReasonCode>[] {
  const { routine, nurseId, events, date } = input;
  const v = routine.version;
  const status = authorisationOn(events, { nurseId, routineId: routine.routineId, routineVersion: v }, date, input.atMs);
  if (status.state === 'granted') return [];
  if (status.state === 'revoked' && status.event) {
    const { effectiveDate, reason: why } = status.event;
    const text = why ? `: ${why}` : '';
    return [
      reason('authorisationRevoked', `Autorisasjonen for versjon ${v} ble trukket tilbake ${formatFullDateNb(effectiveDate)}${text}`, {
        version: v,
        date: effectiveDate,
        reason: why,
        byDoctorId: status.event.byDoctorId,
      }),
    ];
  }
  const others = authorisedVersions(events, nurseId, routine.routineId, date, input.atMs).filter((version) => version !== v);
  const hint = others.length > 0 ? ` (autorisert for versjon ${joinNamesNb(others.map(String))})` : '';
  return [reason('notAuthorised', `Autorisasjon for versjon ${v} mangler${hint}`, { version: v, authorisedVersions: others.join(',') || null })];
}

function warningsFor(input: MayUseRoutineInput, index: ReturnType<typeof indexCompetence>, typesById: ReadonlyMap<string, CompetenceType>): Reason<MayUseWarningCode>[] {
  const { routine, date, nurseId } = input;
  const warnings: Reason<MayUseWarningCode>[] = [];
  if (routine.reviewDate < date && date <= routine.expiresOn) {
    warnings.push(reason('reviewOverdue', `Rutinen skulle vært revidert ${formatFullDateNb(routine.reviewDate)}`, { date: routine.reviewDate }));
  }
  for (const typeId of routine.requiredCompetenceTypeIds) {
    const type = typesById.get(typeId);
    const status = competenceState(index.current(nurseId, typeId, date), date, input.warnDays ?? DEFAULT_WARN_DAYS);
    if (type && status.state === 'expiring' && status.expiresOn) {
      warnings.push(reason('competenceExpiring', `${type.name} utløper ${formatFullDateNb(status.expiresOn)}`, { competenceTypeId: typeId, date: status.expiresOn, daysLeft: status.daysLeft }));
    }
  }
  const versions = (input.routineVersions ?? []).filter((other) => other.routineId === routine.routineId && other.version !== routine.version);
  for (const other of versions) {
    if (routineInactiveReasons(other, date).length === 0) {
      warnings.push(reason('otherVersionInForce', `Versjon ${other.version} av rutinen gjelder denne datoen`, { version: other.version }));
    } else if (other.version > routine.version && other.status !== 'draft' && other.validFrom > date && routineInactiveReasons(other, other.validFrom).length === 0) {
      const authorised = authorisationOn(input.events, { nurseId, routineId: routine.routineId, routineVersion: other.version }, other.validFrom).state === 'granted';
      const text = authorised ? '' : '; autorisasjon for den mangler';
      warnings.push(reason('newVersionScheduled', `Versjon ${other.version} gjelder fra ${formatFullDateNb(other.validFrom)}${text}`, { version: other.version, date: other.validFrom, authorised: authorised ? 1 : 0 }));
    }
  }
  return warnings;
}

/**
 * The central rule of delegated routines: the nurse may use the routine version on `date` only if the version is in
 * force that day, the nurse's authorisation for exactly this version is in force (latest effective event by `at`,
 * then id), every competence the routine requires is valid that day (valid through its expiry date), and she has confirmed she has read this version (when confirmations are given; last, as it is hers to fix). All reasons
 * are returned, in that order, not just the first. Warnings never block.
 */
export function mayUseRoutine(input: MayUseRoutineInput): MayUseRoutineResult {
  const { routine, date, nurseId } = input;
  const index = indexCompetence(input.competenceRecords.filter((record) => record.staffId === nurseId));
  const typesById = new Map(input.competenceTypes.map((type) => [type.id, type]));
  const reasons: Reason<MayUseReasonCode>[] = [
    ...routineInactiveReasons(routine, date),
    ...authorisationReasons(input),
    ...competenceProblems(index, typesById, nurseId, routine.requiredCompetenceTypeIds, date).map((problem) =>
      reason(problem.code, problem.message, { competenceTypeId: problem.competenceTypeId, date: problem.expiresOn }),
    ),
    ...(input.confirmations ? confirmationReasons(input.confirmations, { nurseId, routineId: routine.routineId, routineVersion: routine.version }, input.atMs) : []),
  ];
  const warnings = warningsFor(input, index, typesById);
  return reasons.length === 0 ? { allowed: true, warnings } : { allowed: false, reasons, warnings };
}
