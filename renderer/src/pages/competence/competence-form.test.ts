// Tests for the competence forms and screen formatting: conversion, live validation, the expiry hint, state texts and grouping.
import { describe, expect, it } from 'vitest';
import type { CompetenceType, StaffCompetence } from '../../../../domain/competence/types';
import { createTranslator } from '../../i18n';
import {
  emptyTypeForm,
  expiryHint,
  newRecordForm,
  recordFormErrors,
  recordFormToInput,
  recordToForm,
  typeFormErrors,
  typeFormToInput,
  typeToForm,
} from './competence-form';
import { matrixCellLines, personCompetenceGroups, recordRole, sortMatrixRows, statusText } from './competence-format';
import { formatDate } from '../../format/dates';
import { toggleValue } from '../../components/CheckboxGroup';

const MARTE = '01900000-0000-7000-8000-0000000000a1';
const TORUNN = '01900000-0000-7000-8000-0000000000a2';
const COURSE = '01900000-0000-7000-8000-0000000000b1';
const SPECIALISM = '01900000-0000-7000-8000-0000000000b2';
const VACCINATION = '01900000-0000-7000-8000-0000000000b3';

const course: CompetenceType = {
  id: COURSE,
  name: 'Akuttmedisinkurs',
  category: 'course',
  renewalMonths: 24,
  appliesTo: ['doctor', 'nurse'],
  requiredFor: ['legevakt', 'emergencyNurse'],
  description: null,
};
const specialism: CompetenceType = { ...course, id: SPECIALISM, name: 'Spesialist i allmennmedisin', category: 'specialism', renewalMonths: null, appliesTo: ['doctor'], requiredFor: [] };
const vaccination: CompetenceType = { ...course, id: VACCINATION, name: 'Vaksinasjon', renewalMonths: 24, appliesTo: ['nurse'], requiredFor: [] };
const types = [course, specialism, vaccination];

function record(id: string, obtained: string, expiresOn: string | null, typeId = COURSE): StaffCompetence {
  return { id, staffId: MARTE, competenceTypeId: typeId, obtained, expiresOn, evidenceRef: null, verifiedBy: null, note: null };
}

const { t } = createTranslator('nb');

describe('competence type form', () => {
  it('converts typed values, empty renewal meaning "never expires"', () => {
    const form = { ...emptyTypeForm(), name: ' HLR ', renewalMonths: '12', appliesTo: ['nurse' as const] };
    expect(typeFormToInput(form)).toMatchObject({ name: ' HLR ', renewalMonths: 12, appliesTo: ['nurse'], requiredFor: [] });
    expect(typeFormErrors(form)).toEqual({});
    expect(typeFormToInput({ ...form, renewalMonths: ' ' }).renewalMonths).toBeNull();
  });

  it('reports a missing name, no profession and an impossible interval', () => {
    expect(typeFormErrors(emptyTypeForm())).toEqual({ name: 'required', appliesTo: 'required' });
    const form = { ...emptyTypeForm(), name: 'X', appliesTo: ['nurse' as const] };
    expect(typeFormErrors({ ...form, renewalMonths: '0' })).toEqual({ renewalMonths: 'outOfRange' });
    expect(typeFormErrors({ ...form, renewalMonths: '601' })).toEqual({ renewalMonths: 'outOfRange' });
    expect(typeFormErrors({ ...form, renewalMonths: '1,5' })).toEqual({ renewalMonths: 'outOfRange' });
    expect(typeFormErrors({ ...form, renewalMonths: 'to år' })).toEqual({ renewalMonths: 'outOfRange' });
    expect(typeFormErrors({ ...form, category: '' })).toEqual({ category: 'required' });
  });

  it('round-trips a stored type and keeps checkbox lists in the fixed order', () => {
    expect(typeFormToInput(typeToForm(course))).toMatchObject({ renewalMonths: 24, appliesTo: ['doctor', 'nurse'], requiredFor: ['legevakt', 'emergencyNurse'], description: '' });
    expect(typeToForm(specialism).renewalMonths).toBe('');
    expect(toggleValue(['legevakt', 'emergencyNurse'], ['emergencyNurse'], 'legevakt', true)).toEqual(['legevakt', 'emergencyNurse']);
    expect(toggleValue(['legevakt', 'emergencyNurse'], ['legevakt', 'emergencyNurse'], 'legevakt', false)).toEqual(['emergencyNurse']);
  });
});

