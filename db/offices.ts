// Repository for offices: reads rows into domain objects and writes them through the write path.
import type Database from 'better-sqlite3';
import type { Office, OfficeValues } from '../domain/offices';
import { officeNameKey } from '../domain/offices';
import { newId } from './ids';
import { changedColumns } from './write-path';
import type { ChangeSet } from './write-path';
import { statement } from './statements';

interface OfficeRow {
  id: string;
  name: string;
  municipality: string;
  address: string | null;
  phone: string | null;
  opening_hours: string;
  driving_minutes: string;
}

function toOffice(row: OfficeRow): Office {
  return {
    id: row.id,
    name: row.name,
    municipality: row.municipality,
    address: row.address,
    phone: row.phone,
    openingHours: JSON.parse(row.opening_hours) as Office['openingHours'],
    drivingMinutes: JSON.parse(row.driving_minutes) as Office['drivingMinutes'],
  };
}

function toColumns(values: OfficeValues) {
  return {
    name: values.name,
    municipality: values.municipality,
    address: values.address,
    phone: values.phone,
    opening_hours: JSON.stringify(values.openingHours),
    driving_minutes: JSON.stringify(values.drivingMinutes),
  };
}

const SELECT = 'SELECT id, name, municipality, address, phone, opening_hours, driving_minutes FROM offices';

export function listOffices(db: Database.Database): Office[] {
  const rows = statement(db, `${SELECT} WHERE deleted = 0`).all() as OfficeRow[];
  return rows.map(toOffice).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

export function getOffice(db: Database.Database, id: string): Office | null {
  const row = statement(db, `${SELECT} WHERE id = ? AND deleted = 0`).get(id) as OfficeRow | undefined;
  return row ? toOffice(row) : null;
}

/** The id of another live office with the same name (ignoring case and spacing), if any. */
export function findOfficeByName(db: Database.Database, name: string, exceptId?: string): string | null {
  const key = officeNameKey(name);
  const match = listOffices(db).find((office) => office.id !== exceptId && officeNameKey(office.name) === key);
  return match?.id ?? null;
}

export function createOffice(changes: ChangeSet, values: OfficeValues): string {
  const id = newId();
  changes.insert('offices', id, toColumns(values));
  return id;
}

export function updateOffice(changes: ChangeSet, id: string, values: OfficeValues): void {
  const current = getOffice(changes.db, id);
  if (!current) throw new Error(`office ${id} does not exist`);
  const next = toColumns(values);
  const before = toColumns(current);
  changes.update('offices', id, changedColumns(before, next));
}

export function deleteOffice(changes: ChangeSet, id: string): void {
  changes.remove('offices', id);
}
