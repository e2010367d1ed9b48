// Authorisations of nurses for routine versions as append-only events (granted/revoked), and which one is in force on a date.
import { z } from 'zod';
import { localDateSchema } from '../calendar/dates';
import type { LocalDate } from '../calendar/dates';
import { idSchema } from '../ids';
import { optionalText } from '../validation';

/** granted = autorisert, revoked = autorisasjon trukket tilbake. */
export const AUTHORISATION_KINDS = ['granted', 'revoked'] as const;
export type AuthorisationKind = (typeof AUTHORISATION_KINDS)[number];

/**
 * What a doctor enters to authorise a nurse for one routine version, or to revoke it (a reason is then required).
 * effectiveDate: the first day the event counts.
 */
const eventFields = z.object({
  routineId: idSchema,
  routineVersion: z.number('invalidFormat').int('invalidFormat').min(1, 'outOfRange'),
  nurseId: idSchema,
  kind: z.enum(AUTHORISATION_KINDS, 'invalidChoice'),
  byDoctorId: idSchema,
  effectiveDate: localDateSchema,
  reason: optionalText(500),
});

type EventRules = Pick<z.output<typeof eventFields>, 'kind' | 'reason' | 'nurseId' | 'byDoctorId'>;
const reasonForRevocation = (event: EventRules) => event.kind !== 'revoked' || event.reason !== null;
const notSelf = (event: EventRules) => event.nurseId !== event.byDoctorId;

export const authorisationEventInputSchema = eventFields
  .refine(reasonForRevocation, { message: 'required', path: ['reason'] })
  .refine(notSelf, { message: 'invalidChoice', path: ['nurseId'] });
export type AuthorisationEventInput = z.input<typeof authorisationEventInputSchema>;
export type AuthorisationEventValues = z.output<typeof authorisationEventInputSchema>;

/** A stored event: never edited or deleted; a mistake is corrected by a newer event. `at` is when it was recorded (UTC ISO instant, 'Z'). */
export const authorisationEventSchema = eventFields
  .extend({ id: idSchema, at: z.iso.datetime('invalidFormat') })
  .refine(reasonForRevocation, { message: 'required', path: ['reason'] })
  .refine(notSelf, { message: 'invalidChoice', path: ['nurseId'] });

export interface AuthorisationEvent extends AuthorisationEventValues {
  id: string;
  at: string;
}

/** Order of events: by `at` as an instant, then by id. Positive when `a` is later. */
export function compareAuthorisationEvents(a: Pick<AuthorisationEvent, 'at' | 'id'>, b: Pick<AuthorisationEvent, 'at' | 'id'>): number {
  const byTime = Date.parse(a.at) - Date.parse(b.at);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return a.id > b.id ? 1 : a.id < b.id ? -1 : 0;
}

export interface AuthorisationKey {
  nurseId: string;
  routineId: string;
  routineVersion: number;
}

export interface AuthorisationStatus {
  /** none = no event for this nurse and version has taken effect by the date. */
  state: 'granted' | 'revoked' | 'none';
  /** The deciding event. */
  event: AuthorisationEvent | null;
}

function matches(event: AuthorisationEvent, key: AuthorisationKey): boolean {
  return event.nurseId === key.nurseId && event.routineId === key.routineId && event.routineVersion === key.routineVersion;
}

/**
 * The authorisation of a nurse for one routine version on `date`: of the events for that (nurse, routine, version)
 * whose effectiveDate ≤ date, the latest by `at` (then id) decides. So a revocation effective from a future date
 * leaves the grant in force until then, and a grant after a revocation re-authorises. With `atMs` (an instant on
 * `date`), an event effective on `date` itself counts only from when it was recorded (`at`): a revocation made at 15:00
 * today ends the authorisation at 15:00, not retroactively from midnight, and a grant made at 10:00 starts at 10:00.
 */
export function authorisationOn(events: readonly AuthorisationEvent[], key: AuthorisationKey, date: LocalDate, atMs?: number): AuthorisationStatus {
  let latest: AuthorisationEvent | null = null;
  for (const event of events) {
    if (!matches(event, key) || event.effectiveDate > date) continue;
    if (atMs !== undefined && event.effectiveDate === date && Date.parse(event.at) > atMs) continue;
    if (latest === null || compareAuthorisationEvents(event, latest) > 0) latest = event;
  }
  return latest === null ? { state: 'none', event: null } : { state: latest.kind, event: latest };
}

/** Nurses authorised for a routine version on `date`, with the grant in force (for the printed routine sheet). Sorted by nurse id. */
export function authorisedNurses(events: readonly AuthorisationEvent[], routineId: string, routineVersion: number, date: LocalDate): { nurseId: string; granted: AuthorisationEvent }[] {
  const nurseIds = [...new Set(events.filter((event) => event.routineId === routineId && event.routineVersion === routineVersion).map((event) => event.nurseId))].sort();
  const list: { nurseId: string; granted: AuthorisationEvent }[] = [];
  for (const nurseId of nurseIds) {
    const status = authorisationOn(events, { nurseId, routineId, routineVersion }, date);
    if (status.state === 'granted' && status.event) list.push({ nurseId, granted: status.event });
  }
  return list;
}

/** The versions of a routine a nurse is authorised for on `date`, ascending. */
export function authorisedVersions(events: readonly AuthorisationEvent[], nurseId: string, routineId: string, date: LocalDate, atMs?: number): number[] {
  const versions = [...new Set(events.filter((event) => event.nurseId === nurseId && event.routineId === routineId).map((event) => event.routineVersion))];
  return versions.filter((routineVersion) => authorisationOn(events, { nurseId, routineId, routineVersion }, date, atMs).state === 'granted').sort((a, b) => a - b);
}