describe('staff competence record form', () => {
  it('starts a renewal with the type and today, and an empty (computed) expiry', () => {
    const form = newRecordForm(COURSE, '2026-03-10');
    expect(form).toMatchObject({ competenceTypeId: COURSE, obtained: '2026-03-10', expiresOn: '' });
    expect(recordFormErrors(form, MARTE, types)).toEqual({});
    expect(recordFormToInput(form, MARTE)).toMatchObject({ staffId: MARTE, expiresOn: '', verifiedBy: null });
  });

  it('validates with the domain schema: order of dates, self-verification, choices and dates', () => {
    const form = newRecordForm(COURSE, '2026-03-10');
    expect(recordFormErrors({ ...form, expiresOn: '2026-03-09' }, MARTE, types)).toEqual({ expiresOn: 'timeOrder' });
    expect(recordFormErrors({ ...form, expiresOn: '2026-03-10' }, MARTE, types)).toEqual({});
    expect(recordFormErrors({ ...form, verifiedBy: MARTE }, MARTE, types)).toEqual({ verifiedBy: 'invalidChoice' });
    expect(recordFormErrors({ ...form, verifiedBy: TORUNN }, MARTE, types)).toEqual({});
    expect(recordFormErrors({ ...form, competenceTypeId: '' }, MARTE, types)).toEqual({ competenceTypeId: 'required' });
    expect(recordFormErrors({ ...form, competenceTypeId: TORUNN }, MARTE, types)).toEqual({ competenceTypeId: 'invalidChoice' });
    expect(recordFormErrors({ ...form, obtained: '' }, MARTE, types)).toMatchObject({ obtained: 'required' });
    expect(recordFormErrors({ ...form, obtained: '2026-02-30' }, MARTE, types)).toEqual({ obtained: 'invalidFormat' });
  });

  it('shows a computed expiry as empty when editing, so a new obtained date moves it', () => {
    expect(recordToForm(record('r1', '2024-10-01', '2026-10-01'), course).expiresOn).toBe('');
    expect(recordToForm(record('r1', '2024-10-01', '2026-06-30'), course).expiresOn).toBe('2026-06-30');
    expect(recordToForm(record('r1', '2024-10-01', null), specialism).expiresOn).toBe('');
  });

  it('tells what the empty expiry will become', () => {
    const form = newRecordForm(COURSE, '2024-10-01');
    expect(expiryHint(form, types)).toEqual({ kind: 'computed', date: '2026-10-01', months: 24 });
    expect(expiryHint({ ...form, obtained: '2024-02-29' }, types)).toEqual({ kind: 'computed', date: '2026-02-28', months: 24 });
    expect(expiryHint({ ...form, competenceTypeId: SPECIALISM }, types)).toEqual({ kind: 'never', typeName: 'Spesialist i allmennmedisin' });
    expect(expiryHint({ ...form, competenceTypeId: '' }, types)).toEqual({ kind: 'needType' });
    expect(expiryHint({ ...form, obtained: '' }, types)).toEqual({ kind: 'needObtained' });
    expect(expiryHint({ ...form, expiresOn: '2025-01-01' }, types)).toEqual({ kind: 'entered' });
  });
});

describe('competence formatting', () => {
  it('writes states as text with the date or the days left', () => {
    expect(formatDate('2026-10-01', 'nb')).toBe('01.10.2026');
    expect(formatDate('2026-10-01', 'en')).toBe('01/10/2026');
    expect(statusText(t, { state: 'expired', expiresOn: '2026-10-01', daysLeft: -3 }, 'nb')).toBe('Utløpt 01.10.2026');
    expect(statusText(t, { state: 'expiring', expiresOn: '2026-10-24', daysLeft: 23 }, 'nb')).toBe('Utløper om 23 dager');
    expect(statusText(t, { state: 'expiring', expiresOn: '2026-10-02', daysLeft: 1 }, 'nb')).toBe('Utløper om 1 dag');
    expect(statusText(t, { state: 'expiring', expiresOn: '2026-10-01', daysLeft: 0 }, 'nb')).toBe('Utløper i dag');
    expect(statusText(t, { state: 'valid', expiresOn: '2027-10-01', daysLeft: 400 }, 'nb')).toBe('Gyldig til 01.10.2027');
    expect(statusText(t, { state: 'valid', expiresOn: null, daysLeft: null }, 'nb')).toBe('Gyldig, utløper ikke');
    expect(matrixCellLines(t, { state: 'expiring', expiresOn: '2026-10-24', daysLeft: 23 }, 'nb')).toEqual(['Utløper', '24.10.2026 (23 d)']);
    expect(matrixCellLines(t, { state: 'notApplicable', expiresOn: null, daysLeft: null }, 'nb')).toEqual(['Ikke aktuelt', '']);
  });

  it('orders matrix rows by profession, then name, and filters on a profession', () => {
    const rows = [
      { staffName: 'Åse', profession: 'nurse' as const },
      { staffName: 'Bjørn', profession: 'doctor' as const },
      { staffName: 'Anne', profession: 'nurse' as const },
    ];
    expect(sortMatrixRows(rows).map((row) => row.staffName)).toEqual(['Bjørn', 'Anne', 'Åse']);
    expect(sortMatrixRows(rows, 'nurse').map((row) => row.staffName)).toEqual(['Anne', 'Åse']);
  });

  it('groups a person’s records by type, newest first, marking the one in force today', () => {
    const records = [
      record('r1', '2022-01-10', '2024-01-10'),
      record('r2', '2024-01-05', '2026-01-05'),
      record('r3', '2026-05-01', '2028-05-01'),
      record('r4', '2020-01-01', null, SPECIALISM),
      { ...record('r5', '2025-01-01', '2027-01-01'), staffId: TORUNN },
    ];
    const groups = personCompetenceGroups(types, records, MARTE, 'nurse', '2026-03-01');
    expect(groups.map((group) => [group.type.name, group.applies, group.records.map((r) => r.id), group.currentId, group.status.state])).toEqual([
      ['Akuttmedisinkurs', true, ['r3', 'r2', 'r1'], 'r2', 'expired'],
      ['Spesialist i allmennmedisin', false, ['r4'], 'r4', 'valid'],
      ['Vaksinasjon', true, [], null, 'missing'],
    ]);
    expect(recordRole(records[2]!, 'r2', '2026-03-01')).toBe('future');
    expect(recordRole(records[0]!, 'r2', '2026-03-01')).toBe('previous');
    expect(recordRole(records[1]!, 'r2', '2026-03-01')).toBe('current');
  });
});
