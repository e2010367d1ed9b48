// Staff × competence matrix (kompetansematrise): the state of every competence type for every person on a date.
import type { LocalDate } from '../calendar/dates';
import type { Profession } from '../staff';
import { competenceState, DEFAULT_WARN_DAYS, indexCompetence } from './state';
import type { CompetenceState } from './state';
import type { CompetenceStaff, CompetenceType, StaffCompetence } from './types';

/** A type that does not apply to the person's profession is 'notApplicable' (ikke aktuelt). */
export type MatrixCellState = CompetenceState | 'notApplicable';

export interface CompetenceMatrixCell {
  competenceTypeId: string;
  state: MatrixCellState;
  expiresOn: LocalDate | null;
  daysLeft: number | null;
  /** The record in force on the date; null when missing or not applicable. */
  record: StaffCompetence | null;
}

export interface CompetenceMatrixRow {
  staffId: string;
  staffName: string;
  profession: Profession;
  /** One cell per type, in the order of `CompetenceMatrix.types`. */
  cells: CompetenceMatrixCell[];
  counts: Record<MatrixCellState, number>;
}

export interface CompetenceMatrix {
  onDate: LocalDate;
  warnDays: number;
  /** The columns, in the order given. */
  types: CompetenceType[];
  /** One row per person, in the order given. */
  rows: CompetenceMatrixRow[];
}

/** True when a competence type applies to (is expected of) a profession. */
export function appliesToProfession(type: Pick<CompetenceType, 'appliesTo'>, profession: Profession): boolean {
  return type.appliesTo.includes(profession);
}

/**
 * The matrix of `staff` (rows) × `types` (columns) on `onDate`, both in the order given: pass the people and types
 * you want listed (usually the active ones), sorted as the screen wants them.
 */
export function competenceMatrix(
  staff: readonly CompetenceStaff[],
  types: readonly CompetenceType[],
  records: readonly StaffCompetence[],
  onDate: LocalDate,
  warnDays: number = DEFAULT_WARN_DAYS,
): CompetenceMatrix {
  const index = indexCompetence(records);
  const rows = staff.map((member): CompetenceMatrixRow => {
    const counts: Record<MatrixCellState, number> = { valid: 0, expiring: 0, expired: 0, missing: 0, notApplicable: 0 };
    const cells = types.map((type): CompetenceMatrixCell => {
      if (!appliesToProfession(type, member.profession)) {
        counts.notApplicable += 1;
        return { competenceTypeId: type.id, state: 'notApplicable', expiresOn: null, daysLeft: null, record: null };
      }
      const record = index.current(member.id, type.id, onDate);
      const status = competenceState(record, onDate, warnDays);
      counts[status.state] += 1;
      return { competenceTypeId: type.id, state: status.state, expiresOn: status.expiresOn, daysLeft: status.daysLeft, record: status.state === 'missing' ? null : record };
    });
    return { staffId: member.id, staffName: member.name, profession: member.profession, cells, counts };
  });
  return { onDate, warnDays, types: [...types], rows };
}
