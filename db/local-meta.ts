// Device-local key/value settings (device id, clock state, this device's office); never synced.
import type Database from 'better-sqlite3';
import { statement } from './statements';

export function getMeta(db: Database.Database, key: string): string | null {
  const row = statement(db, 'SELECT value FROM local_meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setMeta(db: Database.Database, key: string, value: string | null): void {
  if (value === null) statement(db, 'DELETE FROM local_meta WHERE key = ?').run(key);
  else statement(db, 'INSERT INTO local_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** The office this device belongs to (device-local: each PC sits at one office). */
export const DEVICE_OFFICE_KEY = 'device.officeId';
