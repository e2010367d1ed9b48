// Tests for checkWeek: each rule's positive and negative cases, boundaries, overnight shifts, DST weeks, week 53 and public holidays.
import { describe, expect, it } from 'vitest';
import type { RotaWarning, RotaWarningKind } from './warnings';
import { checkWeek } from './rules';
import { GRONG, LIERNE, NAMSSKOGAN, OFFICES, ROYRVIK, absence, input, shift, staffedWeek } from './testFixtures';
import type { RotaOffice } from './context';

const W48 = { year: 2026, week: 48 }; // Mon 23.11.2026 – Sun 29.11.2026
const MON = '2026-11-23';
const TUE = '2026-11-24';
const WED = '2026-11-25';
const SAT = '2026-11-28';
const SUN = '2026-11-29';

function ofKind<K extends RotaWarningKind>(warnings: RotaWarning[], kind: K): Extract<RotaWarning, { kind: K }>[] {
  return warnings.filter((warning): warning is Extract<RotaWarning, { kind: K }> => warning.kind === kind);
}

function kinds(warnings: RotaWarning[]): RotaWarningKind[] {
  return warnings.map((warning) => warning.kind);
}

describe('checkWeek baseline', () => {
  it('gives no warnings for a fully staffed ordinary week', () => {
    expect(checkWeek(input(W48, staffedWeek(W48)))).toEqual([]);
  });

  it('warns about every open office day of an empty plan, and nothing at the weekend', () => {
    const warnings = checkWeek(input(W48, []));
    expect(ofKind(warnings, 'noDoctor')).toHaveLength(20);
    expect(ofKind(warnings, 'noNurse')).toHaveLength(20);
    expect(warnings).toHaveLength(40);
    expect(warnings.some((warning) => warning.date === SAT || warning.date === SUN)).toBe(false);
    const royrvikTuesday = warnings.find((warning) => warning.kind === 'noDoctor' && warning.officeId === ROYRVIK && warning.date === TUE);
    expect(royrvikTuesday).toMatchObject({
      id: `noDoctor:${ROYRVIK}:${TUE}`,
      severity: 'error',
      staffIds: [],
      shiftIds: [],
      message: 'Røyrvik legekontor tirsdag 24.11.: ingen lege på kontoret eller på video. Sett opp en lege eller videodekning.',
      details: { open: '08:00', close: '15:30' },
    });
  });

  it('is deterministic: same warnings and order whatever the input order', () => {
    const shifts = [...staffedWeek(W48, [WED]), shift({ staffId: 'd1', officeId: ROYRVIK, date: MON, kind: 'video', start: '09:00', end: '10:00' })];
    const a = checkWeek(input(W48, shifts));
    const b = checkWeek(input(W48, [...shifts].reverse()));
    expect(b).toEqual(a);
    expect(new Set(a.map((warning) => warning.id)).size).toBe(a.length);
    const dates = a.map((warning) => warning.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('only returns warnings dated inside the week and ignores shifts far outside it', () => {
    const far = shift({ staffId: 'd1', officeId: GRONG, date: '2020-01-01' });
    const nextWeek = shift({ staffId: 'd1', officeId: GRONG, date: '2026-11-30' });
    const warnings = checkWeek(input(W48, [...staffedWeek(W48), far, nextWeek]));
    expect(warnings).toEqual([]);
  });
});

describe('double booking', () => {
  it('warns when the same person is in two overlapping shifts', () => {
    const video = shift({ staffId: 'd1', officeId: ROYRVIK, date: MON, kind: 'video', start: '12:00', end: '14:00' });
    const warnings = checkWeek(input(W48, [...staffedWeek(W48), video]));
    expect(kinds(warnings)).toEqual(['doubleBooking']);
    expect(warnings[0]).toMatchObject({
      severity: 'error',
      officeId: ROYRVIK,
      staffIds: ['d1'],
      date: MON,
      shiftIds: [`d1-${MON}`, video.id],
      details: { overlapMinutes: 120 },
      message:
        'Astrid Lyng mandag 23.11.: står på klinikk ved Grong legekontor 08:00–15:30 og videodekning for Røyrvik legekontor 12:00–14:00 samtidig. Flytt eller fjern en av vaktene.',
    });
  });

  it('accepts shifts that only touch', () => {
    const shifts = [
      shift({ staffId: 'd5', officeId: GRONG, date: MON, start: '08:00', end: '12:00' }),
      shift({ staffId: 'd5', officeId: GRONG, date: MON, kind: 'admin', start: '12:00', end: '15:00' }),
    ];
    expect(ofKind(checkWeek(input(W48, [...staffedWeek(W48), ...shifts])), 'doubleBooking')).toEqual([]);
  });

  it('catches an overnight legevakt from the previous Sunday running into Monday morning clinic', () => {
    const legevakt = shift({ staffId: 'd1', officeId: GRONG, date: '2026-11-22', kind: 'legevakt', start: '16:00', end: '08:30' });
    const warnings = ofKind(checkWeek(input(W48, [...staffedWeek(W48), legevakt])), 'doubleBooking');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ date: MON, shiftIds: [legevakt.id, `d1-${MON}`], details: { overlapMinutes: 30 } });
    expect(warnings[0]?.message).toContain('legevakt ved Grong legekontor søndag 22.11. 16:00–08:30');
  });

  it('reports an overlap into next Monday in next week, not this one', () => {
    const legevakt = shift({ staffId: 'd1', officeId: GRONG, date: SUN, kind: 'legevakt', start: '16:00', end: '08:30' });
    const nextMonday = shift({ staffId: 'd1', officeId: GRONG, date: '2026-11-30' });
    const shifts = [...staffedWeek(W48), legevakt, nextMonday];
    expect(ofKind(checkWeek(input(W48, shifts)), 'doubleBooking')).toEqual([]);
    const next = checkWeek(input({ year: 2026, week: 49 }, shifts));
    expect(ofKind(next, 'doubleBooking').map((warning) => warning.date)).toEqual(['2026-11-30']);
  });

  it('reports every overlapping pair when one shift covers several', () => {
    const long = shift({ staffId: 'd5', officeId: GRONG, date: TUE, kind: 'admin', start: '08:00', end: '16:00' });
    const a = shift({ staffId: 'd5', officeId: GRONG, date: TUE, start: '09:00', end: '10:00' });
    const b = shift({ staffId: 'd5', officeId: GRONG, date: TUE, start: '11:00', end: '12:00' });
    const warnings = ofKind(checkWeek(input(W48, [...staffedWeek(W48), long, a, b])), 'doubleBooking');
    expect(warnings.map((warning) => warning.shiftIds)).toEqual([
      [long.id, a.id],
      [long.id, b.id],
    ]);
  });
});

describe('driving time between offices', () => {
  function travel(extra: ReturnType<typeof shift>[], offices?: RotaOffice[]) {
    return ofKind(checkWeek(input(W48, [...staffedWeek(W48), ...extra], offices ? { offices } : {})), 'travelTime');
  }

  it('accepts exactly the driving minutes and warns one minute below', () => {
    const morning = shift({ staffId: 'd5', officeId: GRONG, date: TUE, start: '08:00', end: '11:00' });
    expect(travel([morning, shift({ staffId: 'd5', officeId: NAMSSKOGAN, date: TUE, start: '11:45', end: '15:30' })])).toEqual([]);
    const tooSoon = shift({ staffId: 'd5', officeId: NAMSSKOGAN, date: TUE, start: '11:44', end: '15:30' });
    const warnings = travel([morning, tooSoon]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      severity: 'warning',
      officeId: NAMSSKOGAN,
      staffIds: ['d5'],
      date: TUE,
      shiftIds: [morning.id, tooSoon.id],
      details: { fromOfficeId: GRONG, toOfficeId: NAMSSKOGAN, gapMinutes: 44, videoMinutes: 0, availableMinutes: 44, drivingMinutes: 45 },
      message:
        'Eirik Solberg tirsdag 24.11.: bare 44 min til kjøring fra Grong legekontor (slutt 11:00) til Namsskogan legekontor (start 11:44), men kjøretiden er 45 min. Flytt en av vaktene eller gjør den ene om til videodekning.',
    });
  });

  it('uses the longest distance correctly (Røyrvik–Lierne 150 min)', () => {
    const morning = shift({ staffId: 'd5', officeId: ROYRVIK, date: TUE, start: '08:00', end: '10:00' });
    expect(travel([morning, shift({ staffId: 'd5', officeId: LIERNE, date: TUE, start: '12:30', end: '15:30' })])).toEqual([]);
    expect(travel([morning, shift({ staffId: 'd5', officeId: LIERNE, date: TUE, start: '12:29', end: '15:30' })])).toHaveLength(1);
  });

  it('needs no travel for video cover', () => {
    const onSite = shift({ staffId: 'd5', officeId: GRONG, date: TUE, start: '08:00', end: '11:00' });
    const video = shift({ staffId: 'd5', officeId: LIERNE, date: TUE, kind: 'video', start: '11:00', end: '12:00' });
    expect(travel([onSite, video])).toEqual([]);
  });

  it('does not count video time inside the gap as driving time', () => {
    const onSite = shift({ staffId: 'd5', officeId: GRONG, date: TUE, start: '08:00', end: '11:00' });
    const video = shift({ staffId: 'd5', officeId: LIERNE, date: TUE, kind: 'video', start: '11:00', end: '11:30' });
    const later = shift({ staffId: 'd5', officeId: NAMSSKOGAN, date: TUE, start: '12:00', end: '15:30' });
    const warnings = travel([onSite, video, later]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.details).toMatchObject({ gapMinutes: 60, videoMinutes: 30, availableMinutes: 30 });
    expect(warnings[0]?.shiftIds).toEqual([onSite.id, later.id]);
    expect(warnings[0]?.message).toContain('når videodekningen imellom er trukket fra');
    // Without the video shift, 60 minutes is enough for 45 minutes of driving.
    expect(travel([onSite, later])).toEqual([]);
  });

  it('needs no travel between shifts at the same office', () => {
    const a = shift({ staffId: 'd5', officeId: GRONG, date: TUE, start: '08:00', end: '11:00' });
    const b = shift({ staffId: 'd5', officeId: GRONG, date: TUE, kind: 'admin', start: '11:00', end: '12:00' });
    expect(travel([a, b])).toEqual([]);
  });

  it('checks travel after an overnight legevakt into the next morning', () => {
    const legevakt = shift({ staffId: 'd5', officeId: GRONG, date: MON, kind: 'legevakt', start: '22:00', end: '08:00' });
    const clinic = shift({ staffId: 'd5', officeId: LIERNE, date: TUE, start: '09:00', end: '15:30' });
    const warnings = travel([legevakt, clinic]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ date: TUE, details: { gapMinutes: 60, drivingMinutes: 90 } });
  });

  it('uses the other direction when only one office has the distance, and skips unknown distances', () => {
    const a = shift({ staffId: 'd5', officeId: GRONG, date: TUE, start: '08:00', end: '11:00' });
    const b = shift({ staffId: 'd5', officeId: NAMSSKOGAN, date: TUE, start: '11:30', end: '15:30' });
    const oneWay = OFFICES.map((office) => (office.id === GRONG ? { ...office, drivingMinutes: {} } : office));
    expect(travel([a, b], oneWay)).toHaveLength(1);
    const none = OFFICES.map((office) => ({ ...office, drivingMinutes: {} }));
    expect(travel([a, b], none)).toEqual([]);
  });

  it('leaves overlapping shifts at different offices to the double-booking rule', () => {
    const a = shift({ staffId: 'd5', officeId: GRONG, date: TUE, start: '08:00', end: '12:00' });
    const b = shift({ staffId: 'd5', officeId: LIERNE, date: TUE, start: '11:00', end: '15:30' });
    const warnings = checkWeek(input(W48, [...staffedWeek(W48), a, b]));
    expect(kinds(warnings)).toEqual(['doubleBooking']);
  });
});

