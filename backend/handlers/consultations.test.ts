// Tests for the consultation log handlers: save with rules, amend and cancel with history, masked lists, logged reveal and search, statistics, export, import, retention.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticIdentityNumber } from '../../domain/consultations/synthetic';
import { openExampleBackend } from '../../test/helpers/example-backend';
import type { ExampleBackend } from '../../test/helpers/example-backend';

let example: ExampleBackend;
let store: ExampleBackend['store'];
let reception: string;
let nurse: string;
let admin: string;
let lead: string;
let staff: { id: string; name: string; profession: string }[];
let offices: { id: string; name: string }[];
let now = new Date('2026-11-26T09:00:00Z'); // 10:00 in Oslo

const call = (method: string, input: unknown, token: string) => example.call(method, input, token);
const ok = <T>(method: string, input: unknown, token: string) => example.ok<T>(method, input, token);
const person = (name: string) => staff.find((s) => s.name === name)!.id;
const office = (name: string) => offices.find((o) => o.name.startsWith(name))!.id;
const patientA = syntheticIdentityNumber('1961-03-14', 200)!;
const patientB = syntheticIdentityNumber('1990-07-02', 300)!;

function entry(overrides: Record<string, unknown> = {}) {
  return {
    at: '2026-11-26T09:30',
    officeId: office('Grong'),
    nurseId: person('Marte Kvernmo'),
    patient: { kind: 'identityNumber', number: patientA },
    contact: 'phone',
    icpc2Code: 'U71',
    outcome: 'resolvedByNurse',
    note: 'Svie ved vannlating i to dager',
    ...overrides,
  };
}

type Row = { id: string; patient: { idNumber: string | null }; outcome: string; cancelled: boolean; amendmentCount: number };

beforeAll(async () => {
  example = await openExampleBackend(() => now);
  store = example.store;
  reception = await example.signIn('resepsjon');
  nurse = await example.signIn('sykepleier');
  admin = await example.signIn('admin');
  lead = await example.signIn('leder');
  staff = await ok('staff.list', {}, lead);
  offices = await ok('offices.list', {}, lead);
});
afterAll(() => store.close());

