// Repository for the cooperation (samarbeid): the single row naming the joint service.
import type Database from 'better-sqlite3';
import { DEFAULT_RETENTION_MONTHS } from '../domain/consultations/retention';
import type { RotaLimits } from '../domain/rota/rules';
import { newId } from './ids';
import type { ChangeSet } from './write-path';
import { statement } from './statements';

export interface Cooperation {
  id: string;
  name: string;
  exampleData: boolean;
}

export function getCooperation(db: Database.Database): Cooperation | null {
  const row = statement(db, 'SELECT id, name, example_data FROM cooperation WHERE deleted = 0 ORDER BY id LIMIT 1').get() as
    | { id: string; name: string; example_data: number }
    | undefined;
  return row ? { id: row.id, name: row.name, exampleData: row.example_data === 1 } : null;
}

export function createCooperation(changes: ChangeSet, values: { name: string; exampleData: boolean }): string {
  const id = newId();
  changes.insert('cooperation', id, { name: values.name, example_data: values.exampleData ? 1 : 0 });
  return id;
}

export function renameCooperation(changes: ChangeSet, id: string, name: string): void {
  changes.update('cooperation', id, { name });
}

/** Cooperation-wide settings kept as JSON columns on the cooperation row. */
export interface CooperationSettings {
  /** Overrides of the rota limits (rest, day and week hours); missing keys use the defaults. */
  rotaLimits: Partial<RotaLimits>;
  /** Months identifiable consultation entries are kept before retention anonymises them. */
  consultationRetentionMonths: number;
}

export function getCooperationSettings(db: Database.Database): CooperationSettings {
  const row = statement(db, 'SELECT rota_limits, consultation_retention_months FROM cooperation WHERE deleted = 0 ORDER BY id LIMIT 1').get() as
    | { rota_limits: string; consultation_retention_months: number }
    | undefined;
  return {
    rotaLimits: row ? (JSON.parse(row.rota_limits) as Partial<RotaLimits>) : {},
    consultationRetentionMonths: row?.consultation_retention_months ?? DEFAULT_RETENTION_MONTHS,
  };
}

export function setRotaLimits(changes: ChangeSet, id: string, limits: Partial<RotaLimits>): void {
  changes.update('cooperation', id, { rota_limits: JSON.stringify(limits) });
}

export function setConsultationRetention(changes: ChangeSet, id: string, months: number): void {
  changes.update('cooperation', id, { consultation_retention_months: months });
}
