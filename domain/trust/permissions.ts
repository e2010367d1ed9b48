// The one permission table: which role may write which synced table and column, what is write-once, and what a computer may sign alone.
import type { Role } from '../roles';

/** Who signed a change: a person (with their roles at the change's time) or a computer doing background work. */
export type ChangeAuthor = { kind: 'user'; userId: string; roles: readonly Role[] } | { kind: 'device'; deviceId: string };

/** Why a change was refused; the service answers with these codes and computers keep them with what they set aside. */
export type PermissionRefusal = 'trust.forbidden' | 'trust.writeOnce';

interface TableRule {
  /** Roles that may insert rows and (for mutable tables) change them. */
  write: readonly Role[];
  /** Write-once (events): each cell is accepted once, whatever a later timestamp says; corrections are new rows. */
  writeOnce?: true;
  /** Columns of a write-once table that retention may erase later, and the roles that may. */
  erasable?: { columns: readonly string[]; by: readonly Role[] };
  /** Columns a user may change on their own row (the row id is their user id): their password and key. */
  ownRowColumns?: readonly string[];
  /** The column that must name the author on insert: an event is only ever written by its own author. */
  authorColumn?: string;
  /** Any signed-in person may insert (audit events of what they did; authority records, checked by the chain). */
  anyoneMayInsert?: true;
  /** Columns that more roles than `write` may change on an existing row (the cooperation's rota limits: leads too). */
  columnWrite?: Readonly<Record<string, readonly Role[]>>;
}

const ADMIN: readonly Role[] = ['admin'];
const PLANNERS: readonly Role[] = ['lead', 'admin'];
const DOCTORS: readonly Role[] = ['doctor'];
/** The roles that may log consultations and amend them (the consultation log's handlers use the same list). */
export const CONSULTATION_LOGGERS: readonly Role[] = ['receptionist', 'nurse', 'doctor', 'lead'];

/**
 * The table. Handlers' `access` lists decide who may call them; this decides what the write path may commit for them,
 * what the service stores from a push and what every computer merges from a pull. Tables not listed are refused.
 */
export const PERMISSIONS: Readonly<Record<string, TableRule>> = {
  cooperation: { write: ADMIN, columnWrite: { rota_limits: PLANNERS } },
  offices: { write: ADMIN },
  staff: { write: ['admin', 'lead'] },
  users: { write: ADMIN, ownRowColumns: ['password_hash', 'wrapped_key'] },
  shifts: { write: PLANNERS },
  absences: { write: PLANNERS },
  rota_patterns: { write: PLANNERS },
  rota_pattern_exceptions: { write: PLANNERS },
  competence_types: { write: PLANNERS },
  staff_competences: { write: PLANNERS },
  icpc2_codes: { write: PLANNERS },
  routines: { write: DOCTORS },
  routine_authorisations: { write: DOCTORS, writeOnce: true },
  /** A nurse confirms she has read a routine version: only she writes her own confirmation. */
  routine_confirmations: { write: ['nurse'], writeOnce: true, authorColumn: 'user_id' },
  consultations: {
    write: CONSULTATION_LOGGERS,
    writeOnce: true,
    erasable: { columns: ['patient_id_number', 'note', 'anonymised_at'], by: ADMIN },
    authorColumn: 'recorded_by',
  },
  consultation_amendments: {
    write: CONSULTATION_LOGGERS,
    writeOnce: true,
    erasable: { columns: ['changes', 'reason'], by: ADMIN },
    authorColumn: 'by_user_id',
  },
  /** De-identified figures per entry (migration 015): written with the entry, its amendments and its cancellation. */
  consultation_facts: { write: CONSULTATION_LOGGERS },
  /** A prepared prescription is requested by whoever logs the entry, and answered only by a doctor, as themself. */
  prescription_requests: { write: CONSULTATION_LOGGERS, writeOnce: true, authorColumn: 'requested_by' },
  prescription_answers: { write: DOCTORS, writeOnce: true, erasable: { columns: ['reason'], by: ADMIN }, authorColumn: 'by_user_id' },
  /** Requests (docs/requests.md): leads publish open shifts and decide; anyone signed in asks, offers and answers, as themself. */
  open_shifts: { write: PLANNERS, writeOnce: true, authorColumn: 'by_user_id' },
  staff_requests: { write: [], anyoneMayInsert: true, writeOnce: true, authorColumn: 'by_user_id' },
  request_responses: { write: [], anyoneMayInsert: true, writeOnce: true, authorColumn: 'by_user_id' },
  request_decisions: { write: PLANNERS, writeOnce: true, authorColumn: 'by_user_id' },
  /**
   * Draft and published weeks: leads and admins publish or make weeks drafts, and their change writes the notices to
   * the staff affected in the same transaction (the handler checks that a lead publishes only their own office); each
   * user marks only their own notices read.
   */
  rota_publications: { write: PLANNERS, writeOnce: true, authorColumn: 'by_user_id' },
  rota_notices: { write: PLANNERS, writeOnce: true, authorColumn: 'by_user_id' },
  rota_notice_reads: { write: [], anyoneMayInsert: true, writeOnce: true, authorColumn: 'user_id' },
  audit_events: { write: [], anyoneMayInsert: true, writeOnce: true, authorColumn: 'user_id' },
  log_reviews: { write: ADMIN, writeOnce: true, authorColumn: 'by_user_id' },
  log_review_marks: { write: ADMIN, writeOnce: true, authorColumn: 'by_user_id' },
  authority_records: { write: [], anyoneMayInsert: true, writeOnce: true },
};

