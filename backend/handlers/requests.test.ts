// Tests for staff requests through the backend: open shifts, swaps with the warnings a lead sees, leave, permissions, and an offline conflict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxItem } from '../../domain/inbox';
import { insertDecision } from '../../db/requests';
import { getAbsence, getShift } from '../../db/rota';
import { signerFor, writeAs } from '../../test/helpers/temp-store';
import { openExampleBackend } from '../../test/helpers/example-backend';
import type { ExampleBackend } from '../../test/helpers/example-backend';

let example: ExampleBackend;
let nurse: string;
let nurse2: string;
let lead: string;
let otherLead: string;
let staff: { id: string; name: string }[];
let offices: { id: string; name: string }[];
const now = new Date('2026-12-03T09:00:00Z'); // Thursday 10:00 in Oslo

const ok = <T>(method: string, input: unknown, token: string) => example.ok<T>(method, input, token);
const person = (name: string) => staff.find((s) => s.name === name)!.id;
const office = (name: string) => offices.find((o) => o.name.startsWith(name))!.id;
const inbox = async (token: string) => (await ok<{ items: InboxItem[] }>('requests.inbox', {}, token)).items;
const kinds = async (token: string) => (await inbox(token)).map((item) => item.kind);

async function account(staffName: string, username: string, roles: string[]): Promise<string> {
  const admin = await example.signIn('admin');
  await ok('users.create', { staffId: person(staffName), username, password: `${username}-passord`, roles }, admin);
  const result = await example.call('session.signIn', { username, password: `${username}-passord` }, null);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.value as { sessionToken: string }).sessionToken;
}

beforeAll(async () => {
  example = await openExampleBackend(() => now);
  nurse = await example.signIn('sykepleier'); // Marte Kvernmo, Grong
  lead = await example.signIn('leder'); // Torunn Hellvik, lead at Grong
  staff = await ok('staff.list', {}, lead);
  offices = await ok('offices.list', {}, lead);
  nurse2 = await account('Jonas Sandmo', 'sykepleier2', ['nurse']); // Grong
  otherLead = await account('Geir Lyngmo', 'leder2', ['lead']); // Lierne
}, 60_000);
afterAll(() => example.store.close());

const saturdayShift = { date: '2026-12-05', start: '10:00', end: '16:00', kind: 'clinic', profession: 'nurse', requiredCompetenceTypeIds: [], note: null };

