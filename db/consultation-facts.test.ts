// Tests that the write path keeps consultation_facts right: the whole row with a new entry, only the changed columns with an amendment or a cancellation, and nothing patient-identifying.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryFields } from '../domain/consultations/amendments';
import { openExampleBackend } from '../test/helpers/example-backend';
import type { ExampleBackend } from '../test/helpers/example-backend';
import { countsByOffice, getConsultationFacts, writeConsultationFacts } from './consultation-facts';
import { appendAmendment, insertConsultation } from './consultations';
import { listOffices } from './offices';
import { listStaff } from './staff';
import { SYNCED_TABLES } from './sync-tables';
import { TrustRefusedError } from './write-path';

describe('consultation_facts on the write path', () => {
  let app: ExampleBackend;
  let fields: EntryFields;
  let otherOffice: string;
  let receptionist: string;
  beforeAll(async () => {
    app = await openExampleBackend(() => new Date('2026-04-01T10:00:00Z'));
    const offices = listOffices(app.store.db).map((office) => office.id);
    const staff = listStaff(app.store.db);
    receptionist = app.store.db.prepare("SELECT id FROM users WHERE username = 'resepsjon'").pluck().get() as string;
    otherOffice = offices[1] as string;
    fields = {
      at: '2026-03-30T09:15',
      officeId: offices[0] as string,
      nurseId: staff.find((member) => member.profession === 'nurse')?.id as string,
      patient: { kind: 'synthetic', idNumber: '01819012345', birthYear: 1990, sex: 'female' },
      contact: 'phone',
      icpc2Code: 'r74',
      routineId: null,
      routineVersion: null,
      medicine: null,
      outcome: 'resolvedByNurse',
      doctorId: null,
      followUpDate: null,
      note: 'Hoste i tre dager',
    };
  });
  afterAll(() => app.store.close());

  /** The consultation_facts cells the transaction at `hlc` put in the outbox, by column. */
  const factCells = (hlc: string, id: string) =>
    Object.fromEntries(
      (app.store.db.prepare("SELECT column_name, value_json FROM outbox WHERE hlc = ? AND table_name = 'consultation_facts' AND row_id = ?").all(hlc, id) as { column_name: string; value_json: string }[]).map(
        (cell) => [cell.column_name, JSON.parse(cell.value_json) as unknown],
      ),
    );

  it('writes the whole row with a new entry, in the same transaction, holding only the figures', async () => {
    const { id, hlc } = await app.writeAs('resepsjon', (changes) => ({ id: insertConsultation(changes, { ...fields, recordedBy: receptionist, recordedAt: '2026-03-30T07:16:00.000Z' }), hlc: changes.hlc }));
    expect(getConsultationFacts(app.store.db, id)).toEqual({ officeId: fields.officeId, day: '2026-03-30', outcome: 'resolvedByNurse', withDoctor: false, contact: 'phone', chapter: 'R', cancelled: false, deleted: false });
    expect(factCells(hlc, id)).toEqual({ office_id: fields.officeId, day: '2026-03-30', outcome: 'resolvedByNurse', with_doctor: 0, contact: 'phone', chapter: 'R', cancelled: 0, deleted: 0 });
    // Nothing that names or describes the patient, nor the nurse, the time of day or the full code.
    expect(Object.keys(SYNCED_TABLES.consultation_facts.columns).sort()).toEqual(['cancelled', 'chapter', 'contact', 'day', 'office_id', 'outcome', 'with_doctor']);
    const stored = JSON.stringify(app.store.db.prepare('SELECT * FROM consultation_facts WHERE id = ?').get(id));
    for (const secret of ['01819012345', '1990', 'Hoste', fields.nurseId, '09:15', 'r74']) expect(stored).not.toContain(secret);
  });

  it('writes only the columns an amendment changes, and follows a cancellation', async () => {
    const id = await app.writeAs('resepsjon', (changes) => insertConsultation(changes, { ...fields, recordedBy: receptionist, recordedAt: '2026-03-30T07:16:00.000Z' }));
    const before = countsByOffice(app.store.db, '2026-03-30', '2026-04-05');
    const doctor = listStaff(app.store.db).find((member) => member.profession === 'doctor')?.id as string;

    // The note and the identity number are not figures: the facts row is not touched.
    const noteHlc = await app.writeAs('resepsjon', (changes) => {
      appendAmendment(changes, { consultationId: id, kind: 'amended', changes: { note: 'Bedre', patient: { ...fields.patient, idNumber: '01819012346' } }, reason: 'Feil', byUserId: receptionist, at: '2026-03-30T10:00:00.000Z' });
      return changes.hlc;
    });
    expect(factCells(noteHlc, id)).toEqual({});

    const outcomeHlc = await app.writeAs('resepsjon', (changes) => {
      appendAmendment(changes, { consultationId: id, kind: 'amended', changes: { outcome: 'doctorByPhone', doctorId: doctor }, reason: 'Feil utfall', byUserId: receptionist, at: '2026-03-30T10:05:00.000Z' });
      return changes.hlc;
    });
    expect(factCells(outcomeHlc, id)).toEqual({ outcome: 'doctorByPhone', with_doctor: 1 });

    const moveHlc = await app.writeAs('resepsjon', (changes) => {
      appendAmendment(changes, { consultationId: id, kind: 'amended', changes: { at: '2026-03-31T08:00', officeId: otherOffice, icpc2Code: 'A03' }, reason: 'Feil dag og kontor', byUserId: receptionist, at: '2026-03-31T10:00:00.000Z' });
      return changes.hlc;
    });
    expect(factCells(moveHlc, id)).toEqual({ day: '2026-03-31', office_id: otherOffice, chapter: 'A' });
    expect(getConsultationFacts(app.store.db, id)).toMatchObject({ officeId: otherOffice, day: '2026-03-31', outcome: 'doctorByPhone', withDoctor: true, contact: 'phone', chapter: 'A', cancelled: false });
    expect(countsByOffice(app.store.db, '2026-03-30', '2026-04-05')).toEqual({
      ...before,
      [fields.officeId]: (before[fields.officeId] ?? 0) - 1,
      [otherOffice]: (before[otherOffice] ?? 0) + 1,
    });

    const cancelHlc = await app.writeAs('resepsjon', (changes) => {
      appendAmendment(changes, { consultationId: id, kind: 'cancelled', changes: {}, reason: 'Registrert to ganger', byUserId: receptionist, at: '2026-03-31T11:00:00.000Z' });
      return changes.hlc;
    });
    expect(factCells(cancelHlc, id)).toEqual({ cancelled: 1 });
    const after = countsByOffice(app.store.db, '2026-03-30', '2026-04-05');
    expect(after[otherOffice] ?? 0).toBe(before[otherOffice] ?? 0);
    expect(after[fields.officeId] ?? 0).toBe((before[fields.officeId] ?? 0) - 1);
  });

  it('refuses facts signed by someone who may not log consultations, and writes nothing', async () => {
    const id = app.store.db.prepare('SELECT id FROM consultation_index WHERE cancelled = 0 ORDER BY id DESC LIMIT 1').pluck().get() as string;
    const facts = getConsultationFacts(app.store.db, id);
    await expect(app.writeAs('admin', (changes) => writeConsultationFacts(changes, id, { ...fields, outcome: 'emergency113', cancelled: false }))).rejects.toThrow(TrustRefusedError);
    expect(getConsultationFacts(app.store.db, id)).toEqual(facts);
  });

  it('is written by the consultation log handlers as the signed-in person', async () => {
    const token = await app.signIn('resepsjon');
    const countBefore = app.store.db.prepare('SELECT count(*) FROM consultation_facts').pluck().get() as number;
    const last = app.store.db.prepare('SELECT id FROM consultation_index WHERE cancelled = 0 ORDER BY id LIMIT 1').pluck().get() as string;
    expect(getConsultationFacts(app.store.db, last)?.cancelled).toBe(false);
    await app.ok('consultations.cancel', { id: last, reason: 'Registrert to ganger' }, token);
    expect(getConsultationFacts(app.store.db, last)?.cancelled).toBe(true);
    const author = app.store.db
      .prepare("SELECT t.author FROM outbox o JOIN outbox_transactions t ON t.hlc = o.hlc WHERE o.table_name = 'consultation_facts' AND o.row_id = ? AND o.column_name = 'cancelled'")
      .pluck()
      .get(last) as string;
    expect(author).toBe(`user:${receptionist}`);
    expect(app.store.db.prepare('SELECT count(*) FROM consultation_facts').pluck().get()).toBe(countBefore);
  });
});