describe('saving an entry', () => {
  it('saves, masks the identity number in lists and logs the creation', async () => {
    const { id } = await ok<{ id: string; warnings: string[] }>('consultations.create', entry(), reception);
    const list = await ok<{ rows: Row[] }>('consultations.list', { fromDate: '2026-11-26', toDate: '2026-11-26', officeId: office('Grong') }, reception);
    const row = list.rows.find((r) => r.id === id)!;
    expect(row.patient.idNumber).toBe(`${patientA.slice(0, 6)}*****`);
    expect(JSON.stringify(list)).not.toContain(patientA);
    expect(JSON.stringify(list)).not.toContain('Svie');
    const audit = await ok<{ events: { action: string; targetId: string | null }[] }>('audit.list', { fromDate: '2026-11-26', toDate: '2026-11-26' }, admin);
    expect(audit.events).toContainEqual(expect.objectContaining({ action: 'consultation.created', targetId: id }));
  });

  it('warns, but saves, when the nurse is not on duty at that time', async () => {
    const result = await ok<{ warnings: string[] }>('consultations.create', entry({ at: '2026-11-26T03:10' }), reception);
    expect(result.warnings).toEqual(['nurseNotOnDuty']);
  });

  it('refuses an invalid identity number, a future time and medicine without routine or doctor, saving nothing', async () => {
    const before = (await ok<{ total: number }>('consultations.list', { fromDate: '2026-01-01', toDate: '2026-12-31' }, reception)).total;
    const bad = await call('consultations.create', entry({ patient: { kind: 'identityNumber', number: `${patientA.slice(0, 10)}${(Number(patientA[10]) + 1) % 10}` } }), reception);
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation.failed', fields: { 'patient.number': 'invalidFormat' }, params: { identityMessage: expect.stringMatching(/Kontrollsifferet/) } } });
    const future = await call('consultations.create', entry({ at: '2026-11-26T11:00' }), reception);
    expect(future).toMatchObject({ ok: false, error: { fields: { at: 'outOfRange' } } });
    const medicine = await call('consultations.create', entry({ medicineAction: 'given', medicineName: 'Paracetamol' }), reception);
    expect(medicine).toMatchObject({ ok: false, error: { fields: { doctorId: 'required' } } });
    // The nurse must be a nurse: a secretary's or a doctor's staff id is refused, as the form only offers nurses.
    for (const notANurse of staff.filter((member) => member.profession !== 'nurse').slice(0, 3)) {
      const refused = await call('consultations.create', entry({ nurseId: notANurse.id }), reception);
      expect(refused, notANurse.name).toMatchObject({ ok: false, error: { code: 'validation.failed', fields: { nurseId: 'invalidChoice' } } });
    }
    expect((await ok<{ total: number }>('consultations.list', { fromDate: '2026-01-01', toDate: '2026-12-31' }, reception)).total).toBe(before);
  });

  it('refuses synthetic test numbers outside demo mode', async () => {
    store.db.prepare('UPDATE cooperation SET example_data = 0').run();
    try {
      const result = await call('consultations.create', entry(), reception);
      expect(result).toMatchObject({ ok: false, error: { fields: { 'patient.number': 'invalidFormat' }, params: { identityMessage: expect.stringMatching(/demo/) } } });
    } finally {
      store.db.prepare('UPDATE cooperation SET example_data = 1').run();
    }
  });

  it('offers only routines the nurse may use, and blocks a refused routine with the reason', async () => {
    const jonas = person('Jonas Sandmo');
    const options = await ok<{ routineId: string; title: string; allowed: boolean; reasons: string[] }[]>('consultations.routineOptions', { nurseId: jonas, date: '2026-11-26' }, reception);
    const refused = options.find((o) => !o.allowed)!;
    expect(refused.reasons.join(' ')).toMatch(/utløp/);
    const result = await call('consultations.create', entry({ nurseId: jonas, routineId: refused.routineId, medicineAction: 'prepared' }), reception);
    expect(result).toMatchObject({ ok: false, error: { code: 'consultations.routineRefused', params: { routine: refused.title } } });

    const marte = await ok<{ routineId: string; allowed: boolean }[]>('consultations.routineOptions', { nurseId: person('Marte Kvernmo'), date: '2026-11-26' }, reception);
    const allowed = marte.find((o) => o.allowed)!;
    const saved = await ok<{ id: string }>('consultations.create', entry({ routineId: allowed.routineId, medicineAction: 'given' }), reception);
    const detail = await ok<{ routineVersion: number; medicine: { action: string; name: string } }>('consultations.get', { id: saved.id }, reception);
    expect(detail.routineVersion).toBe(1);
    expect(detail.medicine.action).toBe('given');
  });
});

describe('amendments and cancellation', () => {
  it('amends with a reason, keeps the original in the history and refuses an amendment that changes nothing', async () => {
    const { id } = await ok<{ id: string }>('consultations.create', entry({ patient: { kind: 'identityNumber', number: patientB } }), reception);
    const amended = await ok<{ changedFields: string[] }>('consultations.amend', { id, entry: entry({ patient: { kind: 'identityNumber', number: patientB }, outcome: 'bookedWithDoctor' }), reason: 'Feil utfall' }, nurse);
    expect(amended.changedFields).toEqual(['outcome']);
    const same = await call('consultations.amend', { id, entry: entry({ patient: { kind: 'identityNumber', number: patientB }, outcome: 'bookedWithDoctor' }), reason: 'Igjen' }, nurse);
    expect(same).toMatchObject({ ok: false, error: { code: 'consultations.noChanges' } });
    const detail = await ok<{ outcome: string; history: { kind: string; reason: string | null; changes: { field: string; before: unknown; after: unknown }[] }[] }>('consultations.get', { id }, reception);
    expect(detail.outcome).toBe('bookedWithDoctor');
    expect(detail.history.map((h) => h.kind)).toEqual(['recorded', 'amended']);
    expect(detail.history[1]).toMatchObject({ reason: 'Feil utfall', changes: [{ field: 'outcome', before: 'resolvedByNurse', after: 'bookedWithDoctor' }] });
    const filtered = await ok<{ rows: Row[] }>('consultations.list', { fromDate: '2026-11-26', toDate: '2026-11-26', outcome: 'bookedWithDoctor' }, reception);
    expect(filtered.rows.map((r) => r.id)).toContain(id);
  });

  it('cancels with a reason: the entry stays with its history, leaves the statistics and cannot be amended', async () => {
    const stats = async () => (await ok<{ total: { count: number } }>('consultations.statistics', { fromDate: '2026-11-26', toDate: '2026-11-26', period: 'week' }, lead)).total.count;
    const { id } = await ok<{ id: string }>('consultations.create', entry(), reception);
    const before = await stats();
    await ok('consultations.cancel', { id, reason: 'Registrert to ganger' }, reception);
    expect(await stats()).toBe(before - 1);
    const detail = await ok<{ cancelled: boolean; cancelledReason: string; history: { kind: string }[] }>('consultations.get', { id }, reception);
    expect(detail).toMatchObject({ cancelled: true, cancelledReason: 'Registrert to ganger' });
    expect(await call('consultations.amend', { id, entry: entry({ outcome: 'emergency113' }), reason: 'x' }, reception)).toMatchObject({ ok: false, error: { code: 'consultations.cancelled' } });
    const visible = await ok<{ rows: Row[] }>('consultations.list', { fromDate: '2026-11-26', toDate: '2026-11-26', includeCancelled: true }, reception);
    expect(visible.rows.find((r) => r.id === id)?.cancelled).toBe(true);
    const hidden = await ok<{ rows: Row[] }>('consultations.list', { fromDate: '2026-11-26', toDate: '2026-11-26' }, reception);
    expect(hidden.rows.some((r) => r.id === id)).toBe(false);
    expect(store.db.prepare('SELECT count(*) FROM consultations WHERE id = ?').pluck().get(id)).toBe(1);
  });
});

