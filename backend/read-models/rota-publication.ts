// Which rota shifts a viewer may see (staff never get draft weeks), each office's publication state for a week, and who may publish it.
import type Database from 'better-sqlite3';
import { addDays } from '../../domain/calendar/dates';
import type { LocalDate } from '../../domain/calendar/dates';
import { isoWeekMonday, isoWeekOf } from '../../domain/calendar/isoWeek';
import type { IsoWeek } from '../../domain/calendar/isoWeek';
import { osloToday } from '../../domain/calendar/oslo';
import { firstDraftWeek, isDraftShift, isDraftWeek, mondayOf, seesDrafts } from '../../domain/rota/publication';
import type { OfficePublication } from '../../domain/rota/publication';
import type { Role } from '../../domain/roles';
import { readPublicationStates } from '../../db/rota-publications';
import { getStaffMember } from '../../db/staff';

export interface Viewer {
  roles: readonly Role[];
  staffId: string;
}

export interface DraftFilter {
  /** True when the viewer sees drafts (leads and admins). */
  seesDrafts: boolean;
  states: Map<string, OfficePublication>;
  today: LocalDate;
  /** True when the shift is in a draft week of its office. */
  isDraft(shift: { officeId: string; date: LocalDate }): boolean;
  /** For loadRotaWeek's hideShift: the draft shifts this viewer may not see; undefined when they see everything. */
  hideShift: ((shift: { officeId: string; date: LocalDate }) => boolean) | undefined;
}

/** The draft rule for this viewer now. */
export function draftFilterFor(db: Database.Database, viewer: Viewer, now: Date): DraftFilter {
  const states = readPublicationStates(db);
  const today = osloToday(now.getTime());
  const isDraft = (shift: { officeId: string; date: LocalDate }) => isDraftShift(states, shift, today);
  const sees = seesDrafts(viewer.roles);
  // With no records at all nothing is a draft: skip the per-shift check.
  return { seesDrafts: sees, states, today, isDraft, hideShift: sees || states.size === 0 ? undefined : isDraft };
}

/** True when the viewer may publish or draft this office's weeks: an admin, or a lead whose base office it is. */
export function mayPublishOffice(db: Database.Database, viewer: Viewer, officeId: string): boolean {
  if (viewer.roles.includes('admin')) return true;
  if (!viewer.roles.includes('lead')) return false;
  return getStaffMember(db, viewer.staffId)?.baseOfficeId === officeId;
}

/** One office's state in the week a screen shows. */
export interface OfficeWeekPublication {
  officeId: string;
  /** This week is a draft at the office (only leads and admins are ever told). */
  draft: boolean;
  /** The office's first draft week after the current one (the start of "Publiser uke 12–15"); null: none. */
  firstDraftWeek: IsoWeek | null;
  /** The viewer may publish, or make drafts of, this office's weeks. */
  mayPublish: boolean;
  /** This week may be made a draft (it has not started and is not one). */
  mayDraft: boolean;
}

/** The week's publication state per office, for leads and admins; staff get an empty list (they never see drafts). */
export function weekPublication(db: Database.Database, filter: DraftFilter, viewer: Viewer, week: IsoWeek, officeIds: readonly string[]): OfficeWeekPublication[] {
  if (!filter.seesDrafts) return [];
  const monday = isoWeekMonday(week);
  const current = mondayOf(filter.today);
  return officeIds.map((officeId) => {
    const state = filter.states.get(officeId);
    const draft = isDraftWeek(state, monday, current);
    const first = firstDraftWeek(state, filter.today);
    const mayPublish = mayPublishOffice(db, viewer, officeId);
    return { officeId, draft, firstDraftWeek: first ? isoWeekOf(first) : null, mayPublish, mayDraft: mayPublish && !draft && monday > current };
  });
}

/** The Sunday of a week given by its Monday. */
export const sundayOf = (monday: LocalDate): LocalDate => addDays(monday, 6);
