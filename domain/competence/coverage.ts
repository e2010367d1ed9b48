// Duty competence and coverage: does a person hold every competence a duty requires on a date (with reasons), and the emergency-nurse lookup the rota and the weekly overview use.
import type { LocalDate } from '../calendar/dates';
import { formatFullDateNb } from '../calendar/format';
import type { Profession } from '../staff';
import { appliesToProfession } from './matrix';
import { competenceState, indexCompetence, isInForce } from './state';
import type { CompetenceIndex } from './state';
import { DUTY_NAMES_NB } from './types';
import type { CompetenceStaff, CompetenceType, Duty, StaffCompetence } from './types';

export type CompetenceProblemCode = 'competenceMissing' | 'competenceExpired' | 'competenceUnknown';

/** Why a required competence does not count on a date. `message` is Norwegian, e.g. "Akuttmedisinkurs utløp 01.10.2026". */
export interface CompetenceProblem {
  code: CompetenceProblemCode;
  message: string;
  competenceTypeId: string;
  /** null when the type is not in the register. */
  competenceName: string | null;
  /** The last valid day of the expired record (competenceExpired only). */
  expiresOn: LocalDate | null;
}

/** Which professions can hold a duty at all; null = any profession (the required competences still apply). */
export const DUTY_PROFESSIONS: Readonly<Record<Duty, readonly Profession[] | null>> = {
  legevakt: null,
  emergencyNurse: ['nurse'],
};

/**
 * The problems with the competences `competenceTypeIds` for a person on `date`, in the order of the ids; empty when
 * all are in force (valid or expiring). A type missing from `typesById` is reported as unknown (fail closed).
 */
export function competenceProblems(
  index: CompetenceIndex,
  typesById: ReadonlyMap<string, Pick<CompetenceType, 'id' | 'name'>>,
  staffId: string,
  competenceTypeIds: readonly string[],
  date: LocalDate,
): CompetenceProblem[] {
  const problems: CompetenceProblem[] = [];
  for (const competenceTypeId of competenceTypeIds) {
    const type = typesById.get(competenceTypeId);
    if (!type) {
      problems.push({
        code: 'competenceUnknown',
        message: `Kompetansekravet finnes ikke i kompetanseregisteret (${competenceTypeId})`,
        competenceTypeId,
        competenceName: null,
        expiresOn: null,
      });
      continue;
    }
    const status = competenceState(index.current(staffId, competenceTypeId, date), date);
    if (isInForce(status.state)) continue;
    if (status.state === 'expired' && status.expiresOn !== null) {
      problems.push({
        code: 'competenceExpired',
        message: `${type.name} utløp ${formatFullDateNb(status.expiresOn)}`,
        competenceTypeId,
        competenceName: type.name,
        expiresOn: status.expiresOn,
      });
    } else {
      problems.push({ code: 'competenceMissing', message: `${type.name} mangler`, competenceTypeId, competenceName: type.name, expiresOn: null });
    }
  }
  return problems;
}

export type DutyReasonCode = CompetenceProblemCode | 'unknownStaff' | 'wrongProfession' | 'noRequirements';

export interface DutyReason {
  code: DutyReasonCode;
  message: string;
  competenceTypeId: string | null;
  competenceName: string | null;
  expiresOn: LocalDate | null;
}

export type DutyCompetenceResult = { qualified: true; reasons: [] } | { qualified: false; reasons: DutyReason[] };

export interface CompetenceCoverageInput {
  staff: readonly CompetenceStaff[];
  types: readonly CompetenceType[];
  records: readonly StaffCompetence[];
}

export interface CompetenceCoverage {
  /** The competence types a duty requires of a profession: required for the duty and applying to the profession. */
  requiredFor(duty: Duty, profession: Profession): CompetenceType[];
  /**
   * Whether the person may hold the duty on `date`, with every reason when not: unknown person, a profession that
   * cannot hold the duty, nothing configured as required (fail closed), and each required competence missing or expired.
   */
  hasDutyCompetence(staffId: string, duty: Duty, date: LocalDate): DutyCompetenceResult;
  /** A nurse who holds every competence required for 'emergencyNurse' on that date. Same shape the rota rules expect. */
  isEmergencyNurse(staffId: string, date: LocalDate): boolean;
}

function reason(code: DutyReasonCode, message: string): DutyReason {
  return { code, message, competenceTypeId: null, competenceName: null, expiresOn: null };
}

/** Builds the coverage lookups once from the register (records are indexed, so calling them per person and day is cheap). */
export function competenceCoverage(input: CompetenceCoverageInput): CompetenceCoverage {
  const index = indexCompetence(input.records);
  const staffById = new Map(input.staff.map((member) => [member.id, member]));
  const typesById = new Map(input.types.map((type) => [type.id, type]));
  const required = new Map<string, CompetenceType[]>();

  const requiredFor = (duty: Duty, profession: Profession): CompetenceType[] => {
    const key = `${duty}|${profession}`;
    let list = required.get(key);
    if (!list) {
      list = input.types.filter((type) => type.requiredFor.includes(duty) && appliesToProfession(type, profession));
      required.set(key, list);
    }
    return list;
  };

  const hasDutyCompetence = (staffId: string, duty: Duty, date: LocalDate): DutyCompetenceResult => {
    const member = staffById.get(staffId);
    if (!member) return { qualified: false, reasons: [reason('unknownStaff', `Ukjent person (${staffId})`)] };
    const reasons: DutyReason[] = [];
    const professions = DUTY_PROFESSIONS[duty];
    if (professions && !professions.includes(member.profession)) {
      reasons.push(reason('wrongProfession', `${member.name} kan ikke ha rollen ${DUTY_NAMES_NB[duty].toLowerCase()} (feil yrke)`));
    }
    const types = requiredFor(duty, member.profession);
    if (types.length === 0) {
      reasons.push(reason('noRequirements', `Ingen kompetanse i registeret er satt som krav for ${DUTY_NAMES_NB[duty].toLowerCase()}`));
    }
    const problems = competenceProblems(index, typesById, staffId, types.map((type) => type.id), date);
    reasons.push(...problems);
    return reasons.length === 0 ? { qualified: true, reasons: [] } : { qualified: false, reasons };
  };

  return {
    requiredFor,
    hasDutyCompetence,
    isEmergencyNurse: (staffId, date) => hasDutyCompetence(staffId, 'emergencyNurse', date).qualified,
  };
}
