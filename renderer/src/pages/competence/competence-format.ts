// Competence screens without React: dates, state texts and symbols, renewal text, matrix row order and a person's records grouped by type.
import type { LocalDate } from '../../../../domain/calendar/dates';
import { competenceState, indexCompetence } from '../../../../domain/competence/state';
import type { CompetenceStatus } from '../../../../domain/competence/state';
import type { CompetenceMatrixRow, MatrixCellState } from '../../../../domain/competence/matrix';
import type { CompetenceType, StaffCompetence } from '../../../../domain/competence/types';
import { PROFESSIONS } from '../../../../domain/staff';
import type { Profession } from '../../../../domain/staff';
import type { Translator } from '../../i18n';
import type { Language } from '../../stores/language';
import { formatDate } from '../../format/dates';

/** The sub-views of Kompetanse for leads, admins and doctors (#/competence/<view>); anything else after /competence/ is a staff id. */
export const COMPETENCE_VIEWS = ['expiring', 'matrix', 'coverage', 'types'] as const;
export type CompetenceView = (typeof COMPETENCE_VIEWS)[number];

export function isCompetenceView(item: string | null): item is CompetenceView {
  return (COMPETENCE_VIEWS as readonly string[]).includes(item ?? '');
}

/** Choices of the expiry list's "Utløper innen" select; 60 is the default of the register. */
export const EXPIRING_DAY_CHOICES = [14, 30, 60, 90, 180, 365] as const;

/** The symbol shown with a state, so it never depends on colour alone. */
export const STATE_SYMBOLS: Readonly<Record<MatrixCellState, string>> = {
  valid: '✓',
  expiring: '⚠',
  expired: '✗',
  missing: '○',
  notApplicable: '–',
};

/** One sentence for a state: "Utløpt 01.10.2026", "Utløper om 23 dager", "Gyldig til 01.10.2026", "Mangler". */
export function statusText(t: Translator['t'], status: CompetenceStatus, language: Language): string {
  const date = status.expiresOn ? formatDate(status.expiresOn, language) : '';
  switch (status.state) {
    case 'expired':
      return t('competence.status.expired', { date });
    case 'expiring':
      return status.daysLeft === 0 ? t('competence.status.expiresToday') : t('competence.status.expiresIn', { days: status.daysLeft ?? 0 });
    case 'valid':
      return status.expiresOn ? t('competence.status.validUntil', { date }) : t('competence.status.validForever');
    case 'missing':
      return t('competence.status.missing');
  }
}

/** A matrix cell in two short lines: the state word and the date ("Utløper" / "01.10.2026 (23 d)"). */
export function matrixCellLines(
  t: Translator['t'],
  cell: { state: MatrixCellState; expiresOn: LocalDate | null; daysLeft: number | null },
  language: Language,
): [string, string] {
  const date = cell.expiresOn ? formatDate(cell.expiresOn, language) : '';
  switch (cell.state) {
    case 'valid':
      return [t('competence.cell.valid'), cell.expiresOn ? t('competence.cell.until', { date }) : t('competence.cell.noExpiry')];
    case 'expiring':
      return [t('competence.cell.expiring'), t('competence.cell.daysLeft', { date, days: cell.daysLeft ?? 0 })];
    case 'expired':
      return [t('competence.cell.expired'), date];
    case 'missing':
      return [t('competence.state.missing'), ''];
    case 'notApplicable':
      return [t('competence.state.notApplicable'), ''];
  }
}

/** "Hver 24. måned" / "Utløper ikke". */
export function renewalText(t: Translator['t'], renewalMonths: number | null): string {
  return renewalMonths === null ? t('competence.renewalNone') : t('competence.renewalMonths', { months: renewalMonths });
}

/** Matrix rows grouped by profession (doctors first, in the order of PROFESSIONS), by name within a profession. */
export function sortMatrixRows<R extends Pick<CompetenceMatrixRow, 'profession' | 'staffName'>>(rows: readonly R[], profession: Profession | null = null): R[] {
  return rows
    .filter((row) => profession === null || row.profession === profession)
    .sort((a, b) => PROFESSIONS.indexOf(a.profession) - PROFESSIONS.indexOf(b.profession) || a.staffName.localeCompare(b.staffName, 'nb'));
}

/** Totals over the rows shown, for the line above the matrix. */
export function matrixTotals(rows: readonly Pick<CompetenceMatrixRow, 'counts'>[]): Record<MatrixCellState, number> {
  const totals: Record<MatrixCellState, number> = { valid: 0, expiring: 0, expired: 0, missing: 0, notApplicable: 0 };
  for (const row of rows) for (const state of Object.keys(totals) as MatrixCellState[]) totals[state] += row.counts[state];
  return totals;
}

export interface PersonCompetenceGroup {
  type: CompetenceType;
  /** False when the type is not expected of the person's profession but has records anyway. */
  applies: boolean;
  /** Newest first. */
  records: StaffCompetence[];
  /** The record in force today (may have expired); null when none has been obtained by today. */
  currentId: string | null;
  status: CompetenceStatus;
}

/**
 * A person's competences grouped by type, in the types' order: every type that applies to the profession (missing
 * ones too, so a keeper can register them) and every other type the person has records of. History newest first.
 */
export function personCompetenceGroups(
  types: readonly CompetenceType[],
  records: readonly StaffCompetence[],
  staffId: string,
  profession: Profession | null,
  today: LocalDate,
): PersonCompetenceGroup[] {
  const own = records.filter((record) => record.staffId === staffId);
  const index = indexCompetence(own);
  return types.flatMap((type): PersonCompetenceGroup[] => {
    const history = [...index.history(staffId, type.id)].reverse();
    const applies = profession !== null && type.appliesTo.includes(profession);
    if (!applies && history.length === 0) return [];
    const current = index.current(staffId, type.id, today);
    return [{ type, applies, records: history, currentId: current?.id ?? null, status: competenceState(current, today) }];
  });
}

/** Where a record stands in its history: the one in force, an earlier one, or one that only counts from a later date. */
export function recordRole(record: StaffCompetence, currentId: string | null, today: LocalDate): 'current' | 'previous' | 'future' {
  if (record.id === currentId) return 'current';
  return record.obtained > today ? 'future' : 'previous';
}
