// Repository for the competence register: competence types and staff competence records.
import type Database from 'better-sqlite3';
import type { Profession } from '../domain/staff';
import type { CompetenceCategory, CompetenceType, CompetenceTypeValues, Duty, StaffCompetence, StaffCompetenceValues } from '../domain/competence/types';
import { newId } from './ids';
import { changedColumns } from './write-path';
import type { ChangeSet } from './write-path';
import { statement } from './statements';

interface TypeRow {
  id: string;
  name: string;
  category: string;
  renewal_months: number | null;
  applies_to: string;
  required_for: string;
  description: string | null;
}

function toType(row: TypeRow): CompetenceType {
  return {
    id: row.id,
    name: row.name,
    category: row.category as CompetenceCategory,
    renewalMonths: row.renewal_months,
    appliesTo: JSON.parse(row.applies_to) as Profession[],
    requiredFor: JSON.parse(row.required_for) as Duty[],
    description: row.description,
  };
}

function typeColumns(values: CompetenceTypeValues) {
  return {
    name: values.name,
    category: values.category,
    renewal_months: values.renewalMonths,
    applies_to: JSON.stringify(values.appliesTo),
    required_for: JSON.stringify(values.requiredFor),
    description: values.description,
  };
}

const TYPE_SELECT = 'SELECT id, name, category, renewal_months, applies_to, required_for, description FROM competence_types';

export function listCompetenceTypes(db: Database.Database): CompetenceType[] {
  return (statement(db, `${TYPE_SELECT} WHERE deleted = 0`).all() as TypeRow[]).map(toType).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

export function getCompetenceType(db: Database.Database, id: string): CompetenceType | null {
  const row = statement(db, `${TYPE_SELECT} WHERE id = ? AND deleted = 0`).get(id) as TypeRow | undefined;
  return row ? toType(row) : null;
}

export function createCompetenceType(changes: ChangeSet, values: CompetenceTypeValues): string {
  const id = newId();
  changes.insert('competence_types', id, typeColumns(values));
  return id;
}

export function updateCompetenceType(changes: ChangeSet, id: string, values: CompetenceTypeValues): void {
  const current = getCompetenceType(changes.db, id);
  if (!current) throw new Error(`competence type ${id} does not exist`);
  changes.update('competence_types', id, changedColumns(typeColumns(current), typeColumns(values)));
}

export function deleteCompetenceType(changes: ChangeSet, id: string): void {
  changes.remove('competence_types', id);
}

interface RecordRow {
  id: string;
  staff_id: string;
  competence_type_id: string;
  obtained: string;
  expires_on: string | null;
  evidence_ref: string | null;
  verified_by: string | null;
  note: string | null;
}

function toRecord(row: RecordRow): StaffCompetence {
  return {
    id: row.id,
    staffId: row.staff_id,
    competenceTypeId: row.competence_type_id,
    obtained: row.obtained,
    expiresOn: row.expires_on,
    evidenceRef: row.evidence_ref,
    verifiedBy: row.verified_by,
    note: row.note,
  };
}

function recordColumns(values: StaffCompetenceValues) {
  return {
    staff_id: values.staffId,
    competence_type_id: values.competenceTypeId,
    obtained: values.obtained,
    expires_on: values.expiresOn,
    evidence_ref: values.evidenceRef,
    verified_by: values.verifiedBy,
    note: values.note,
  };
}

const RECORD_SELECT = 'SELECT id, staff_id, competence_type_id, obtained, expires_on, evidence_ref, verified_by, note FROM staff_competences';

/** Every live competence record (the register is small: tens of people, a handful of types each). */
export function listStaffCompetences(db: Database.Database, staffId?: string): StaffCompetence[] {
  const rows = staffId
    ? statement(db, `${RECORD_SELECT} WHERE deleted = 0 AND staff_id = ? ORDER BY obtained, id`).all(staffId)
    : statement(db, `${RECORD_SELECT} WHERE deleted = 0 ORDER BY obtained, id`).all();
  return (rows as RecordRow[]).map(toRecord);
}

/** Live records of the given competence types only (e.g. those a duty requires). */
export function listStaffCompetencesOfTypes(db: Database.Database, typeIds: readonly string[]): StaffCompetence[] {
  if (typeIds.length === 0) return [];
  const rows = statement(db, `${RECORD_SELECT} WHERE deleted = 0 AND competence_type_id IN (SELECT value FROM json_each(?)) ORDER BY obtained, id`)
    .all(JSON.stringify(typeIds));
  return (rows as RecordRow[]).map(toRecord);
}

export function getStaffCompetence(db: Database.Database, id: string): StaffCompetence | null {
  const row = statement(db, `${RECORD_SELECT} WHERE id = ? AND deleted = 0`).get(id) as RecordRow | undefined;
  return row ? toRecord(row) : null;
}

export function createStaffCompetence(changes: ChangeSet, values: StaffCompetenceValues): string {
  const id = newId();
  changes.insert('staff_competences', id, recordColumns(values));
  return id;
}

export function updateStaffCompetence(changes: ChangeSet, id: string, values: StaffCompetenceValues): void {
  const current = getStaffCompetence(changes.db, id);
  if (!current) throw new Error(`staff competence ${id} does not exist`);
  changes.update('staff_competences', id, changedColumns(recordColumns(current), recordColumns(values)));
}

export function deleteStaffCompetence(changes: ChangeSet, id: string): void {
  changes.remove('staff_competences', id);
}
