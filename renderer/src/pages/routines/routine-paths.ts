// Paths of the routine pages inside the 'routines' area (#/routines, /check, /check-<routineId>, /list, /new, /<routineId>, /edit-<routineId>); pure.
import { idSchema } from '../../../../domain/ids';
import type { Role } from '../../../../domain/roles';
import { itemPath } from '../../app/routes';

export type RoutinesView =
  | { kind: 'check'; routineId?: string }
  | { kind: 'list' }
  | { kind: 'prescriptions' }
  | { kind: 'new' }
  | { kind: 'detail'; routineId: string }
  | { kind: 'edit'; routineId: string }
  | { kind: 'notFound' };

const EDIT_PREFIX = 'edit-';
const CHECK_PREFIX = 'check-';

export const ROUTINE_PATHS = {
  area: '/routines',
  check: itemPath('routines', 'check'),
  /** The check with this routine already chosen (from a routine's page). */
  checkRoutine: (routineId: string) => itemPath('routines', `${CHECK_PREFIX}${routineId}`),
  list: itemPath('routines', 'list'),
  /** Prepared prescriptions: to sign (doctors), waiting too long (leads), mine (nurses). */
  prescriptions: itemPath('routines', 'prescriptions'),
  new: itemPath('routines', 'new'),
  detail: (routineId: string) => itemPath('routines', routineId),
  edit: (routineId: string) => itemPath('routines', `${EDIT_PREFIX}${routineId}`),
} as const;

function isId(value: string): boolean {
  return idSchema.safeParse(value).success;
}

/** The nurse's check is the start page for nurses; everyone else starts with the list of routines. */
export function defaultRoutinesView(roles: readonly Role[]): RoutinesView {
  return roles.includes('nurse') ? { kind: 'check' } : { kind: 'list' };
}

/** The view for the area's item (null = the area itself, which depends on the user's roles). */
export function routinesView(item: string | null, roles: readonly Role[]): RoutinesView {
  if (item === null) return defaultRoutinesView(roles);
  if (item === 'check') return { kind: 'check' };
  if (item === 'list') return { kind: 'list' };
  if (item === 'prescriptions') return { kind: 'prescriptions' };
  if (item === 'new') return { kind: 'new' };
  if (item.startsWith(CHECK_PREFIX) && isId(item.slice(CHECK_PREFIX.length))) return { kind: 'check', routineId: item.slice(CHECK_PREFIX.length) };
  if (item.startsWith(EDIT_PREFIX) && isId(item.slice(EDIT_PREFIX.length))) return { kind: 'edit', routineId: item.slice(EDIT_PREFIX.length) };
  if (isId(item)) return { kind: 'detail', routineId: item };
  return { kind: 'notFound' };
}
