// Tests for the rota handlers over a real store: shifts, warnings, patterns with changed occurrences, week copy, overview and .ics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExampleBackend } from '../../test/helpers/example-backend';
import type { ExampleBackend } from '../../test/helpers/example-backend';
import { createBackend } from '../api';
import { createLocalOnlySync } from '../jobs/background-sync';
import { EXAMPLE_PASSWORD } from '../demo-data/indre-namdal';

let example: ExampleBackend;
let store: ExampleBackend['store'];
let lead: string;
let nurseToken: string;
let offices: { id: string; name: string }[];
let staff: { id: string; name: string; profession: string; baseOfficeId: string }[];

const call = (method: string, input: unknown, token = lead) => example.call(method, input, token);
const ok = <T = { id: string }>(method: string, input: unknown, token = lead) => example.ok<T>(method, input, token);
const office = (name: string) => offices.find((o) => o.name.startsWith(name))!.id;
const person = (name: string) => staff.find((s) => s.name === name)!.id;
const week = { year: 2027, week: 10 }; // 8.–14. March 2027, no holidays; the example plan does not reach it

beforeAll(async () => {
  example = await openExampleBackend();
  store = example.store;
  lead = await example.signIn('leder');
  nurseToken = await example.signIn('sykepleier');
  offices = await ok('offices.list', {});
  staff = await ok('staff.list', {});
});
afterAll(() => store.close());

