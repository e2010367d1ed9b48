// Repository for the cooperation (samarbeid): the single row naming the joint service.
import type Database from 'better-sqlite3';
import { newId } from './ids';
import type { ChangeSet } from './write-path';

export interface Cooperation {
  id: string;
  name: string;
  exampleData: boolean;
}

export function getCooperation(db: Database.Database): Cooperation | null {
  const row = db.prepare('SELECT id, name, example_data FROM cooperation WHERE deleted = 0 ORDER BY id LIMIT 1').get() as
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
