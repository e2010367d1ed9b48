// Schema version 18: the consultation index's three covering indexes become narrow ones (store size, issue 17).
import type { Migration } from './types';

export const migration018: Migration = {
  version: 18,
  description: 'consultation_index: narrow date, office and nurse indexes instead of three covering copies of every filter column',
  sql: `
    -- The covering indexes of migration 005 copied every filter column and the id of each entry three times
    -- (61 MiB of a 169 MiB store with 120,000 entries). Lists now count at most 1,000 matches past the page
    -- (issue 17 part 5) and order ties by rowid, which every index of a rowid table ends with, so a narrow
    -- index serves the page and the bounded count with no sort; the other filters are read from the index
    -- table's rows (bench/store-size.ts and docs/performance.md give the figures).
    DROP INDEX IF EXISTS consultation_index_at;
    DROP INDEX IF EXISTS consultation_index_office_at;
    DROP INDEX IF EXISTS consultation_index_nurse_at;
    CREATE INDEX consultation_index_at ON consultation_index (at);
    CREATE INDEX consultation_index_office_at ON consultation_index (office_id, at);
    CREATE INDEX consultation_index_nurse_at ON consultation_index (nurse_id, at);
  `,
};
