// The areas of the app: one name per area in every layer, used for "data changed" events and cache refreshes.

/**
 * Every area a handler can change and a screen can listen to. A handler's `changes`, sync's table→area map,
 * the renderer's cache and every `useQuery` take this type, so a misspelt area is a compile error instead of a
 * screen that never refreshes.
 */
export const AREAS = [
  'offices',
  'staff',
  'users',
  'settings',
  'setup',
  'rota',
  'competence',
  'routines',
  'consultations',
  'audit',
  'backups',
  'devices',
  'sync',
  'requests',
] as const;

export type Area = (typeof AREAS)[number];

export function isArea(value: string): value is Area {
  return (AREAS as readonly string[]).includes(value);
}
