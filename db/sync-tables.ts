// Registry of the tables that sync: their columns and how values are stored, used by the write path.

export type ColumnKind = 'text' | 'integer' | 'boolean' | 'json';
export type SqlValue = string | number | null;

export interface SyncedTable {
  /** Business columns (not id, not deleted). */
  columns: Record<string, ColumnKind>;
  /** Insert-only (events): the write path refuses updates and deletes, and sync keeps every row. */
  appendOnly?: boolean;
  /**
   * Columns of an append-only table that retention may erase (set to null) and nothing else may
   * change: personal data that must not outlive its retention period. An erasure syncs like a
   * last-writer-wins update of those columns.
   */
  erasable?: readonly string[];
}

/**
 * Every table the write path may change. Mutable rows merge last-writer-wins per column;
 * `deleted` is a tombstone column present on every table.
 */
export const SYNCED_TABLES = {
  cooperation: { columns: { name: 'text', example_data: 'boolean', rota_limits: 'json', consultation_retention_months: 'integer' } },
  offices: {
    columns: {
      name: 'text',
      municipality: 'text',
      address: 'text',
      phone: 'text',
      opening_hours: 'json',
      driving_minutes: 'json',
    },
  },
  staff: {
    columns: {
      name: 'text',
      profession: 'text',
      hpr_number: 'text',
      home_municipality: 'text',
      base_office_id: 'text',
      position_percent: 'integer',
      active: 'boolean',
      phone: 'text',
    },
  },
  users: {
    columns: {
      staff_id: 'text',
      username: 'text',
      password_hash: 'text',
      roles: 'json',
      active: 'boolean',
      /** The user's Ed25519 private key, encrypted under a key derived from their password (db/signing.ts). */
      wrapped_key: 'text',
    },
  },
  shifts: {
    columns: { staff_id: 'text', office_id: 'text', date: 'text', start_time: 'text', end_time: 'text', kind: 'text', note: 'text' },
  },
  absences: { columns: { staff_id: 'text', from_date: 'text', to_date: 'text', kind: 'text', note: 'text' } },
  rota_patterns: {
    columns: {
      staff_id: 'text',
      office_id: 'text',
      kind: 'text',
      start_time: 'text',
      end_time: 'text',
      weekdays: 'json',
      interval_weeks: 'integer',
      from_date: 'text',
      to_date: 'text',
      note: 'text',
    },
  },
  rota_pattern_exceptions: { columns: { pattern_id: 'text', date: 'text', replacement: 'json' } },
  competence_types: {
    columns: { name: 'text', category: 'text', renewal_months: 'integer', applies_to: 'json', required_for: 'json', description: 'text' },
  },
  staff_competences: {
    columns: {
      staff_id: 'text',
      competence_type_id: 'text',
      obtained: 'text',
      expires_on: 'text',
      evidence_ref: 'text',
      verified_by: 'text',
      note: 'text',
    },
  },
  routines: {
    columns: {
      routine_id: 'text',
      version: 'integer',
      status: 'text',
      retired_from: 'text',
      superseded_by_version: 'integer',
      title: 'text',
      icpc2_codes: 'json',
      indication: 'text',
      inclusion_criteria: 'json',
      exclusion_criteria: 'json',
      medicine: 'json',
      nurse_may: 'text',
      follow_up_advice: 'text',
      responsible_doctor_id: 'text',
      required_competence_type_ids: 'json',
      valid_from: 'text',
      review_date: 'text',
      expires_on: 'text',
    },
  },
  routine_authorisations: {
    appendOnly: true,
    columns: {
      routine_id: 'text',
      routine_version: 'integer',
      nurse_id: 'text',
      kind: 'text',
      by_doctor_id: 'text',
      effective_date: 'text',
      reason: 'text',
      at: 'text',
    },
  },
  routine_confirmations: {
    appendOnly: true,
    columns: {
      routine_id: 'text',
      routine_version: 'integer',
      nurse_id: 'text',
      user_id: 'text',
      at: 'text',
    },
  },
  consultations: {
    appendOnly: true,
    erasable: ['patient_id_number', 'note', 'anonymised_at'],
    columns: {
      office_id: 'text',
      nurse_id: 'text',
      at: 'text',
      patient_kind: 'text',
      patient_id_number: 'text',
      birth_year: 'integer',
      sex: 'text',
      contact: 'text',
      icpc2_code: 'text',
      routine_id: 'text',
      routine_version: 'integer',
      medicine: 'json',
      outcome: 'text',
      doctor_id: 'text',
      follow_up_date: 'text',
      note: 'text',
      recorded_by: 'text',
      recorded_at: 'text',
      anonymised_at: 'text',
    },
  },
  consultation_amendments: {
    appendOnly: true,
    erasable: ['changes', 'reason'],
    columns: { consultation_id: 'text', kind: 'text', changes: 'json', reason: 'text', by_user_id: 'text', at: 'text' },
  },
  /** Prepared prescriptions (docs/consultations.md): the request, written with the consultation entry, and the doctor's answer. */
  prescription_requests: {
    appendOnly: true,
    columns: { consultation_id: 'text', office_id: 'text', nurse_id: 'text', responsible_kind: 'text', doctor_id: 'text', requested_by: 'text', at: 'text' },
  },
  prescription_answers: {
    appendOnly: true,
    /** A decline's reason may describe the patient: retention erases it with the entry. */
    erasable: ['reason'],
    columns: { request_id: 'text', answer: 'text', reason: 'text', by_user_id: 'text', by_staff_id: 'text', at: 'text' },
  },
  /**
   * One de-identified row per consultation entry (same id) with its current values, for cooperation-wide figures
   * (migration 015): mutable, last writer wins per column, and not patient-scoped, so every computer holds every office's.
   */
  consultation_facts: {
    columns: { office_id: 'text', day: 'text', outcome: 'text', with_doctor: 'boolean', contact: 'text', chapter: 'text', cancelled: 'boolean' },
  },
  icpc2_codes: { columns: { text: 'text' } },
  audit_events: {
    appendOnly: true,
    columns: {
      at: 'text',
      user_id: 'text',
      username: 'text',
      action: 'text',
      target_table: 'text',
      target_id: 'text',
      patient_ref: 'text',
      reason: 'text',
      details: 'json',
      device_id: 'text',
    },
  },
  /** Log reviews (stikkprøver, docs/consultations.md): the sampled accesses by audit event id, and each access's marks. */
  log_reviews: {
    appendOnly: true,
    columns: { from_date: 'text', to_date: 'text', sample_size: 'integer', seed: 'integer', candidate_count: 'integer', items: 'json', by_user_id: 'text', at: 'text' },
  },
  log_review_marks: {
    appendOnly: true,
    columns: { review_id: 'text', audit_event_id: 'text', verdict: 'text', note: 'text', by_user_id: 'text', at: 'text' },
  },
  /** Staff requests (docs/requests.md): open shifts, swaps and leave, the staff's responses and the leads' decisions. */
  open_shifts: {
    appendOnly: true,
    columns: {
      office_id: 'text',
      date: 'text',
      start_time: 'text',
      end_time: 'text',
      kind: 'text',
      profession: 'text',
      required_competence_type_ids: 'json',
      note: 'text',
      by_user_id: 'text',
      at: 'text',
    },
  },
  staff_requests: {
    appendOnly: true,
    columns: {
      kind: 'text',
      staff_id: 'text',
      office_id: 'text',
      shift_ref: 'text',
      date: 'text',
      to_staff_id: 'text',
      leave_kind: 'text',
      from_date: 'text',
      to_date: 'text',
      note: 'text',
      by_user_id: 'text',
      at: 'text',
    },
  },
  request_responses: {
    appendOnly: true,
    columns: { request_id: 'text', kind: 'text', staff_id: 'text', note: 'text', by_user_id: 'text', at: 'text' },
  },
  request_decisions: {
    appendOnly: true,
    columns: { request_id: 'text', decision: 'text', staff_id: 'text', note: 'text', by_user_id: 'text', by_staff_id: 'text', hlc: 'text', at: 'text' },
  },
  /** Draft and published rota weeks (docs/rota-rules.md): publish/draft records per office, notices to staff, read marks. */
  rota_publications: {
    appendOnly: true,
    columns: { office_id: 'text', kind: 'text', from_week: 'text', through_week: 'text', by_user_id: 'text', hlc: 'text', at: 'text' },
  },
  rota_notices: {
    appendOnly: true,
    columns: { staff_id: 'text', office_id: 'text', kind: 'text', publication_id: 'text', details: 'json', by_user_id: 'text', at: 'text' },
  },
  rota_notice_reads: { appendOnly: true, columns: { notice_id: 'text', user_id: 'text', at: 'text' } },
  /** The chain of authority (docs/trust.md): signed, append-only records of accounts, roles and keys. */
  authority_records: {
    appendOnly: true,
    columns: {
      kind: 'text',
      subject_id: 'text',
      role: 'text',
      public_key: 'text',
      signer_id: 'text',
      at: 'text',
      details: 'text',
      signature: 'text',
    },
  },
} as const satisfies Record<string, SyncedTable>;

export function isAppendOnly(table: SyncedTableName): boolean {
  return (SYNCED_TABLES[table] as SyncedTable).appendOnly === true;
}

/** The columns retention may erase on an append-only table (none on mutable tables, which update freely). */
export function erasableColumns(table: SyncedTableName): readonly string[] {
  return (SYNCED_TABLES[table] as SyncedTable).erasable ?? [];
}

export type SyncedTableName = keyof typeof SYNCED_TABLES;
export type ColumnName<T extends SyncedTableName> = keyof (typeof SYNCED_TABLES)[T]['columns'] & string;
export type RowValues<T extends SyncedTableName> = Partial<Record<ColumnName<T>, SqlValue>>;

export function isSyncedTable(name: string): name is SyncedTableName {
  return Object.hasOwn(SYNCED_TABLES, name);
}
