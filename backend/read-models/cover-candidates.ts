// Loads what "Hvem kan dekke?" needs around one gap (shifts of the affected weeks, absences, limits, the competence register) and ranks the candidates.
import type Database from 'better-sqlite3';
import { publicHolidaysBetween } from '../../domain/calendar/holidays';
import { competenceCoverage } from '../../domain/competence/coverage';
import { coverWindow, rankCoverCandidates } from '../../domain/rota/cover';
import type { CoverCandidate, CoverGap } from '../../domain/rota/cover';
import { DEFAULT_ROTA_LIMITS } from '../../domain/rota/rules';
import type { RotaLimits } from '../../domain/rota/rules';
import { getCooperationSettings } from '../../db/cooperation';
import { listCompetenceTypes, listStaffCompetencesOfTypes } from '../../db/competence';
import { listOffices } from '../../db/offices';
import { listAbsences } from '../../db/rota';
import { listStaff } from '../../db/staff';
import { plannedShifts } from './rota-week';
import type { PlannedShift } from './rota-week';

export interface CoverCandidates {
  gap: CoverGap;
  /** Best first; people who cannot take it (blockers) last. */
  candidates: CoverCandidate[];
  /** The shift being handed over, when the gap is an existing shift (null when it no longer exists). */
  replaced: PlannedShift | null;
}

/**
 * Ranks who could fill the gap. Reads only the days the choice can change (coverWindow: about two and a half weeks of
 * shifts and pattern occurrences), the absences of those days and the competence records of the types required for
 * legevakt or the emergency-nurse duty, so the cost does not grow with the years of rota kept.
 */
export function loadCoverCandidates(db: Database.Database, gap: CoverGap): CoverCandidates {
  const limits: RotaLimits = { ...DEFAULT_ROTA_LIMITS, ...getCooperationSettings(db).rotaLimits };
  const window = coverWindow(gap.date, limits);
  const shifts = plannedShifts(db, window.from, window.to);
  const absences = listAbsences(db, window.from, window.to);
  const staff = listStaff(db);
  const types = listCompetenceTypes(db);
  const required = types.filter((type) => type.requiredFor.includes('emergencyNurse') || type.requiredFor.includes('legevakt'));
  const coverage = competenceCoverage({ staff, types, records: required.length ? listStaffCompetencesOfTypes(db, required.map((type) => type.id)) : [] });
  const emergencyConfigured = required.some((type) => type.requiredFor.includes('emergencyNurse'));
  const candidates = rankCoverCandidates({
    gap,
    offices: listOffices(db),
    staff,
    shifts,
    absences,
    limits,
    publicHolidays: publicHolidaysBetween(window.from, window.to),
    dutyCompetence: coverage.hasDutyCompetence,
    // The same lookup the weekly rules use (emergency-nurse.ts): none when nothing is required for the duty.
    ...(emergencyConfigured ? { isEmergencyNurse: coverage.isEmergencyNurse } : {}),
  });
  const replaced = gap.replacesShiftId ? (shifts.find((shift) => shift.id === gap.replacesShiftId) ?? null) : null;
  return { gap, candidates, replaced };
}
