// Which roles may do what in the UI; mirrors the backend's handler access lists (the backend still enforces them).
import { hasAnyRole } from '../../../domain/roles';
import type { Role } from '../../../domain/roles';

export const PERMISSIONS = {
  editOffices: ['admin'],
  editStaff: ['admin', 'lead'],
  manageUsers: ['admin'],
  editSettings: ['admin'],
  /** Shifts, absences, recurring patterns and week copies (backend/handlers/rota.ts PLANNERS). */
  planRota: ['lead', 'admin'],
  /** Create, change, activate and withdraw routines; authorise nurses (backend/handlers/routines.ts: doctors only). */
  editRoutines: ['doctor'],
  /** Competence types and records (backend/handlers/competence.ts KEEPERS). */
  keepCompetence: ['lead', 'admin'],
  /** Everyone's competences, the expiry list, the matrix and the CSV export (competence.ts VIEWERS). */
  viewCompetence: ['lead', 'admin', 'doctor'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(user: { roles: readonly Role[] } | null, permission: Permission): boolean {
  return user !== null && hasAnyRole(user.roles, PERMISSIONS[permission]);
}
