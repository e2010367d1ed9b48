// Tests for the routine form: round trip, comma-separated ICPC-2 codes, criteria per line, field errors mapped to the form's fields, defaults, labels and texts, the message after a save.
import { describe, expect, it } from 'vitest';
import { routineContent } from '../../../../domain/routines/types';
import { routine } from '../../../../domain/routines/testFixtures';
import { authorisationFormErrors, authorisationFormToInput, newAuthorisationForm, retireFormErrors } from './authorisation-form';
import {
  emptyRoutineForm,
  formPath,
  invalidIcpc2Codes,
  nextValidFrom,
  routineFormErrors,
  routineFormToContent,
  routineToForm,
  sameContent,
  splitCodes,
  splitLines,
  savedMessageKey,
  toFormFieldErrors,
} from './routine-form';
import { routineErrorText, routineFieldLabel } from './routine-form-texts';
import { getTranslator } from '../../i18n';

const DOCTOR = '0190a1b2-c3d4-7e5f-8a9b-000000000003';

describe('routine form', () => {
  it('round-trips a routine version', () => {
    const version = routine();
    expect(routineFormToContent(routineToForm(version))).toEqual(routineContent(version));
    expect(routineFormErrors(routineToForm(version))).toEqual({});
  });

  it('starts a new routine valid from today, reviewed after a year, expiring after two, with the doctor responsible', () => {
    const form = emptyRoutineForm('2026-03-31', DOCTOR);
    expect(form).toMatchObject({ validFrom: '2026-03-31', reviewDate: '2027-03-31', expiresOn: '2028-03-31', responsibleDoctorId: DOCTOR });
    expect(form.exclusionCriteria).toEqual([{ text: '', redFlag: false }]);
    expect(emptyRoutineForm('2026-03-31', null).responsibleDoctorId).toBe('');
  });

  it('reads ICPC-2 codes separated by commas, semicolons or spaces, and names the invalid ones', () => {
    expect(splitCodes(' u71, U72;r72  s18 ,,')).toEqual(['U71', 'U72', 'R72', 'S18']);
    expect(invalidIcpc2Codes('U71, X1, C71, blære')).toEqual(['X1', 'C71', 'BLÆRE']);
    const form = { ...routineToForm(routine()), icpc2Codes: 'U71, U7' };
    expect(routineFormErrors(form)).toEqual({ icpc2Codes: 'invalidFormat' });
    expect(routineFormErrors({ ...form, icpc2Codes: ' , ' })).toEqual({ icpc2Codes: 'required' });
  });

  it('takes one inclusion criterion per line and ignores blank lines', () => {
    expect(splitLines('Kvinne 18–65 år\r\n\n  Positiv urinstiks  \n')).toEqual(['Kvinne 18–65 år', 'Positiv urinstiks']);
    expect(routineFormErrors({ ...routineToForm(routine()), inclusionCriteria: '\n \n' })).toEqual({ inclusionCriteria: 'required' });
    expect(routineFormErrors({ ...routineToForm(routine()), inclusionCriteria: `ok\n${'x'.repeat(301)}` })).toEqual({ inclusionCriteria: 'tooLong' });
  });

  it('reports an empty exclusion row at its own field and keeps the red-flag choice per row', () => {
    const form = { ...routineToForm(routine()), exclusionCriteria: [{ text: 'Feber', redFlag: true }, { text: ' ', redFlag: false }] };
    expect(routineFormErrors(form)).toEqual({ 'exclusionCriteria.1.text': 'required' });
    expect(routineFormToContent(form).exclusionCriteria?.[0]).toEqual({ text: 'Feber', redFlag: true });
  });

  it('checks the medicine: ATC format, a whole number of days or empty for a single dose', () => {
    const form = routineToForm(routine());
    expect(routineFormErrors({ ...form, medicine: { ...form.medicine, atcCode: 'J01' } })).toEqual({ 'medicine.atcCode': 'invalidFormat' });
    expect(routineFormErrors({ ...form, medicine: { ...form.medicine, durationDays: 'tre' } })).toEqual({ 'medicine.durationDays': 'invalidFormat' });
    expect(routineFormErrors({ ...form, medicine: { ...form.medicine, durationDays: '400' } })).toEqual({ 'medicine.durationDays': 'outOfRange' });
    expect(routineFormToContent({ ...form, medicine: { ...form.medicine, durationDays: '' } }).medicine?.durationDays).toBeNull();
  });

  it('asks for what the nurse may do and a responsible doctor, and checks the date order', () => {
    const form = { ...routineToForm(routine()), nurseMay: '' as const, responsibleDoctorId: '' };
    expect(routineFormErrors(form)).toEqual({ nurseMay: 'required', responsibleDoctorId: 'required' });
    const dates = { ...routineToForm(routine()), validFrom: '2026-05-01', reviewDate: '2026-04-01', expiresOn: '2026-03-01' };
    expect(routineFormErrors(dates)).toEqual({ reviewDate: 'timeOrder', expiresOn: 'timeOrder' });
  });

  it('maps server paths to the form: without "content." and with list items folded into their field', () => {
    expect(formPath('content.medicine.atcCode')).toBe('medicine.atcCode');
    expect(formPath('content.icpc2Codes.2')).toBe('icpc2Codes');
    expect(formPath('inclusionCriteria.0')).toBe('inclusionCriteria');
    expect(formPath('exclusionCriteria.1.text')).toBe('exclusionCriteria.1.text');
    expect(toFormFieldErrors({ 'content.icpc2Codes.1': 'invalidFormat', 'content.icpc2Codes.2': 'required', validFrom: 'outOfRange' })).toEqual({
      icpc2Codes: 'invalidFormat',
      validFrom: 'outOfRange',
    });
  });

  it('starts a new version of an active routine today, or the day after the current one started', () => {
    expect(nextValidFrom('2026-01-01', '2026-03-31')).toBe('2026-03-31');
    expect(nextValidFrom('2026-05-01', '2026-03-31')).toBe('2026-05-02');
  });

  it('sees an unchanged routine as unchanged, also with other spacing or lower-case codes', () => {
    const form = routineToForm(routine());
    expect(sameContent(form, { ...form, icpc2Codes: 'u71', title: ' Blærekatarr ' })).toBe(true);
    expect(sameContent(form, { ...form, validFrom: '2026-02-01' })).toBe(false);
    expect(sameContent(form, { ...form, validFrom: '2026-02-01' }, ['validFrom'])).toBe(true);
    expect(sameContent(form, { ...form, exclusionCriteria: [{ text: 'Feber', redFlag: false }, { text: 'Gravid', redFlag: false }] })).toBe(false);
  });
});

