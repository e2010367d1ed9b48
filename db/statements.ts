// The one prepared-statement cache: each SQL text is prepared once per database connection and reused by the write path, repositories and sync.
import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The prepared statement for `sql` on this connection, prepared on first use. Give `pluck` to get a statement that
 * returns the first column only (cached separately); never switch a cached statement's mode (`.pluck()`, `.raw()`)
 * yourself, or every other caller of the same SQL gets it switched too.
 *
 * For SQL with parts that vary (a table name, a column list), keep the variations few: each is cached for the life of
 * the connection. One-off statements (VACUUM INTO, ATTACH, migrations) use `db.prepare` or `db.exec` directly.
 */
export function statement(db: Database.Database, sql: string, mode?: 'pluck'): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = mode === 'pluck' ? `pluck\u0000${sql}` : sql;
  let prepared = cache.get(key);
  if (!prepared) {
    prepared = db.prepare(sql);
    if (mode === 'pluck') prepared.pluck();
    cache.set(key, prepared);
  }
  return prepared;
}