describe('rota handlers', () => {
  it('saves a double booking and reports it as a warning without blocking, then clears it when fixed', async () => {
    const doctor = person('Kari Elvenes');
    const first = await ok('rota.createShift', { staffId: doctor, officeId: office('Namsskogan'), date: '2027-03-09', start: '08:00', end: '15:30', kind: 'clinic' });
    const second = await ok('rota.createShift', { staffId: doctor, officeId: office('Røyrvik'), date: '2027-03-09', start: '10:00', end: '14:00', kind: 'clinic' });
    const rota = await ok<{ warnings: { kind: string; shiftIds: string[]; message: string }[]; shifts: { id: string }[] }>('rota.week', { week });
    const doubles = rota.warnings.filter((w) => w.kind === 'doubleBooking');
    expect(doubles).toHaveLength(1);
    expect(doubles[0]!.shiftIds.sort()).toEqual([first.id, second.id].sort());
    expect(doubles[0]!.message).toContain('Kari Elvenes');
    await ok('rota.updateShift', { id: second.id, staffId: person('Anders Tunheim'), officeId: office('Røyrvik'), date: '2027-03-09', start: '10:00', end: '14:00', kind: 'clinic' });
    const after = await ok<{ warnings: { kind: string }[] }>('rota.week', { week });
    expect(after.warnings.filter((w) => w.kind === 'doubleBooking')).toHaveLength(0);
  });

  it('applies configured rota limits to the warnings, and refuses limits out of range', async () => {
    const long = await ok('rota.createShift', { staffId: person('Hanna Fjellstad'), officeId: office('Grong'), date: '2027-03-12', start: '07:00', end: '17:00', kind: 'clinic' });
    const dayHours = async () => (await ok<{ warnings: { kind: string; shiftIds: string[] }[] }>('rota.week', { week })).warnings.filter((w) => w.kind === 'dayHours' && w.shiftIds.includes(long.id));
    expect(await dayHours()).toHaveLength(1);
    const limits = { minRestHours: 11, maxDayHours: 10, maxWeekHours: 40, coverageGapToleranceMinutes: 0, legevaktCountsTowardsHours: false };
    await ok('settings.setRotaLimits', limits);
    expect(await dayHours()).toEqual([]);
    expect(await ok<{ rotaLimits: typeof limits }>('settings.get', {})).toMatchObject({ rotaLimits: limits });
    const bad = await call('settings.setRotaLimits', { ...limits, maxDayHours: 30 }, lead);
    expect(bad).toMatchObject({ ok: false, error: { fields: { maxDayHours: 'outOfRange' } } });
    await ok('settings.setRotaLimits', { ...limits, maxDayHours: 9 });
    await ok('rota.removeShift', { id: long.id });
  });

  it('refuses a shift for an unknown person or with bad times, and nurses cannot plan', async () => {
    const bad = await call('rota.createShift', { staffId: person('Kari Elvenes'), officeId: office('Grong'), date: '2027-02-30', start: '25:00', end: '15:30', kind: 'clinic' }, lead);
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation.failed', fields: { date: 'invalidFormat', start: 'invalidFormat' } } });
    const unknown = await call('rota.createShift', { staffId: '01900000-0000-7000-8000-000000000000', officeId: office('Grong'), date: '2027-03-10', start: '08:00', end: '15:30', kind: 'clinic' }, lead);
    expect(unknown).toMatchObject({ ok: false, error: { fields: { staffId: 'invalidChoice' } } });
    const nurse = await call('rota.createShift', {}, nurseToken);
    expect(nurse).toEqual({ ok: false, error: { code: 'auth.forbidden' } });
  });

  it('generates pattern occurrences, changes and removes one occurrence and keeps the rest', async () => {
    const doctor = person('Mats Holmvik');
    const { id: patternId } = await ok('rota.createPattern', {
      staffId: doctor, officeId: office('Lierne'), kind: 'clinic', start: '09:00', end: '15:00', weekdays: [1, 3], intervalWeeks: 2, from: '2027-03-08', to: '2027-04-30',
    });
    const occurrences = async (w: { year: number; week: number }) =>
      (await ok<{ shifts: { id: string; staffId: string; date: string; start: string; changed: boolean }[] }>('rota.week', { week: w })).shifts.filter((s) => s.id.startsWith(patternId));
    expect((await occurrences(week)).map((s) => s.date)).toEqual(['2027-03-08', '2027-03-10']);
    expect(await occurrences({ year: 2027, week: 11 })).toEqual([]);
    await ok('rota.changeOccurrence', { patternId, date: '2027-03-08', replacement: { staffId: doctor, officeId: office('Lierne'), date: '2027-03-08', start: '12:00', end: '15:00', kind: 'clinic', note: 'Kommer etter kurs' } });
    await ok('rota.removeOccurrence', { patternId, date: '2027-03-10' });
    expect((await occurrences(week)).map((s) => [s.date, s.start, s.changed])).toEqual([['2027-03-08', '12:00', true]]);
    expect((await occurrences({ year: 2027, week: 12 })).map((s) => s.date)).toEqual(['2027-03-22', '2027-03-24']);
    await ok('rota.restoreOccurrence', { patternId, date: '2027-03-10' });
    expect((await occurrences(week)).map((s) => s.date)).toEqual(['2027-03-08', '2027-03-10']);
    const notOne = await call('rota.removeOccurrence', { patternId, date: '2027-03-09' }, lead);
    expect(notOne).toEqual({ ok: false, error: { code: 'rota.occurrenceNotFound' } });
  });

  it('copies one-off shifts of a week to the next weeks, not pattern occurrences', async () => {
    const source = { year: 2027, week: 20 };
    await ok('rota.createShift', { staffId: person('Siri Heggdal'), officeId: office('Lierne'), date: '2027-05-18', start: '08:00', end: '15:30', kind: 'clinic' });
    expect(await ok('rota.copyWeek', { week: source, weeks: 3, officeId: office('Lierne') })).toEqual({ created: 3 });
    for (const w of [21, 22, 23]) {
      const rota = await ok<{ shifts: { staffId: string; officeId: string }[] }>('rota.week', { week: { year: 2027, week: w } });
      expect(rota.shifts.filter((s) => s.staffId === person('Siri Heggdal'))).toHaveLength(1);
    }
  });

  it('records absences and warns about a shift during one', async () => {
    const nurse = person('Eli Brennhaug');
    await ok('rota.createAbsence', { staffId: nurse, from: '2027-03-08', to: '2027-03-12', kind: 'sick' });
    await ok('rota.createShift', { staffId: nurse, officeId: office('Namsskogan'), date: '2027-03-11', start: '08:00', end: '15:30', kind: 'clinic' });
    const rota = await ok<{ warnings: { kind: string; staffIds: string[] }[] }>('rota.week', { week });
    expect(rota.warnings.some((w) => w.kind === 'absence' && w.staffIds.includes(nurse))).toBe(true);
    const backwards = await call('rota.createAbsence', { staffId: nurse, from: '2027-03-12', to: '2027-03-08', kind: 'sick' }, lead);
    expect(backwards).toMatchObject({ ok: false, error: { fields: { to: 'timeOrder' } } });
  });

  it("keeps the reason for a colleague's absence in the backend: a colleague gets no kind or note, the person and the lead do", async () => {
    const eli = person('Eli Brennhaug');
    const marte = person('Marte Kvernmo');
    const week11 = { year: 2027, week: 11 };
    await ok('rota.createAbsence', { staffId: eli, from: '2027-03-15', to: '2027-03-16', kind: 'holiday', note: 'Syden' });
    await ok('rota.createAbsence', { staffId: marte, from: '2027-03-17', to: '2027-03-17', kind: 'course' });
    await ok('rota.createShift', { staffId: eli, officeId: office('Namsskogan'), date: '2027-03-15', start: '08:00', end: '15:30', kind: 'clinic' });
    type Week = { absences: { staffId: string; kind: string | null; note: string | null }[]; warnings: { kind: string; message: string; details: { absenceKind?: string | null } }[] };
    const asNurse = await ok<Week>('rota.week', { week: week11 }, nurseToken);
    expect(asNurse.absences.find((a) => a.staffId === eli)).toMatchObject({ kind: null, note: null });
    expect(asNurse.absences.find((a) => a.staffId === marte)).toMatchObject({ kind: 'course' });
    const hidden = asNurse.warnings.find((w) => w.kind === 'absence')!;
    expect(hidden.details.absenceKind).toBeNull();
    expect(JSON.stringify(asNurse)).not.toMatch(/ferie|Syden|"holiday"/);
    const asLead = await ok<Week>('rota.week', { week: week11 });
    expect(asLead.absences.find((a) => a.staffId === eli)).toMatchObject({ kind: 'holiday', note: 'Syden' });
    const overview = await ok<{ offices: { rows: { key: string; cells: { staffId: string; detail: string | null }[][] }[] }[] }>('overview.week', { week: week11, officeId: null }, nurseToken);
    const entries = overview.offices.flatMap((o) => o.rows.filter((r) => r.key === 'absences').flatMap((r) => r.cells.flat()));
    expect(entries.filter((e) => e.staffId === eli).every((e) => e.detail === null)).toBe(true);
    expect(entries.find((e) => e.staffId === marte)?.detail).toBe('kurs');
  });

  it('builds the weekly overview for all offices or one, with freshness', async () => {
    const all = await ok<{ offices: { officeName: string }[]; dataAsOf: string | null; warnings: unknown[] }>('overview.week', { week, officeId: null }, nurseToken);
    expect(all.offices.map((o) => o.officeName)).toEqual(['Grong legekontor', 'Lierne legekontor', 'Namsskogan legekontor', 'Røyrvik legekontor']);
    expect(all.dataAsOf).not.toBeNull();
    const one = await ok<{ offices: { officeId: string }[] }>('overview.week', { week, officeId: office('Røyrvik') });
    expect(one.offices.map((o) => o.officeId)).toEqual([office('Røyrvik')]);
  });

  it("exports a person's shifts as iCalendar", async () => {
    const result = await ok<{ fileName: string; content: string; count: number }>('rota.exportIcs', { staffId: person('Mats Holmvik'), from: '2027-03-01', to: '2027-03-31' }, nurseToken);
    expect(result.count).toBe(4);
    expect(result.fileName).toBe('vakter-mats-holmvik-2027-03-01-2027-03-31.ics');
    expect(result.content.match(/BEGIN:VEVENT/g)).toHaveLength(4);
  });
});

