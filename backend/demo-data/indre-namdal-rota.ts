// The example rota: a realistic plan for the current and the next 8 ISO weeks, built from patterns plus one-off changes.
import { addDays } from '../../domain/calendar/dates';
import type { IsoWeekday, LocalDate } from '../../domain/calendar/dates';
import { addIsoWeeks, isoWeekDates, isoWeekOf } from '../../domain/calendar/isoWeek';
import type { AbsenceKind, RecurringPatternValues, ShiftKind } from '../../domain/rota/types';
import { patternOccurrences } from '../../domain/rota/patterns';
import { createAbsence, createPattern, createShift, setPatternException } from '../../db/rota';
import { withoutRotaNotices } from '../../db/rota-publications';
import type { ChangeSet } from '../../db/write-path';

/** How many weeks after the current one the example plan reaches. */
export const EXAMPLE_ROTA_WEEKS_AHEAD = 8;

type Lookup = (name: string) => string;

interface PatternSpec {
  who: string;
  office: string;
  weekdays: IsoWeekday[];
  kind?: ShiftKind;
  start?: string;
  end?: string;
  intervalWeeks?: number;
  /** Start in the week after the first one (for alternating every-second-week patterns). */
  offsetWeeks?: number;
  note?: string;
}

const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5];

/** Who works where, week in, week out. Office names are the municipality part. */
const PATTERNS: PatternSpec[] = [
  // Doctors
  { who: 'Ingrid Solbakk', office: 'Grong', weekdays: WEEKDAYS },
  { who: 'Lars Erik Vassdal', office: 'Grong', weekdays: [1, 2, 4, 5] },
  { who: 'Lars Erik Vassdal', office: 'Røyrvik', weekdays: [3], kind: 'video', note: 'Video fra Grong' },
  { who: 'Hanna Fjellstad', office: 'Grong', weekdays: [1, 2, 3, 4] },
  { who: 'Hanna Fjellstad', office: 'Namsskogan', weekdays: [5], intervalWeeks: 2 },
  { who: 'Kari Elvenes', office: 'Namsskogan', weekdays: WEEKDAYS },
  { who: 'Anders Tunheim', office: 'Røyrvik', weekdays: [1, 2, 4, 5] },
  { who: 'Sofie Brattland', office: 'Lierne', weekdays: WEEKDAYS },
  { who: 'Mats Holmvik', office: 'Lierne', weekdays: [1, 2, 3] },
  // Nurses
  { who: 'Marte Kvernmo', office: 'Grong', weekdays: WEEKDAYS },
  { who: 'Jonas Sandmo', office: 'Grong', weekdays: [1, 2, 3, 4] },
  { who: 'Eli Brennhaug', office: 'Namsskogan', weekdays: WEEKDAYS },
  { who: 'Tone Aasvang', office: 'Namsskogan', weekdays: [2, 4, 5] },
  { who: 'Per Olav Skogmo', office: 'Røyrvik', weekdays: WEEKDAYS },
  { who: 'Randi Fossli', office: 'Røyrvik', weekdays: [1, 3] },
  { who: 'Siri Heggdal', office: 'Lierne', weekdays: WEEKDAYS },
  { who: 'Vegard Tørresdal', office: 'Lierne', weekdays: [1, 2, 3, 4] },
  // Receptionists
  { who: 'Anne Berit Formoen', office: 'Grong', weekdays: WEEKDAYS },
  { who: 'Gunn Jørsdal', office: 'Grong', weekdays: [1, 2, 3], start: '08:00', end: '12:30' },
  { who: 'Liv Mørkvoll', office: 'Namsskogan', weekdays: WEEKDAYS },
  { who: 'Bjørg Kvelstad', office: 'Røyrvik', weekdays: [1, 2, 3, 4] },
  { who: 'Silje Myrvold', office: 'Lierne', weekdays: WEEKDAYS },
  // Leads: administration days
  { who: 'Torunn Hellvik', office: 'Grong', weekdays: WEEKDAYS, kind: 'admin', start: '08:00', end: '15:30' },
  { who: 'Geir Lyngmo', office: 'Lierne', weekdays: [2, 4], kind: 'admin', start: '09:00', end: '14:00' },
];

/**
 * Doctors who take weekend legevakt in turn: one covers Saturday 08:00 to Sunday 08:00, the next Sunday 08:00–20:00
 * (the night to Monday is covered by the regional legevakt), so nobody goes from legevakt straight into clinic.
 */
const LEGEVAKT_ROTATION: { who: string; office: string }[] = [
  { who: 'Ingrid Solbakk', office: 'Grong' },
  { who: 'Kari Elvenes', office: 'Namsskogan' },
  { who: 'Sofie Brattland', office: 'Lierne' },
  { who: 'Lars Erik Vassdal', office: 'Grong' },
  { who: 'Anders Tunheim', office: 'Røyrvik' },
  { who: 'Hanna Fjellstad', office: 'Grong' },
];