describe('access to identities', () => {
  it('reveals a number only with a reason, and the admin sees who accessed the patient', async () => {
    const patientC = syntheticIdentityNumber('1975-12-24', 400)!;
    const { id } = await ok<{ id: string }>('consultations.create', entry({ patient: { kind: 'identityNumber', number: patientC } }), reception);
    expect(await call('consultations.reveal', { id, reason: '' }, nurse)).toMatchObject({ ok: false, error: { fields: { reason: 'required' } } });
    expect(await ok('consultations.reveal', { id, reason: 'Ringe pasienten tilbake' }, nurse)).toEqual({ id, idNumber: patientC });
    const found = await ok<{ rows: Row[] }>('consultations.searchByIdentity', { identityNumber: patientC, reason: 'Pasienten ringte' }, reception);
    expect(found.rows.map((r) => r.id)).toEqual([id]);
    expect(await call('consultations.reveal', { id, reason: 'x' }, admin)).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });

    const access = await ok<{ entryCount: number; events: { action: string; username: string; reason: string | null }[] }>('audit.patientAccess', { identityNumber: patientC, reason: 'Innsynsbegjæring' }, admin);
    expect(access.entryCount).toBe(1);
    expect(access.events.map((e) => [e.action, e.username])).toEqual(
      expect.arrayContaining([
        ['consultation.created', 'resepsjon'],
        ['consultation.revealed', 'sykepleier'],
        ['consultation.searchedByIdentity', 'resepsjon'],
      ]),
    );
    expect(access.events.find((e) => e.action === 'consultation.revealed')?.reason).toBe('Ringe pasienten tilbake');
    const raw = store.db.prepare('SELECT group_concat(patient_ref) || group_concat(details) FROM audit_events').pluck().get() as string;
    expect(raw).not.toContain(patientC);
  });
});

describe('statistics and export', () => {
  it('counts per office with the share resolved without a doctor, and exports CSV and XLSX without identities', async () => {
    now = new Date('2026-11-26T09:00:00Z');
    const input = { fromDate: '2026-11-23', toDate: '2026-11-29', period: 'week' };
    const stats = await ok<{ rows: { officeId: string; count: number; resolvedWithoutDoctor: number; shareResolvedWithoutDoctor: number }[] }>('consultations.statistics', input, lead);
    const grong = stats.rows.find((r) => r.officeId === office('Grong'))!;
    expect(grong.count).toBeGreaterThan(0);
    expect(grong.shareResolvedWithoutDoctor).toBeCloseTo(grong.resolvedWithoutDoctor / grong.count);

    const csv = await ok<{ fileName: string; contentBase64: string }>('consultations.exportStatistics', { ...input, format: 'csv' }, lead);
    const text = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
    expect(csv.fileName).toMatch(/\.csv$/);
    expect(text).toContain('Kontor;Uke;Antall;Løst uten lege');
    expect(text).toContain(`Grong legekontor;2026-W48;${grong.count};${grong.resolvedWithoutDoctor}`);
    expect(text).not.toContain(patientA.slice(6));

    const xlsx = await ok<{ contentBase64: string }>('consultations.exportStatistics', { ...input, format: 'xlsx' }, lead);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(3).value).toBe('Antall');
    const audit = await ok<{ events: { action: string }[] }>('audit.list', { fromDate: '2026-11-26', toDate: '2026-11-26', action: 'consultation.exported' }, admin);
    expect(audit.events).toHaveLength(2);
  });
});

