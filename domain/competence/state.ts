// The state of a competence on a date: which record is in force (renewals keep history) and whether it is valid, expiring, expired or missing.
import { daysBetween } from '../calendar/dates';
import type { LocalDate } from '../calendar/dates';
import type { StaffCompetence } from './types';

/** Days before the expiry date from which a valid competence counts as expiring. */
export const DEFAULT_WARN_DAYS = 60;

export const COMPETENCE_STATES = ['valid', 'expiring', 'expired', 'missing'] as const;
export type CompetenceState = (typeof COMPETENCE_STATES)[number];

export const COMPETENCE_STATE_NAMES_NB: Readonly<Record<CompetenceState | 'notApplicable', string>> = {
  valid: 'Gyldig',
  expiring: 'Utløper snart',
  expired: 'Utløpt',
  missing: 'Mangler',
  notApplicable: 'Ikke aktuelt',
};

export interface CompetenceStatus {
  state: CompetenceState;
  /** The record's last valid day; null when missing or when it never expires. */
  expiresOn: LocalDate | null;
  /**
   * Days from the date asked about to the expiry date: 0 = last valid day, negative = expired that many days ago
   * (−1 the day after the expiry date). null when missing or never expiring.
   */
  daysLeft: number | null;
}

type RecordForState = Pick<StaffCompetence, 'obtained' | 'expiresOn'>;

/**
 * The state of a record on `onDate`. A competence with expiry D is valid through D and expired from D + 1. It is
 * 'expiring' while 0 ≤ days left ≤ warnDays (so with the default 60, an expiry exactly 60 days ahead is expiring).
 * No record, or a record obtained after `onDate`, is 'missing'.
 */
export function competenceState(record: RecordForState | null | undefined, onDate: LocalDate, warnDays: number = DEFAULT_WARN_DAYS): CompetenceStatus {
  if (!record || record.obtained > onDate) return { state: 'missing', expiresOn: null, daysLeft: null };
  if (record.expiresOn === null) return { state: 'valid', expiresOn: null, daysLeft: null };
  const daysLeft = daysBetween(onDate, record.expiresOn);
  const state: CompetenceState = daysLeft < 0 ? 'expired' : daysLeft <= warnDays ? 'expiring' : 'valid';
  return { state, expiresOn: record.expiresOn, daysLeft };
}

/** True when the state means the competence may be relied on that day (valid or expiring). */
export function isInForce(state: CompetenceState): boolean {
  return state === 'valid' || state === 'expiring';
}

/**
 * Which of two records of the same person and type governs: the later obtained date; on the same date the later expiry
 * (null = never expires counts as latest); then the larger id (UUIDv7 ids grow with creation time, so the later entry).
 * Returns a positive number when `a` wins.
 */
function compareRecency(a: StaffCompetence, b: StaffCompetence): number {
  if (a.obtained !== b.obtained) return a.obtained > b.obtained ? 1 : -1;
  if (a.expiresOn !== b.expiresOn) {
    if (a.expiresOn === null) return 1;
    if (b.expiresOn === null) return -1;
    return a.expiresOn > b.expiresOn ? 1 : -1;
  }
  return a.id > b.id ? 1 : a.id < b.id ? -1 : 0;
}

/** The governing record among records of one person and type on `onDate`: the most recent one obtained on or before that date. */
function pickCurrent(records: readonly StaffCompetence[], onDate: LocalDate): StaffCompetence | null {
  let best: StaffCompetence | null = null;
  for (const record of records) {
    if (record.obtained > onDate) continue;
    if (best === null || compareRecency(record, best) > 0) best = record;
  }
  return best;
}

/**
 * The record in force for a person and competence type on `onDate`: the most recently obtained record on or before
 * that date, even when it has expired (so the state can say when it expired). A renewal obtained later supersedes an
 * earlier record, even if the earlier one had a later expiry. Null when the person had not obtained it by then.
 */
export function currentCompetence(
  records: readonly StaffCompetence[],
  staffId: string,
  competenceTypeId: string,
  onDate: LocalDate,
): StaffCompetence | null {
  return pickCurrent(
    records.filter((record) => record.staffId === staffId && record.competenceTypeId === competenceTypeId),
    onDate,
  );
}

/** Records grouped by person and type, for answering many questions about the same records quickly. */
export interface CompetenceIndex {
  /** Same as currentCompetence, without scanning all records. */
  current(staffId: string, competenceTypeId: string, onDate: LocalDate): StaffCompetence | null;
  /** All records of a person and type, oldest first (the history). */
  history(staffId: string, competenceTypeId: string): readonly StaffCompetence[];
}

export function indexCompetence(records: readonly StaffCompetence[]): CompetenceIndex {
  const byKey = new Map<string, StaffCompetence[]>();
  for (const record of records) {
    const key = `${record.staffId}|${record.competenceTypeId}`;
    const list = byKey.get(key);
    if (list) list.push(record);
    else byKey.set(key, [record]);
  }
  for (const list of byKey.values()) list.sort(compareRecency);
  return {
    current: (staffId, competenceTypeId, onDate) => pickCurrent(byKey.get(`${staffId}|${competenceTypeId}`) ?? [], onDate),
    history: (staffId, competenceTypeId) => byKey.get(`${staffId}|${competenceTypeId}`) ?? [],
  };
}
