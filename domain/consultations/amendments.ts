// Append-only history of a consultation entry: amendments and cancellation are events, the current entry is derived from them.
import type { LocalDate } from '../calendar/dates';
import type { ContactKind, LocalDateTime, MedicineAction, Outcome, StoredPatient } from './entry';
import { maskIdentityNumber } from './identity';

/** The medicine given or prepared, copied from the routine (or named by the consulted doctor) when the entry was saved. */
export interface EntryMedicine {
  action: MedicineAction;
  name: string;
  /** Strength, form and dose as one line, e.g. '200 mg tablett, 1 tablett'. */
  details: string;
}

/** The fields of an entry that an amendment may change. */
export interface EntryFields {
  at: LocalDateTime;
  officeId: string;
  nurseId: string;
  patient: StoredPatient;
  contact: ContactKind;
  icpc2Code: string;
  routineId: string | null;
  routineVersion: number | null;
  medicine: EntryMedicine | null;
  outcome: Outcome;
  doctorId: string | null;
  followUpDate: LocalDate | null;
  note: string | null;
}
export type EntryField = keyof EntryFields;
export const ENTRY_FIELDS: readonly EntryField[] = [
  'at',
  'officeId',
  'nurseId',
  'patient',
  'contact',
  'icpc2Code',
  'routineId',
  'routineVersion',
  'medicine',
  'outcome',
  'doctorId',
  'followUpDate',
  'note',
];

/** An entry as first saved. */
export interface ConsultationRecord extends EntryFields {
  id: string;
  recordedBy: string;
  /** When it was saved (ISO instant). */
  recordedAt: string;
  /** Set when retention removed the identity number and note. */
  anonymisedAt: string | null;
}

export type AmendmentKind = 'amended' | 'cancelled';

export interface Amendment {
  id: string;
  consultationId: string;
  kind: AmendmentKind;
  /** The new values of the changed fields (empty for a cancellation). */
  changes: Partial<EntryFields>;
  reason: string;
  byUserId: string;
  /** ISO instant. */
  at: string;
}

export interface FieldChange {
  field: EntryField;
  before: unknown;
  after: unknown;
}

export interface HistoryStep {
  kind: 'recorded' | AmendmentKind;
  at: string;
  byUserId: string;
  reason: string | null;
  changes: FieldChange[];
}

export interface CurrentEntry extends ConsultationRecord {
  cancelled: { at: string; byUserId: string; reason: string } | null;
  amendmentCount: number;
  history: HistoryStep[];
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields whose values differ: what an amendment stores. */
export function diffEntry(before: EntryFields, after: EntryFields): Partial<EntryFields> {
  const changes: Partial<Record<EntryField, unknown>> = {};
  for (const field of ENTRY_FIELDS) if (!sameValue(before[field], after[field])) changes[field] = after[field];
  return changes as Partial<EntryFields>;
}

function byTime(a: Amendment, b: Amendment): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Applies the amendments in time order to the original entry. The first cancellation wins; amendments after it are
 * kept in the history but do not change the entry. The original record itself is never changed.
 */
export function currentEntry(record: ConsultationRecord, amendments: readonly Amendment[]): CurrentEntry {
  let fields: EntryFields = { ...record };
  let cancelled: CurrentEntry['cancelled'] = null;
  const history: HistoryStep[] = [{ kind: 'recorded', at: record.recordedAt, byUserId: record.recordedBy, reason: null, changes: [] }];
  for (const amendment of [...amendments].filter((a) => a.consultationId === record.id).sort(byTime)) {
    if (amendment.kind === 'cancelled') {
      cancelled ??= { at: amendment.at, byUserId: amendment.byUserId, reason: amendment.reason };
      history.push({ kind: 'cancelled', at: amendment.at, byUserId: amendment.byUserId, reason: amendment.reason, changes: [] });
      continue;
    }
    const changes: FieldChange[] = [];
    const next: Partial<Record<EntryField, unknown>> = {};
    for (const field of ENTRY_FIELDS) {
      if (!Object.hasOwn(amendment.changes, field)) continue;
      const after = amendment.changes[field];
      changes.push({ field, before: fields[field], after });
      next[field] = after;
    }
    if (!cancelled) fields = { ...fields, ...(next as Partial<EntryFields>) };
    history.push({ kind: 'amended', at: amendment.at, byUserId: amendment.byUserId, reason: amendment.reason, changes });
  }
  return { ...record, ...fields, cancelled, amendmentCount: history.length - 1, history };
}

/** A patient as lists show it: the identity number masked, or birth year and sex. */
export function maskPatient(patient: StoredPatient): StoredPatient {
  return { ...patient, idNumber: patient.idNumber === null ? null : maskIdentityNumber(patient.idNumber) };
}

/** The history with every identity number masked, for the detail view (revealing is a separate, logged step). */
export function maskHistory(history: readonly HistoryStep[]): HistoryStep[] {
  return history.map((step) => ({
    ...step,
    changes: step.changes.map((change) =>
      change.field === 'patient'
        ? { ...change, before: change.before && maskPatient(change.before as StoredPatient), after: change.after && maskPatient(change.after as StoredPatient) }
        : change,
    ),
  }));
}

/** An amendment's changes with personal data removed (identity number and note), for retention. */
export function redactChanges(changes: Partial<EntryFields>): Partial<EntryFields> {
  const redacted: Partial<EntryFields> = { ...changes };
  if (redacted.patient) redacted.patient = { ...redacted.patient, idNumber: null };
  if (Object.hasOwn(redacted, 'note')) redacted.note = null;
  return redacted;
}
