// Who is the supervising doctor for an office at an instant: on site, else by video, else none (with the legevakt doctor on duty).
import { addDays } from '../calendar/dates';
import type { LocalDate } from '../calendar/dates';
import { utcMsToOslo, wallClockSpan } from '../calendar/oslo';
import type { Office } from '../offices';
import type { StaffMember } from '../staff';
import type { Absence, Shift } from './types';

export type RotaShift = Pick<Shift, 'staffId' | 'officeId' | 'date' | 'start' | 'end' | 'kind'>;
export type RotaAbsence = Pick<Absence, 'staffId' | 'from' | 'to'>;

export interface SupervisingDoctorInput {
  /** Shifts dated from at least the day before the instant (an overnight legevakt started yesterday) to its day. */
  shifts: readonly RotaShift[];
  absences: readonly RotaAbsence[];
  staff: readonly (Pick<StaffMember, 'id' | 'name' | 'profession'> & { active?: boolean })[];
  offices: readonly Pick<Office, 'id'>[];
  officeId: string;
  atMs: number;
}

export interface OnDuty {
  staffId: string;
  /** The office the shift is for: the office itself, the office covered by video, or where the legevakt is. */
  officeId: string;
  /** When the shift ends (UTC ms). */
  untilMs: number;
}

export type SupervisingDoctorResult =
  | ({ kind: 'onSite' | 'video' } & OnDuty)
  | { kind: 'none'; legevakt: OnDuty | null };

const DOCTOR_PROFESSIONS: ReadonlySet<string> = new Set(['doctor', 'doctorInTraining']);

function isAbsent(absences: readonly RotaAbsence[], staffId: string, dates: readonly LocalDate[]): boolean {
  return absences.some((absence) => absence.staffId === staffId && dates.some((date) => absence.from <= date && date <= absence.to));
}

/**
 * The supervising doctor for an office at an instant. A doctor on site (clinic shift at the office) comes first, then a
 * doctor covering the office by video; with neither, the answer is none plus the legevakt doctor on duty (one at this
 * office first, else any in the cooperation). Shifts that run past midnight count on the next day; a doctor absent
 * on the shift's date or on today's date does not count, nor does an inactive one. Among several, the one whose shift
 * lasts longest is named (then by name), so the answer is the same on every computer.
 */
export function supervisingDoctor(input: SupervisingDoctorInput): SupervisingDoctorResult {
  const { atMs, officeId } = input;
  const today = utcMsToOslo(atMs).date;
  const doctors = new Map(input.staff.filter((member) => member.active !== false && DOCTOR_PROFESSIONS.has(member.profession)).map((member) => [member.id, member]));
  const knownOffices = new Set(input.offices.map((office) => office.id));
  const onDuty = input.shifts.flatMap((shift) => {
    if (!doctors.has(shift.staffId) || !knownOffices.has(shift.officeId)) return [];
    if (shift.date < addDays(today, -1) || shift.date > today) return [];
    const span = wallClockSpan(shift.date, shift.start, shift.end);
    if (atMs < span.startMs || atMs >= span.endMs) return [];
    if (isAbsent(input.absences, shift.staffId, [shift.date, today])) return [];
    return [{ kind: shift.kind, staffId: shift.staffId, officeId: shift.officeId, untilMs: span.endMs }];
  });
  const best = (candidates: typeof onDuty): OnDuty | null => {
    const sorted = [...candidates].sort(
      (a, b) => b.untilMs - a.untilMs || (doctors.get(a.staffId)?.name ?? '').localeCompare(doctors.get(b.staffId)?.name ?? '', 'nb') || a.staffId.localeCompare(b.staffId),
    );
    const first = sorted[0];
    return first ? { staffId: first.staffId, officeId: first.officeId, untilMs: first.untilMs } : null;
  };
  const onSite = best(onDuty.filter((duty) => duty.kind === 'clinic' && duty.officeId === officeId));
  if (onSite) return { kind: 'onSite', ...onSite };
  const video = best(onDuty.filter((duty) => duty.kind === 'video' && duty.officeId === officeId));
  if (video) return { kind: 'video', ...video };
  const legevakt = onDuty.filter((duty) => duty.kind === 'legevakt');
  return { kind: 'none', legevakt: best(legevakt.filter((duty) => duty.officeId === officeId)) ?? best(legevakt) };
}