describe('open shifts', () => {
  let openId: string;

  it('a lead publishes one at her office; a lead of another office may not', async () => {
    const refused = await example.call('requests.publishOpenShift', { ...saturdayShift, officeId: office('Grong') }, otherLead);
    expect(refused).toMatchObject({ ok: false, error: { code: 'requests.notYourOffice' } });
    openId = (await ok<{ id: string }>('requests.publishOpenShift', { ...saturdayShift, officeId: office('Grong') }, lead)).id;
    expect(await kinds(nurse)).toContain('openShiftAvailable');
    // A receptionist is not a nurse: she is not offered it and may not ask for it.
    const receptionist = await example.signIn('resepsjon');
    expect(await kinds(receptionist)).not.toContain('openShiftAvailable');
    expect(await example.call('requests.ask', { requestId: openId }, receptionist)).toMatchObject({ ok: false, error: { code: 'requests.notEligible' } });
  });

  it('eligible nurses ask; a nurse cannot decide and another office’s lead cannot either', async () => {
    await ok('requests.ask', { requestId: openId }, nurse);
    await ok('requests.ask', { requestId: openId }, nurse2);
    expect(await kinds(nurse)).not.toContain('openShiftAvailable');
    const asked = (await inbox(lead)).filter((item) => item.kind === 'openShiftAsked');
    expect(asked.map((item) => item.params.person).sort()).toEqual(['Jonas Sandmo', 'Marte Kvernmo']);
    const byNurse = await example.call('requests.decide', { requestId: openId, decision: 'approve', staffId: person('Marte Kvernmo') }, nurse);
    expect(byNurse).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    const byOtherLead = await example.call('requests.decide', { requestId: openId, decision: 'approve', staffId: person('Marte Kvernmo') }, otherLead);
    expect(byOtherLead).toMatchObject({ ok: false, error: { code: 'requests.notYourOffice' } });
  });

  it('the lead approves one: the shift exists, she is told, the other is told it went to someone else', async () => {
    await ok('requests.decide', { requestId: openId, decision: 'approve', staffId: person('Marte Kvernmo') }, lead);
    expect(getShift(example.store.db, openId)).toMatchObject({ staffId: person('Marte Kvernmo'), officeId: office('Grong'), date: '2026-12-05', start: '10:00' });
    expect(await kinds(nurse)).toContain('openShiftGranted');
    expect(await kinds(nurse2)).toContain('openShiftTakenByOther');
    expect(await kinds(lead)).not.toContain('openShiftAsked');
    const again = await example.call('requests.decide', { requestId: openId, decision: 'approve', staffId: person('Jonas Sandmo') }, lead);
    expect(again).toMatchObject({ ok: false, error: { code: 'requests.alreadyDecided' } });
  });

  it('two leads approving different people offline: the later approval is kept, and the overruled person and both leads are told', async () => {
    const id = (await ok<{ id: string }>('requests.publishOpenShift', { ...saturdayShift, date: '2026-12-06', officeId: office('Grong') }, lead)).id;
    await ok('requests.ask', { requestId: id }, nurse);
    await ok('requests.ask', { requestId: id }, nurse2);
    await ok('requests.decide', { requestId: id, decision: 'approve', staffId: person('Marte Kvernmo') }, lead);
    // A second Grong lead decided on her own computer before it synced: her approval (later) arrives as rows.
    const secondLead = await account('Gunn Jørsdal', 'leder3', ['lead']);
    const { store } = example;
    await writeAs(store, await signerFor(store, 'leder3', 'leder3-passord'), (changes) => {
      const jonas = person('Jonas Sandmo');
      changes.upsert('shifts', id, { staff_id: jonas });
      const userId = (store.db.prepare('SELECT id FROM users WHERE username = ?').get('leder3') as { id: string }).id;
      insertDecision(changes, { requestId: id, decision: 'approve', staffId: jonas, note: null, byUserId: userId, byStaffId: person('Gunn Jørsdal'), at: now.toISOString() });
    });
    expect(getShift(store.db, id)?.staffId).toBe(person('Jonas Sandmo'));
    const overruled = (items: InboxItem[]) => items.filter((item) => item.kind === 'decisionOverruled' && item.id.startsWith(id));
    const forMarte = await inbox(nurse);
    expect(overruled(forMarte)).toHaveLength(1);
    expect(overruled(forMarte)[0]!.params).toMatchObject({ keptPerson: 'Jonas Sandmo', overruledPerson: 'Marte Kvernmo' });
    expect(forMarte.find((item) => item.id === `${id}:answer`)?.kind).toBe('openShiftTakenByOther');
    expect((await inbox(nurse2)).find((item) => item.id === `${id}:answer`)?.kind).toBe('openShiftGranted');
    expect(overruled(await inbox(nurse2))).toHaveLength(0);
    expect(overruled(await inbox(lead))).toHaveLength(1);
    expect(overruled(await inbox(secondLead))).toHaveLength(1);
  });
});

describe('swaps', () => {
  it('the lead sees the 11 h rest warning a swap would cause before approving, and approval moves the shift', async () => {
    const marte = person('Marte Kvernmo');
    const jonas = person('Jonas Sandmo');
    const shiftId = (await ok<{ id: string }>('rota.createShift', { staffId: marte, officeId: office('Grong'), date: '2026-12-13', start: '08:00', end: '15:30', kind: 'clinic' }, lead)).id;
    await ok('rota.createShift', { staffId: jonas, officeId: office('Grong'), date: '2026-12-12', start: '14:00', end: '23:00', kind: 'clinic' }, lead);
    const refused = await example.call('requests.offerSwap', { shiftRef: shiftId, toStaffId: jonas, note: null }, nurse2);
    expect(refused).toMatchObject({ ok: false, error: { code: 'requests.notYours' } });
    const { id } = await ok<{ id: string }>('requests.offerSwap', { shiftRef: shiftId, toStaffId: jonas, note: 'Bryllup' }, nurse);
    expect((await inbox(nurse2)).find((item) => item.kind === 'swapOffered')?.params.note).toBe('Bryllup');
    await ok('requests.acceptSwap', { requestId: id }, nurse2);
    const line = (await inbox(lead)).find((item) => item.kind === 'swapToApprove');
    expect(line).toMatchObject({ params: { person: 'Jonas Sandmo', from: 'Marte Kvernmo' } });
    expect(Number(line!.params.warnings)).toBeGreaterThan(0);
    const preview = await ok<{ warnings: { kind: string; staffIds: string[] }[] }>('requests.preview', { requestId: id, staffId: null }, lead);
    expect(preview.warnings).toContainEqual(expect.objectContaining({ kind: 'rest', staffIds: [jonas] }));
    await ok('requests.decide', { requestId: id, decision: 'approve', staffId: null }, lead);
    expect(getShift(example.store.db, shiftId)?.staffId).toBe(jonas);
    expect(await kinds(nurse)).toContain('swapApproved');
  });
});

