// Routine versions: when a version is in force, who may activate it, and the versioning rule (a change to an active routine is a new version that supersedes the old one from its valid-from date).
import { addDays } from '../calendar/dates';
import type { LocalDate } from '../calendar/dates';
import { formatFullDateNb } from '../calendar/format';
import { hasAnyRole } from '../roles';
import type { Role } from '../roles';
import { toFieldErrors } from '../validation';
import type { FieldErrors } from '../validation';
import { reason } from './reasons';
import type { Reason } from './reasons';
import { ROUTINE_CONTENT_FIELDS, routineContent, routineContentSchema } from './types';
import type { Routine, RoutineContent, RoutineContentInput } from './types';

/** Only doctors may activate or retire a routine: it is the responsible doctor's standing order. */
export const ROUTINE_ACTIVATOR_ROLES: readonly Role[] = ['doctor'];

export type RoutineInactiveCode = 'routineDraft' | 'routineRetired' | 'routineSuperseded' | 'routineNotYetValid' | 'routineExpired';

/**
 * Every reason a routine version is not in force on `date` (empty = in force). A version is in force on D when it is
 * not a draft, validFrom ≤ D ≤ expiresOn, and (when retired) D < retiredFrom. A retired version therefore stays in
 * force for the dates before it was superseded or withdrawn, so questions about the past get the answer of the past.
 */
export function routineInactiveReasons(routine: Routine, date: LocalDate): Reason<RoutineInactiveCode>[] {
  const reasons: Reason<RoutineInactiveCode>[] = [];
  const v = routine.version;
  if (routine.status === 'draft') {
    reasons.push(reason('routineDraft', `Versjon ${v} er et utkast og er ikke aktivert`, { version: v }));
  }
  if (routine.status === 'retired' && (routine.retiredFrom === null || date >= routine.retiredFrom)) {
    const from = routine.retiredFrom;
    if (routine.supersededByVersion !== null) {
      const text = from ? ` fra ${formatFullDateNb(from)}` : '';
      reasons.push(reason('routineSuperseded', `Versjon ${v} er erstattet av versjon ${routine.supersededByVersion}${text}`, { version: v, newVersion: routine.supersededByVersion, date: from }));
    } else {
      const text = from ? ` fra ${formatFullDateNb(from)}` : '';
      reasons.push(reason('routineRetired', `Versjon ${v} er trukket tilbake${text}`, { version: v, date: from }));
    }
  }
  if (date < routine.validFrom) {
    reasons.push(reason('routineNotYetValid', `Versjon ${v} gjelder først fra ${formatFullDateNb(routine.validFrom)}`, { version: v, date: routine.validFrom }));
  }
  if (date > routine.expiresOn) {
    reasons.push(reason('routineExpired', `Versjon ${v} utløp ${formatFullDateNb(routine.expiresOn)}`, { version: v, date: routine.expiresOn }));
  }
  return reasons;
}

export function isRoutineInForce(routine: Routine, date: LocalDate): boolean {
  return routineInactiveReasons(routine, date).length === 0;
}

/** The version of a routine in force on `date` (the highest if the data ever has two), or null. */
export function routineVersionInForce(versions: readonly Routine[], date: LocalDate): Routine | null {
  let found: Routine | null = null;
  for (const routine of versions) {
    if (isRoutineInForce(routine, date) && (found === null || routine.version > found.version)) found = routine;
  }
  return found;
}

export type ActivationResult = { allowed: true } | { allowed: false; reasons: Reason[] };

/**
 * Whether these roles may activate this version: only a doctor, only a draft, only complete content, and (when `today`
 * is given) not valid from a date in the past, so activating never changes what was in force on earlier dates.
 */