/** Writes the example plan. `today` decides which week is "the current week". */
export function writeExampleRota(changes: ChangeSet, today: LocalDate, staff: Lookup, office: Lookup): void {
  // The example plan is where everyone starts, not a change to anyone's rota: no notices.
  withoutRotaNotices(changes);
  const first = isoWeekOf(today);
  const firstMonday = isoWeekDates(first)[0]!;
  const lastSunday = isoWeekDates(addIsoWeeks(first, EXAMPLE_ROTA_WEEKS_AHEAD))[6]!;

  const patternIds = new Map<string, { id: string; pattern: RecurringPatternValues }[]>();
  for (const spec of PATTERNS) {
    const pattern: RecurringPatternValues = {
      staffId: staff(spec.who),
      officeId: office(spec.office),
      kind: spec.kind ?? 'clinic',
      start: spec.start ?? '08:00',
      end: spec.end ?? '15:30',
      weekdays: spec.weekdays,
      intervalWeeks: spec.intervalWeeks ?? 1,
      from: addDays(firstMonday, 7 * (spec.offsetWeeks ?? 0)),
      to: lastSunday,
      note: spec.note ?? null,
    };
    const id = createPattern(changes, pattern);
    patternIds.set(spec.who, [...(patternIds.get(spec.who) ?? []), { id, pattern }]);
  }
  /** The pattern occurrence a person has on a date (their first pattern with one), for one-off changes. */
  const occurrence = (who: string, date: LocalDate) => {
    const found = (patternIds.get(who) ?? []).find(({ pattern }) => patternOccurrences(pattern, { from: date, to: date }).length > 0);
    if (!found) throw new Error(`example rota: ${who} has no pattern occurrence on ${date}`);
    return found.id;
  };
  /** Takes a person off their patterns from..to, as a lead does when registering an absence. */
  const clearPatterns = (who: string, from: LocalDate, to: LocalDate) => {
    for (const { id, pattern } of patternIds.get(who) ?? []) {
      for (const date of patternOccurrences(pattern, { from, to })) setPatternException(changes, id, date, null);
    }
  };

  for (let week = 0; week <= EXAMPLE_ROTA_WEEKS_AHEAD; week++) {
    const dates = isoWeekDates(addIsoWeeks(first, week));
    const saturday = LEGEVAKT_ROTATION[(2 * week) % LEGEVAKT_ROTATION.length]!;
    const sunday = LEGEVAKT_ROTATION[(2 * week + 1) % LEGEVAKT_ROTATION.length]!;
    createShift(changes, { staffId: staff(saturday.who), officeId: office(saturday.office), date: dates[5]!, start: '08:00', end: '08:00', kind: 'legevakt', note: 'Helgevakt' });
    createShift(changes, { staffId: staff(sunday.who), officeId: office(sunday.office), date: dates[6]!, start: '08:00', end: '20:00', kind: 'legevakt', note: 'Helgevakt' });
  }

  // One-off changes that make the plan look like real life.
  const week = (n: number) => isoWeekDates(addIsoWeeks(first, n));
  const absences: [string, LocalDate, LocalDate, AbsenceKind, string | null][] = [
    ['Mats Holmvik', week(2)[0]!, week(3)[4]!, 'holiday', null],
    ['Tone Aasvang', week(0)[1]!, week(0)[3]!, 'sick', null],
    ['Randi Fossli', week(1)[2]!, week(1)[2]!, 'course', 'Akuttmedisinkurs'],
    ['Kari Elvenes', week(4)[3]!, week(4)[3]!, 'timeOff', null],
    // Left uncovered on purpose: the weekly overview shows "no doctor" in Røyrvik that Friday for the lead to fix.
    ['Anders Tunheim', week(1)[4]!, week(1)[4]!, 'course', 'Veiledningskurs'],
  ];
  for (const [who, from, to, kind, note] of absences) {
    createAbsence(changes, { staffId: staff(who), from, to, kind, note });
    clearPatterns(who, from, to);
  }
  // While Kari takes time off, Lars Erik covers Namsskogan by video from Grong instead of his clinic day there.
  const thursday = week(4)[3]!;
  setPatternException(changes, occurrence('Lars Erik Vassdal', thursday), thursday, {
    staffId: staff('Lars Erik Vassdal'), officeId: office('Namsskogan'), date: thursday, start: '08:00', end: '15:30', kind: 'video', note: 'Dekker for Kari',
  });
  // Marte is on a triage course instead of her clinic day.
  const courseDay = week(1)[3]!;
  setPatternException(changes, occurrence('Marte Kvernmo', courseDay), courseDay, {
    staffId: staff('Marte Kvernmo'), officeId: office('Grong'), date: courseDay, start: '08:00', end: '15:30', kind: 'course', note: 'Triagekurs',
  });
}
