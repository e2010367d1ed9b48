// Which screen area each synced table belongs to, so a merge can tell open screens what to refresh.

const TABLE_AREAS: Record<string, string> = {
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
  consultations: 'consultations',
  consultation_amendments: 'consultations',
  icpc2_codes: 'consultations',
  audit_events: 'audit',
};

/** The area of a table; tables of newer versions fall back to 'sync'. */
export function areaOfTable(table: string): string {
  return TABLE_AREAS[table] ?? 'sync';
}
