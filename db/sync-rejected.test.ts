// The list of pulled transactions set aside: kept once per transaction and reason, newest first, counted.
import { describe, expect, it } from 'vitest';
import { openTempStore } from '../test/helpers/temp-store';
import { createSyncRejected } from './sync-rejected';

describe('sync_rejected', () => {
  it('keeps a set-aside transaction once per reason, lists the newest first and counts them', () => {
    const store = openTempStore({ key: null });
    try {
      const rejected = createSyncRejected(store.db);
      const cells = [{ table: 'routines', row: 'r1', column: 'status', value: 'active', i: 0, blind: null }];
      rejected.add('001-a', 'user:nurse', 'trust.forbidden', cells, '2026-11-27T10:00:00.000Z');
      rejected.add('001-a', 'user:nurse', 'trust.forbidden', cells, '2026-11-27T10:05:00.000Z');
      rejected.add('002-b', 'legacy', 'trust.unsigned', [{ table: 'offices', row: 'o', column: 'name', value: null }], '2026-11-27T11:00:00.000Z');
      expect(rejected.count()).toBe(2);
      expect(rejected.list(10)).toMatchObject([
        { hlc: '002-b', author: 'legacy', reason: 'trust.unsigned', cells: [{ table: 'offices', row: 'o', column: 'name', value: null }] },
        { hlc: '001-a', author: 'user:nurse', reason: 'trust.forbidden', cells: [{ table: 'routines', row: 'r1', column: 'status', value: 'active', i: 0 }], receivedAt: '2026-11-27T10:00:00.000Z' },
      ]);
      expect(rejected.list(1)).toHaveLength(1);
    } finally {
      store.close();
    }
  });
});