/**
 * What a computer may sign with its own key, with no person behind it: audit events of background work and of
 * failed sign-ins (nobody is signed in then). Nothing else: a stolen computer cannot act for a person.
 */
export const DEVICE_MAY: Readonly<Record<string, { column: string; values: readonly string[] } | { anyCell: true }>> = {
  audit_events: {
    column: 'action',
    // sync.*: the sync engine's own work (scope changes, a repair's end), with no person behind it (docs/sync-protocol.md).
    values: ['session.signInFailed', 'backup.created', 'backup.restored', 'device.enrolled', 'sync.scopeShrunk', 'sync.scopeGrown', 'sync.repaired'],
  },
  /**
   * The de-identified figures of the entries the computer holds, inserted or put right by its background job
   * (backend/jobs/consultation-facts.ts): no patient data, and the same values any computer holding the entry computes.
   */
  consultation_facts: { anyCell: true },
};

/** One cell of a change, with what the checker knows about the cell where it runs. */
export interface CellToCheck {
  table: string;
  row: string;
  column: string;
  value: string | number | null;
  /** The cell already holds a value from another transaction: a write-once cell is then refused. */
  alreadyWritten: boolean;
  /**
   * The row was written by an EARLIER transaction (a lower timestamp), so the cell changes it rather than inserting it
   * (what erasure, own-row columns and column grants need). Defaults to `alreadyWritten`. A later erasure stored first
   * (a retried push, pages out of order) does not make the row's own insert a change.
   */
  rowExists?: boolean;
}

/**
 * Checks every cell of one transaction against the table for its author; returns the first refusal, or null when all
 * may be written. `rowValues` gives the transaction's own cells per row (for the author column and the device list).
 */
export function checkTransaction(author: ChangeAuthor, cells: readonly CellToCheck[]): { refusal: PermissionRefusal; cell: CellToCheck } | null {
  const byRow = new Map<string, Map<string, string | number | null>>();
  for (const cell of cells) {
    const key = `${cell.table}\u0000${cell.row}`;
    let row = byRow.get(key);
    if (!row) byRow.set(key, (row = new Map()));
    row.set(cell.column, cell.value);
  }
  for (const cell of cells) {
    const refusal = checkCell(author, cell, byRow.get(`${cell.table}\u0000${cell.row}`)!);
    if (refusal) return { refusal, cell };
  }
  return null;
}

function checkCell(author: ChangeAuthor, cell: CellToCheck, rowValues: ReadonlyMap<string, string | number | null>): PermissionRefusal | null {
  const rule = PERMISSIONS[cell.table];
  if (!rule) return 'trust.forbidden';
  const changing = cell.rowExists ?? cell.alreadyWritten;
  // Erasable columns of a write-once row merge last-writer-wins: a value older than the stored one simply loses, so
  // only writing over an earlier value (an erasure) needs the erasing role, and write-once never applies to them.
  const erasableColumn = rule.erasable?.columns.includes(cell.column) === true;
  const erasing = erasableColumn && changing;
  if (rule.writeOnce && cell.alreadyWritten && !erasableColumn) return 'trust.writeOnce';

  if (author.kind === 'device') {
    const allowed = DEVICE_MAY[cell.table];
    if (allowed && 'anyCell' in allowed) return null;
    if (!allowed || changing) return 'trust.forbidden';
    const marker = rowValues.get(allowed.column);
    return typeof marker === 'string' && allowed.values.includes(marker) ? null : 'trust.forbidden';
  }

  const holds = (roles: readonly Role[]) => author.roles.some((role) => roles.includes(role));
  if (erasing) return holds(rule.erasable!.by) ? null : 'trust.forbidden';
  if (rule.authorColumn && cell.column === rule.authorColumn && cell.value !== author.userId) return 'trust.forbidden';
  if (rule.ownRowColumns?.includes(cell.column) && cell.row === author.userId && changing) return null;
  if (rule.anyoneMayInsert && !changing) return null;
  const columnRoles = rule.columnWrite?.[cell.column];
  if (columnRoles && changing && holds(columnRoles)) return null;
  return holds(rule.write) ? null : 'trust.forbidden';
}

/** True when the author's roles may write the table at all (the handler × table test reads this). */
export function mayWriteTable(roles: readonly Role[], table: string): boolean {
  const rule = PERMISSIONS[table];
  if (!rule) return false;
  const columnRoles = Object.values(rule.columnWrite ?? {}).flat();
  return rule.anyoneMayInsert === true || roles.some((role) => rule.write.includes(role) || columnRoles.includes(role));
}
