// Tests for the consultation form without React: defaults, the API input it makes, live errors with the backend's rules, the amendment form, labels and error texts.
import { describe, expect, it } from 'vitest';
import { syntheticIdentityNumber } from '../../../../domain/consultations/synthetic';
import { getTranslator } from '../../i18n';
import { consultationErrorText, consultationLabel } from './consultation-errors';
import { amendmentForm, consultationFormErrors, consultationFormToInput, newConsultationForm, nextConsultationForm } from './consultation-form';

const office = '01900000-0000-7000-8000-000000000001';
const nurse = '01900000-0000-7000-8000-000000000002';
const number = syntheticIdentityNumber('1961-03-14', 200)!;
const rules = { nowLocal: '2026-11-26T10:20', allowSynthetic: true };

function filled(overrides: Record<string, unknown> = {}) {
  return { ...newConsultationForm('2026-11-26T10:20', office, nurse), identityNumber: number, icpc2Code: 'U71', ...overrides };
}

describe('consultation form', () => {
  it('starts at now with the office and nurse, and keeps them for the next entry', () => {
    const form = newConsultationForm('2026-11-26T10:20', office, nurse);
    expect(form).toMatchObject({ date: '2026-11-26', time: '10:20', officeId: office, nurseId: nurse, contact: 'inPerson', outcome: 'resolvedByNurse' });
    expect(nextConsultationForm(filled(), '2026-11-26T10:31')).toMatchObject({ time: '10:31', officeId: office, nurseId: nurse, identityNumber: '', icpc2Code: '' });
  });

  it('makes the API input, with "uten fødselsnummer" as birth year and sex', () => {
    expect(consultationFormToInput(filled())).toMatchObject({ at: '2026-11-26T10:20', patient: { kind: 'identityNumber', number }, routineId: null, doctorId: null });
    expect(consultationFormToInput(filled({ withoutNumber: true, birthYear: '1950', sex: 'female' })).patient).toEqual({ kind: 'none', birthYear: 1950, sex: 'female' });
  });

  it('has no errors for a complete entry and shows the backend rules on the right fields', () => {
    expect(consultationFormErrors(filled(), rules)).toEqual({});
    expect(consultationFormErrors(filled({ identityNumber: '' }), rules)).toMatchObject({ identityNumber: 'required' });
    expect(consultationFormErrors(filled(), { ...rules, allowSynthetic: false })).toMatchObject({ identityNumber: 'invalidFormat' });
    expect(consultationFormErrors(filled({ time: '11:00' }), rules)).toMatchObject({ time: 'outOfRange' });
    expect(consultationFormErrors(filled({ medicineAction: 'given' }), rules)).toMatchObject({ doctorId: 'required', medicineName: 'required' });
    expect(consultationFormErrors(filled({ icpc2Code: '' }), rules)).toMatchObject({ icpc2Code: 'required' });
    expect(consultationFormErrors(filled({ withoutNumber: true, birthYear: '19x0', sex: '' }), rules)).toMatchObject({ sex: 'required' });
    // A date that does not exist is the date field's error, not the time's; an empty date leaves a good time alone.
    expect(consultationFormErrors(filled({ date: '2026-02-30' }), rules)).toEqual({ date: 'invalidFormat' });
    expect(consultationFormErrors(filled({ date: '' }), rules)).toEqual({ date: 'required' });
    // Half-typed in the dd.mm.åååå field (handed on as typed): the date's error too, not the time's.
    expect(consultationFormErrors(filled({ date: '03.12' }), rules)).toEqual({ date: 'invalidFormat' });
    expect(consultationFormErrors(filled({ followUpDate: '03.12' }), rules)).toEqual({ followUpDate: 'invalidFormat' });
    // A year typed as 0072 is a real date: the form asks before saving instead (checkConsultationDate).
    expect(consultationFormErrors(filled({ date: '0072-11-26' }), rules)).toEqual({});
  });

  it('lets an amendment keep the number on record when the field is left empty', () => {
    expect(consultationFormErrors(filled({ identityNumber: '' }), { ...rules, numberOptional: true })).toEqual({});
  });
});

describe('amending and error texts', () => {
  const t = getTranslator('nb').t;

  it('fills the amendment form from an entry, with the number left empty (kept) and no reason yet', () => {
    const entry = {
      id: 'c1',
      at: '2026-11-26T10:15',
      officeId: office,
      nurseId: nurse,
      patient: { kind: 'none', idNumber: null, birthYear: 1950, sex: 'female' },
      contact: 'phone',
      icpc2Code: 'U71',
      routineId: null,
      medicine: { action: 'given', name: 'Paracet', details: '' },
      outcome: 'resolvedByNurse',
      doctorId: null,
      followUpDate: null,
      note: null,
    } as unknown as Parameters<typeof amendmentForm>[0];
    expect(amendmentForm(entry)).toMatchObject({ date: '2026-11-26', time: '10:15', withoutNumber: true, identityNumber: '', birthYear: '1950', sex: 'female', medicineAction: 'given', medicineName: 'Paracet', note: '', reason: '' });
  });

  it('has its own texts for some errors and leaves the rest to the shared ones', () => {
    const identity = { number: '', allowSynthetic: true, today: '2026-11-26' };
    expect(consultationLabel(t, 'followUpDate')).toBe(t('consultations.field.followUp'));
    expect(consultationErrorText(t, 'time', 'outOfRange', identity)).toBe(t('consultations.error.future'));
    expect(consultationErrorText(t, 'identityNumber', 'invalidFormat', identity)).toBe(t('consultations.error.identity'));
    expect(consultationErrorText(t, 'date', 'invalidFormat', identity)).toBe(t('consultations.error.date'));
    expect(consultationErrorText(t, 'note', 'tooLong', identity)).toBeUndefined();
  });
});
