// The supervising doctor for an office at an instant, from the rota (shifts and pattern occurrences, absences), with names and phone numbers.
import { addDays } from '../../domain/calendar/dates';
import { osloToday } from '../../domain/calendar/oslo';
import { supervisingDoctor } from '../../domain/rota/supervising-doctor';
import type { LocalStore } from '../../db/open';
import { listOffices } from '../../db/offices';
import { listAbsences } from '../../db/rota';
import { listStaff } from '../../db/staff';
import { plannedShifts } from './rota-week';

type Store = LocalStore;

export type SupervisingDoctor =
  | { kind: 'onSite' | 'video'; staffId: string; name: string; officeId: string; officeName: string; until: string /* ISO instant the shift ends */; phone: string | null }
  | { kind: 'none'; legevakt: { staffId: string; name: string; until: string; phone: string | null } | null };

/**
 * Who the nurse at `officeId` acts under at `at`: the doctor on site, else the doctor covering by video, else none and
 * the legevakt doctor on duty (see domain/rota/supervising-doctor.ts). Shifts from the day before count (overnight).
 */
export function supervisingDoctorAt(store: Store, officeId: string, at: Date): SupervisingDoctor {
  const db = store.db;
  const today = osloToday(at.getTime());
  const yesterday = addDays(today, -1);
  const staff = listStaff(db);
  const offices = listOffices(db);
  const result = supervisingDoctor({
    shifts: plannedShifts(db, yesterday, today),
    absences: listAbsences(db, yesterday, today),
    staff,
    offices,
    officeId,
    atMs: at.getTime(),
  });
  const person = (staffId: string) => staff.find((member) => member.id === staffId);
  if (result.kind === 'none') {
    const duty = result.legevakt;
    if (!duty) return { kind: 'none', legevakt: null };
    const doctor = person(duty.staffId);
    return { kind: 'none', legevakt: { staffId: duty.staffId, name: doctor?.name ?? '', until: new Date(duty.untilMs).toISOString(), phone: doctor?.phone ?? null } };
  }
  const doctor = person(result.staffId);
  return {
    kind: result.kind,
    staffId: result.staffId,
    name: doctor?.name ?? '',
    officeId: result.officeId,
    officeName: offices.find((office) => office.id === result.officeId)?.name ?? '',
    until: new Date(result.untilMs).toISOString(),
    phone: doctor?.phone ?? null,
  };
}
