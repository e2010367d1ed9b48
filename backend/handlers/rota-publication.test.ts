// Tests of draft and published weeks over a real store: staff do not get drafts, publishing and later changes tell exactly the people affected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar/dates';
import { addIsoWeeks, isoWeekDates, isoWeekOf } from '../../domain/calendar/isoWeek';
import { osloToday } from '../../domain/calendar/oslo';
import type { InboxItem } from '../../domain/inbox';
import { listNoticesOfPublication } from '../../db/rota-publications';
import { openExampleBackend } from '../../test/helpers/example-backend';
import type { ExampleBackend } from '../../test/helpers/example-backend';
import { rotaNoticesFor } from '../read-models/rota-notices';

let example: ExampleBackend;
let lead: string;
let nurse: string;
let doctor: string;
let admin: string;
let offices: { id: string; name: string }[];
let staff: { id: string; name: string }[];
let users: { id: string; username: string; staffId: string }[];

const office = (name: string) => offices.find((o) => o.name.startsWith(name))!.id;
const person = (name: string) => staff.find((s) => s.name === name)!.id;
const userId = (username: string) => users.find((u) => u.username === username)!.id;
const today = osloToday();
const current = isoWeekOf(today);
const draftWeek = addIsoWeeks(current, 2);
const wednesday = isoWeekDates(draftWeek)[2]!;

