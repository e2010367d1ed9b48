// Tests for the user forms: validation of a new user, role toggling and who can get a new user.
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../../domain/roles';
import type { StaffMember } from '../../../../domain/staff';
import type { UserSummary } from '../../../../domain/users';
import { emptyNewUserForm, newUserFormErrors, passwordFormErrors, rolesFormErrors, staffWithoutUser } from './user-form';
import { toggleValue } from '../../components/CheckboxGroup';

const STAFF_ID = '01900000-0000-7000-8000-000000000001';
const USER_ID = '01900000-0000-7000-8000-000000000009';

describe('new user form', () => {
  it('asks for a staff member, username, password and a role', () => {
    expect(newUserFormErrors(emptyNewUserForm())).toEqual({
      staffId: 'required',
      username: 'required',
      password: 'passwordTooShort',
      roles: 'roleRequired',
    });
  });

  it('accepts a complete form and checks the username format', () => {
    const form = { staffId: STAFF_ID, username: 'Marte.K', password: 'langt-nok-passord', roles: ['nurse' as const] };
    expect(newUserFormErrors(form)).toEqual({});
    expect(newUserFormErrors({ ...form, username: 'marte k' })).toEqual({ username: 'invalidFormat' });
  });

  it('validates role changes and new passwords', () => {
    expect(rolesFormErrors(USER_ID, { roles: [], active: true })).toEqual({ roles: 'roleRequired' });
    expect(passwordFormErrors({ password: 'kort' })).toEqual({ password: 'passwordTooShort' });
    expect(passwordFormErrors({ password: 'lang-nok-ja' })).toEqual({});
  });
});

describe('roles', () => {
  it('keeps roles in the fixed order when toggling', () => {
    expect(toggleValue(ROLES, ['admin'], 'receptionist', true)).toEqual(['receptionist', 'admin']);
    expect(toggleValue(ROLES, ['nurse', 'lead'], 'nurse', false)).toEqual(['lead']);
  });
});

describe('staffWithoutUser', () => {
  it('offers only active staff who have no user yet', () => {
    const base = { profession: 'nurse' as const, hprNumber: null, homeMunicipality: null, baseOfficeId: null, positionPercent: 100 };
    const staff: StaffMember[] = [
      { ...base, id: 'a', name: 'Har bruker', active: true },
      { ...base, id: 'b', name: 'Uten bruker', active: true },
      { ...base, id: 'c', name: 'Sluttet', active: false },
    ];
    const users: UserSummary[] = [{ id: 'u', staffId: 'a', staffName: 'Har bruker', username: 'har', roles: ['nurse'], active: true }];
    expect(staffWithoutUser(staff, users).map((member) => member.name)).toEqual(['Uten bruker']);
  });
});
