// Schema version 8: drops two consultation indexes no query uses (lists and statistics read consultation_index).
import type { Migration } from './types';

export const migration008: Migration = {
  version: 8,
  description: 'consultations: drop the office and nurse indexes on consultations, which consultation_index serves',
  sql: `
    -- Every list, count and statistic filters consultation_index, whose covering indexes lead with
    -- office and nurse (migration 005). These two were never read, yet cost every save and every
    -- downloaded entry an index write.
    DROP INDEX IF EXISTS consultations_office_at;
    DROP INDEX IF EXISTS consultations_nurse_at;
  `,
};
