// Schema version 9: a row's versions name their columns by a numbered column set instead of spelling the names out.
import type { Migration } from './types';

export const migration009: Migration = {
  version: 9,
  description: 'sync: row_versions refer to numbered column sets (row_version_column_sets)',
  sql: `
    -- Each distinct sorted list of column names, as a JSON array, once. Local to this device (never synced).
    CREATE TABLE row_version_column_sets (
      id INTEGER PRIMARY KEY,
      columns TEXT NOT NULL UNIQUE
    );

    INSERT OR IGNORE INTO row_version_column_sets (columns)
      SELECT DISTINCT json(j.value) FROM row_versions, json_each(row_versions.versions) j;

    -- {"<hlc>":["a","b"]} becomes {"<hlc>":<set id>}, timestamps still ascending.
    UPDATE row_versions SET versions = (
      SELECT '{' || group_concat(json_quote(j.key) || ':' || s.id, ',' ORDER BY j.key) || '}'
      FROM json_each(row_versions.versions) j JOIN row_version_column_sets s ON s.columns = json(j.value)
    );
  `,
};
