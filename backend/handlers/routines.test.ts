// Tests for the routine handlers: a doctor activates and versions a routine and authorises a nurse; the nurse's check follows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExampleBackend } from '../../test/helpers/example-backend';
import type { ExampleBackend } from '../../test/helpers/example-backend';
import { listAuditEvents } from '../../db/audit';

let example: ExampleBackend;
let store: ExampleBackend['store'];
let doctor: string;
let nurse: string;
let lead: string;
let staff: { id: string; name: string }[];
let now = new Date('2026-11-26T09:00:00Z');

const call = (method: string, input: unknown, token: string) => example.call(method, input, token);
const ok = <T>(method: string, input: unknown, token: string) => example.ok<T>(method, input, token);
const person = (name: string) => staff.find((s) => s.name === name)!.id;

type Check = { routines: { routine: { routineId: string; title: string; version: number }; result: { allowed: boolean; reasons?: { code: string; message: string }[] } }[] };

const content = () => ({
  title: 'Testrutine: sår hals',
  icpc2Codes: ['R72'],
  indication: 'Sår hals hos voksne',
  inclusionCriteria: ['Voksen 18–65 år'],
  exclusionCriteria: [{ text: 'Pustebesvær', redFlag: true }],
  medicine: { name: 'Fenoksymetylpenicillin', atcCode: 'J01CE02', strength: '1 g', form: 'tablett', route: 'oralt', dose: '1 tablett', frequency: '4 ganger daglig', durationDays: 7, maxQuantity: '28 tabletter' },
  nurseMay: 'prepareForSignature',
  followUpAdvice: 'Ny kontakt ved forverring',
  responsibleDoctorId: person('Ingrid Solbakk'),
  requiredCompetenceTypeIds: [],
  validFrom: '2026-11-26',
  reviewDate: '2027-11-26',
  expiresOn: '2028-11-26',
});

beforeAll(async () => {
  example = await openExampleBackend(() => now);
  store = example.store;
  const signIn = example.signIn;
  doctor = await signIn('lege');
  nurse = await signIn('sykepleier');
  lead = await signIn('leder');
  staff = await ok('staff.list', {}, lead);
});
afterAll(() => store.close());

