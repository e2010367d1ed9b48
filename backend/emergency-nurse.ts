// Whether a nurse is emergency-competent on a date, from the competence register (used by the rota rules, overview and coverage).
import type Database from 'better-sqlite3';
import type { LocalDate } from '../domain/calendar/dates';
import { competenceCoverage } from '../domain/competence/coverage';
import type { StaffMember } from '../domain/staff';
import { listCompetenceTypes, listStaffCompetences } from '../db/competence';

/**
 * The register's answer to "is this nurse emergency-competent on this date", or undefined when no competence is
 * configured as required for the emergency-nurse duty (then the rota rule is skipped rather than failing everyone).
 */
export function emergencyNurseLookup(db: Database.Database, staff: readonly StaffMember[]): ((staffId: string, date: LocalDate) => boolean) | undefined {
  const types = listCompetenceTypes(db);
  if (!types.some((type) => type.requiredFor.includes('emergencyNurse'))) return undefined;
  return competenceCoverage({ staff, types, records: listStaffCompetences(db) }).isEmergencyNurse;
}

