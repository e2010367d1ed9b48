// Emergency-nurse coverage: for each office and open day of a week, which nurses are on duty and whether one is emergency-competent.
import type Database from 'better-sqlite3';
import { isoWeekday } from '../../domain/calendar/dates';
import type { LocalDate } from '../../domain/calendar/dates';
import { publicHolidayOn } from '../../domain/calendar/holidays';
import { isoWeekDates } from '../../domain/calendar/isoWeek';
import type { IsoWeek } from '../../domain/calendar/isoWeek';
import type { Office } from '../../domain/offices';
import { listOffices } from '../../db/offices';
import { listStaff } from '../../db/staff';
import { emergencyNurseLookup } from './emergency-nurse';
import { plannedShifts } from './rota-week';

export interface CoverageDay {
  date: LocalDate;
  /** Closed by opening hours or a public holiday: no nurse needed. */
  open: boolean;
  nurses: { staffId: string; name: string; emergency: boolean }[];
  /** null on closed days. */
  covered: boolean | null;
}

export interface EmergencyCoverage {
  week: IsoWeek;
  /** False when the register has no competence required for the emergency-nurse duty yet. */
  configured: boolean;
  offices: { officeId: string; officeName: string; days: CoverageDay[] }[];
}

/** `hideShift`: shifts the viewer may not see (draft weeks for staff, read-models/rota-publication.ts). */
export function emergencyCoverage(db: Database.Database, week: IsoWeek, hideShift?: (shift: { officeId: string; date: LocalDate }) => boolean): EmergencyCoverage {
  const dates = isoWeekDates(week);
  const staff = listStaff(db);
  const staffById = new Map(staff.map((member) => [member.id, member]));
  const isEmergency = emergencyNurseLookup(db, staff);
  const planned = plannedShifts(db, dates[0]!, dates[6]!);
  const shifts = hideShift ? planned.filter((shift) => !hideShift(shift)) : planned;
  const offices = listOffices(db);
  const isOpen = (office: Office, date: LocalDate) =>
    !publicHolidayOn(date) && office.openingHours[String(isoWeekday(date)) as keyof Office['openingHours']] !== null;
  return {
    week,
    configured: isEmergency !== undefined,
    offices: offices.map((office) => ({
      officeId: office.id,
      officeName: office.name,
      days: dates.map((date): CoverageDay => {
        const onDuty = new Set(
          shifts
            .filter((shift) => shift.officeId === office.id && shift.date === date && shift.kind === 'clinic' && staffById.get(shift.staffId)?.profession === 'nurse')
            .map((shift) => shift.staffId),
        );
        // A nurse with two clinic shifts that day is listed once.
        const nurses = [...onDuty].map((staffId) => ({ staffId, name: staffById.get(staffId)!.name, emergency: isEmergency?.(staffId, date) ?? false }));
        const open = isOpen(office, date);
        return { date, open, nurses, covered: open ? nurses.some((nurse) => nurse.emergency) : null };
      }),
    })),
  };
}
