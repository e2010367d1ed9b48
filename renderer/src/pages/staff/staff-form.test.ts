// Tests for the staff form's conversion, validation and the staff list filter.
import { describe, expect, it } from 'vitest';
import type { StaffMember } from '../../../../domain/staff';
import { emptyStaffForm, filterStaff, staffFormErrors, staffFormToInput, staffToForm } from './staff-form';

const OFFICE = '01900000-0000-7000-8000-000000000001';

const member: StaffMember = {
  id: '01900000-0000-7000-8000-0000000000aa',
  name: 'Per Olav Skogmo',
  profession: 'nurse',
  hprNumber: '9200005',
  homeMunicipality: 'Røyrvik',
  baseOfficeId: OFFICE,
  positionPercent: 100,
  active: true,
  phone: '909 65 214',
};

describe('staff form', () => {
  it('round-trips a staff member', () => {
    const { id: _id, ...values } = member;
    expect(staffFormToInput(staffToForm(member))).toEqual(values);
  });

  it('starts a new person at this computer’s office, full time and active', () => {
    expect(emptyStaffForm(OFFICE)).toMatchObject({ baseOfficeId: OFFICE, positionPercent: '100', active: true, profession: '' });
    expect(staffFormToInput(emptyStaffForm(null)).baseOfficeId).toBeNull();
  });

  it('asks for name, profession and position, and checks HPR and range', () => {
    const form = { ...emptyStaffForm(null), positionPercent: '' };
    expect(staffFormErrors(form)).toEqual({ name: 'required', profession: 'required', positionPercent: 'required' });
    const wrong = { ...staffToForm(member), hprNumber: '12 34', positionPercent: '120' };
    expect(staffFormErrors(wrong)).toEqual({ hprNumber: 'hprFormat', positionPercent: 'outOfRange' });
    expect(staffFormErrors({ ...staffToForm(member), positionPercent: '50.5' })).toEqual({ positionPercent: 'invalidFormat' });
    expect(staffFormErrors({ ...staffToForm(member), positionPercent: 'full' })).toEqual({ positionPercent: 'invalidFormat' });
  });

  it('keeps an optional phone number and checks its form', () => {
    expect(staffToForm({ ...member, phone: null }).phone).toBe('');
    expect(staffFormErrors({ ...staffToForm(member), phone: '' })).toEqual({});
    expect(staffFormErrors({ ...staffToForm(member), phone: '+47 909 65 214' })).toEqual({});
    expect(staffFormErrors({ ...staffToForm(member), phone: 'ring resepsjonen' })).toEqual({ phone: 'phoneFormat' });
  });
});

describe('staff filter', () => {
  const staff: StaffMember[] = [
    member,
    { ...member, id: '01900000-0000-7000-8000-0000000000bb', name: 'Ingrid Solbakk', profession: 'doctor', homeMunicipality: 'Grong', baseOfficeId: null },
  ];
  const describe_ = {
    profession: (profession: string) => ({ nurse: 'sykepleier', doctor: 'lege' })[profession] ?? profession,
    office: (id: string | null) => (id === OFFICE ? 'Røyrvik legekontor' : 'Ingen fast kontor'),
  };

  it('matches every word in name, profession, office or municipality, ignoring case', () => {
    expect(filterStaff(staff, 'SYKEPLEIER røyrvik', describe_).map((m) => m.name)).toEqual(['Per Olav Skogmo']);
    expect(filterStaff(staff, 'lege', describe_).map((m) => m.name)).toEqual(['Per Olav Skogmo', 'Ingrid Solbakk']);
    expect(filterStaff(staff, 'ingrid lege', describe_).map((m) => m.name)).toEqual(['Ingrid Solbakk']);
  });

  it('returns everyone for an empty filter', () => {
    expect(filterStaff(staff, '   ', describe_)).toHaveLength(2);
  });
});