describe('rest between shifts', () => {
  function rest(extra: ReturnType<typeof shift>[], week = W48) {
    return ofKind(checkWeek(input(week, extra)), 'rest');
  }

  it('accepts exactly 11 hours and warns below', () => {
    const evening = shift({ staffId: 'd5', officeId: GRONG, date: MON, kind: 'legevakt', start: '15:30', end: '21:00' });
    expect(rest([evening, shift({ staffId: 'd5', officeId: GRONG, date: TUE })])).toEqual([]);
    const late = shift({ staffId: 'd5', officeId: GRONG, date: MON, kind: 'legevakt', start: '15:30', end: '21:01' });
    const next = shift({ staffId: 'd5', officeId: GRONG, date: TUE });
    const warnings = rest([late, next]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      id: `rest:${late.id}:${next.id}`,
      severity: 'warning',
      officeId: GRONG,
      staffIds: ['d5'],
      date: TUE,
      shiftIds: [late.id, next.id],
      details: { restMinutes: 659, minRestMinutes: 660 },
    });
  });

  it('names the previous shift end with its date when it ended on another day', () => {
    const late = shift({ staffId: 'd5', officeId: GRONG, date: MON, kind: 'legevakt', start: '16:00', end: '23:30' });
    const next = shift({ staffId: 'd5', officeId: LIERNE, date: TUE });
    expect(rest([late, next])[0]?.message).toBe(
      'Eirik Solberg tirsdag 24.11.: bare 8 t 30 min hvile mellom legevakt ved Grong legekontor (slutt 23:30 mandag 23.11.) og klinikk ved Lierne legekontor (start 08:00), minst 11 t kreves. Flytt eller kort ned en av vaktene.',
    );
  });

  it('warns about clinic straight after an overnight legevakt', () => {
    const legevakt = shift({ staffId: 'd5', officeId: GRONG, date: MON, kind: 'legevakt', start: '15:30', end: '08:00' });
    const clinic = shift({ staffId: 'd5', officeId: GRONG, date: TUE });
    const warnings = rest([legevakt, clinic]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.details.restMinutes).toBe(0);
    expect(warnings[0]?.message).toContain('(slutt 08:00)');
  });

  it('treats shifts on the same date as one split day', () => {
    const morning = shift({ staffId: 'd5', officeId: GRONG, date: MON, start: '08:00', end: '11:00' });
    const afternoon = shift({ staffId: 'd5', officeId: GRONG, date: MON, start: '13:00', end: '15:30' });
    expect(rest([morning, afternoon])).toEqual([]);
  });

  it('measures rest from the latest-ending earlier shift', () => {
    const legevakt = shift({ staffId: 'd5', officeId: GRONG, date: MON, kind: 'legevakt', start: '16:00', end: '23:00' });
    const admin = shift({ staffId: 'd5', officeId: GRONG, date: MON, kind: 'admin', start: '17:00', end: '18:00' });
    const next = shift({ staffId: 'd5', officeId: GRONG, date: TUE, start: '09:00', end: '15:00' });
    const warnings = rest([legevakt, admin, next]);
    expect(warnings.map((warning) => warning.shiftIds)).toEqual([[legevakt.id, next.id]]);
  });

  it('checks rest across the start of the week using the shifts before it', () => {
    const sunday = shift({ staffId: 'd5', officeId: GRONG, date: '2026-11-22', kind: 'legevakt', start: '20:00', end: '23:00' });
    const monday = shift({ staffId: 'd5', officeId: GRONG, date: MON, start: '07:00', end: '15:00' });
    expect(rest([sunday, monday]).map((warning) => warning.date)).toEqual([MON]);
    // A 24-hour legevakt from Saturday still matters on Monday morning.
    const saturday = shift({ staffId: 'd5', officeId: GRONG, date: '2026-11-21', kind: 'legevakt', start: '23:00', end: '23:00' });
    expect(rest([saturday, monday]).map((warning) => warning.details.restMinutes)).toEqual([8 * 60]);
  });

  it('uses real time on the night the clocks go forward (March) and back (October)', () => {
    // 2026-03-28 (Saturday) 21:00 → Sunday 08:00 is 11 wall-clock hours but only 10 real hours.
    const march = [
      shift({ staffId: 'd5', officeId: GRONG, date: '2026-03-28', kind: 'legevakt', start: '15:00', end: '21:00' }),
      shift({ staffId: 'd5', officeId: GRONG, date: '2026-03-29', kind: 'legevakt', start: '08:00', end: '14:00' }),
    ];
    expect(rest(march, { year: 2026, week: 13 }).map((warning) => warning.details.restMinutes)).toEqual([600]);
    // 2026-10-24 22:00 → Sunday 08:00 is 10 wall-clock hours but 11 real hours: fine.
    const october = [
      shift({ staffId: 'd5', officeId: GRONG, date: '2026-10-24', kind: 'legevakt', start: '15:00', end: '22:00' }),
      shift({ staffId: 'd5', officeId: GRONG, date: '2026-10-25', kind: 'legevakt', start: '08:00', end: '14:00' }),
    ];
    expect(rest(october, { year: 2026, week: 43 })).toEqual([]);
  });

  it('honours a configured rest limit', () => {
    const evening = shift({ staffId: 'd5', officeId: GRONG, date: MON, kind: 'legevakt', start: '15:30', end: '21:00' });
    const next = shift({ staffId: 'd5', officeId: GRONG, date: TUE });
    expect(ofKind(checkWeek(input(W48, [evening, next], { limits: { minRestHours: 12 } })), 'rest')).toHaveLength(1);
  });
});

