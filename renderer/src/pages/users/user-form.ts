// User form logic without React: new-user and role/password forms to API input, with live validation.
import { z } from 'zod';
import type { Role } from '../../../../domain/roles';
import { ROLES } from '../../../../domain/roles';
import type { StaffMember } from '../../../../domain/staff';
import { passwordSchema, userCreateSchema, userUpdateSchema } from '../../../../domain/users';
import type { UserCreateInput, UserSummary, UserUpdateInput } from '../../../../domain/users';
import { validate } from '../../../../domain/validation';
import type { FormFieldErrors } from '../../i18n/codes';

export interface NewUserForm {
  staffId: string;
  username: string;
  password: string;
  roles: Role[];
}

export interface UserRolesForm {
  roles: Role[];
  active: boolean;
}

export const emptyNewUserForm = (): NewUserForm => ({ staffId: '', username: '', password: '', roles: [] });

export function newUserFormToInput(form: NewUserForm): UserCreateInput {
  return { staffId: form.staffId, username: form.username, password: form.password, roles: sortRoles(form.roles) };
}

export function newUserFormErrors(form: NewUserForm): FormFieldErrors {
  const result = validate(userCreateSchema, newUserFormToInput(form));
  const errors: FormFieldErrors = result.ok ? {} : { ...result.fields };
  if (form.staffId === '') errors.staffId = 'required';
  return errors;
}

export function userToRolesForm(user: UserSummary): UserRolesForm {
  return { roles: [...user.roles], active: user.active };
}

export function rolesFormToInput(id: string, form: UserRolesForm): UserUpdateInput {
  return { id, roles: sortRoles(form.roles), active: form.active };
}

export function rolesFormErrors(id: string, form: UserRolesForm): FormFieldErrors {
  const result = validate(userUpdateSchema, rolesFormToInput(id, form));
  return result.ok ? {} : result.fields;
}

const passwordFormSchema = z.object({ password: passwordSchema });

export function passwordFormErrors(form: { password: string }): FormFieldErrors {
  const result = validate(passwordFormSchema, form);
  return result.ok ? {} : result.fields;
}

function sortRoles(roles: readonly Role[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}

/** Active staff who have no user yet: the people a new user can be made for. */
export function staffWithoutUser(staff: readonly StaffMember[], users: readonly UserSummary[]): StaffMember[] {
  const taken = new Set(users.map((user) => user.staffId));
  return staff.filter((member) => member.active && !taken.has(member.id));
}
