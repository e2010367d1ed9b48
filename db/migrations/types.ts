// The shape of one schema migration.
export interface Migration {
  /** The PRAGMA user_version the database has after this migration. */
  version: number;
  description: string;
  sql: string;
}
