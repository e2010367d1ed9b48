// Tests for rota.coverCandidates and rota.bookCover on the example data: a Thursday without a doctor covered by video from Grong, a handed-over shift, a refused booking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar/dates';
import { addIsoWeeks, isoWeekDates, isoWeekOf } from '../../domain/calendar/isoWeek';
import { osloToday } from '../../domain/calendar/oslo';
import type { CoverCandidate, CoverGap } from '../../domain/rota/cover';
import { openExampleBackend } from '../../test/helpers/example-backend';
import type { ExampleBackend } from '../../test/helpers/example-backend';

interface Week {
  shifts: { id: string; staffId: string; officeId: string; date: string; kind: string; patternId: string | null; occurrenceDate: string | null }[];
  warnings: { id: string; kind: string; officeId: string | null; date: string; details: { open?: string; close?: string } }[];
}
interface Candidates {
  candidates: CoverCandidate[];
  offices: { id: string; name: string }[];
}

let example: ExampleBackend;
let lead: string;
let offices: { id: string; name: string }[];
let staff: { id: string; name: string }[];
const office = (name: string) => offices.find((o) => o.name.startsWith(name))!.id;
const person = (name: string) => staff.find((s) => s.name === name)!.id;
// The example plan's week 4 (from the current week): Kari Elvenes has time off on Thursday and Lars Erik Vassdal covers Namsskogan by video.
const week4 = addIsoWeeks(isoWeekOf(osloToday()), 4);
const thursday = isoWeekDates(week4)[3]!;

beforeAll(async () => {
  example = await openExampleBackend();
  lead = await example.signIn('leder');
  offices = await example.ok('offices.list', {}, lead);
  staff = await example.ok('staff.list', {}, lead);
});
afterAll(() => example.store.close());

const rotaWeek = () => example.ok<Week>('rota.week', { week: week4 }, lead);
const noDoctorThursday = (rota: Week) => rota.warnings.find((w) => w.kind === 'noDoctor' && w.officeId === office('Namsskogan') && w.date === thursday);

describe('rota.coverCandidates and rota.bookCover', () => {
  it('a Thursday without a doctor at Namsskogan: Lars Erik Vassdal by video from Grong, and booking removes the warning', async () => {
    const before = await rotaWeek();
    const video = before.shifts.find((s) => s.staffId === person('Lars Erik Vassdal') && s.date === thursday)!;
    expect(video.kind).toBe('video');
    await example.ok('rota.removeOccurrence', { patternId: video.patternId, date: video.occurrenceDate }, lead);
    const gapWarning = noDoctorThursday(await rotaWeek());
    expect(gapWarning).toBeDefined();

    const gap: CoverGap = { officeId: office('Namsskogan'), date: thursday, start: '08:00', end: '15:30', need: 'doctor' };
    const result = await example.ok<Candidates>('rota.coverCandidates', { gap }, lead);
    const lars = result.candidates.find((c) => c.staffId === person('Lars Erik Vassdal') && c.mode === 'video')!;
    expect(lars.blockers).toEqual([]);
    expect(lars.warnings).toEqual([]);
    expect(lars.resolves).toContain(gapWarning!.id);
    expect(lars.facts.videoFromOfficeId).toBe(office('Grong'));
    expect(lars.facts.freeThatDay).toBe(true);
    // Kari is off that day: listed, but last and not bookable.
    const kari = result.candidates.find((c) => c.staffId === person('Kari Elvenes'))!;
    expect(kari.blockers.map((b) => b.code)).toEqual(['absent']);
    expect(result.candidates.indexOf(kari)).toBeGreaterThan(result.candidates.indexOf(lars));
    // Only doctors are candidates; the ones at work in Grong that day are busy.
    expect(result.candidates.find((c) => c.staffId === person('Marte Kvernmo'))).toBeUndefined();
    expect(result.candidates.find((c) => c.staffId === person('Ingrid Solbakk') && c.mode === 'video')!.blockers.map((b) => b.code)).toEqual(['busy']);

    const refused = await example.call('rota.bookCover', { gap, staffId: person('Kari Elvenes'), mode: 'onSite' }, lead);
    expect(refused).toMatchObject({ ok: false, error: { code: 'rota.coverNotPossible' } });

    const booked = await example.ok<{ id: string }>('rota.bookCover', { gap, staffId: person('Lars Erik Vassdal'), mode: 'video' }, lead);
    const after = await rotaWeek();
    expect(noDoctorThursday(after)).toBeUndefined();
    expect(after.shifts.find((s) => s.id === booked.id)).toMatchObject({ staffId: person('Lars Erik Vassdal'), officeId: office('Namsskogan'), kind: 'video', date: thursday });
    const again = await example.ok<Candidates>('rota.coverCandidates', { gap }, lead);
    expect(again.candidates.find((c) => c.staffId === person('Lars Erik Vassdal') && c.mode === 'video')!.blockers.map((b) => b.code)).toEqual(['busy']);
  });

  it('hands over a pattern occurrence: the chosen person gets that shift, and the week shows them instead', async () => {
    const rota = await rotaWeek();
    const sofie = rota.shifts.find((s) => s.staffId === person('Sofie Brattland') && s.date === thursday && s.kind === 'clinic')!;
    const gap: CoverGap = { officeId: office('Lierne'), date: thursday, start: '08:00', end: '15:30', need: 'doctor', kind: 'clinic', replacesShiftId: sofie.id };
    const result = await example.ok<Candidates>('rota.coverCandidates', { gap }, lead);
    expect(result.candidates.some((c) => c.staffId === person('Sofie Brattland'))).toBe(false);
    // Mats Holmvik works in Lierne Monday to Wednesday only.
    const first = result.candidates[0]!;
    expect(first).toMatchObject({ staffId: person('Mats Holmvik'), mode: 'onSite', blockers: [], warnings: [] });
    expect(first.shift.id).toBe(sofie.id);
    await example.ok('rota.bookCover', { gap, staffId: first.staffId, mode: first.mode }, lead);
    const after = await rotaWeek();
    const taken = after.shifts.find((s) => s.id === sofie.id)!;
    expect(taken.staffId).toBe(first.staffId);
    expect(after.shifts.some((s) => s.staffId === person('Sofie Brattland') && s.date === thursday)).toBe(false);
    const missing = await example.call('rota.coverCandidates', { gap: { ...gap, date: addDays(thursday, 1), replacesShiftId: 'nope@2000-01-01' } }, lead);
    expect(missing).toMatchObject({ ok: false, error: { code: 'rota.shiftNotFound' } });
  });

  it('is for leads and admins only', async () => {
    const nurse = await example.signIn('sykepleier');
    const gap = { officeId: office('Namsskogan'), date: thursday, start: '08:00', end: '15:30', need: 'doctor' };
    expect(await example.call('rota.coverCandidates', { gap }, nurse)).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
  });
});
