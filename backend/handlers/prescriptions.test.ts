// Tests for prepared prescriptions: the responsible doctor gets the request, another doctor cannot answer it, overdue ones are flagged, everything is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticIdentityNumber } from '../../domain/consultations/synthetic';
import { listAuditEvents } from '../../db/audit';
import { openExampleBackend } from '../../test/helpers/example-backend';
import type { ExampleBackend } from '../../test/helpers/example-backend';

let example: ExampleBackend;
let store: ExampleBackend['store'];
let nurse: string;
let doctor: string;
let otherDoctor: string;
let lead: string;
let admin: string;
let staff: { id: string; name: string }[];
let offices: { id: string; name: string }[];
let now = new Date('2026-12-03T09:00:00Z'); // Thursday 10:00 in Oslo

const call = (method: string, input: unknown, token: string) => example.call(method, input, token);
const ok = <T>(method: string, input: unknown, token: string) => example.ok<T>(method, input, token);
const person = (name: string) => staff.find((s) => s.name === name)!.id;
const office = (name: string) => offices.find((o) => o.name.startsWith(name))!.id;
const patient = syntheticIdentityNumber('1961-03-14', 200)!;
/** The inbox line of this kind for the signed-in user, if any (prescriptions are counted there, never named). */
const inboxLine = async (token: string, kind: string) =>
  (await ok<{ items: { kind: string; params: Record<string, unknown>; actions: unknown[] }[] }>('requests.inbox', {}, token)).items.find((item) => item.kind === kind);

type Row = {
  id: string;
  consultationId: string;
  patient: { idNumber: string | null };
  nurseName: string;
  doctorName: string | null;
  responsibleKind: string;
  overdue: boolean;
  overdueFrom: string;
  answer: { answer: string; reason: string | null; byName: string } | null;
};

beforeAll(async () => {
  example = await openExampleBackend(() => now);
  store = example.store;
  nurse = await example.signIn('sykepleier');
  doctor = await example.signIn('lege');
  lead = await example.signIn('leder');
  admin = await example.signIn('admin');
  staff = await ok('staff.list', {}, lead);
  offices = await ok('offices.list', {}, lead);
  // Ingrid Solbakk (lege) works at Grong all day; Lars Erik Vassdal gets an account as a second doctor.
  await ok('rota.createShift', { staffId: person('Ingrid Solbakk'), officeId: office('Grong'), date: '2026-12-03', start: '07:00', end: '22:00', kind: 'clinic' }, lead);
  await ok('users.create', { staffId: person('Lars Erik Vassdal'), username: 'lege2', password: 'lege2-passord', roles: ['doctor'] }, admin);
  const signedIn = await call('session.signIn', { username: 'lege2', password: 'lege2-passord' }, '');
  if (!signedIn.ok) throw new Error(JSON.stringify(signedIn.error));
  otherDoctor = (signedIn.value as { sessionToken: string }).sessionToken;
}, 60_000);
afterAll(() => store.close());

function preparedEntry(medicineAction: 'given' | 'prepared' | null = 'prepared') {
  return {
    at: '2026-12-03T09:45',
    officeId: office('Grong'),
    nurseId: person('Marte Kvernmo'),
    patient: { kind: 'identityNumber', number: patient },
    contact: 'inPerson',
    icpc2Code: 'U71',
    // Without a routine, so a doctor must be named (she talked it over with Ingrid).
    medicineAction,
    medicineName: 'Fenoksymetylpenicillin 1 g',
    doctorId: person('Ingrid Solbakk'),
    outcome: 'resolvedByNurse',
  };
}

async function logPrepared(): Promise<string> {
  return (await ok<{ id: string }>('consultations.create', preparedEntry(), nurse)).id;
}

