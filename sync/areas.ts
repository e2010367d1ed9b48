// Which screen area each synced table belongs to, so a merge can tell open screens what to refresh.
import type { Area } from '../domain/areas';
import { isSyncedTable } from '../db/sync-tables';
import type { SyncedTableName } from '../db/sync-tables';

/** Every synced table has an area: a new table without one is a compile error here. */
const TABLE_AREAS: Record<SyncedTableName, Area> = {
  cooperation: 'settings',
  offices: 'offices',
  staff: 'staff',
  users: 'users',
  shifts: 'rota',
  absences: 'rota',
  rota_patterns: 'rota',
  rota_pattern_exceptions: 'rota',
  competence_types: 'competence',
  staff_competences: 'competence',
  routines: 'routines',
  routine_authorisations: 'routines',
  routine_confirmations: 'routines',
  consultations: 'consultations',
  consultation_amendments: 'consultations',
  consultation_facts: 'consultations',
  icpc2_codes: 'consultations',
  prescription_requests: 'consultations',
  prescription_answers: 'consultations',
  audit_events: 'audit',
  log_reviews: 'audit',
  log_review_marks: 'audit',
  authority_records: 'users',
  rota_publications: 'rota',
  rota_notices: 'rota',
  rota_notice_reads: 'rota',
  open_shifts: 'requests',
  staff_requests: 'requests',
  request_responses: 'requests',
  request_decisions: 'requests',
};

/** The area of a table; tables of newer versions (kept in sync_pending until this app knows them) fall back to 'sync'. */
export function areaOfTable(table: string): Area {
  return isSyncedTable(table) ? TABLE_AREAS[table] : 'sync';
}