describe('hours per day and week', () => {
  // These cases count legevakt as work hours, as a cooperation may configure; the default leaves it out (tested below).
  function hours(extra: ReturnType<typeof shift>[], week = W48, limits = {}) {
    return checkWeek(input(week, extra, { limits: { legevaktCountsTowardsHours: true, ...limits } })).filter(
      (warning) => warning.kind === 'dayHours' || warning.kind === 'weekHours',
    );
  }

  it('leaves legevakt out of the hour limits by default, but not out of rest', () => {
    const legevakt = shift({ staffId: 'd5', officeId: GRONG, date: WED, kind: 'legevakt', start: '08:00', end: '08:00' });
    const nextMorning = shift({ staffId: 'd5', officeId: GRONG, date: '2026-11-26', start: '08:00', end: '15:30' });
    const kinds = checkWeek(input(W48, [legevakt, nextMorning])).filter((w) => w.staffIds.includes('d5')).map((w) => w.kind);
    expect(kinds).not.toContain('dayHours');
    expect(kinds).toContain('rest');
  });

  it('accepts exactly 9 hours in a day and warns above', () => {
    expect(hours([shift({ staffId: 'd5', officeId: GRONG, date: WED, start: '08:00', end: '17:00' })])).toEqual([]);
    const long = shift({ staffId: 'd5', officeId: GRONG, date: WED, start: '08:00', end: '17:01' });
    const warnings = hours([long]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      kind: 'dayHours',
      id: `dayHours:d5:${WED}`,
      officeId: null,
      date: WED,
      shiftIds: [long.id],
      details: { workedMinutes: 541, limitMinutes: 540 },
      message: 'Eirik Solberg onsdag 25.11.: 9 t 1 min planlagt, mer enn 9 t. Kort ned eller flytt en vakt.',
    });
  });

  it('adds up several shifts on one day, counting overlaps once', () => {
    const clinic = shift({ staffId: 'd5', officeId: GRONG, date: WED, start: '08:00', end: '15:30' });
    const legevakt = shift({ staffId: 'd5', officeId: GRONG, date: WED, kind: 'legevakt', start: '16:00', end: '18:00' });
    expect(hours([clinic, legevakt])[0]?.details).toEqual({ workedMinutes: 570, limitMinutes: 540 });
    const video = shift({ staffId: 'd5', officeId: ROYRVIK, date: WED, kind: 'video', start: '12:00', end: '14:00' });
    expect(hours([clinic, video])).toEqual([]);
  });

  it('counts an overnight shift in full on the date it starts', () => {
    const legevakt = shift({ staffId: 'd5', officeId: GRONG, date: WED, kind: 'legevakt', start: '16:00', end: '08:00' });
    const warnings = hours([legevakt]);
    expect(warnings.map((warning) => [warning.kind, warning.date, warning.details])).toEqual([['dayHours', WED, { workedMinutes: 960, limitMinutes: 540 }]]);
  });

  it('counts real hours on DST nights: 22:00–08:00 is 9 h in March (fine) and 11 h in October (too long)', () => {
    expect(hours([shift({ staffId: 'd5', officeId: GRONG, date: '2026-03-28', kind: 'legevakt', start: '22:00', end: '08:00' })], { year: 2026, week: 13 })).toEqual([]);
    const october = hours([shift({ staffId: 'd5', officeId: GRONG, date: '2026-10-24', kind: 'legevakt', start: '22:00', end: '08:00' })], { year: 2026, week: 43 });
    expect(october.map((warning) => warning.details)).toEqual([{ workedMinutes: 660, limitMinutes: 540 }]);
    expect(october[0]?.message).toContain('11 t planlagt');
  });

  it('accepts exactly 40 hours in a week and warns above, dated when the limit is passed', () => {
    const week = staffedWeek(W48).filter((s) => s.staffId === 'd1'); // 5 × 7 h 30 min = 37 h 30 min
    expect(hours([...week, shift({ staffId: 'd1', officeId: GRONG, date: SAT, kind: 'admin', start: '10:00', end: '12:30' })])).toEqual([]);
    const extra = shift({ staffId: 'd1', officeId: GRONG, date: SAT, kind: 'admin', start: '10:00', end: '12:31' });
    const warnings = hours([...week, extra]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      kind: 'weekHours',
      id: 'weekHours:d1:2026-W48',
      date: SAT,
      staffIds: ['d1'],
      details: { week: W48, workedMinutes: 2401, limitMinutes: 2400 },
      message: 'Astrid Lyng uke 48: 40 t 1 min planlagt, mer enn 40 t. Fjern eller kort ned vakter denne uka.',
    });
    expect(warnings[0]?.shiftIds).toHaveLength(6);
  });

  it('counts a Sunday night shift in the week it starts, and ignores last week', () => {
    const lastSunday = shift({ staffId: 'd5', officeId: GRONG, date: '2026-11-22', kind: 'legevakt', start: '08:00', end: '08:00' });
    expect(hours([lastSunday])).toEqual([]);
    const sunday = shift({ staffId: 'd5', officeId: GRONG, date: SUN, kind: 'legevakt', start: '08:00', end: '08:00' });
    expect(hours([sunday]).map((warning) => warning.kind)).toEqual(['dayHours']);
  });

  it('honours configured limits', () => {
    const clinic = shift({ staffId: 'd5', officeId: GRONG, date: WED, start: '08:00', end: '15:30' });
    expect(hours([clinic], W48, { maxDayHours: 7 }).map((warning) => warning.kind)).toEqual(['dayHours']);
    expect(hours([clinic], W48, { maxWeekHours: 7 }).map((warning) => warning.kind)).toEqual(['weekHours']);
  });
});

