// Tests for the office form's conversion to API input, its live validation and the opening-hours summary.
import { describe, expect, it } from 'vitest';
import { officeInputSchema, STANDARD_OPENING_HOURS } from '../../../../domain/offices';
import type { Office } from '../../../../domain/offices';
import { validate } from '../../../../domain/validation';
import {
  emptyOfficeForm,
  formatOpeningSpans,
  officeFormErrors,
  officeFormToInput,
  officeToForm,
  openingSpans,
} from './office-form';
import { normaliseTime } from '../../components/parse';

const GRONG = '01900000-0000-7000-8000-000000000001';
const LIERNE = '01900000-0000-7000-8000-000000000002';
const DELETED = '01900000-0000-7000-8000-000000000003';

const office: Office = {
  id: GRONG,
  name: 'Grong legekontor',
  municipality: 'Grong',
  address: null,
  phone: '74 31 20 00',
  openingHours: { ...STANDARD_OPENING_HOURS, '6': { open: '10:00', close: '13:00' } },
  drivingMinutes: { [LIERNE]: 90, [DELETED]: 30 },
};

describe('office form conversion', () => {
  it('round-trips an office through the form to the same input', () => {
    const input = officeFormToInput(officeToForm(office), [LIERNE, DELETED]);
    const parsed = validate(officeInputSchema, input);
    expect(parsed).toEqual({ ok: true, value: { ...office, id: undefined, address: null } });
  });

  it('turns unticked days into closed (null) and keeps the typed times for later', () => {
    const form = officeToForm(office);
    form.openingHours['6'] = { ...form.openingHours['6'], isOpen: false };
    const input = officeFormToInput(form, []);
    expect(input.openingHours['6']).toBeNull();
    expect(form.openingHours['6'].open).toBe('10:00');
    expect(input.openingHours['1']).toEqual({ open: '08:00', close: '15:30' });
  });

  it('sends driving minutes only for existing offices with a number, and empty text as null address/phone', () => {
    const form = { ...emptyOfficeForm(), name: 'Ny', municipality: 'Snåsa', drivingMinutes: { [LIERNE]: ' 45 ', [DELETED]: '10', [GRONG]: '' } };
    const input = officeFormToInput(form, [LIERNE, GRONG]);
    expect(input.drivingMinutes).toEqual({ [LIERNE]: 45 });
    const parsed = validate(officeInputSchema, input);
    expect(parsed.ok && parsed.value.address).toBeNull();
    expect(parsed.ok && parsed.value.phone).toBeNull();
  });

  it('starts a new office with the standard opening hours', () => {
    const form = emptyOfficeForm();
    expect(officeFormToInput(form, []).openingHours).toEqual(STANDARD_OPENING_HOURS);
  });
});

describe('office form validation', () => {
  const valid = { ...emptyOfficeForm(), name: 'Snåsa legekontor', municipality: 'Snåsa' };

  it('accepts a complete form', () => {
    expect(officeFormErrors(valid, [])).toEqual({});
  });

  it('reports required fields, phone format and closing before opening on the right paths', () => {
    const form = { ...valid, name: '  ', phone: 'abc', openingHours: { ...valid.openingHours, '2': { isOpen: true, open: '15:00', close: '08:00' } } };
    expect(officeFormErrors(form, [])).toEqual({ name: 'required', phone: 'phoneFormat', 'openingHours.2.close': 'timeOrder' });
  });

  it('says "required" for an emptied time on an open day, and nothing for a closed day', () => {
    const form = { ...valid, openingHours: { ...valid.openingHours, '3': { isOpen: true, open: '', close: '15:30' }, '6': { isOpen: false, open: '', close: '' } } };
    expect(officeFormErrors(form, [])).toEqual({ 'openingHours.3.open': 'required' });
  });

  it('rejects negative, fractional and unreadable driving minutes', () => {
    const form = { ...valid, drivingMinutes: { [GRONG]: '-5', [LIERNE]: '1,5', [DELETED]: 'abc' } };
    expect(officeFormErrors(form, [GRONG, LIERNE, DELETED])).toEqual({
      [`drivingMinutes.${GRONG}`]: 'outOfRange',
      [`drivingMinutes.${LIERNE}`]: 'invalidFormat',
      [`drivingMinutes.${DELETED}`]: 'invalidFormat',
    });
  });
});

describe('typed times', () => {
  it.each([
    ['8', '08:00'],
    ['830', '08:30'],
    ['0800', '08:00'],
    ['8.30', '08:30'],
    ['15:3', '15:03'],
    [' 15:30 ', '15:30'],
    ['kl 8', 'kl 8'],
  ])('normalises %j to %j', (typed, expected) => expect(normaliseTime(typed)).toBe(expected));
});

describe('opening hours summary', () => {
  const short = (day: number) => ['man', 'tir', 'ons', 'tor', 'fre', 'lør', 'søn'][day - 1]!;

  it('groups consecutive days with the same hours', () => {
    expect(formatOpeningSpans(openingSpans(office.openingHours), short, 'Stengt')).toBe('man–fre 08:00–15:30, lør 10:00–13:00');
  });

  it('does not join days across a closed day', () => {
    const hours = { ...STANDARD_OPENING_HOURS, '3': null };
    expect(formatOpeningSpans(openingSpans(hours), short, 'Stengt')).toBe('man–tir 08:00–15:30, tor–fre 08:00–15:30');
  });

  it('says closed all week when no day is open', () => {
    const closed = { '1': null, '2': null, '3': null, '4': null, '5': null, '6': null, '7': null };
    expect(formatOpeningSpans(openingSpans(closed), short, 'Stengt hele uken')).toBe('Stengt hele uken');
  });
});