interface WeekView {
  shifts: { id: string; staffId: string; officeId: string; date: string }[];
  publication: { officeId: string; draft: boolean; firstDraftWeek: { year: number; week: number } | null; mayPublish: boolean; mayDraft: boolean }[];
}
const rotaWeek = (token: string, week = draftWeek) => example.ok<WeekView>('rota.week', { week }, token);
const noticesOf = (username: string) => rotaNoticesFor(example.store, userId(username), new Date());
const rowCount = (table: string) => (example.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeAll(async () => {
  example = await openExampleBackend();
  lead = await example.signIn('leder');
  nurse = await example.signIn('sykepleier');
  doctor = await example.signIn('lege');
  admin = await example.signIn('admin');
  offices = await example.ok('offices.list', {}, lead);
  staff = await example.ok('staff.list', {}, lead);
  users = await example.ok('users.list', {}, admin);
});
afterAll(() => example.store.close());

describe('draft and published weeks', () => {
  let shiftId: string;

  it('loads the example data as published, with no notices (existing data counts as published)', async () => {
    expect(rowCount('rota_notices')).toBe(0);
    const nurseView = await rotaWeek(nurse);
    expect(nurseView.shifts.some((shift) => shift.officeId === office('Grong'))).toBe(true);
    expect(nurseView.publication).toEqual([]);
    expect((await rotaWeek(lead)).publication.find((p) => p.officeId === office('Grong'))).toMatchObject({ draft: false, mayPublish: true, mayDraft: true });
  });

  it('refuses a draft of a started week, and a lead of another office', async () => {
    const started = await example.call('rota.makeDraft', { officeId: office('Grong'), fromWeek: current }, lead);
    expect(started).toMatchObject({ ok: false, error: { code: 'rota.weekStarted' } });
    const other = await example.call('rota.makeDraft', { officeId: office('Namsskogan'), fromWeek: draftWeek }, lead);
    expect(other).toMatchObject({ ok: false, error: { code: 'rota.notOwnOffice' } });
    const byNurse = await example.call('rota.makeDraft', { officeId: office('Grong'), fromWeek: draftWeek }, nurse);
    expect(byNurse).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
  });

  it('hides a draft week of one office from staff in rota.week, overview.week and .ics, but not from leads', async () => {
    await example.ok('rota.makeDraft', { officeId: office('Grong'), fromWeek: draftWeek }, lead);
    ({ id: shiftId } = await example.ok<{ id: string }>('rota.createShift', { staffId: person('Marte Kvernmo'), officeId: office('Grong'), date: wednesday, start: '09:00', end: '15:00', kind: 'clinic' }, lead));
    // Drafts tell nobody, whatever changes.
    await example.ok('rota.updateShift', { id: shiftId, staffId: person('Marte Kvernmo'), officeId: office('Grong'), date: wednesday, start: '08:00', end: '15:30', kind: 'clinic' }, lead);
    expect(rowCount('rota_notices')).toBe(0);

    const leadView = await rotaWeek(lead);
    expect(leadView.shifts.map((s) => s.id)).toContain(shiftId);
    expect(leadView.publication.find((p) => p.officeId === office('Grong'))).toMatchObject({ draft: true, firstDraftWeek: draftWeek });
    for (const token of [nurse, doctor]) {
      const view = await rotaWeek(token);
      expect(view.shifts.filter((s) => s.officeId === office('Grong'))).toEqual([]);
      // Other offices' weeks stay published.
      expect(view.shifts.some((s) => s.officeId !== office('Grong'))).toBe(true);
    }
    const nurseOverview = await example.ok<{ offices: { officeId: string; rows: { cells: { staffId: string | null }[][] }[] }[] }>('overview.week', { week: draftWeek, officeId: office('Grong') }, nurse);
    const staffed = nurseOverview.offices[0]!.rows.filter((row) => row.cells.flat().some((entry) => entry.staffId !== null && !('absence' in entry)));
    expect(staffed.flatMap((row) => row.cells.flat()).filter((entry) => entry.staffId === person('Marte Kvernmo'))).toEqual([]);
    const leadOverview = await example.ok<{ publication: { officeId: string; draft: boolean }[] }>('overview.week', { week: draftWeek, officeId: office('Grong') }, lead);
    expect(leadOverview.publication).toEqual([expect.objectContaining({ officeId: office('Grong'), draft: true })]);
    const own = await example.ok<{ shifts: { id: string }[] }>('requests.myShifts', {}, nurse);
    expect(own.shifts.map((s) => s.id)).not.toContain(shiftId);
    const ics = await example.ok<{ count: number; content: string }>('rota.exportIcs', { staffId: person('Marte Kvernmo'), from: isoWeekDates(draftWeek)[0]!, to: isoWeekDates(draftWeek)[6]! }, nurse);
    expect(ics.count).toBe(0);
    type Coverage = { offices: { officeId: string; days: { nurses: { staffId: string }[] }[] }[] };
    const nursesAtGrong = async (token: string) =>
      (await example.ok<Coverage>('competence.coverage', { week: draftWeek }, token)).offices.find((o) => o.officeId === office('Grong'))!.days.flatMap((day) => day.nurses);
    expect(await nursesAtGrong(nurse)).toEqual([]);
    expect((await nursesAtGrong(lead)).map((entry) => entry.staffId)).toContain(person('Marte Kvernmo'));
    // The week after is a draft too, until published.
    expect((await rotaWeek(nurse, addIsoWeeks(draftWeek, 1))).shifts.filter((s) => s.officeId === office('Grong'))).toEqual([]);
  });

  it('publishing tells exactly the staff with shifts at the office in the published weeks, once each', async () => {
    const grongStaff = new Set((await rotaWeek(lead)).shifts.filter((s) => s.officeId === office('Grong')).map((s) => s.staffId));
    const published = await example.ok<{ id: string; weeks: number; notified: number }>('rota.publishWeeks', { officeId: office('Grong'), fromWeek: draftWeek, throughWeek: draftWeek }, lead);
    expect(published.weeks).toBe(1);
    const notices = listNoticesOfPublication(example.store.db, published.id);
    expect(notices.map((n) => n.staffId).sort()).toEqual([...grongStaff].sort());
    expect(published.notified).toBe(grongStaff.size);

    const items = noticesOf('sykepleier');
    expect(items).toEqual([expect.objectContaining<Partial<InboxItem>>({ kind: 'rotaPublished', params: expect.objectContaining({ weeks: String(draftWeek.week), office: expect.stringContaining('Grong') }) })]);
    expect((await rotaWeek(nurse)).shifts.map((s) => s.id)).toContain(shiftId);
    expect((await example.ok<{ shifts: { id: string }[] }>('requests.myShifts', {}, nurse)).shifts.map((s) => s.id)).toContain(shiftId);
    // The next week is still a draft; publishing the same week again tells nobody again.
    expect((await rotaWeek(nurse, addIsoWeeks(draftWeek, 1))).shifts.filter((s) => s.officeId === office('Grong'))).toEqual([]);
    const again = await example.ok<{ weeks: number; notified: number }>('rota.publishWeeks', { officeId: office('Grong'), fromWeek: draftWeek, throughWeek: draftWeek }, lead);
    expect(again).toMatchObject({ weeks: 0, notified: 0 });
  });

  it('a change to a published shift tells its person (time, office, removed); marking it read takes it out of the inbox', async () => {
    await example.ok('rota.markNoticeRead', { id: noticesOf('sykepleier')[0]!.id.replace('rota-notice:', '') }, nurse);
    expect(noticesOf('sykepleier')).toEqual([]);

    await example.ok('rota.updateShift', { id: shiftId, staffId: person('Marte Kvernmo'), officeId: office('Namsskogan'), date: wednesday, start: '10:00', end: '16:00', kind: 'clinic' }, lead);
    const [changed] = noticesOf('sykepleier');
    expect(changed).toMatchObject({ kind: 'shiftChanged', params: { change: 'changed', date: wednesday, start: '08:00', end: '15:30', newStart: '10:00', newEnd: '16:00' } });
    expect(changed!.params.office).toContain('Grong');
    expect(changed!.params.newOffice).toContain('Namsskogan');

    // A note alone tells nobody.
    await example.ok('rota.updateShift', { id: shiftId, staffId: person('Marte Kvernmo'), officeId: office('Namsskogan'), date: wednesday, start: '10:00', end: '16:00', kind: 'clinic', note: 'Ta med nøkkel' }, lead);
    expect(noticesOf('sykepleier')).toHaveLength(1);

    await example.ok('rota.removeShift', { id: shiftId }, lead);
    const latest = noticesOf('sykepleier');
    expect(latest).toHaveLength(2);
    expect(latest.map((item) => item.params.change).sort()).toEqual(['changed', 'removed']);
    // Only her own notices: another user cannot mark them, and the doctor got none of these.
    const refused = await example.call('rota.markNoticeRead', { id: latest[0]!.id.replace('rota-notice:', '') }, doctor);
    expect(refused).toMatchObject({ ok: false, error: { code: 'rota.noticeNotFound' } });
  });

  it('a changed pattern occurrence in a draft week tells nobody; in a published week it tells the person', async () => {
    const before = rowCount('rota_notices');
    const laterDraft = addIsoWeeks(draftWeek, 1);
    const draftView = await rotaWeek(lead, laterDraft);
    const occurrence = draftView.shifts.find((s) => s.officeId === office('Grong') && s.id.includes('@')) as { id: string; staffId: string; date: string } | undefined;
    expect(occurrence).toBeDefined();
    const [patternId, date] = occurrence!.id.split('@') as [string, string];
    await example.ok('rota.removeOccurrence', { patternId, date }, lead);
    expect(rowCount('rota_notices')).toBe(before);

    await example.ok('rota.restoreOccurrence', { patternId, date }, lead);
    await example.ok('rota.publishWeeks', { officeId: office('Grong'), fromWeek: laterDraft, throughWeek: laterDraft }, lead);
    const afterPublish = rowCount('rota_notices');
    await example.ok('rota.removeOccurrence', { patternId, date }, lead);
    expect(rowCount('rota_notices')).toBe(afterPublish + 1);
    const notice = example.store.db.prepare('SELECT staff_id, details FROM rota_notices ORDER BY rowid DESC LIMIT 1').get() as { staff_id: string; details: string };
    expect(notice.staff_id).toBe(occurrence!.staffId);
    expect(JSON.parse(notice.details)).toMatchObject({ kind: 'shiftChanged', change: 'removed', before: { date } });
  });

  it('a changed recurring pattern tells its person once, naming the first changed shift and how many changed', async () => {
    const patterns = await example.ok<{ id: string; staffId: string; start: string; from: string; to: string | null }[]>('rota.listPatterns', {}, lead);
    const pattern = patterns.find((p) => p.staffId === person('Hanna Fjellstad') && (p.to === null || p.to > addDays(today, 30)))!;
    expect(pattern).toBeDefined();
    const before = rowCount('rota_notices');
    const { id, ...values } = pattern as typeof pattern & Record<string, unknown>;
    await example.ok('rota.updatePattern', { ...values, id, start: pattern.start === '07:30' ? '07:45' : '07:30' }, lead);
    expect(rowCount('rota_notices')).toBe(before + 1);
    const row = example.store.db.prepare('SELECT staff_id, details FROM rota_notices ORDER BY rowid DESC LIMIT 1').get() as { staff_id: string; details: string };
    expect(row.staff_id).toBe(person('Hanna Fjellstad'));
    expect((JSON.parse(row.details) as { occurrences: number }).occurrences).toBeGreaterThan(1);
  });

  it('a change to a shift that is already past tells nobody', async () => {
    const before = rowCount('rota_notices');
    const yesterday = addDays(today, -1);
    const { id } = await example.ok<{ id: string }>('rota.createShift', { staffId: person('Marte Kvernmo'), officeId: office('Grong'), date: yesterday, start: '08:00', end: '12:00', kind: 'clinic' }, lead);
    await example.ok('rota.updateShift', { id, staffId: person('Marte Kvernmo'), officeId: office('Grong'), date: yesterday, start: '08:00', end: '13:00', kind: 'clinic' }, lead);
    await example.ok('rota.removeShift', { id }, lead);
    expect(rowCount('rota_notices')).toBe(before);
  });

  it('a new shift given to someone in a published week tells them; the current week never counts as a draft', async () => {
    const before = rowCount('rota_notices');
    await example.ok('rota.createShift', { staffId: person('Ingrid Solbakk'), officeId: office('Grong'), date: addDays(today, 1), start: '08:00', end: '12:00', kind: 'video' }, lead);
    expect(rowCount('rota_notices')).toBe(before + 1);
    expect(noticesOf('lege').filter((item) => item.params.change === 'added')).toEqual([expect.objectContaining({ kind: 'shiftChanged', params: expect.objectContaining({ newDate: addDays(today, 1), newStart: '08:00' }) })]);
  });
});
