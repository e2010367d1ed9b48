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
  /** Record, amend, list consultations and reveal a number with a reason (backend/handlers/consultations-common.ts CONSULTATION_STAFF). */
  logConsultations: ['receptionist', 'nurse', 'doctor', 'lead'],
  /** The trial's figures and their export, without identities (CONSULTATION_STATISTICS). */
  viewConsultationStatistics: ['lead', 'doctor', 'admin'],
  importIcpc2: ['lead', 'admin'],
  manageConsultationRetention: ['admin'],
  /** The audit log and "who has accessed this patient" (backend/handlers/audit.ts). */
  readAuditLog: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(user: { roles: readonly Role[] } | null, permission: Permission): boolean {
  return user !== null && hasAnyRole(user.roles, PERMISSIONS[permission]);
}