describe('shifts during absence', () => {
  it('warns for every shift inside an absence (dates inclusive) and drops the person from cover', () => {
    const holiday = absence({ staffId: 'n3', from: TUE, to: WED });
    const warnings = checkWeek(input(W48, staffedWeek(W48), { absences: [holiday] }));
    const absenceWarnings = ofKind(warnings, 'absence');
    expect(absenceWarnings.map((warning) => warning.date)).toEqual([TUE, WED]);
    expect(absenceWarnings[0]).toMatchObject({
      id: `absence:n3-${TUE}:${holiday.id}`,
      severity: 'error',
      officeId: ROYRVIK,
      staffIds: ['n3'],
      shiftIds: [`n3-${TUE}`],
      details: { absenceId: holiday.id, absenceKind: 'holiday', from: TUE, to: WED },
      message:
        'Ingrid Strand tirsdag 24.11.: har ferie (24.11.–25.11.), men står på klinikk ved Røyrvik legekontor 08:00–15:30. Fjern vakten eller sett opp en annen.',
    });
    expect(ofKind(warnings, 'noNurse').map((warning) => [warning.officeId, warning.date])).toEqual([
      [ROYRVIK, TUE],
      [ROYRVIK, WED],
    ]);
    expect(warnings).toHaveLength(4);
  });

  it('accepts a night shift that ends on the first day of the absence, and shifts after it', () => {
    const sick = absence({ staffId: 'd5', from: TUE, to: TUE, kind: 'sick' });
    const night = shift({ staffId: 'd5', officeId: GRONG, date: MON, kind: 'legevakt', start: '22:00', end: '06:00' });
    const after = shift({ staffId: 'd5', officeId: GRONG, date: WED, kind: 'admin', start: '09:00', end: '10:00' });
    expect(ofKind(checkWeek(input(W48, [night, after], { absences: [sick] })), 'absence')).toEqual([]);
  });

  it('uses the Norwegian name of the absence kind', () => {
    const leave = absence({ staffId: 'd5', from: '2026-11-01', to: '2026-12-31', kind: 'timeOff' });
    const warnings = ofKind(checkWeek(input(W48, [shift({ staffId: 'd5', officeId: GRONG, date: MON, kind: 'admin' })], { absences: [leave] })), 'absence');
    expect(warnings[0]?.message).toContain('har avspasering (01.11.–31.12.)');
  });
});