describe("today's staffing at this device's office", () => {
  it('is null until the device has an office, then lists who is on site and who covers by video', async () => {
    const backendAt = createBackend({ store, sync: createLocalOnlySync(store), now: () => new Date('2027-03-09T08:00:00Z') });
    const signIn = await backendAt.call({ method: 'session.signIn', input: { username: 'admin', password: EXAMPLE_PASSWORD }, sessionToken: null });
    const token = (signIn as { value: { sessionToken: string } }).value.sessionToken;
    const today = async () => ((await backendAt.call({ method: 'overview.today', input: {}, sessionToken: token })) as { value: unknown }).value;
    await backendAt.call({ method: 'settings.setDeviceOffice', input: { officeId: null }, sessionToken: token });
    expect(await today()).toBeNull();
    await backendAt.call({ method: 'settings.setDeviceOffice', input: { officeId: office('Røyrvik') }, sessionToken: token });
    const result = (await today()) as { officeName: string; date: string; onSite: { name: string }[]; video: { name: string; baseOfficeName: string }[] };
    expect(result.officeName).toBe('Røyrvik legekontor');
    expect(result.date).toBe('2027-03-09');
    // Planned earlier in this file: Anders Tunheim at Røyrvik 10:00–14:00 on 9 March 2027.
    expect(result.onSite.map((p) => p.name)).toContain('Anders Tunheim');
    expect(result.video).toEqual([]);
  });
});
