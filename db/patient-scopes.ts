// Registry of the patient-scoped synced tables: which rows are patient data and how each finds the office it belongs to (service and computers both read it).
import type { SyncedTableName } from './sync-tables';

/**
 * How a patient-scoped row finds its office, tried in this order:
 * 1. `reference`: the office of the row its `column` names in `table` (when `tableColumn` is given, only when that
 *    column's value is `table`);
 * 2. `officeColumn`: the office id in this column of the row itself;
 * 3. `fallback: 'pushingDevice'`: the first (sorted) office of the device that pushed it.
 * A row none of these resolves belongs to no office: it reaches no device (least data).
 */
export interface PatientScope {
  /** The row is patient data only when this column holds a value; otherwise it goes to every device. */
  onlyWhenSet?: string;
  reference?: { column: string; table: SyncedTableName; tableColumn?: string };
  officeColumn?: string;
  fallback?: 'pushingDevice';
}

/**
 * Tables whose rows reach only the devices serving the row's office (docs/sync-protocol.md, scopes). Every other
 * synced table reaches every device. Order matters: a table appears after the tables its rows reference, so one pass
 * over a push resolves references inside the same push.
 */
export const PATIENT_SCOPED_TABLES = {
  consultations: { officeColumn: 'office_id', fallback: 'pushingDevice' },
  prescription_requests: { reference: { column: 'consultation_id', table: 'consultations' }, officeColumn: 'office_id', fallback: 'pushingDevice' },
  prescription_answers: { reference: { column: 'request_id', table: 'prescription_requests' }, fallback: 'pushingDevice' },
  consultation_amendments: { reference: { column: 'consultation_id', table: 'consultations' }, fallback: 'pushingDevice' },
  audit_events: {
    onlyWhenSet: 'patient_ref',
    reference: { column: 'target_id', table: 'consultations', tableColumn: 'target_table' },
    fallback: 'pushingDevice',
  },
} as const satisfies Partial<Record<SyncedTableName, PatientScope>>;

export type PatientScopedTableName = keyof typeof PATIENT_SCOPED_TABLES;

export function isPatientScoped(table: string): table is PatientScopedTableName {
  return Object.hasOwn(PATIENT_SCOPED_TABLES, table);
}

/** The scope rule of a patient-scoped table. */
export function patientScopeOf(table: PatientScopedTableName): PatientScope {
  return PATIENT_SCOPED_TABLES[table];
}

/** The columns of a row the rule reads (to fetch them when a push does not carry them). */
export function scopeColumns(table: PatientScopedTableName): string[] {
  const scope = patientScopeOf(table);
  const columns = [scope.onlyWhenSet, scope.reference?.column, scope.reference?.tableColumn, scope.officeColumn];
  return columns.filter((column): column is string => column !== undefined);
}