describe('doctor cover', () => {
  const withoutRoyrvikDoctor = (week = W48) => staffedWeek(week).filter((s) => s.staffId !== 'd3');

  it('counts video cover by a doctor as cover for the office', () => {
    const video = [TUE].map((date) => shift({ staffId: 'd5', officeId: ROYRVIK, date, kind: 'video' }));
    const warnings = checkWeek(input(W48, [...withoutRoyrvikDoctor(), ...video]));
    expect(ofKind(warnings, 'noDoctor').map((warning) => warning.date)).toEqual(['2026-11-23', '2026-11-25', '2026-11-26', '2026-11-27']);
  });

  it('counts a doctor in training (LIS) as a doctor, but not legevakt, nurses on video or secretaries', () => {
    const tuesday = [
      shift({ staffId: 'lis', officeId: ROYRVIK, date: TUE }),
      shift({ staffId: 'd5', officeId: ROYRVIK, date: WED, kind: 'legevakt' }),
      shift({ staffId: 'n5', officeId: ROYRVIK, date: WED, kind: 'video' }),
      shift({ staffId: 'sec', officeId: ROYRVIK, date: WED }),
      shift({ staffId: 'd5', officeId: ROYRVIK, date: '2026-11-26', kind: 'admin' }),
    ];
    const dates = ofKind(checkWeek(input(W48, [...withoutRoyrvikDoctor(), ...tuesday])), 'noDoctor').map((warning) => warning.date);
    expect(dates).toEqual(['2026-11-23', '2026-11-25', '2026-11-26', '2026-11-27']);
  });

  it('reports the uncovered part of the opening hours', () => {
    const shifts = withoutRoyrvikDoctor().filter((s) => s.date === TUE || s.officeId !== ROYRVIK || s.staffId !== 'd3');
    const morning = shift({ staffId: 'd5', officeId: ROYRVIK, date: TUE, start: '08:00', end: '12:00' });
    const video = shift({ staffId: 'd1', officeId: ROYRVIK, date: TUE, kind: 'video', start: '16:00', end: '17:00' });
    const gap = ofKind(checkWeek(input(W48, [...shifts, morning, video])), 'doctorGap');
    expect(gap).toHaveLength(1);
    expect(gap[0]).toMatchObject({
      id: `doctorGap:${ROYRVIK}:${TUE}`,
      severity: 'warning',
      staffIds: ['d5'],
      shiftIds: [morning.id],
      details: { open: '08:00', close: '15:30', uncovered: [{ start: '12:00', end: '15:30' }] },
      message: 'Røyrvik legekontor tirsdag 24.11.: ingen lege på kontoret eller på video 12:00–15:30. Sett opp en lege eller videodekning for dette tidsrommet.',
    });
  });

  it('lists several gaps and ignores gaps up to the configured tolerance', () => {
    const shifts = [
      shift({ staffId: 'd5', officeId: ROYRVIK, date: TUE, start: '08:15', end: '11:30' }),
      shift({ staffId: 'd5', officeId: ROYRVIK, date: TUE, start: '12:00', end: '15:30' }),
      shift({ staffId: 'n3', officeId: ROYRVIK, date: TUE }),
    ];
    const week = { ...input(W48, shifts) };
    const strict = ofKind(checkWeek(week), 'doctorGap').filter((warning) => warning.date === TUE && warning.officeId === ROYRVIK);
    expect(strict[0]?.details.uncovered).toEqual([
      { start: '08:00', end: '08:15' },
      { start: '11:30', end: '12:00' },
    ]);
    expect(strict[0]?.message).toContain('08:00–08:15 og 11:30–12:00');
    const tolerant = checkWeek({ ...week, limits: { coverageGapToleranceMinutes: 15 } }).filter((warning) => warning.kind === 'doctorGap' && warning.date === TUE);
    expect(tolerant.map((warning) => warning.details)).toEqual([{ open: '08:00', close: '15:30', uncovered: [{ start: '11:30', end: '12:00' }] }]);
    const lenient = checkWeek({ ...week, limits: { coverageGapToleranceMinutes: 30 } }).filter((warning) => warning.kind === 'doctorGap' && warning.date === TUE);
    expect(lenient).toEqual([]);
  });

  it('treats a doctor only outside opening hours as no doctor', () => {
    const evening = shift({ staffId: 'd5', officeId: ROYRVIK, date: TUE, start: '15:30', end: '20:00' });
    const dates = ofKind(checkWeek(input(W48, [...withoutRoyrvikDoctor(), evening])), 'noDoctor').map((warning) => warning.date);
    expect(dates).toContain(TUE);
  });

  it('does not count a doctor who is absent that day', () => {
    const away = absence({ staffId: 'd3', from: TUE, to: TUE, kind: 'course' });
    const warnings = checkWeek(input(W48, staffedWeek(W48), { absences: [away] }));
    expect(kinds(warnings).sort()).toEqual(['absence', 'noDoctor']);
  });

  it('follows each office’s own opening hours (closed days, Saturday opening)', () => {
    const saturdayOpen: RotaOffice[] = OFFICES.map((office) =>
      office.id === LIERNE ? { ...office, openingHours: { ...office.openingHours, '3': null, '6': { open: '10:00', close: '14:00' } } } : office,
    );
    const warnings = checkWeek(input(W48, staffedWeek(W48).filter((s) => !(s.officeId === LIERNE && s.date === WED)), { offices: saturdayOpen }));
    expect(warnings.map((warning) => [warning.kind, warning.officeId, warning.date, warning.kind === 'noDoctor' ? warning.details : null])).toEqual([
      ['noDoctor', LIERNE, SAT, { open: '10:00', close: '14:00' }],
      ['noNurse', LIERNE, SAT, null],
    ]);
  });
});