export function canActivate(routine: Routine, actorRoles: readonly Role[], today?: LocalDate): ActivationResult {
  const reasons: Reason[] = [];
  const v = routine.version;
  if (!hasAnyRole(actorRoles, ROUTINE_ACTIVATOR_ROLES)) reasons.push(reason('notDoctor', 'Bare en lege kan aktivere en rutine'));
  if (routine.status === 'active') reasons.push(reason('alreadyActive', `Versjon ${v} er allerede aktivert`, { version: v }));
  if (routine.status === 'retired') reasons.push(reason('retired', `Versjon ${v} er utgått og kan ikke aktiveres`, { version: v }));
  if (!routineContentSchema.safeParse(routineContent(routine)).success) reasons.push(reason('incomplete', `Versjon ${v} er ikke fullstendig utfylt`, { version: v }));
  if (today !== undefined && routine.validFrom < today) {
    reasons.push(reason('validFromInPast', `Gyldig fra (${formatFullDateNb(routine.validFrom)}) kan ikke være før i dag ved aktivering`, { date: routine.validFrom }));
  }
  return reasons.length === 0 ? { allowed: true } : { allowed: false, reasons };
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(b)) {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    return keysA.length === keysB.length && keysA.every((key) => deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
  }
  return false;
}

/** What a doctor changes: any content fields, and whether the result should be active or a draft (default draft). */
export type RoutineChanges = Partial<RoutineContentInput> & { status?: 'draft' | 'active' };

export interface RoutineChangeContext {
  /** Id for the new version's row; needed when a new version is created. */
  newId?: string;
  today: LocalDate;
  actorRoles: readonly Role[];
  /** All stored versions of the routine (with or without `current`): used to refuse changing an old version and to supersede. */
  versions: readonly Routine[];
}

export type RoutineChangeResult =
  | {
      ok: true;
      /** The version to store: the edited draft (created false) or a new version row (created true); `current` itself when nothing changed. */
      routine: Routine;
      created: boolean;
      /** Content fields that differ from `current` (a defaulted validFrom does not count). */
      changedFields: (keyof RoutineContent)[];
      /** Earlier versions whose time in force now ends at the new version's validFrom (store them too). Empty unless the result is active. */
      superseded: Routine[];
    }
  | { ok: false; fields: FieldErrors; reasons: Reason[] };

function failure(fields: FieldErrors, reasons: Reason[]): RoutineChangeResult {
  return { ok: false, fields, reasons };
}

/** Versions other than `active` whose time in force reaches `from` or later get retiredFrom = from and point to the new version. */
function supersede(series: readonly Routine[], active: Routine): Routine[] {
  const cut: Routine[] = [];
  for (const other of series) {
    if (other.version === active.version || other.status === 'draft') continue;
    if (other.status === 'retired' && other.retiredFrom !== null && other.retiredFrom <= active.validFrom) continue;
    cut.push({ ...other, status: 'retired', retiredFrom: active.validFrom, supersededByVersion: active.version });
  }
  return cut;
}

/**
 * The versioning rule. `current` must be the newest version of its routine.
 *
 * - A draft is edited in place (same version and row). Nobody can use a draft, so nothing needs re-authorising.
 * - An active or retired version is never edited: a change makes a new version (version + 1, new row) with the changed
 *   content; its validFrom defaults to today (or the day after the current version's validFrom, if later). Nurses must
 *   be authorised for the new version; authorising them while it is still a draft avoids a gap.
 * - With `changes.status` 'active' (doctor only, validFrom not before today) the result is activated at once and every
 *   earlier version still in force on or after its validFrom is superseded: status 'retired', retiredFrom = the new
 *   validFrom, supersededByVersion = the new version. The old version stays in force until the day before, so a
 *   future-dated change leaves no gap and no overlap, and past dates keep their answer.
 * - With status 'draft' (the default) the current active version is left alone until the draft is activated.
 * - No content change and no activation: nothing happens (`routine` is `current`, created false).
 */
