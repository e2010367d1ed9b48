// Tests for the patient's access report and Min logg: who (name, roles), when, what, why; only that patient; the period's bounds; the report is audited without the number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticIdentityNumber } from '../../domain/consultations/synthetic';
import { patientRef } from '../../db/audit';
import { openExampleBackend } from '../../test/helpers/example-backend';
import type { ExampleBackend } from '../../test/helpers/example-backend';
import { accessReport } from './access-report';
import type { AccessReportRow } from './access-report';

let example: ExampleBackend;
let reception: string;
let admin: string;
let nurse: string;
let now = new Date('2027-02-10T09:00:00Z');
const patient = syntheticIdentityNumber('1975-05-05', 410)!;
const other = syntheticIdentityNumber('1982-08-21', 520)!;
let entryId = '';
let otherEntryId = '';

const ok = <T>(method: string, input: unknown, token: string) => example.ok<T>(method, input, token);
const at = (iso: string) => {
  now = new Date(iso);
};

async function createEntry(number: string, time: string): Promise<string> {
  const offices = await ok<{ id: string; name: string }[]>('offices.list', {}, reception);
  const staff = await ok<{ id: string; name: string }[]>('staff.list', {}, reception);
  const input = {
    at: time,
    officeId: offices.find((o) => o.name.startsWith('Grong'))!.id,
    nurseId: staff.find((s) => s.name === 'Marte Kvernmo')!.id,
    patient: { kind: 'identityNumber', number },
    contact: 'phone',
    icpc2Code: 'U71',
    outcome: 'resolvedByNurse',
    note: null,
  };
  return (await ok<{ id: string }>('consultations.create', input, reception)).id;
}

beforeAll(async () => {
  example = await openExampleBackend(() => now);
  reception = await example.signIn('resepsjon');
  admin = await example.signIn('admin');
  nurse = await example.signIn('sykepleier');
  // 10 Feb 10:00 Oslo: recorded; 11 Feb: viewed by the nurse, number revealed with a reason; 12 Feb: searched for.
  at('2027-02-10T09:00:00Z');
  entryId = await createEntry(patient, '2027-02-10T09:55');
  otherEntryId = await createEntry(other, '2027-02-10T09:58');
  at('2027-02-11T08:30:00Z');
  await ok('consultations.get', { id: entryId }, nurse);
  await ok('consultations.get', { id: otherEntryId }, nurse);
  at('2027-02-11T08:31:00Z');
  await ok('consultations.reveal', { id: entryId, reason: 'Ringe pasienten tilbake' }, nurse);
  // 23:30 UTC on the 11th is 00:30 on the 12th in Oslo.
  at('2027-02-11T23:30:00Z');
  await ok('consultations.searchByIdentity', { identityNumber: patient, reason: 'Pasienten ringte' }, reception);
  await ok('consultations.searchByIdentity', { identityNumber: other, reason: 'Annen pasient' }, reception);
  at('2027-02-15T12:00:00Z');
});
afterAll(() => example.store.close());

const brief = (row: AccessReportRow) => ({ at: row.at, name: row.name, roles: row.roles, action: row.action, reason: row.reason, entryAt: row.entryAt });

describe('accessReport', () => {
  it('lists who (name and roles), when, what and why for every access to the patient, oldest first', () => {
    const report = accessReport(example.store.db, patient, '2027-02-01', '2027-02-28');
    expect(report.entryCount).toBe(1);
    expect(report.rows.map(brief)).toEqual([
      { at: '2027-02-10T09:00:00.000Z', name: 'Anne Berit Formoen', roles: ['receptionist'], action: 'consultation.created', reason: null, entryAt: '2027-02-10T09:55' },
      { at: '2027-02-11T08:30:00.000Z', name: 'Marte Kvernmo', roles: ['nurse'], action: 'consultation.viewed', reason: null, entryAt: '2027-02-10T09:55' },
      { at: '2027-02-11T08:31:00.000Z', name: 'Marte Kvernmo', roles: ['nurse'], action: 'consultation.revealed', reason: 'Ringe pasienten tilbake', entryAt: '2027-02-10T09:55' },
      { at: '2027-02-11T23:30:00.000Z', name: 'Anne Berit Formoen', roles: ['receptionist'], action: 'consultation.searchedByIdentity', reason: 'Pasienten ringte', entryAt: null },
    ]);
  });

  it('never shows accesses to another patient', () => {
    const report = accessReport(example.store.db, patient, '2027-02-01', '2027-02-28');
    expect(report.rows.map((row) => row.reason)).not.toContain('Annen pasient');
    const otherReport = accessReport(example.store.db, other, '2027-02-01', '2027-02-28');
    expect(otherReport.rows.map((row) => row.action)).toEqual(['consultation.created', 'consultation.viewed', 'consultation.searchedByIdentity']);
    expect(otherReport.rows.every((row) => row.entryAt !== '2027-02-10T09:55')).toBe(true);
  });

  it('keeps to the period in Norwegian days, both ends inclusive', () => {
    const day = (date: string) => accessReport(example.store.db, patient, date, date).rows.map((row) => row.action);
    expect(day('2027-02-10')).toEqual(['consultation.created']);
    expect(day('2027-02-11')).toEqual(['consultation.viewed', 'consultation.revealed']);
    // 23:30 UTC on the 11th belongs to Oslo's 12th.
    expect(day('2027-02-12')).toEqual(['consultation.searchedByIdentity']);
    expect(accessReport(example.store.db, patient, '2027-02-11', '2027-02-12').rows).toHaveLength(3);
    expect(accessReport(example.store.db, patient, '2027-01-01', '2027-02-09').rows).toEqual([]);
  });
});