describe('nurse on duty', () => {
  it('warns when no nurse works an open day, and reports partial gaps', () => {
    const shifts = staffedWeek(W48).filter((s) => !(s.staffId === 'n2' && (s.date === MON || s.date === TUE)));
    shifts.push(shift({ staffId: 'n5', officeId: NAMSSKOGAN, date: TUE, start: '08:00', end: '14:00' }));
    const warnings = checkWeek(input(W48, shifts));
    expect(warnings.map((warning) => [warning.kind, warning.date])).toEqual([
      ['noNurse', MON],
      ['nurseGap', TUE],
    ]);
    expect(warnings[0]?.message).toBe('Namsskogan legekontor mandag 23.11.: ingen sykepleier på vakt. Sett opp en sykepleier.');
    expect(warnings[1]).toMatchObject({ severity: 'warning', staffIds: ['n5'], details: { uncovered: [{ start: '14:00', end: '15:30' }] } });
    expect(warnings[1]?.message).toBe('Namsskogan legekontor tirsdag 24.11.: ingen sykepleier på vakt 14:00–15:30. Sett opp en sykepleier for dette tidsrommet.');
  });

  it('only counts nurses on clinic shifts (not video, admin or legevakt)', () => {
    const shifts = staffedWeek(W48).filter((s) => !(s.staffId === 'n2' && s.date === MON));
    shifts.push(shift({ staffId: 'n5', officeId: NAMSSKOGAN, date: MON, kind: 'video' }));
    shifts.push(shift({ staffId: 'n2', officeId: NAMSSKOGAN, date: MON, kind: 'admin', start: '08:00', end: '09:00' }));
    expect(kinds(checkWeek(input(W48, shifts)))).toEqual(['noNurse']);
  });
});

