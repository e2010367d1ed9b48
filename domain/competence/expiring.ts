// The "expiring and expired" list: competences in force whose expiry date is passed or within N days, most urgent first.
import type { LocalDate } from '../calendar/dates';
import { appliesToProfession } from './matrix';
import { competenceState, DEFAULT_WARN_DAYS, indexCompetence } from './state';
import type { CompetenceStaff, CompetenceType, StaffCompetence } from './types';

export interface ExpiringCompetence {
  staffId: string;
  staffName: string;
  competenceTypeId: string;
  competenceName: string;
  state: 'expiring' | 'expired';
  expiresOn: LocalDate;
  /** 0 = last valid day is `onDate`; negative = expired that many days ago. */
  daysLeft: number;
  record: StaffCompetence;
}

const collator = new Intl.Collator('nb');

/**
 * Every person × applicable type whose record in force on `onDate` has expired (however long ago) or expires within
 * `days` days (0 ≤ days left ≤ days). Missing competences are not listed (the matrix shows them). Sorted by expiry
 * date, so expired come first (longest expired first) and then the soonest to expire; ties by name, then competence.
 */
export function expiringWithin(
  records: readonly StaffCompetence[],
  types: readonly CompetenceType[],
  staff: readonly CompetenceStaff[],
  onDate: LocalDate,
  days: number = DEFAULT_WARN_DAYS,
): ExpiringCompetence[] {
  const index = indexCompetence(records);
  const list: ExpiringCompetence[] = [];
  for (const member of staff) {
    for (const type of types) {
      if (!appliesToProfession(type, member.profession)) continue;
      const record = index.current(member.id, type.id, onDate);
      const status = competenceState(record, onDate, days);
      if (!record || (status.state !== 'expiring' && status.state !== 'expired') || status.expiresOn === null || status.daysLeft === null) continue;
      list.push({
        staffId: member.id,
        staffName: member.name,
        competenceTypeId: type.id,
        competenceName: type.name,
        state: status.state,
        expiresOn: status.expiresOn,
        daysLeft: status.daysLeft,
        record,
      });
    }
  }
  return list.sort(
    (a, b) =>
      (a.expiresOn < b.expiresOn ? -1 : a.expiresOn > b.expiresOn ? 1 : 0) ||
      collator.compare(a.staffName, b.staffName) ||
      collator.compare(a.competenceName, b.competenceName) ||
      (a.staffId < b.staffId ? -1 : a.staffId > b.staffId ? 1 : 0) ||
      (a.competenceTypeId < b.competenceTypeId ? -1 : a.competenceTypeId > b.competenceTypeId ? 1 : 0),
  );
}