describe('routine handlers', () => {
  it('ships example routines marked as examples, usable by the example nurse and refused to one whose course expired', async () => {
    const mine = await ok<Check>('routines.check', {}, nurse);
    expect(mine.routines).toHaveLength(5);
    expect(mine.routines.every((r) => r.routine.title.startsWith('EKSEMPEL – ikke klinisk godkjent'))).toBe(true);
    // Marte holds every competence the five routines require (including the vaccination certificate).
    expect(mine.routines.filter((r) => r.result.allowed)).toHaveLength(5);
    const jonas = await ok<Check>('routines.check', { nurseId: person('Jonas Sandmo') }, doctor);
    const cystitis = jonas.routines.find((r) => r.routine.title.includes('blærekatarr'))!;
    expect(cystitis.result.allowed).toBe(false);
    expect(cystitis.result.reasons!.map((r) => r.code)).toContain('competenceExpired');
    expect(cystitis.result.reasons![0]!.message).toMatch(/Akuttmedisinkurs.*utløp/i);
  });

  it('lets a doctor activate a routine and authorise a nurse, and a new version needs a new authorisation', async () => {
    const created = await ok<{ id: string; routineId: string }>('routines.create', content(), doctor);
    const check = async () => (await ok<Check>('routines.check', { routineId: created.routineId }, nurse)).routines[0]!;
    // A draft that was never active is not offered to nurses.
    expect((await ok<Check>('routines.check', { routineId: created.routineId }, nurse)).routines).toEqual([]);
    await ok('routines.activate', { id: created.id }, doctor);
    const before = await check();
    expect(before.result.allowed).toBe(false);
    expect(before.result.reasons!.map((r) => r.code)).toEqual(['notAuthorised', 'notConfirmed']);
    await ok('routines.confirmRead', { routineId: created.routineId, routineVersion: 1 }, nurse);
    expect((await check()).result.reasons!.map((r) => r.code)).toEqual(['notAuthorised']);

    const me = await ok<{ staffId: string }>('session.current', {}, nurse);
    await ok('routines.recordAuthorisation', { routineId: created.routineId, routineVersion: 1, nurseId: me.staffId, kind: 'granted', effectiveDate: '2026-11-26' }, doctor);
    expect((await check()).result.allowed).toBe(true);

    // Changing the active routine makes version 2 (active from tomorrow): version 1 still holds today, not tomorrow.
    const v2 = await ok<{ version: number; status: string }>('routines.update', { id: created.id, content: { ...content(), validFrom: '2026-11-27', followUpAdvice: 'Kontroll etter 3 dager' }, activate: true }, doctor);
    expect(v2).toMatchObject({ version: 2, status: 'active' });
    expect((await check()).result.allowed).toBe(true);
    now = new Date('2026-11-27T09:00:00Z');
    const tomorrow = await check();
    expect(tomorrow.routine.version).toBe(2);
    expect(tomorrow.result.allowed).toBe(false);
    expect(tomorrow.result.reasons!.map((r) => r.message).join(' ')).toMatch(/versjon 2/);
    // Having read version 1 does not count for version 2.
    expect(tomorrow.result.reasons!.map((r) => r.code)).toEqual(['notAuthorised', 'notConfirmed']);
    now = new Date('2026-11-26T09:00:00Z');
  });

  it('revokes with a reason and re-authorises; events are kept as history', async () => {
    const { routineId, id } = await ok<{ id: string; routineId: string }>('routines.create', { ...content(), title: 'Testrutine 2' }, doctor);
    await ok('routines.activate', { id }, doctor);
    await ok('routines.confirmRead', { routineId, routineVersion: 1 }, nurse);
    const nurseId = person('Marte Kvernmo');
    const record = (kind: string, reason?: string) =>
      call('routines.recordAuthorisation', { routineId, routineVersion: 1, nurseId, kind, effectiveDate: '2026-11-26', ...(reason ? { reason } : {}) }, doctor);
    expect((await record('granted')).ok).toBe(true);
    expect(await record('revoked')).toMatchObject({ ok: false, error: { fields: { reason: 'required' } } });
    expect((await record('revoked', 'Mangler opplæring')).ok).toBe(true);
    let result = (await ok<Check>('routines.check', { routineId }, nurse)).routines[0]!.result;
    expect(result.reasons!.map((r) => r.code)).toEqual(['authorisationRevoked']);
    now = new Date('2026-11-26T09:05:00Z');
    expect((await record('granted')).ok).toBe(true);
    result = (await ok<Check>('routines.check', { routineId }, nurse)).routines[0]!.result;
    expect(result.allowed).toBe(true);
    const details = await ok<{ events: { kind: string }[]; authorisedToday: { nurseName: string }[] }>('routines.get', { routineId }, nurse);
    expect(details.events.map((e) => e.kind)).toEqual(['granted', 'revoked', 'granted']);
    expect(details.authorisedToday.map((a) => a.nurseName)).toEqual(['Marte Kvernmo']);
    // Every grant and revocation is a security event in the audit log, with the doctor who made it and the reason.
    const audited = listAuditEvents(store.db, { actions: ['routine.authorisationChanged'] }).filter((event) => event.details.routineId === routineId);
    expect(audited.map((event) => [event.details.kind, event.reason, event.details.nurseName]).reverse()).toEqual([
      ['granted', null, 'Marte Kvernmo'],
      ['revoked', 'Mangler opplæring', 'Marte Kvernmo'],
      ['granted', null, 'Marte Kvernmo'],
    ]);
    expect(new Set(audited.map((event) => event.targetTable))).toEqual(new Set(['routine_authorisations']));
    now = new Date('2026-11-26T09:00:00Z');
  });

  it('only doctors change routines and authorise; a nurse cannot authorise herself', async () => {
    expect(await call('routines.create', content(), nurse)).toEqual({ ok: false, error: { code: 'auth.forbidden' } });
    expect(await call('routines.create', content(), lead)).toEqual({ ok: false, error: { code: 'auth.forbidden' } });
    const bad = await call('routines.create', { ...content(), responsibleDoctorId: person('Marte Kvernmo') }, doctor);
    expect(bad).toMatchObject({ ok: false, error: { fields: { responsibleDoctorId: 'invalidChoice' } } });
    const codes = await call('routines.create', { ...content(), icpc2Codes: ['Q99'], medicine: { ...content().medicine, atcCode: 'nope' } }, doctor);
    expect(codes).toMatchObject({ ok: false, error: { code: 'validation.failed', fields: { 'icpc2Codes.0': 'invalidFormat', 'medicine.atcCode': 'invalidFormat' } } });
  });

  it('a nurse confirms she has read the version in force; the doctor sees who confirmed which version', async () => {
    const { routineId, id } = await ok<{ id: string; routineId: string }>('routines.create', { ...content(), title: 'Testrutine lest' }, doctor);
    // A draft cannot be confirmed; a doctor cannot confirm for a nurse.
    expect(await call('routines.confirmRead', { routineId, routineVersion: 1 }, nurse)).toMatchObject({ ok: false, error: { code: 'routines.notFound' } });
    await ok('routines.activate', { id }, doctor);
    expect(await call('routines.confirmRead', { routineId, routineVersion: 1 }, doctor)).toEqual({ ok: false, error: { code: 'auth.forbidden' } });
    const me = await ok<{ staffId: string }>('session.current', {}, nurse);
    await ok('routines.recordAuthorisation', { routineId, routineVersion: 1, nurseIds: [me.staffId], kind: 'granted', effectiveDate: '2026-11-26' }, doctor);
    const check = async () => (await ok<Check>('routines.check', { routineId }, nurse)).routines[0]!.result;
    expect((await check()).reasons!.map((r) => r.code)).toEqual(['notConfirmed']);
    const first = await ok<{ id: string }>('routines.confirmRead', { routineId, routineVersion: 1 }, nurse);
    expect(await ok<{ id: string }>('routines.confirmRead', { routineId, routineVersion: 1 }, nurse)).toEqual(first);
    expect((await check()).allowed).toBe(true);
    const details = await ok<{ confirmations: { nurseName: string; routineVersion: number; at: string }[] }>('routines.get', { routineId }, doctor);
    expect(details.confirmations).toEqual([{ nurseId: me.staffId, nurseName: 'Marte Kvernmo', routineVersion: 1, at: now.toISOString() }]);
  });

  it('authorises several nurses at once, all or none', async () => {
    const { routineId, id } = await ok<{ id: string; routineId: string }>('routines.create', { ...content(), title: 'Testrutine flere' }, doctor);
    await ok('routines.activate', { id }, doctor);
    const two = [person('Eli Brennhaug'), person('Siri Heggdal')];
    const base = { routineId, routineVersion: 1, kind: 'granted', effectiveDate: '2026-11-26' };
    // A non-nurse in the list refuses the whole call: nothing is stored.
    expect(await call('routines.recordAuthorisation', { ...base, nurseIds: [...two, person('Kari Elvenes')] }, doctor)).toMatchObject({ ok: false, error: { fields: { nurseIds: 'invalidChoice' } } });
    expect(await call('routines.recordAuthorisation', { ...base, nurseIds: [] }, doctor)).toMatchObject({ ok: false, error: { fields: { nurseIds: 'required' } } });
    const result = await ok<{ ids: string[] }>('routines.recordAuthorisation', { ...base, nurseIds: two }, doctor);
    expect(result.ids).toHaveLength(2);
    const details = await ok<{ events: { nurseName: string }[]; authorisedToday: { nurseName: string }[] }>('routines.get', { routineId }, doctor);
    expect(details.events).toHaveLength(2);
    expect(details.authorisedToday.map((a) => a.nurseName).sort()).toEqual(['Eli Brennhaug', 'Siri Heggdal']);
  });

  it('names the supervising doctor for the nurse now, and judges the authorisation at this instant', async () => {
    const mine = await ok<{ at: string; supervising: { officeName: string; doctor: { kind: string } } | null }>('routines.check', {}, nurse);
    expect(mine.at).toBe(now.toISOString());
    expect(mine.supervising).toMatchObject({ officeName: 'Grong legekontor' });
    expect(['onSite', 'video', 'none']).toContain(mine.supervising!.doctor.kind);
    // Another date is a check for that day, with no supervising doctor.
    expect(await ok('routines.check', { date: '2026-12-24' }, nurse)).toMatchObject({ at: null, supervising: null });
  });
});
