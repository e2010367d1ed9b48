// Norwegian (bokmål) warning texts: "<who/where> <weekday dd.mm.>: <what is wrong>. <what to do>."
import type { LocalDate } from '../calendar/dates';
import { formatDateRangeNb, formatDurationNb, formatIsoWeekNb, formatWeekdayDateNb, joinNamesNb } from '../calendar/format';
import type { IsoWeek } from '../calendar/isoWeek';
import { ABSENCE_KIND_NAMES_NB, SHIFT_KIND_NAMES_NB } from './types';
import type { Absence, Shift } from './types';
import type { ClockPeriod } from './warnings';

type ShiftText = Pick<Shift, 'kind' | 'date' | 'start' | 'end'>;

/** 'klinikk ved Grong legekontor 08:00–15:30', 'videodekning for Røyrvik legekontor …'; the date is added when it is not `onDate`. */
export function describeShift(shift: ShiftText, officeName: string, onDate: LocalDate): string {
  const when = shift.date === onDate ? '' : `${formatWeekdayDateNb(shift.date)} `;
  return `${describeShiftPlace(shift, officeName)} ${when}${shift.start}–${shift.end}`;
}

/** 'legevakt ved Grong legekontor', 'videodekning for Røyrvik legekontor' (no date or times). */
export function describeShiftPlace(shift: Pick<Shift, 'kind'>, officeName: string): string {
  return `${SHIFT_KIND_NAMES_NB[shift.kind]} ${shift.kind === 'video' ? 'for' : 'ved'} ${officeName}`;
}

function periods(list: readonly ClockPeriod[]): string {
  return joinNamesNb(list.map((period) => `${period.start}–${period.end}`));
}

export const messages = {
  doubleBooking(person: string, date: LocalDate, first: string, second: string): string {
    return `${person} ${formatWeekdayDateNb(date)}: står på ${first} og ${second} samtidig. Flytt eller fjern en av vaktene.`;
  },

  absence(person: string, date: LocalDate, absence: Pick<Absence, 'kind' | 'from' | 'to'>, shift: string): string {
    return (
      `${person} ${formatWeekdayDateNb(date)}: har ${ABSENCE_KIND_NAMES_NB[absence.kind]} (${formatDateRangeNb(absence.from, absence.to)}), ` +
      `men står på ${shift}. Fjern vakten eller sett opp en annen.`
    );
  },

  travelTime(args: {
    person: string;
    date: LocalDate;
    fromOffice: string;
    fromEnd: string;
    toOffice: string;
    toStart: string;
    availableMinutes: number;
    videoMinutes: number;
    drivingMinutes: number;
  }): string {
    const video = args.videoMinutes > 0 ? ` når videodekningen imellom er trukket fra` : '';
    return (
      `${args.person} ${formatWeekdayDateNb(args.date)}: bare ${formatDurationNb(Math.max(0, args.availableMinutes))} til kjøring ` +
      `fra ${args.fromOffice} (slutt ${args.fromEnd}) til ${args.toOffice} (start ${args.toStart})${video}, ` +
      `men kjøretiden er ${formatDurationNb(args.drivingMinutes)}. Flytt en av vaktene eller gjør den ene om til videodekning.`
    );
  },

  rest(args: { person: string; date: LocalDate; previous: string; previousEnd: string; next: string; nextStart: string; restMinutes: number; minRestMinutes: number }): string {
    return (
      `${args.person} ${formatWeekdayDateNb(args.date)}: bare ${formatDurationNb(args.restMinutes)} hvile mellom ${args.previous} (slutt ${args.previousEnd}) ` +
      `og ${args.next} (start ${args.nextStart}), minst ${formatDurationNb(args.minRestMinutes)} kreves. Flytt eller kort ned en av vaktene.`
    );
  },

  dayHours(person: string, date: LocalDate, workedMinutes: number, limitMinutes: number): string {
    return `${person} ${formatWeekdayDateNb(date)}: ${formatDurationNb(workedMinutes)} planlagt, mer enn ${formatDurationNb(limitMinutes)}. Kort ned eller flytt en vakt.`;
  },

  weekHours(person: string, week: IsoWeek, workedMinutes: number, limitMinutes: number): string {
    return `${person} ${formatIsoWeekNb(week)}: ${formatDurationNb(workedMinutes)} planlagt, mer enn ${formatDurationNb(limitMinutes)}. Fjern eller kort ned vakter denne uka.`;
  },

  noDoctor(office: string, date: LocalDate): string {
    return `${office} ${formatWeekdayDateNb(date)}: ingen lege på kontoret eller på video. Sett opp en lege eller videodekning.`;
  },

  doctorGap(office: string, date: LocalDate, uncovered: readonly ClockPeriod[]): string {
    return `${office} ${formatWeekdayDateNb(date)}: ingen lege på kontoret eller på video ${periods(uncovered)}. Sett opp en lege eller videodekning for dette tidsrommet.`;
  },

  noNurse(office: string, date: LocalDate): string {
    return `${office} ${formatWeekdayDateNb(date)}: ingen sykepleier på vakt. Sett opp en sykepleier.`;
  },

  nurseGap(office: string, date: LocalDate, uncovered: readonly ClockPeriod[]): string {
    return `${office} ${formatWeekdayDateNb(date)}: ingen sykepleier på vakt ${periods(uncovered)}. Sett opp en sykepleier for dette tidsrommet.`;
  },

  noEmergencyNurse(office: string, date: LocalDate, nurses: readonly string[]): string {
    return (
      `${office} ${formatWeekdayDateNb(date)}: ingen sykepleier med akuttmedisinsk kompetanse på vakt (på vakt: ${joinNamesNb(nurses)}). ` +
      `Sett opp en akuttsykepleier eller oppdater kompetanseregisteret.`
    );
  },

  publicHolidayShift(office: string, date: LocalDate, holidayName: string, people: readonly string[], shiftCount: number): string {
    const what = shiftCount === 1 ? 'vakt' : 'vakter';
    return (
      `${office} ${formatWeekdayDateNb(date)} (${holidayName}): kontoret er normalt stengt på helligdager, men ${joinNamesNb(people)} har ${what}. ` +
      `Fjern ${shiftCount === 1 ? 'vakten' : 'vaktene'} hvis kontoret ikke skal holde åpent.`
    );
  },
};
