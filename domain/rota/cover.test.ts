// Tests for "Hvem kan dekke?": rest, travel from base and from an earlier shift, video, day and week hours, competence, absences, ranking and the exact warning prediction (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../calendar/dates';
import { checkWeek } from './rules';
import { COVER_SHIFT_ID, eligibleForShift, gapFromShift, gapFromWarning, rankCoverCandidates, weeksAffected } from './cover';
import type { CoverCandidate, CoverGap, CoverStaff, DutyCompetenceCheck, RankCoverInput } from './cover';
import { GRONG, LIERNE, NAMSSKOGAN, OFFICES, ROYRVIK, STAFF, absence, shift, staffedWeek } from './testFixtures';
import type { Absence, Shift } from './types';
import { SHIFT_KINDS } from './types';
import type { RotaWarning } from './warnings';

const W48 = { year: 2026, week: 48 }; // Mon 23.11.2026 – Sun 29.11.2026
const MON = '2026-11-23';
const WED = '2026-11-25';
const THU = '2026-11-26';

const BASES: Record<string, string | null> = {
  d1: GRONG,
  d2: NAMSSKOGAN,
  d3: ROYRVIK,
  d4: LIERNE,
  d5: GRONG,
  lis: GRONG,
  n1: GRONG,
  n2: NAMSSKOGAN,
  n3: ROYRVIK,
  n4: LIERNE,
  n5: NAMSSKOGAN,
  sec: GRONG,
};
const COVER_STAFF: CoverStaff[] = STAFF.map((member) => ({ ...member, baseOfficeId: BASES[member.id] ?? null, active: true }));

/** The staffed week without Namsskogan's doctor on Thursday (d2 is then free). */
function weekWithoutNamsskoganDoctor(): Shift[] {
  return staffedWeek(W48).filter((item) => !(item.staffId === 'd2' && item.date === THU));
}

function rank(shifts: Shift[], gap: CoverGap, extra: Partial<RankCoverInput> = {}): CoverCandidate[] {
  return rankCoverCandidates({ offices: OFFICES, staff: COVER_STAFF, shifts, absences: [], gap, ...extra });
}

function find(list: CoverCandidate[], staffId: string, mode: CoverCandidate['mode'] = 'onSite'): CoverCandidate {
  const found = list.find((item) => item.staffId === staffId && item.mode === mode);
  if (!found) throw new Error(`no candidate ${staffId} ${mode}`);
  return found;
}

const thursdayDoctorGap: CoverGap = { officeId: NAMSSKOGAN, date: THU, start: '08:00', end: '15:30', need: 'doctor' };