describe('weekly overview', () => {
  it("shows each office's consultation count for the week, without cancelled entries", async () => {
    const week = async () => (await ok<{ consultationCounts: Record<string, number> }>('overview.week', { week: { year: 2026, week: 48 }, officeId: null }, lead)).consultationCounts;
    const before = (await week())[office('Lierne')] ?? 0;
    const { id } = await ok<{ id: string }>('consultations.create', entry({ officeId: office('Lierne'), at: '2026-11-24T10:00' }), reception);
    expect((await week())[office('Lierne')]).toBe(before + 1);
    await ok('consultations.cancel', { id, reason: 'Feil kontor' }, reception);
    expect((await week())[office('Lierne')] ?? 0).toBe(before);
  });
});

describe('dates far from today', () => {
  it('saves a date far back (the form asked first) and refuses a date that does not exist, at the date', async () => {
    expect(await call('consultations.create', entry({ at: '0072-11-26T09:30' }), reception)).toMatchObject({ ok: true });
    expect(await call('consultations.create', entry({ at: '2026-02-29T09:30' }), reception)).toMatchObject({ ok: false, error: { code: 'validation.failed', fields: { 'at.date': 'invalidFormat' } } });
    expect(await call('consultations.create', entry({ at: '2207-11-26T09:30' }), reception)).toMatchObject({ ok: false, error: { fields: { at: 'outOfRange' } } });
  });
});

describe('ICPC-2 import', () => {
  it('imports the official tab-separated file in latin1, records the import and stops the reminder', async () => {
    expect(await ok('consultations.icpc2Codes', {}, admin)).toMatchObject({ lastImportDate: null, reminder: { kind: 'neverImported' } });
    const text = 'Kode\tTekst_uten_lengdebegrensning\tTekst_med_maksimalt_60_tegn\tGyldig_fra\tGyldig_til\tKodeverk\r\n-30\tMedisinsk undersøkelse\t\t\t\tICPC-2\r\nH01\tØresmerte/øreverk\tØresmerte\t2000-01-01T00:00:00\t\tICPC-2\r\n';
    const file = { fileName: 'ICPC-2.txt', contentBase64: Buffer.from(text, 'latin1').toString('base64') };
    expect(await ok('consultations.icpc2ImportPreview', file, admin)).toMatchObject({ acceptedCount: 1, skipped: 1, rejected: [], sample: [{ code: 'H01', text: 'Øresmerte/øreverk' }] });
    expect(await ok('consultations.icpc2Import', file, admin)).toMatchObject({ added: 1, skipped: 1 });
    expect(await ok('consultations.icpc2Codes', {}, admin)).toMatchObject({ lastImportDate: '2026-11-26', reminder: { kind: 'none' } });
    const audit = await ok<{ events: { action: string }[] }>('audit.list', { fromDate: '2026-11-26', toDate: '2026-11-26' }, admin);
    expect(audit.events).toContainEqual(expect.objectContaining({ action: 'icpc2.imported' }));
    const saved = now;
    now = new Date('2027-01-01T08:00:00Z');
    expect(await ok('consultations.icpc2Codes', {}, admin)).toMatchObject({ reminder: { kind: 'outdated', lastImportYear: 2026, year: 2027 } });
    now = saved;
  });

  it('previews a CSV file with rejected lines and imports the accepted codes once', async () => {
    const csv = 'Kode;Tekst\nR74;Øvre luftveisinfeksjon (offisiell)\nQ11;Feil\nK86;Hypertensjon ukomplisert\n';
    const file = { fileName: 'icpc2.csv', contentBase64: Buffer.from(csv).toString('base64') };
    const preview = await ok<{ acceptedCount: number; rejected: { line: number; reason: string }[] }>('consultations.icpc2ImportPreview', file, lead);
    expect(preview.acceptedCount).toBe(2);
    expect(preview.rejected).toEqual([expect.objectContaining({ line: 3, reason: 'invalidCode' })]);
    expect(await ok('consultations.icpc2Import', file, lead)).toMatchObject({ added: 2, updated: 0, rejected: 1 });
    expect(await ok('consultations.icpc2Import', file, lead)).toMatchObject({ added: 0, unchanged: 2 });
    const codes = await ok<{ codes: { code: string; title: string }[] }>('consultations.icpc2Codes', {}, reception);
    expect(codes.codes.find((c) => c.code === 'R74')?.title).toBe('Øvre luftveisinfeksjon (offisiell)');
    expect(codes.codes.find((c) => c.code === 'K86')?.title).toBe('Hypertensjon ukomplisert');
  });

  it('reads an XLSX file and refuses a file that is no table', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Koder');
    sheet.addRow(['Kode', 'Tekst']);
    sheet.addRow(['T90', 'Diabetes type 2']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = await ok<{ acceptedCount: number }>('consultations.icpc2ImportPreview', { fileName: 'koder.xlsx', contentBase64: bytes.toString('base64') }, lead);
    expect(preview.acceptedCount).toBe(1);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect(await call('consultations.icpc2ImportPreview', { fileName: 'bilde.csv', contentBase64: png.toString('base64') }, lead)).toMatchObject({
      ok: false,
      error: { code: 'consultations.importUnreadable', params: { fileName: 'bilde.csv' } },
    });
    const broken = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(await call('consultations.icpc2ImportPreview', { fileName: 'x.xlsx', contentBase64: broken.toString('base64') }, lead)).toMatchObject({ ok: false, error: { code: 'consultations.importUnreadable' } });
  });
});

