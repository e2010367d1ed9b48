// User accounts: a staff member's login, its roles, and the rules for usernames and passwords.
import { z } from 'zod';
import { idSchema } from './ids';
import { ROLES } from './roles';
import type { Role } from './roles';

export const MIN_PASSWORD_LENGTH = 8;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'required')
  .max(40, 'tooLong')
  .regex(/^[a-z0-9._-]+$/, 'invalidFormat');

export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH, 'passwordTooShort').max(200, 'tooLong');

export const rolesSchema = z.array(z.enum(ROLES, 'invalidChoice')).min(1, 'roleRequired');

export const userCreateSchema = z.object({
  staffId: idSchema,
  username: usernameSchema,
  password: passwordSchema,
  roles: rolesSchema,
});
export type UserCreateInput = z.input<typeof userCreateSchema>;

export const userUpdateSchema = z.object({
  id: idSchema,
  roles: rolesSchema,
  active: z.boolean(),
});
export type UserUpdateInput = z.input<typeof userUpdateSchema>;

/** A user as shown to the UI: never carries the password hash. */
export interface UserSummary {
  id: string;
  staffId: string;
  staffName: string;
  username: string;
  roles: Role[];
  active: boolean;
}