describe('emergency-competent nurse', () => {
  it('is skipped without a competence lookup', () => {
    expect(checkWeek(input(W48, staffedWeek(W48)))).toEqual([]);
  });

  it('warns when the nurses on duty lack emergency competence that day', () => {
    const isEmergencyNurse = (staffId: string, date: string) => staffId !== 'n3' && !(staffId === 'n1' && date === WED);
    const warnings = checkWeek(input(W48, staffedWeek(W48), { isEmergencyNurse }));
    expect(warnings.every((warning) => warning.kind === 'noEmergencyNurse')).toBe(true);
    expect(warnings.map((warning) => [warning.officeId, warning.date])).toEqual([
      [ROYRVIK, MON],
      [ROYRVIK, TUE],
      [GRONG, WED],
      [ROYRVIK, WED],
      [ROYRVIK, '2026-11-26'],
      [ROYRVIK, '2026-11-27'],
    ]);
    expect(warnings[0]).toMatchObject({
      severity: 'warning',
      staffIds: ['n3'],
      shiftIds: [`n3-${MON}`],
      details: { nurseIds: ['n3'] },
      message:
        'Røyrvik legekontor mandag 23.11.: ingen sykepleier med akuttmedisinsk kompetanse på vakt (på vakt: Ingrid Strand). Sett opp en akuttsykepleier eller oppdater kompetanseregisteret.',
    });
  });

  it('is satisfied by one emergency nurse among several', () => {
    const isEmergencyNurse = (staffId: string) => staffId === 'n5' || (staffId !== 'n3');
    const shifts = [...staffedWeek(W48), ...['2026-11-23', TUE, WED, '2026-11-26', '2026-11-27'].map((date) => shift({ staffId: 'n5', officeId: ROYRVIK, date, start: '10:00', end: '12:00' }))];
    expect(checkWeek(input(W48, shifts, { isEmergencyNurse }))).toEqual([]);
  });

  it('does not add an emergency warning when there is no nurse at all', () => {
    const shifts = staffedWeek(W48).filter((s) => !(s.staffId === 'n3' && s.date === MON));
    const warnings = checkWeek(input(W48, shifts, { isEmergencyNurse: () => true }));
    expect(kinds(warnings)).toEqual(['noNurse']);
  });
});