describe('retention', () => {
  it('previews and anonymises entries older than the period, keeping them in the statistics', async () => {
    now = new Date('2026-11-26T09:00:00Z');
    await ok('consultations.create', entry({ at: '2026-11-26T08:00' }), reception);
    const old = await ok<{ id: string }>('consultations.create', entry({ at: '2026-11-26T08:30', patient: { kind: 'identityNumber', number: patientB } }), reception);
    await ok('consultations.amend', { id: old.id, entry: entry({ at: '2026-11-26T08:30', patient: { kind: 'identityNumber', number: patientB }, note: 'Ny merknad om pasienten' }), reason: 'Rettet merknad' }, reception);
    // Three years later, with the default 24 months.
    now = new Date('2029-11-26T09:00:00Z');
    const statsBefore = await ok<{ total: { count: number } }>('consultations.statistics', { fromDate: '2026-01-01', toDate: '2026-12-31', period: 'month' }, lead);
    const preview = await ok<{ months: number; cutoff: string; count: number }>('consultations.retentionPreview', {}, admin);
    expect(preview).toMatchObject({ months: 24, cutoff: '2027-11-26' });
    expect(preview.count).toBeGreaterThan(0);
    expect(await call('consultations.anonymise', { cutoff: '2028-01-01' }, admin)).toMatchObject({ ok: false, error: { fields: { cutoff: 'outOfRange' } } });
    expect(await ok('consultations.anonymise', { cutoff: preview.cutoff }, admin)).toEqual({ anonymised: preview.count });
    const leftover = store.db.prepare("SELECT count(*) FROM consultations WHERE at < '2027-11-26' AND (patient_id_number IS NOT NULL OR note IS NOT NULL)").pluck().get();
    expect(leftover).toBe(0);
    const amendmentText = store.db.prepare('SELECT group_concat(changes) FROM consultation_amendments').pluck().get() as string;
    expect(amendmentText).not.toContain('Ny merknad');
    expect(amendmentText).not.toContain(patientB);
    const statsAfter = await ok<{ total: { count: number } }>('consultations.statistics', { fromDate: '2026-01-01', toDate: '2026-12-31', period: 'month' }, lead);
    expect(statsAfter.total.count).toBe(statsBefore.total.count);
    expect((await ok<{ count: number }>('consultations.retentionPreview', {}, admin)).count).toBe(0);
    now = new Date('2026-11-26T09:00:00Z');
  });
});