describe('rankCoverCandidates', () => {
  it('turns a noDoctor warning into a gap and offers the free doctors, video first, with no new warnings', () => {
    const shifts = weekWithoutNamsskoganDoctor();
    const warning = checkWeek({ week: W48, offices: OFFICES, staff: STAFF, shifts, absences: [] }).find((item) => item.kind === 'noDoctor');
    expect(warning).toBeDefined();
    const gap = gapFromWarning(warning as RotaWarning);
    expect(gap).toEqual(thursdayDoctorGap);
    const list = rank(shifts, gap as CoverGap);
    // Only doctors and LIS; nurses and the secretary are not candidates.
    expect(new Set(list.map((item) => item.staffId))).toEqual(new Set(['d1', 'd2', 'd3', 'd4', 'd5', 'lis']));
    const top = list.slice(0, 3).map((item) => `${item.staffId}:${item.mode}`);
    // d5 and lis have no other shifts (fewer week hours than d2, who works the other four days); both by video (no travel).
    expect(top).toEqual(['d5:video', 'lis:video', 'd2:onSite']);
    const d5 = find(list, 'd5', 'video');
    expect(d5.warnings).toEqual([]);
    expect(d5.resolves).toEqual([`noDoctor:${NAMSSKOGAN}:${THU}`]);
    expect(d5.shift).toMatchObject({ id: COVER_SHIFT_ID, staffId: 'd5', officeId: NAMSSKOGAN, kind: 'video', date: THU, start: '08:00', end: '15:30' });
    expect(d5.facts).toMatchObject({ freeThatDay: true, travel: null, videoFromOfficeId: GRONG, dayMinutes: 450, weekMinutes: 450, restMinutes: null });
    expect(find(list, 'd2').facts.travel).toEqual({ from: 'base', fromOfficeId: NAMSSKOGAN, minutes: 0 });
    expect(find(list, 'd2').facts.weekMinutes).toBe(5 * 450);
  });

  it('lists doctors already working at the time last, as busy, with the double booking they would cause', () => {
    const list = rank(weekWithoutNamsskoganDoctor(), thursdayDoctorGap);
    const d1 = find(list, 'd1', 'video');
    expect(d1.blockers).toEqual([{ code: 'busy', shiftIds: [`d1-${THU}`] }]);
    expect(d1.facts.freeThatDay).toBe(false);
    expect(d1.warnings.map((item) => item.kind)).toEqual(['doubleBooking']);
    const firstBlocked = list.findIndex((item) => item.blockers.length > 0);
    expect(list.slice(firstBlocked).every((item) => item.blockers.length > 0)).toBe(true);
  });

  it('travel from base: on site from Grong to Namsskogan is 45 min, and ranks after the same person by video', () => {
    const list = rank(weekWithoutNamsskoganDoctor(), thursdayDoctorGap);
    const onSite = find(list, 'd5', 'onSite');
    expect(onSite.facts.travel).toEqual({ from: 'base', fromOfficeId: GRONG, minutes: 45 });
    expect(list.indexOf(onSite)).toBeGreaterThan(list.indexOf(find(list, 'd5', 'video')));
  });

  it('travel from an earlier shift that day: the office of that shift, and a travelTime warning when the gap is too short', () => {
    const shifts = [
      ...weekWithoutNamsskoganDoctor().filter((item) => item.date !== THU || !['d1', 'd4'].includes(item.staffId)),
      shift({ id: 'd1-morning', staffId: 'd1', officeId: GRONG, date: THU, start: '08:00', end: '11:00' }),
      shift({ id: 'd4-morning', staffId: 'd4', officeId: LIERNE, date: THU, start: '08:00', end: '11:30' }),
      shift({ id: 'd2-morning', staffId: 'd2', officeId: NAMSSKOGAN, date: THU, start: '08:00', end: '12:00' }),
    ];
    const gap: CoverGap = { officeId: NAMSSKOGAN, date: THU, start: '12:00', end: '15:30', need: 'doctor' };
    const list = rank(shifts, gap);
    const d1 = find(list, 'd1');
    expect(d1.facts.travel).toEqual({ from: 'previousShift', fromOfficeId: GRONG, minutes: 45 });
    expect(d1.warnings).toEqual([]);
    expect(d1.facts.freeThatDay).toBe(false);
    const d4 = find(list, 'd4');
    expect(d4.facts.travel).toEqual({ from: 'previousShift', fromOfficeId: LIERNE, minutes: 130 });
    expect(d4.warnings.map((item) => item.kind)).toEqual(['travelTime']);
    expect(d4.warnings[0]?.details).toMatchObject({ availableMinutes: 30, drivingMinutes: 130 });
    expect(list.indexOf(d4)).toBeGreaterThan(list.indexOf(d1));
  });

  it('rest: a late legevakt the evening before shows the rest kept and predicts the rest warning', () => {
    const shifts = [...weekWithoutNamsskoganDoctor(), shift({ id: 'd5-lv', staffId: 'd5', officeId: GRONG, date: WED, start: '16:00', end: '23:30', kind: 'legevakt' })];
    const list = rank(shifts, thursdayDoctorGap);
    const d5 = find(list, 'd5', 'video');
    expect(d5.facts.restMinutes).toBe(8 * 60 + 30);
    expect(d5.facts.minRestMinutes).toBe(660);
    expect(d5.warnings.map((item) => item.kind)).toEqual(['rest']);
    expect(d5.warnings[0]?.details).toEqual({ restMinutes: 510, minRestMinutes: 660 });
    // Someone without the rest problem comes first.
    expect(list[0]?.staffId).toBe('lis');
  });

  it('day and week hours: counted with the new shift, and the warnings predicted when over the limits', () => {
    const early = shift({ id: 'lis-early', staffId: 'lis', officeId: NAMSSKOGAN, date: THU, start: '06:00', end: '07:45', kind: 'admin' });
    const long = [MON, '2026-11-24', WED].map((date) => shift({ staffId: 'd5', officeId: GRONG, date, start: '07:00', end: '18:00', kind: 'admin' }));
    const list = rank([...weekWithoutNamsskoganDoctor(), early, ...long], thursdayDoctorGap);
    const lis = find(list, 'lis', 'video');
    expect(lis.facts.dayMinutes).toBe(105 + 450);
    expect(lis.warnings.map((item) => item.kind)).toEqual(['dayHours']);
    const d5 = find(list, 'd5', 'video');
    expect(d5.facts.weekMinutes).toBe(3 * 660 + 450);
    // 33 h before; 40 h 30 min after: the weekHours warning is new (and the three long days were already warned about).
    expect(d5.warnings.map((item) => item.kind)).toEqual(['weekHours']);
    expect(list[0]?.staffId).toBe('d2');
  });

  it('absences: an absent person is listed last with the absence, never first', () => {
    const absences: Absence[] = [absence({ id: 'away', staffId: 'd5', from: WED, to: '2026-11-27', kind: 'sick' })];
    const list = rank(weekWithoutNamsskoganDoctor(), thursdayDoctorGap, { absences });
    const d5 = find(list, 'd5', 'video');
    expect(d5.blockers).toEqual([{ code: 'absent', absenceId: 'away', from: WED, to: '2026-11-27' }]);
    expect(d5.facts.freeThatDay).toBe(false);
    expect(d5.warnings.map((item) => item.kind)).toEqual(['absence']);
    expect(list[0]?.staffId).toBe('lis');
    expect(eligibleForShift({ offices: OFFICES, staff: COVER_STAFF, shifts: weekWithoutNamsskoganDoctor(), absences, gap: thursdayDoctorGap }, 'd5')).toBeNull();
  });

  it('competence: an emergency nurse whose course expired before the date is blocked; one valid on the date is offered', () => {
    const shifts = staffedWeek(W48).filter((item) => !(item.staffId === 'n2' && item.date === THU));
    const expiresOn: Record<string, LocalDate> = { n2: '2026-11-26', n5: '2026-11-25' };
    const dutyCompetence: DutyCompetenceCheck = (staffId, duty, date) => {
      const last = expiresOn[staffId];
      if (duty !== 'emergencyNurse') return { qualified: false, reasons: [{ code: 'noRequirements', message: 'ingen krav' }] };
      if (!last) return { qualified: false, reasons: [{ code: 'competenceMissing', message: 'Akuttmedisinkurs mangler' }] };
      return date <= last ? { qualified: true, reasons: [] } : { qualified: false, reasons: [{ code: 'competenceExpired', message: `Akuttmedisinkurs utløp ${last}` }] };
    };
    const isEmergencyNurse = (staffId: string, date: LocalDate) => dutyCompetence(staffId, 'emergencyNurse', date).qualified;
    const gap: CoverGap = { officeId: NAMSSKOGAN, date: THU, start: '08:00', end: '15:30', need: 'emergencyNurse' };
    const list = rank(shifts, gap, { dutyCompetence, isEmergencyNurse });
    expect(new Set(list.map((item) => item.staffId))).toEqual(new Set(['n1', 'n2', 'n3', 'n4', 'n5']));
    const n2 = find(list, 'n2');
    expect(n2.facts.competence).toEqual({ duty: 'emergencyNurse', valid: true, messages: [] });
    expect(n2.blockers).toEqual([]);
    expect(list[0]?.staffId).toBe('n2');
    const n5 = find(list, 'n5');
    expect(n5.facts.competence).toEqual({ duty: 'emergencyNurse', valid: false, messages: ['Akuttmedisinkurs utløp 2026-11-25'] });
    expect(n5.blockers).toEqual([{ code: 'competence', duty: 'emergencyNurse', messages: ['Akuttmedisinkurs utløp 2026-11-25'] }]);
    // The same nurse on the day her course was still valid is offered.
    const wednesday = rank(staffedWeek(W48).filter((item) => !(item.staffId === 'n2' && item.date === WED)), { ...gap, date: WED }, { dutyCompetence, isEmergencyNurse });
    expect(find(wednesday, 'n5').blockers).toEqual([]);
  });

  it('legevakt needs the legevakt competence; a missing one blocks', () => {
    const dutyCompetence: DutyCompetenceCheck = (staffId, duty) =>
      duty === 'legevakt' && staffId !== 'd5' ? { qualified: true, reasons: [] } : { qualified: false, reasons: [{ code: 'competenceMissing', message: 'Vold- og overgrepskurs mangler' }] };
    const gap: CoverGap = { officeId: GRONG, date: THU, start: '16:00', end: '23:00', need: 'doctor', kind: 'legevakt' };
    const list = rank(staffedWeek(W48), gap, { dutyCompetence });
    expect(list.every((item) => item.mode === 'onSite' && item.shift.kind === 'legevakt')).toBe(true);
    expect(find(list, 'd5').blockers).toEqual([{ code: 'competence', duty: 'legevakt', messages: ['Vold- og overgrepskurs mangler'] }]);
    expect(find(list, 'lis').blockers).toEqual([]);
  });

  it('taking over a shift: same id, its person left out, and the warnings of the handover predicted', () => {
    const shifts = staffedWeek(W48);
    const existing = shifts.find((item) => item.staffId === 'd2' && item.date === THU) as Shift;
    const gap = gapFromShift(existing, 'doctor');
    expect(gap).toMatchObject({ need: 'doctor', kind: 'clinic', replacesShiftId: existing.id });
    const list = rank(shifts, gap as CoverGap);
    expect(list.some((item) => item.staffId === 'd2')).toBe(false);
    const d5 = find(list, 'd5', 'video');
    expect(d5.shift.id).toBe(existing.id);
    expect(d5.warnings).toEqual([]);
    expect(d5.resolves).toEqual([]);
    expect(gapFromShift(existing, 'secretary')).toBeNull();
  });

  it('eligibleForShift gives the best bookable option of one person', () => {
    const input = { offices: OFFICES, staff: COVER_STAFF, shifts: weekWithoutNamsskoganDoctor(), absences: [], gap: thursdayDoctorGap };
    expect(eligibleForShift(input, 'd5')?.mode).toBe('video');
    expect(eligibleForShift(input, 'd1')).toBeNull();
    expect(eligibleForShift(input, 'n1')).toBeNull();
  });

  it('leaves out inactive people', () => {
    const staff = COVER_STAFF.map((member) => (member.id === 'd5' ? { ...member, active: false } : member));
    const list = rankCoverCandidates({ offices: OFFICES, staff, shifts: weekWithoutNamsskoganDoctor(), absences: [], gap: thursdayDoctorGap });
    expect(list.some((item) => item.staffId === 'd5')).toBe(false);
  });
});

