// Tests for the consultation entry rules: identity numbers by mode, time, doctor and follow-up checks.
import { describe, expect, it } from 'vitest';
import { validate } from '../validation';
import { checkConsultation, consultationInputSchema, resolvedWithoutDoctor } from './entry';
import type { ConsultationInput } from './entry';
import { syntheticIdentityNumber } from './synthetic';
import { validateIdentityNumber } from './identity';

const office = '01900000-0000-7000-8000-000000000001';
const nurse = '01900000-0000-7000-8000-000000000002';
const doctor = '01900000-0000-7000-8000-000000000003';
const routine = '01900000-0000-7000-8000-000000000004';
const synthetic = syntheticIdentityNumber('1985-04-12', 100) as string;

function input(overrides: Record<string, unknown> = {}): ConsultationInput {
  return consultationInputSchema.parse({
    at: '2026-11-26T10:15',
    officeId: office,
    nurseId: nurse,
    patient: { kind: 'identityNumber', number: synthetic },
    contact: 'inPerson',
    icpc2Code: 'u71',
    outcome: 'resolvedByNurse',
    ...overrides,
  });
}

const demo = { nowLocal: '2026-11-26T10:20', allowSynthetic: true };
const live = { nowLocal: '2026-11-26T10:20', allowSynthetic: false };

describe('synthetic identity numbers', () => {
  it('are valid synthetic numbers for the given birth date', () => {
    const result = validateIdentityNumber(synthetic, { allowSynthetic: true });
    expect(result).toMatchObject({ ok: true, kind: 'synthetic', birthDate: '1985-04-12' });
  });
});

describe('checkConsultation', () => {
  it('accepts a complete entry and stores birth year and sex from the number', () => {
    const result = checkConsultation(input(), demo);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.patient).toMatchObject({ kind: 'synthetic', idNumber: synthetic, birthYear: 1985 });
  });

  it('refuses synthetic numbers outside demo mode, with the reason', () => {
    const result = checkConsultation(input(), live);
    expect(result).toMatchObject({ ok: false, fields: { 'patient.number': 'invalidFormat' } });
    if (!result.ok) expect(result.identityMessage).toMatch(/demo/);
  });

  it('refuses a number with a wrong check digit', () => {
    const wrong = synthetic.slice(0, 10) + String((Number(synthetic[10]) + 1) % 10);
    const result = checkConsultation(input({ patient: { kind: 'identityNumber', number: wrong } }), demo);
    expect(result).toMatchObject({ ok: false, fields: { 'patient.number': 'invalidFormat' } });
  });

  it('accepts "uten fødselsnummer" with birth year and sex, but not a birth year in the future', () => {
    expect(checkConsultation(input({ patient: { kind: 'none', birthYear: 1950, sex: 'female' } }), live)).toMatchObject({
      ok: true,
      patient: { kind: 'none', idNumber: null, birthYear: 1950, sex: 'female' },
    });
    expect(checkConsultation(input({ patient: { kind: 'none', birthYear: 2027, sex: 'male' } }), live)).toMatchObject({
      ok: false,
      fields: { 'patient.birthYear': 'outOfRange' },
    });
  });

  it('refuses a time in the future beyond five minutes of clock difference', () => {
    expect(checkConsultation(input({ at: '2026-11-26T10:25' }), demo).ok).toBe(true);
    expect(checkConsultation(input({ at: '2026-11-26T10:26' }), demo)).toMatchObject({ ok: false, fields: { at: 'outOfRange' } });
    expect(checkConsultation(input({ at: '2026-11-27T08:00' }), demo)).toMatchObject({ ok: false, fields: { at: 'outOfRange' } });
  });

  it('requires a consulted doctor for medicine given without a routine', () => {
    expect(checkConsultation(input({ medicineAction: 'given' }), demo)).toMatchObject({ ok: false, fields: { doctorId: 'required' } });
    expect(checkConsultation(input({ medicineAction: 'given', doctorId: doctor }), demo)).toMatchObject({ ok: false, fields: { medicineName: 'required' } });
    expect(checkConsultation(input({ medicineAction: 'given', doctorId: doctor, medicineName: 'Paracetamol 500 mg' }), demo).ok).toBe(true);
    expect(checkConsultation(input({ medicineAction: 'given', routineId: routine }), demo).ok).toBe(true);
  });

  it('requires the doctor when the outcome says a doctor was consulted', () => {
    expect(checkConsultation(input({ outcome: 'doctorByPhone' }), demo)).toMatchObject({ ok: false, fields: { doctorId: 'required' } });
    expect(checkConsultation(input({ outcome: 'doctorByVideo', doctorId: doctor }), demo).ok).toBe(true);
  });

  it('refuses a follow-up date before the consultation', () => {
    expect(checkConsultation(input({ followUpDate: '2026-11-25' }), demo)).toMatchObject({ ok: false, fields: { followUpDate: 'outOfRange' } });
    expect(checkConsultation(input({ followUpDate: '2026-11-26' }), demo).ok).toBe(true);
  });

  it('rejects malformed input at the schema', () => {
    expect(consultationInputSchema.safeParse({ ...input(), at: '2026-11-26 10:15' }).success).toBe(false);
    expect(consultationInputSchema.safeParse({ ...input(), at: '2026-02-30T10:15' }).success).toBe(false);
    // A date that does not exist is reported at at.date (the form's date field), a malformed value at at.
    expect(validate(consultationInputSchema, { ...input(), at: '2026-02-30T10:15' })).toEqual({ ok: false, fields: { 'at.date': 'invalidFormat' } });
    expect(validate(consultationInputSchema, { ...input(), at: '0000-01-01T10:15' })).toEqual({ ok: false, fields: { 'at.date': 'invalidFormat' } });
    expect(validate(consultationInputSchema, { ...input(), at: '2026-11-26 10:15' })).toEqual({ ok: false, fields: { at: 'invalidFormat' } });
    expect(consultationInputSchema.safeParse({ ...input(), icpc2Code: 'Q99' }).success).toBe(false);
    expect(consultationInputSchema.safeParse({ ...input(), outcome: 'sentHome' }).success).toBe(false);
  });
});

describe('resolvedWithoutDoctor', () => {
  it('counts only nurse-resolved entries with no doctor consulted', () => {
    expect(resolvedWithoutDoctor({ outcome: 'resolvedByNurse', doctorId: null })).toBe(true);
    expect(resolvedWithoutDoctor({ outcome: 'resolvedByNurse', doctorId: doctor })).toBe(false);
    expect(resolvedWithoutDoctor({ outcome: 'bookedWithDoctor', doctorId: null })).toBe(false);
  });
});
