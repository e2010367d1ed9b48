// Route paths of the app (kept in the URL hash, e.g. #/offices/new) and their parsing; pure, so it is unit-tested.
import type { Role } from '../../../domain/roles';

export const AREAS = [
  'overview',
  'rota',
  'competence',
  'routines',
  'consultations',
  'offices',
  'staff',
  'users',
  'settings',
  /** Min logg: what the audit log holds about the signed-in user (from the header, not the menu). */
  'mylog',
  /** Innboks: requests, answers and rota notices waiting for the user (from the header, not the menu). */
  'inbox',
] as const;
export type Area = (typeof AREAS)[number];

/** Areas not built yet: shown in the menu as "kommer" and not navigable. */
export const COMING_AREAS: readonly Area[] = [];

export const DEFAULT_PATH = '/offices';

/**
 * Where a person starts after signing in: their daily work screen. Receptionists and nurses log consultations, leads
 * plan from the overview, doctors own routines, admins manage settings; someone with several roles starts at the
 * first of these that they hold.
 */
export function landingPath(roles: readonly Role[]): string {
  if (roles.includes('receptionist') || roles.includes('nurse')) return '/consultations/new';
  if (roles.includes('lead')) return '/overview';
  if (roles.includes('doctor')) return '/routines';
  if (roles.includes('admin')) return '/settings';
  return DEFAULT_PATH;
}

export interface ParsedRoute {
  area: Area | null;
  /** 'new', a record id, or null for the area's list. */
  item: string | null;
}

export function normalisePath(path: string): string {
  const trimmed = path.replace(/^#/, '').trim();
  // Anything that is not a route (empty, '/', or e.g. a leftover '#token=…') opens the default page.
  if (!trimmed.startsWith('/') || trimmed === '/') return DEFAULT_PATH;
  return trimmed;
}

export function parseRoute(path: string): ParsedRoute {
  const [areaPart, itemPart, ...rest] = normalisePath(path).slice(1).split('/');
  const area = (AREAS as readonly string[]).includes(areaPart ?? '') ? (areaPart as Area) : null;
  if (!area || rest.length > 0) return { area: null, item: null };
  return { area, item: itemPart ? decodeURIComponent(itemPart) : null };
}

export function itemPath(area: Area, item: string): string {
  return `/${area}/${encodeURIComponent(item)}`;
}

export function hrefFor(path: string): string {
  return `#${path}`;
}