describe('prediction (property)', () => {
  const staffIds = STAFF.map((member) => member.id);
  const officeIds = OFFICES.map((office) => office.id);
  const dates: LocalDate[] = ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01'];
  const gapDates = dates.slice(3, 10);
  const starts = ['06:00', '08:00', '11:00', '12:00', '16:00', '22:00'] as const;
  const ends = ['08:00', '11:00', '12:30', '15:30', '20:00', '23:30'] as const;
  const shiftArb = fc.record({
    staffId: fc.constantFrom(...staffIds),
    officeId: fc.constantFrom(...officeIds),
    date: fc.constantFrom(...dates),
    start: fc.constantFrom(...starts),
    end: fc.constantFrom(...ends),
    kind: fc.constantFrom(...SHIFT_KINDS),
  });
  const absenceArb = fc.record({ staffId: fc.constantFrom(...staffIds), from: fc.constantFrom(...dates), length: fc.integer({ min: 0, max: 3 }) });
  const gapArb = fc.record({
    officeId: fc.constantFrom(...officeIds),
    date: fc.constantFrom(...gapDates),
    start: fc.constantFrom(...starts),
    end: fc.constantFrom(...ends),
    need: fc.constantFrom('doctor' as const, 'nurse' as const, 'emergencyNurse' as const),
    kind: fc.constantFrom(undefined, 'clinic' as const, 'legevakt' as const, 'video' as const),
    replace: fc.option(fc.nat(), { nil: undefined }),
  });

  function keyOf(warning: RotaWarning): string {
    return `${warning.id}\u0000${warning.message}\u0000${warning.shiftIds.join(',')}\u0000${JSON.stringify(warning.details)}`;
  }

  it('booking any suggested candidate on the whole rota gives exactly the predicted new warnings and removes the predicted ones', () => {
    fc.assert(
      fc.property(fc.array(shiftArb, { maxLength: 30 }), fc.array(absenceArb, { maxLength: 3 }), gapArb, fc.boolean(), (rawShifts, rawAbsences, rawGap, withEmergency) => {
        const shifts: Shift[] = [...staffedWeek(W48, [THU]), ...rawShifts.map((fields, index) => ({ id: `r${String(index).padStart(3, '0')}`, note: null, patternId: null, ...fields }))];
        const absences: Absence[] = rawAbsences.map((fields, index) => ({ id: `a${index}`, staffId: fields.staffId, from: fields.from, to: dates[Math.min(dates.indexOf(fields.from) + fields.length, dates.length - 1)] as LocalDate, kind: 'holiday', note: null }));
        const nurseProfessions = new Map(STAFF.map((member) => [member.id, member.profession]));
        let gap: CoverGap = { officeId: rawGap.officeId, date: rawGap.date, start: rawGap.start, end: rawGap.end, need: rawGap.need, ...(rawGap.kind ? { kind: rawGap.kind } : {}) };
        if (rawGap.replace !== undefined) {
          const target = shifts[rawGap.replace % shifts.length] as Shift;
          const fromShift = gapFromShift(target, nurseProfessions.get(target.staffId) ?? 'other');
          if (fromShift && gapDates.includes(target.date)) gap = fromShift;
        }
        const isEmergencyNurse = withEmergency ? (staffId: string, date: LocalDate) => (staffId === 'n1' || staffId === 'n3') && date !== WED : undefined;
        const input: RankCoverInput = { offices: OFFICES, staff: COVER_STAFF, shifts, absences, gap, ...(isEmergencyNurse ? { isEmergencyNurse } : {}) };
        const full = (list: Shift[]) =>
          weeksAffected(gap.date).flatMap((week) => checkWeek({ week, offices: OFFICES, staff: STAFF, shifts: list, absences, ...(isEmergencyNurse ? { isEmergencyNurse } : {}) }));
        const before = full(shifts);
        const beforeKeys = new Set(before.map(keyOf));
        for (const candidate of rankCoverCandidates(input)) {
          const after = full([...shifts.filter((item) => item.id !== candidate.shift.id), candidate.shift]);
          expect(candidate.warnings).toEqual(after.filter((warning) => !beforeKeys.has(keyOf(warning))));
          const afterIds = new Set(after.map((warning) => warning.id));
          expect(candidate.resolves).toEqual([...new Set(before.filter((warning) => !afterIds.has(warning.id)).map((warning) => warning.id))]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
