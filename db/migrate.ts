// Runs schema migrations: refuses newer databases, backs up before migrating, one transaction per version.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/types';
import { ensureOwnerOnlyDir, ensureOwnerOnlyFile } from './file-modes';

/** Thrown when the database was written by a newer Samvakt; the message is shown to the user as it is. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      `Databasen er laget av en nyere versjon av Samvakt (skjemaversjon ${databaseVersion}; denne versjonen kjenner til ${knownVersion}). ` +
        'Oppdater Samvakt til nyeste versjon. Databasen er ikke endret.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export interface MigrateResult {
  from: number;
  to: number;
  backupPath: string | null;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function assertNotTooNew(db: Database.Database, latest = LATEST_SCHEMA_VERSION): void {
  const version = schemaVersion(db);
  if (version > latest) throw new DatabaseTooNewError(version, latest);
}

/**
 * Brings the database to the latest schema. An existing database (version ≥ 1) is copied to
 * backupDir before the first change, so a failed or unwanted upgrade can be undone.
 */
export function migrate(
  db: Database.Database,
  options: { backupDir: string | null; migrations?: readonly Migration[]; now?: () => Date },
): MigrateResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.at(-1)?.version ?? LATEST_SCHEMA_VERSION;
  const from = schemaVersion(db);
  assertNotTooNew(db, latest);
  if (from === latest) return { from, to: from, backupPath: null };

  let backupPath: string | null = null;
  if (from > 0 && options.backupDir) {
    ensureOwnerOnlyDir(options.backupDir);
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    backupPath = path.join(options.backupDir, `samvakt-v${from}-before-migration-${stamp}.sqlite3`);
    ensureOwnerOnlyFile(backupPath);
    db.prepare('VACUUM INTO ?').run(backupPath);
  }

  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return { from, to: latest, backupPath };
}