describe('offers to everyone eligible, and withdrawing', () => {
  it('a shift offered to all reaches the nurses who can take it, not the receptionist; the one who offered can withdraw it', async () => {
    const marte = person('Marte Kvernmo');
    const shiftId = (await ok<{ id: string }>('rota.createShift', { staffId: marte, officeId: office('Grong'), date: '2026-12-19', start: '10:00', end: '14:00', kind: 'clinic' }, lead)).id;
    const { id } = await ok<{ id: string }>('requests.offerSwap', { shiftRef: shiftId, toStaffId: null, note: null }, nurse);
    const receptionist = await example.signIn('resepsjon');
    expect((await inbox(nurse2)).find((item) => item.id === `${id}:offered`)).toMatchObject({ kind: 'swapOffered', params: { from: 'Marte Kvernmo' } });
    expect((await inbox(receptionist)).find((item) => item.id === `${id}:offered`)).toBeUndefined();
    expect(await example.call('requests.withdraw', { requestId: id }, nurse2)).toMatchObject({ ok: false, error: { code: 'requests.notYours' } });
    await ok('requests.withdraw', { requestId: id }, nurse);
    expect((await inbox(nurse2)).find((item) => item.id === `${id}:offered`)).toBeUndefined();
    expect(await example.call('requests.acceptSwap', { requestId: id }, nurse2)).toMatchObject({ ok: false, error: { code: 'requests.alreadyDecided' } });
  });
});

describe('leave', () => {
  it('an approved request becomes an absence and the shifts in the period are listed', async () => {
    const marte = person('Marte Kvernmo');
    await ok('rota.createShift', { staffId: marte, officeId: office('Grong'), date: '2026-12-15', start: '08:00', end: '15:30', kind: 'clinic' }, lead);
    const { id } = await ok<{ id: string }>('requests.requestLeave', { kind: 'holiday', from: '2026-12-14', to: '2026-12-16', note: 'Juletur' }, nurse);
    expect(await kinds(lead)).toContain('leaveToDecide');
    expect(await kinds(otherLead)).not.toContain('leaveToDecide');
    const byOtherLead = await example.call('requests.decide', { requestId: id, decision: 'approve', staffId: null }, otherLead);
    expect(byOtherLead).toMatchObject({ ok: false, error: { code: 'requests.notYourOffice' } });
    const decided = await ok<{ clashingShifts: { date: string; staffId: string }[] }>('requests.decide', { requestId: id, decision: 'approve', staffId: null, note: 'God tur' }, lead);
    expect(getAbsence(example.store.db, id)).toMatchObject({ staffId: marte, from: '2026-12-14', to: '2026-12-16', kind: 'holiday' });
    expect(decided.clashingShifts).toContainEqual(expect.objectContaining({ date: '2026-12-15', staffId: marte }));
    const answer = (await inbox(nurse)).find((item) => item.id === `${id}:answer`);
    expect(answer).toMatchObject({ kind: 'leaveApproved', params: { note: 'God tur' } });
  });

  it('a declined request says why and makes no absence', async () => {
    const { id } = await ok<{ id: string }>('requests.requestLeave', { kind: 'timeOff', from: '2026-12-21', to: '2026-12-21', note: null }, nurse2);
    await ok('requests.decide', { requestId: id, decision: 'decline', staffId: null, note: 'For få sykepleiere den dagen' }, lead);
    expect(getAbsence(example.store.db, id)).toBeNull();
    expect((await inbox(nurse2)).find((item) => item.id === `${id}:answer`)).toMatchObject({ kind: 'leaveDeclined', params: { note: 'For få sykepleiere den dagen' } });
  });
});