describe('audit.accessReport', () => {
  it('gives the report with the number masked, and logs that it was made with the patient reference only', async () => {
    at('2027-02-15T12:00:00Z');
    const report = await ok<{ maskedIdentityNumber: string; createdBy: string; rows: AccessReportRow[] }>('audit.accessReport', { identityNumber: patient, fromDate: '2027-02-01', toDate: '2027-02-28' }, admin);
    expect(report.maskedIdentityNumber).toBe(`${patient.slice(0, 6)}*****`);
    expect(report.rows).toHaveLength(4);
    const logged = example.store.db.prepare("SELECT * FROM audit_events WHERE action = 'audit.accessReportCreated'").all() as Record<string, unknown>[];
    expect(logged).toHaveLength(1);
    expect(logged[0]!.patient_ref).toBe(patientRef(patient));
    expect(JSON.stringify(logged)).not.toContain(patient);
    // The next report shows that the admin made one.
    const again = await ok<{ rows: AccessReportRow[] }>('audit.accessReport', { identityNumber: patient, fromDate: '2027-02-01', toDate: '2027-02-28' }, admin);
    expect(again.rows.at(-1)).toMatchObject({ action: 'audit.accessReportCreated', name: 'Øystein Admin-Rønning', roles: ['admin'] });
  });

  it('refuses a wrong number and a reversed period, and is for admins only', async () => {
    const wrong = await example.call('audit.accessReport', { identityNumber: '12345678901', fromDate: '2027-02-01', toDate: '2027-02-28' }, admin);
    expect(wrong).toMatchObject({ ok: false, error: { fields: { identityNumber: 'invalidFormat' } } });
    const reversed = await example.call('audit.accessReport', { identityNumber: patient, fromDate: '2027-02-28', toDate: '2027-02-01' }, admin);
    expect(reversed).toMatchObject({ ok: false, error: { fields: { toDate: 'timeOrder' } } });
    const nurseCall = await example.call('audit.accessReport', { identityNumber: patient, fromDate: '2027-02-01', toDate: '2027-02-28' }, nurse);
    expect(nurseCall).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
  });
});

describe('audit.ownLog', () => {
  it("shows only the caller's own events, newest first, a page at a time, with the total", async () => {
    const first = await ok<{ total: number; offset: number; events: { action: string; userId: string; name: string }[] }>('audit.ownLog', { fromDate: '2027-02-01', toDate: '2027-02-28', limit: 2 }, nurse);
    // The nurse signed in, viewed two entries and revealed one number.
    expect(first.total).toBe(4);
    expect(first.events.map((event) => event.action)).toEqual(['consultation.revealed', 'consultation.viewed']);
    expect(new Set(first.events.map((event) => event.name))).toEqual(new Set(['Marte Kvernmo']));
    const second = await ok<{ events: { action: string }[] }>('audit.ownLog', { fromDate: '2027-02-01', toDate: '2027-02-28', offset: 2, limit: 2 }, nurse);
    expect(second.events.map((event) => event.action)).toEqual(['consultation.viewed', 'session.signedIn']);
    const reception = await ok<{ events: { action: string }[] }>('audit.ownLog', { fromDate: '2027-02-11', toDate: '2027-02-12' }, await example.signIn('resepsjon'));
    expect(reception.events.map((event) => event.action)).toEqual(['consultation.searchedByIdentity', 'consultation.searchedByIdentity']);
  });
});

describe('roles at the time', () => {
  it('shows the roles a person held when they accessed the entry, not the roles given later', async () => {
    at('2027-02-20T12:00:00Z');
    const users = await ok<{ id: string; username: string }[]>('users.list', {}, admin);
    const receptionist = users.find((user) => user.username === 'resepsjon')!;
    await ok('users.update', { id: receptionist.id, roles: ['receptionist', 'lead'], active: true }, admin);
    const report = await ok<{ rows: AccessReportRow[] }>('audit.accessReport', { identityNumber: patient, fromDate: '2027-02-01', toDate: '2027-02-12' }, admin);
    expect(report.rows.filter((row) => row.name === 'Anne Berit Formoen').map((row) => row.roles)).toEqual([['receptionist'], ['receptionist']]);
    // Without the chain (a store from before signing) the roles are today's.
    expect(accessReport(example.store.db, patient, '2027-02-10', '2027-02-10').rows[0]!.roles).toEqual(['receptionist', 'lead']);
  });
});
