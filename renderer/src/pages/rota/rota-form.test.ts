// Tests for the rota forms: the person picker's matching, shift/absence/pattern conversion and live validation.
import { describe, expect, it } from 'vitest';
import type { StaffMember } from '../../../../domain/staff';
import {
  absenceFormErrors,
  absenceFormToInput,
  defaultTimes,
  findStaff,
  newAbsenceForm,
  newPatternForm,
  newShiftForm,
  patternFormErrors,
  patternFormToInput,
  patternToForm,
  shiftFormErrors,
  shiftFormToInput,
  shiftToForm,
  staffChoices,
  unnestFields,
} from './rota-form';

const GRONG = '01900000-0000-7000-8000-000000000001';
const INGRID = '01900000-0000-7000-8000-0000000000a1';
const KARI = '01900000-0000-7000-8000-0000000000a2';
const KARI_TOO = '01900000-0000-7000-8000-0000000000a3';
const GONE = '01900000-0000-7000-8000-0000000000a4';

function member(id: string, name: string, active = true): StaffMember {
  return { id, name, profession: 'doctor', hprNumber: null, homeMunicipality: null, baseOfficeId: GRONG, positionPercent: 100, active };
}

const staff = [member(KARI, 'Kari Nordmann'), member(INGRID, 'Ingrid Solbakk'), member(KARI_TOO, 'Kari Nordmann'), member(GONE, 'Sluttet Person', false)];
const choices = staffChoices(staff, () => 'lege, Grong legekontor');

describe('person picker', () => {
  it('lists active people by name with unique labels', () => {
    expect(choices.map((choice) => choice.label)).toEqual([
      'Ingrid Solbakk – lege, Grong legekontor',
      'Kari Nordmann – lege, Grong legekontor',
      'Kari Nordmann – lege, Grong legekontor (2)',
    ]);
    expect(staffChoices(staff, () => 'x', GONE).map((choice) => choice.id)).toContain(GONE);
  });

  it('matches the label or a name only one person has, ignoring case and spaces', () => {
    expect(findStaff(choices, '  ingrid   SOLBAKK ')?.id).toBe(INGRID);
    expect(findStaff(choices, 'Kari Nordmann')).toBeNull();
    expect(findStaff(choices, 'Kari Nordmann – lege, Grong legekontor (2)')?.id).toBe(KARI_TOO);
    expect(findStaff(choices, 'Ingrid')).toBeNull();
  });
});

describe('shift form', () => {
  const prefill = { staffId: INGRID, officeId: GRONG, date: '2027-03-08', start: '08:00', end: '15:30' };

  it('round-trips a shift and validates with the domain schema', () => {
    const form = newShiftForm(choices, prefill);
    expect(shiftFormErrors(form, choices)).toEqual({});
    const input = shiftFormToInput(form, choices);
    expect(input).toEqual({ staffId: INGRID, officeId: GRONG, date: '2027-03-08', start: '08:00', end: '15:30', kind: 'clinic', note: '' });
    expect(shiftToForm(choices, { ...input, id: 'x', note: null, patternId: null })).toEqual(form);
  });

  it('says what is missing or wrong, field by field', () => {
    const empty = { ...newShiftForm(choices, { date: '', start: '', end: '' }), kind: '' as const };
    expect(shiftFormErrors(empty, choices)).toEqual({ staffId: 'required', officeId: 'required', date: 'required', start: 'required', end: 'required', kind: 'required' });
    const wrong = { ...newShiftForm(choices, prefill), staffText: 'Kari Nordmann', start: '8.00', date: '2027-02-30' };
    expect(shiftFormErrors(wrong, choices)).toEqual({ staffId: 'invalidChoice', start: 'invalidFormat', date: 'invalidFormat' });
    // In the order of the fields on screen, so the error summary reads top to bottom.
    expect(Object.keys(shiftFormErrors(wrong, choices))).toEqual(['staffId', 'date', 'start']);
  });

  it('allows an end before the start (overnight)', () => {
    expect(shiftFormErrors({ ...newShiftForm(choices, prefill), start: '16:00', end: '08:00', kind: 'legevakt' }, choices)).toEqual({});
  });

  it('starts at the office’s opening hours, or a day shift when it is closed', () => {
    const office = { openingHours: { '1': { open: '08:30', close: '15:00' }, '2': null, '3': null, '4': null, '5': null, '6': null, '7': null } };
    expect(defaultTimes(office, '2027-03-08')).toEqual({ start: '08:30', end: '15:00' });
    expect(defaultTimes(office, '2027-03-09')).toEqual({ start: '08:00', end: '15:30' });
  });

  it('maps an occurrence’s server errors onto the form’s fields', () => {
    expect(unnestFields({ 'replacement.start': 'invalidFormat', staffId: 'invalidChoice' }, 'replacement.')).toEqual({ start: 'invalidFormat', staffId: 'invalidChoice' });
  });
});

describe('absence form', () => {
  it('converts and checks the date order', () => {
    const form = { ...newAbsenceForm(choices, { staffId: INGRID, date: '2027-03-08' }), to: '2027-03-12' };
    expect(absenceFormErrors(form, choices)).toEqual({});
    expect(absenceFormToInput(form, choices)).toMatchObject({ staffId: INGRID, from: '2027-03-08', to: '2027-03-12', kind: 'holiday' });
    expect(absenceFormErrors({ ...form, to: '2027-03-01' }, choices)).toEqual({ to: 'timeOrder' });
  });
});

describe('pattern form', () => {
  it('needs weekdays and a whole number of weeks', () => {
    const form = newPatternForm(choices, { staffId: INGRID, officeId: GRONG, from: '2027-03-08' });
    expect(patternFormErrors(form, choices)).toEqual({ weekdays: 'required' });
    expect(patternFormErrors({ ...form, weekdays: [2], intervalWeeks: 'to' }, choices)).toEqual({ intervalWeeks: 'invalidFormat' });
    expect(patternFormErrors({ ...form, weekdays: [2], intervalWeeks: '0' }, choices)).toEqual({ intervalWeeks: 'outOfRange' });
    expect(patternFormErrors({ ...form, weekdays: [2], to: '2027-01-01' }, choices)).toEqual({ to: 'timeOrder' });
  });

  it('round-trips a pattern, with an open end as null', () => {
    const form = { ...newPatternForm(choices, { staffId: INGRID, officeId: GRONG, from: '2027-03-08' }), weekdays: [5, 2], intervalWeeks: '2' };
    const input = patternFormToInput(form, choices);
    expect(input).toMatchObject({ weekdays: [2, 5], intervalWeeks: 2, to: null });
    const back = patternToForm(choices, { ...input, id: 'p', weekdays: [2, 5], note: null });
    expect(back).toEqual({ ...form, weekdays: [2, 5] });
  });
});