export function nextVersionOnChange(current: Routine, changes: RoutineChanges, context: RoutineChangeContext): RoutineChangeResult {
  const series = [...context.versions.filter((routine) => routine.routineId === current.routineId && routine.version !== current.version), current];
  const latest = series.reduce((max, routine) => (routine.version > max.version ? routine : max), current);
  if (latest.version !== current.version || current.supersededByVersion !== null) {
    const newest = Math.max(latest.version, current.supersededByVersion ?? 0);
    return failure({}, [
      reason('notLatest', `Versjon ${current.version} er ikke den nyeste versjonen; endre versjon ${newest}`, { version: current.version, latestVersion: newest }),
    ]);
  }

  const status = changes.status ?? 'draft';
  const base = routineContent(current);
  const merged: Record<string, unknown> = { ...base };
  for (const field of ROUTINE_CONTENT_FIELDS) if (changes[field] !== undefined) merged[field] = changes[field];
  const defaultedValidFrom = current.status !== 'draft' && changes.validFrom === undefined;
  if (defaultedValidFrom) merged.validFrom = context.today > current.validFrom ? context.today : addDays(current.validFrom, 1);

  const parsed = routineContentSchema.safeParse(merged);
  if (!parsed.success) return failure(toFieldErrors(parsed.error), []);
  const content = parsed.data;
  const changedFields = ROUTINE_CONTENT_FIELDS.filter((field) => !(field === 'validFrom' && defaultedValidFrom) && !deepEqual(base[field], content[field]));

  const activating = status === 'active' && current.status !== 'active';
  if (changedFields.length === 0 && (current.status !== 'draft' || !activating)) {
    return { ok: true, routine: current, created: false, changedFields: [], superseded: [] };
  }

  const reasons: Reason[] = [];
  const fields: FieldErrors = {};
  if (status === 'active') {
    if (!hasAnyRole(context.actorRoles, ROUTINE_ACTIVATOR_ROLES)) reasons.push(reason('notDoctor', 'Bare en lege kan aktivere en rutine'));
    if (content.validFrom < context.today) fields.validFrom = 'outOfRange';
  }
  if (reasons.length > 0 || Object.keys(fields).length > 0) return failure(fields, reasons);

  let routine: Routine;
  let created: boolean;
  if (current.status === 'draft') {
    routine = { ...current, ...content, status };
    created = false;
  } else {
    if (!context.newId) throw new Error('nextVersionOnChange: context.newId is required to create a new version');
    routine = { ...content, id: context.newId, routineId: current.routineId, version: current.version + 1, status, retiredFrom: null, supersededByVersion: null };
    created = true;
  }
  const superseded = status === 'active' ? supersede(series, routine) : [];
  return { ok: true, routine, created, changedFields, superseded };
}

/** Activates a draft (doctor only, validFrom not in the past) and supersedes the version it replaces. */
export function activateRoutine(draft: Routine, context: Omit<RoutineChangeContext, 'newId'>): RoutineChangeResult {
  const check = canActivate(draft, context.actorRoles, context.today);
  if (!check.allowed) return failure({}, check.reasons);
  return nextVersionOnChange(draft, { status: 'active' }, context);
}

/** The version of the routine with status 'draft' and version 1, ready to store. */
export function createRoutine(content: RoutineContent, ids: { id: string; routineId: string }): Routine {
  return { ...routineContent(content), id: ids.id, routineId: ids.routineId, version: 1, status: 'draft', retiredFrom: null, supersededByVersion: null };
}

export type RetireResult = { ok: true; routine: Routine } | { ok: false; fields: FieldErrors; reasons: Reason[] };

/**
 * Withdraws a version from `from` on (doctor only): status 'retired', retiredFrom = from, no successor. An active
 * version cannot be withdrawn from a date before today (that would change the past). A draft is discarded the same
 * way: retiredFrom is its validFrom, so it is never in force and its version number is not reused.
 */
export function retireRoutine(routine: Routine, context: { from: LocalDate; today: LocalDate; actorRoles: readonly Role[] }): RetireResult {
  const reasons: Reason[] = [];
  const fields: FieldErrors = {};
  if (!hasAnyRole(context.actorRoles, ROUTINE_ACTIVATOR_ROLES)) reasons.push(reason('notDoctor', 'Bare en lege kan trekke tilbake en rutine'));
  if (routine.status === 'retired') reasons.push(reason('retired', `Versjon ${routine.version} er allerede utgått`, { version: routine.version }));
  if (routine.status === 'active' && context.from < context.today) fields.from = 'outOfRange';
  if (reasons.length > 0 || Object.keys(fields).length > 0) return { ok: false, fields, reasons };
  const retiredFrom = routine.status === 'draft' ? routine.validFrom : context.from;
  return { ok: true, routine: { ...routine, status: 'retired', retiredFrom, supersededByVersion: null } };
}
