// Display names for domain values (roles, professions, weekdays) in the current language.
import type { Weekday } from '../../../domain/offices';
import { ROLES } from '../../../domain/roles';
import type { Role } from '../../../domain/roles';
import type { AbsenceKind, ShiftKind } from '../../../domain/rota/types';
import type { Profession } from '../../../domain/staff';
import type { Translator } from './index';

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

export function roleName(t: Translator['t'], role: Role): string {
  return t(`role.${role}`);
}

/** Roles in the fixed order of ROLES, e.g. "lege, leder". */
export function roleNames(t: Translator['t'], roles: readonly Role[]): string {
  return ROLES.filter((role) => roles.includes(role))
    .map((role) => roleName(t, role))
    .join(', ');
}

export function professionName(t: Translator['t'], profession: Profession): string {
  return t(`profession.${profession}`);
}

export function weekdayName(t: Translator['t'], day: Weekday): string {
  return t(`weekday.${day}`);
}

export function weekdayShort(t: Translator['t'], day: Weekday): string {
  return t(`weekdayShort.${day}`);
}

/** "Klinikk", "Videodekning", … for the kind select and shift chips. */
export function shiftKindName(t: Translator['t'], kind: ShiftKind): string {
  return t(`shiftKind.${kind}`);
}

export function absenceKindName(t: Translator['t'], kind: AbsenceKind): string {
  return t(`absenceKind.${kind}`);
}
