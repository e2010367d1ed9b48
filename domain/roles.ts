// Roles a user can hold, and the role sets handlers use for access control.
export const ROLES = ['receptionist', 'nurse', 'doctor', 'lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** True when the user holds at least one of the allowed roles. */
export function hasAnyRole(userRoles: readonly Role[], allowed: readonly Role[]): boolean {
  return userRoles.some((role) => allowed.includes(role));
}