describe('authorisation and withdrawal forms', () => {
  const ROUTINE_ID = '0190a1b2-c3d4-7e5f-8a9b-00000000000a';

  it('needs at least one nurse and a date to authorise, and a reason to revoke', () => {
    const form = newAuthorisationForm({ routineVersion: 2, effectiveDate: '2026-03-31' });
    expect(authorisationFormErrors(form, 'granted')).toEqual({ nurseIds: 'required' });
    const chosen = { ...form, nurseIds: [DOCTOR] };
    expect(authorisationFormErrors(chosen, 'granted')).toEqual({});
    expect(authorisationFormErrors(chosen, 'revoked')).toEqual({ reason: 'required' });
    expect(authorisationFormErrors({ ...chosen, effectiveDate: '2026-02-30' }, 'granted')).toEqual({ effectiveDate: 'invalidFormat' });
    expect(authorisationFormToInput({ ...chosen, reason: '  Ny opplæring  ' }, ROUTINE_ID, 'revoked')).toEqual({
      routineId: ROUTINE_ID,
      routineVersion: 2,
      nurseIds: [DOCTOR],
      kind: 'revoked',
      effectiveDate: '2026-03-31',
      reason: 'Ny opplæring',
    });
    expect(authorisationFormToInput(chosen, ROUTINE_ID, 'granted').reason).toBeNull();
    // Several nurses at once are one call.
    expect(authorisationFormToInput({ ...chosen, nurseIds: [DOCTOR, ROUTINE_ID] }, ROUTINE_ID, 'granted').nurseIds).toEqual([DOCTOR, ROUTINE_ID]);
    expect(newAuthorisationForm({ nurseId: DOCTOR, routineVersion: 1, effectiveDate: '2026-03-31' }).nurseIds).toEqual([DOCTOR]);
  });

  it('withdraws from today or later', () => {
    expect(retireFormErrors({ from: '2026-03-31' }, '2026-03-31')).toEqual({});
    expect(retireFormErrors({ from: '2026-03-30' }, '2026-03-31')).toEqual({ from: 'outOfRange' });
    expect(retireFormErrors({ from: '' }, '2026-03-31')).toEqual({ from: 'required' });
  });
});

describe('routine form texts and the message after saving', () => {
  const t = getTranslator('nb').t;

  it('labels fields by path, exclusion rows by number', () => {
    expect(routineFieldLabel(t, 'medicine.atcCode')).toBe(t('routines.medicine.atcCode'));
    expect(routineFieldLabel(t, 'exclusionCriteria.1.text')).toBe(t('routines.edit.exclusionRow', { n: 2 }));
    expect(routineFieldLabel(t, 'somethingElse')).toBe('somethingElse');
  });

  it('names the wrong ICPC-2 codes and leaves other errors to the shared texts', () => {
    expect(routineErrorText(t, 'icpc2Codes', 'invalidFormat', 'U71, X1')).toMatch(/^Ikke en ICPC-2-kode: X1\./);
    expect(routineErrorText(t, 'validFrom', 'required', '')).toBe(t('routines.edit.dateRequired'));
    expect(routineErrorText(t, 'title', 'required', '')).toBeUndefined();
  });

  it('says what saving did: created, draft saved, new version, activated, or nothing changed', () => {
    expect(savedMessageKey(null, { version: 1, status: 'draft' })).toBe('routines.saved.created');
    expect(savedMessageKey({ version: 2, status: 'draft' }, { version: 2, status: 'draft' })).toBe('routines.saved.draft');
    expect(savedMessageKey({ version: 2, status: 'draft' }, { version: 2, status: 'active' })).toBe('routines.saved.activated');
    expect(savedMessageKey({ version: 2, status: 'active' }, { version: 3, status: 'draft' })).toBe('routines.saved.newVersion');
    expect(savedMessageKey({ version: 2, status: 'active' }, { version: 3, status: 'active' })).toBe('routines.saved.activated');
    expect(savedMessageKey({ version: 2, status: 'active' }, { version: 2, status: 'active' })).toBe('routines.saved.unchanged');
  });
});