describe('prepared prescriptions', () => {
  let consultationId: string;
  let request: Row;

  it('go to the doctor responsible when the entry is saved, masked, and viewing them is logged', async () => {
    consultationId = await logPrepared();
    const mine = await ok<{ rows: Row[] }>('prescriptions.toSign', {}, doctor);
    request = mine.rows.find((r) => r.consultationId === consultationId)!;
    expect(request).toMatchObject({ doctorName: 'Ingrid Solbakk', responsibleKind: 'onSite', nurseName: 'Marte Kvernmo', overdue: false, overdueFrom: '2026-12-04T10:00', answer: null });
    expect(request.patient.idNumber).toBe(`${patient.slice(0, 6)}*****`);
    expect(JSON.stringify(mine)).not.toContain(patient);
    const viewed = listAuditEvents(store.db, { actions: ['prescription.viewed'], targetIds: [consultationId] });
    expect(viewed.length).toBeGreaterThan(0);
    expect(viewed[0]!.patientRef).not.toBeNull();
    expect((await ok<{ rows: Row[] }>('prescriptions.mine', {}, nurse)).rows.map((r) => r.id)).toEqual([request.id]);
    // The doctor's inbox counts it and opens Rutiner › Resepter; no patient data is in the line.
    const line = await inboxLine(doctor, 'prescriptionsToSign');
    expect(line).toMatchObject({ params: { count: 1 }, actions: [{ kind: 'open', requestId: 'prescriptions' }] });
    expect(JSON.stringify(line)).not.toContain(patient.slice(0, 6));
  });

  it('are not shown to, and cannot be answered by, another doctor', async () => {
    const others = await ok<{ rows: Row[] }>('prescriptions.toSign', {}, otherDoctor);
    expect(others.rows.map((r) => r.id)).not.toContain(request.id);
    expect(await inboxLine(otherDoctor, 'prescriptionsToSign')).toBeUndefined();
    const refused = await call('prescriptions.answer', { requestId: request.id, answer: 'signed' }, otherDoctor);
    expect(refused).toMatchObject({ ok: false, error: { code: 'prescriptions.notResponsible' } });
    const byNurse = await call('prescriptions.answer', { requestId: request.id, answer: 'signed' }, nurse);
    expect(byNurse).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
  });

  it('are flagged to the doctor and the lead after one working day', async () => {
    expect((await ok<{ rows: Row[] }>('prescriptions.flagged', {}, lead)).rows.map((r) => r.id)).not.toContain(request.id);
    now = new Date('2026-12-04T09:00:00Z'); // Friday 10:00 in Oslo: one working day later
    const toSign = await ok<{ rows: Row[] }>('prescriptions.toSign', {}, doctor);
    expect(toSign.rows.find((r) => r.id === request.id)?.overdue).toBe(true);
    const flagged = await ok<{ rows: Row[] }>('prescriptions.flagged', {}, lead);
    expect(flagged.rows.find((r) => r.id === request.id)).toMatchObject({ overdue: true, doctorName: 'Ingrid Solbakk' });
    expect((await inboxLine(lead, 'prescriptionsFlagged'))?.params.count).toBe(flagged.rows.length);
    expect(await call('prescriptions.flagged', {}, doctor)).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
  });

  it('are declined only with a reason; the nurse sees the answer; answering is audited once', async () => {
    const noReason = await call('prescriptions.answer', { requestId: request.id, answer: 'declined', reason: '' }, doctor);
    expect(noReason).toMatchObject({ ok: false, error: { code: 'validation.failed', fields: { reason: 'required' } } });
    await ok('prescriptions.answer', { requestId: request.id, answer: 'declined', reason: 'Pasienten må til kontroll først' }, doctor);
    expect((await ok<{ rows: Row[] }>('prescriptions.toSign', {}, doctor)).rows.map((r) => r.id)).not.toContain(request.id);
    expect((await ok<{ rows: Row[] }>('prescriptions.flagged', {}, lead)).rows.map((r) => r.id)).not.toContain(request.id);
    expect(await inboxLine(doctor, 'prescriptionsToSign')).toBeUndefined();
    const mine = await ok<{ rows: Row[] }>('prescriptions.mine', {}, nurse);
    expect(mine.rows.find((r) => r.id === request.id)).toMatchObject({ overdue: false, answer: { answer: 'declined', reason: 'Pasienten må til kontroll først', byName: 'Ingrid Solbakk' } });
    const again = await call('prescriptions.answer', { requestId: request.id, answer: 'signed' }, doctor);
    expect(again).toMatchObject({ ok: false, error: { code: 'prescriptions.alreadyAnswered' } });
    const answered = listAuditEvents(store.db, { actions: ['prescription.answered'], targetIds: [consultationId] });
    expect(answered).toHaveLength(1);
    expect(answered[0]!.details).toEqual({ requestId: request.id, answer: 'declined' });
  });

  it('follow corrections: corrected to prepared makes a request, corrected away withdraws it', async () => {
    const { id } = await ok<{ id: string }>('consultations.create', { ...preparedEntry(null), medicineName: null }, nurse);
    const mine = async () => (await ok<{ rows: (Row & { cancelled: boolean; withdrawn: boolean })[] }>('prescriptions.mine', {}, nurse)).rows.filter((r) => r.consultationId === id);
    expect(await mine()).toEqual([]);
    await ok('consultations.amend', { id, entry: preparedEntry('prepared'), reason: 'Resepten var forberedt' }, nurse);
    const [made] = await mine();
    expect(made).toMatchObject({ cancelled: false, withdrawn: false, answer: null, doctorName: 'Ingrid Solbakk' });
    expect((await ok<{ rows: Row[] }>('prescriptions.toSign', {}, doctor)).rows.map((r) => r.id)).toContain(made!.id);
    await ok('consultations.amend', { id, entry: preparedEntry('given'), reason: 'Legemidlet ble gitt, ikke forberedt' }, nurse);
    expect(await mine()).toEqual([expect.objectContaining({ id: made!.id, cancelled: true, withdrawn: true })]);
    expect((await ok<{ rows: Row[] }>('prescriptions.toSign', {}, doctor)).rows.map((r) => r.id)).not.toContain(made!.id);
    expect(await call('prescriptions.answer', { requestId: made!.id, answer: 'signed' }, doctor)).toMatchObject({ ok: false, error: { code: 'prescriptions.withdrawn' } });
  });

  it('lose the decline reason when retention anonymises the entry', async () => {
    const before = store.db.prepare('SELECT count(*) FROM prescription_answers WHERE reason IS NOT NULL').pluck().get();
    expect(before).toBe(1);
    now = new Date('2029-12-04T09:00:00Z'); // three years later, past the default 24 months
    const preview = await ok<{ cutoff: string }>('consultations.retentionPreview', {}, admin);
    await ok('consultations.anonymise', { cutoff: preview.cutoff }, admin);
    expect(store.db.prepare('SELECT count(*) FROM prescription_answers WHERE reason IS NOT NULL').pluck().get()).toBe(0);
    expect(store.db.prepare('SELECT answer FROM prescription_answers').pluck().all()).toEqual(['declined']);
  });
});
