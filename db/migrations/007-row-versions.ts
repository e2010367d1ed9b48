// Schema version 7: last-writer-wins versions kept per row (timestamp → columns) instead of one record per cell.
import type { Migration } from './types';

export const migration007: Migration = {
  version: 7,
  description: 'sync: column versions grouped per row (row_versions replaces column_versions)',
  sql: `
    -- One record per synced row: a JSON object from timestamp to the columns last written at it,
    -- timestamps ascending and columns sorted (db/row-versions.ts encodes and reads it). A first
    -- download of 2.7 million cells wrote 2.7 million column_versions records; this is one per row.
    CREATE TABLE row_versions (
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      versions TEXT NOT NULL,
      PRIMARY KEY (table_name, row_id)
    ) WITHOUT ROWID;

    INSERT INTO row_versions (table_name, row_id, versions)
    SELECT table_name, row_id, '{' || group_concat(json_quote(hlc) || ':' || columns, ',' ORDER BY hlc) || '}'
    FROM (
      SELECT table_name, row_id, hlc, json_group_array(column_name ORDER BY column_name) AS columns
      FROM column_versions
      GROUP BY table_name, row_id, hlc
    )
    GROUP BY table_name, row_id;

    DROP TABLE column_versions;
  `,
};
