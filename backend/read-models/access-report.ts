// The patient's access report (innsyn i logg) and the audit log with people's names: who (name, roles), when, what, why.
import type Database from 'better-sqlite3';
import type { AuditAction, AuditEvent } from '../../domain/audit/actions';
import { addDays } from '../../domain/calendar/dates';
import type { LocalDate } from '../../domain/calendar/dates';
import { osloToUtcIso } from '../../domain/calendar/oslo';
import { formatHlc } from '../../domain/hlc';
import type { Role } from '../../domain/roles';
import type { Authority } from '../../domain/trust/authority';
import { auditEventStamper, listAuditEvents, patientRef } from '../../db/audit';
import type { AuditFilter } from '../../db/audit';
import { getCurrentEntry, idsEverWithIdentityNumber } from '../../db/consultations';
import { listOffices } from '../../db/offices';
import { peopleByUserId } from '../../db/users';

/** An audit event with the person behind it: the staff member's name and the roles they held when it happened. */
export interface NamedAuditEvent extends AuditEvent {
  /** The staff member's name; for failed sign-ins with an unknown username and system events, the username as logged. */
  name: string;
  roles: Role[];
}

/** The roles a user held when an event happened, or null when that is not known (then the user's roles today are shown). */
export type RolesAt = (userId: string, event: Pick<AuditEvent, 'id' | 'at'>) => readonly Role[] | null;

/**
 * Roles from the chain of authority as of the event: the records stamped before the event's own write stamp count (an
 * event without one falls back to its time). Null authority (a store from before signing): nothing known.
 */
export function rolesFromAuthority(db: Database.Database, authority: Pick<Authority, 'at'> | null): RolesAt {
  if (!authority) return () => null;
  const stampOf = auditEventStamper(db);
  return (userId, event) => {
    const stamp = stampOf(event.id) ?? formatHlc({ wallMs: Date.parse(event.at), counter: 999_999, deviceId: '\uffff' });
    return authority.at(userId, stamp)?.roles ?? null;
  };
}

/** Adds each event's person; a user that was later removed keeps its name (users are never hard-deleted). */
export function withPeople(db: Database.Database, events: readonly AuditEvent[], rolesAt: RolesAt = () => null): NamedAuditEvent[] {
  const people = peopleByUserId(db);
  return events.map((event) => {
    const person = event.userId ? people.get(event.userId) : undefined;
    const then = event.userId ? rolesAt(event.userId, event) : null;
    return { ...event, name: person?.name ?? event.username, roles: [...(then ?? person?.roles ?? [])] };
  });
}

/** The Oslo dates (both inclusive) as the log's UTC bounds: from midnight of the first day to midnight after the last. */
export function periodBounds(fromDate: LocalDate, toDate: LocalDate): Required<Pick<AuditFilter, 'fromAt' | 'toAt'>> {
  return { fromAt: osloToUtcIso(fromDate, '00:00'), toAt: osloToUtcIso(addDays(toDate, 1), '00:00') };
}

/** One line of the report. */
export interface AccessReportRow {
  id: string;
  /** When (UTC ISO). */
  at: string;
  /** Who: name, username and the roles held then. */
  name: string;
  username: string;
  roles: Role[];
  /** What: the action, and the consultation it concerned (its local date and time) when it concerned one. */
  action: AuditAction;
  entryAt: string | null;
  /** Why: the reason given (revealing a number, searching, amending), null when the action needs none. */
  reason: string | null;
}

export interface AccessReport {
  /** Consultations that have ever carried the number. */
  entryCount: number;
  /** Oldest first, as the patient reads it. */
  rows: AccessReportRow[];
}

/**
 * The cooperation's offices whose patient data this computer does not hold (it serves only `served`, docs/sync-protocol.md):
 * a report made here cannot show accesses logged about their entries. Empty when it serves every office, or when its
 * offices are not known (not enrolled: it holds all it has).
 */
export function officesNotServed(db: Database.Database, served: readonly { id: string }[] | null): string[] {
  if (served === null) return [];
  const ids = new Set(served.map((office) => office.id));
  return listOffices(db)
    .filter((office) => !ids.has(office.id))
    .map((office) => office.name);
}

/** Far above what one patient's accesses in any period come to; the report is never cut short in practice. */
const REPORT_LIMIT = 100_000;

/**
 * Every logged access in the period to the entries that ever carried this (already validated) identity number, and
 * every search for the number. Events about other patients never appear: they match neither the entries nor the
 * number's one-way reference.
 */
export function accessReport(db: Database.Database, identityNumber: string, fromDate: LocalDate, toDate: LocalDate, rolesAt?: RolesAt): AccessReport {
  const entryIds = idsEverWithIdentityNumber(db, identityNumber);
  const events = listAuditEvents(db, { ...periodBounds(fromDate, toDate), targetIds: entryIds, patientRef: patientRef(identityNumber), limit: REPORT_LIMIT });
  const entryTimes = new Map(entryIds.map((id) => [id, getCurrentEntry(db, id)?.at ?? null]));
  const rows = withPeople(db, events, rolesAt)
    .reverse()
    .map((event) => ({
      id: event.id,
      at: event.at,
      name: event.name,
      username: event.username,
      roles: event.roles,
      action: event.action,
      entryAt: event.targetTable === 'consultations' && event.targetId ? (entryTimes.get(event.targetId) ?? null) : null,
      reason: event.reason,
    }));
  return { entryCount: entryIds.length, rows };
}
