// This device's security settings in local_meta (auto-lock minutes): each PC sits in its own room, so each has its own.
import type Database from 'better-sqlite3';
import { AUTO_LOCK_DEFAULT_MINUTES, AUTO_LOCK_MAX_MINUTES, AUTO_LOCK_MIN_MINUTES } from '../domain/security';
import { getMeta, setMeta } from './local-meta';

const AUTO_LOCK_KEY = 'security.autoLockMinutes';

export function getAutoLockMinutes(db: Database.Database): number {
  const saved = Number(getMeta(db, AUTO_LOCK_KEY));
  return Number.isInteger(saved) && saved >= AUTO_LOCK_MIN_MINUTES && saved <= AUTO_LOCK_MAX_MINUTES ? saved : AUTO_LOCK_DEFAULT_MINUTES;
}

export function setAutoLockMinutes(db: Database.Database, minutes: number): void {
  setMeta(db, AUTO_LOCK_KEY, String(minutes));
}