describe('public holidays', () => {
  const W20 = { year: 2026, week: 20 }; // Mon 11.05.2026 – Sun 17.05.2026; Thursday 14.05. is Ascension Day, Sunday 17.05. Constitution Day
  const ASCENSION = '2026-05-14';

  it('treats offices as closed: no cover warnings on a holiday', () => {
    const warnings = checkWeek(input(W20, staffedWeek(W20, [ASCENSION])));
    expect(warnings).toEqual([]);
  });

  it('warns once per office when shifts are planned on a holiday, naming the people', () => {
    const warnings = checkWeek(input(W20, staffedWeek(W20)));
    expect(warnings.map((warning) => [warning.kind, warning.officeId, warning.date])).toEqual(
      OFFICES.map((office) => ['publicHolidayShift', office.id, ASCENSION]).sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
    const grong = warnings.find((warning) => warning.officeId === GRONG);
    expect(grong).toMatchObject({
      id: `publicHolidayShift:${GRONG}:${ASCENSION}`,
      severity: 'warning',
      staffIds: ['d1', 'n1'],
      shiftIds: [`d1-${ASCENSION}`, `n1-${ASCENSION}`],
      details: { holidayKey: 'ascensionDay', holidayName: 'Kristi himmelfartsdag' },
      message:
        'Grong legekontor torsdag 14.05. (Kristi himmelfartsdag): kontoret er normalt stengt på helligdager, men Astrid Lyng og Gunn Berg har vakter. Fjern vaktene hvis kontoret ikke skal holde åpent.',
    });
  });

  it('lets legevakt run on holidays without a warning', () => {
    const legevakt = shift({ staffId: 'd5', officeId: GRONG, date: '2026-05-17', kind: 'legevakt', start: '08:00', end: '16:00' });
    expect(checkWeek(input(W20, [...staffedWeek(W20, [ASCENSION]), legevakt]))).toEqual([]);
    const video = shift({ staffId: 'd5', officeId: GRONG, date: '2026-05-17', kind: 'video', start: '10:00', end: '12:00' });
    const warnings = checkWeek(input(W20, [...staffedWeek(W20, [ASCENSION]), video]));
    expect(warnings.map((warning) => warning.message)).toEqual([
      'Grong legekontor søndag 17.05. (Grunnlovsdag): kontoret er normalt stengt på helligdager, men Eirik Solberg har vakt. Fjern vakten hvis kontoret ikke skal holde åpent.',
    ]);
  });

  it('handles ISO week 53 of 2026 with New Year’s Day on Friday 1 January 2027', () => {
    const W53 = { year: 2026, week: 53 };
    expect(checkWeek(input(W53, staffedWeek(W53, ['2027-01-01'])))).toEqual([]);
    const empty = checkWeek(input(W53, []));
    expect(new Set(empty.map((warning) => warning.date))).toEqual(new Set(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']));
  });

  it('uses holidays passed in instead of computing them', () => {
    const warnings = checkWeek(input(W20, staffedWeek(W20, [ASCENSION]), { publicHolidays: [] }));
    expect(ofKind(warnings, 'noDoctor').map((warning) => warning.date)).toEqual([ASCENSION, ASCENSION, ASCENSION, ASCENSION]);
  });
});

describe('names and robustness', () => {
  it('falls back to neutral names for unknown people and offices', () => {
    const a = shift({ staffId: 'ghost', officeId: 'nowhere', date: MON, start: '08:00', end: '12:00' });
    const b = shift({ staffId: 'ghost', officeId: 'nowhere', date: MON, start: '11:00', end: '13:00' });
    const warnings = ofKind(checkWeek(input(W48, [...staffedWeek(W48), a, b])), 'doubleBooking');
    expect(warnings[0]?.message).toBe(
      'Ukjent person mandag 23.11.: står på klinikk ved Ukjent kontor 08:00–12:00 og klinikk ved Ukjent kontor 11:00–13:00 samtidig. Flytt eller fjern en av vaktene.',
    );
  });

  it('every warning carries a one-line Norwegian message with a date and a fix', () => {
    const shifts = [
      ...staffedWeek(W48, [WED]),
      shift({ staffId: 'd1', officeId: LIERNE, date: MON, kind: 'video', start: '09:00', end: '10:00' }),
      shift({ staffId: 'd5', officeId: GRONG, date: TUE, kind: 'legevakt', start: '16:00', end: '08:00' }),
      shift({ staffId: 'd5', officeId: LIERNE, date: '2026-11-25', start: '08:00', end: '15:30' }),
    ];
    const warnings = checkWeek(input(W48, shifts, { absences: [absence({ staffId: 'n1', from: MON, to: MON })], isEmergencyNurse: () => false }));
    expect(new Set(kinds(warnings)).size).toBeGreaterThanOrEqual(7);
    for (const warning of warnings) {
      expect(warning.message).not.toContain('\n');
      expect(warning.message).toMatch(/\d\d\.\d\d\.|uke \d+/);
      expect(warning.message.endsWith('.')).toBe(true);
      expect(warning.message).toMatch(/\. (Sett|Flytt|Fjern|Kort)/);
    }
  });
});
