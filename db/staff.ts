// Repository for staff members: reads rows into domain objects and writes them through the write path.
import type Database from 'better-sqlite3';
import type { Profession, StaffMember, StaffValues } from '../domain/staff';
import { newId } from './ids';
import { changedColumns } from './write-path';
import type { ChangeSet } from './write-path';
import { statement } from './statements';

interface StaffRow {
  id: string;
  name: string;
  profession: string;
  hpr_number: string | null;
  home_municipality: string | null;
  base_office_id: string | null;
  position_percent: number;
  active: number;
  phone: string | null;
}

function toStaff(row: StaffRow): StaffMember {
  return {
    id: row.id,
    name: row.name,
    profession: row.profession as Profession,
    hprNumber: row.hpr_number,
    homeMunicipality: row.home_municipality,
    baseOfficeId: row.base_office_id,
    positionPercent: row.position_percent,
    active: row.active === 1,
    phone: row.phone,
  };
}

function toColumns(values: StaffValues) {
  return {
    name: values.name,
    profession: values.profession,
    hpr_number: values.hprNumber,
    home_municipality: values.homeMunicipality,
    base_office_id: values.baseOfficeId,
    position_percent: values.positionPercent,
    active: values.active ? 1 : 0,
    phone: values.phone ?? null,
  };
}

const SELECT =
  'SELECT id, name, profession, hpr_number, home_municipality, base_office_id, position_percent, active, phone FROM staff';

export function listStaff(db: Database.Database): StaffMember[] {
  const rows = statement(db, `${SELECT} WHERE deleted = 0`).all() as StaffRow[];
  return rows.map(toStaff).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

export function getStaffMember(db: Database.Database, id: string): StaffMember | null {
  const row = statement(db, `${SELECT} WHERE id = ? AND deleted = 0`).get(id) as StaffRow | undefined;
  return row ? toStaff(row) : null;
}

export function createStaffMember(changes: ChangeSet, values: StaffValues): string {
  const id = newId();
  changes.insert('staff', id, toColumns(values));
  return id;
}

export function updateStaffMember(changes: ChangeSet, id: string, values: StaffValues): void {
  const current = getStaffMember(changes.db, id);
  if (!current) throw new Error(`staff member ${id} does not exist`);
  // A caller that does not send a phone (older forms, imports) leaves the stored one as it is.
  const next = toColumns({ ...values, phone: values.phone === undefined ? current.phone : values.phone });
  const before = toColumns(current);
  changes.update('staff', id, changedColumns(before, next));
}
