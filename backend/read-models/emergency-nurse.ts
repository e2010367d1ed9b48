// Whether a nurse is emergency-competent on a date, from the competence register (used by the rota rules, overview and coverage).
import type Database from 'better-sqlite3';
import type { LocalDate } from '../../domain/calendar/dates';
import { competenceCoverage } from '../../domain/competence/coverage';
import type { StaffMember } from '../../domain/staff';
import { listCompetenceTypes, listStaffCompetencesOfTypes } from '../../db/competence';

/**
 * The register's answer to "is this nurse emergency-competent on this date", or undefined when no competence is
 * configured as required for the emergency-nurse duty (then the rota rule is skipped rather than failing everyone).
 */
export function emergencyNurseLookup(db: Database.Database, staff: readonly StaffMember[]): ((staffId: string, date: LocalDate) => boolean) | undefined {
  const types = listCompetenceTypes(db);
  const required = types.filter((type) => type.requiredFor.includes('emergencyNurse')).map((type) => type.id);
  if (required.length === 0) return undefined;
  // Only the records of the required types matter here; reading the whole register was most of the cost.
  return competenceCoverage({ staff, types, records: listStaffCompetencesOfTypes(db, required) }).isEmergencyNurse;
}

