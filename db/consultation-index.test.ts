// The consultation index's narrow indexes (migration 018): lists page and count from them without sorting, newest first.
import { afterEach, describe, expect, it } from 'vitest';
import { openTempStore } from '../test/helpers/temp-store';
import { listConsultations } from './consultations';

const stores: ReturnType<typeof openTempStore>[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

/** Entries written straight into the table (the index triggers fill consultation_index, as for merged rows). */
function storeWithEntries(entries: { id: string; at: string; office: string; nurse: string }[]) {
  const store = openTempStore({ key: null });
  stores.push(store);
  const insert = store.db.prepare(
    "INSERT INTO consultations (id, office_id, nurse_id, at, icpc2_code, outcome, recorded_by, recorded_at) VALUES (?, ?, ?, ?, 'R74', 'resolvedByNurse', 'u', ?)",
  );
  for (const entry of entries) insert.run(entry.id, entry.office, entry.nurse, entry.at, entry.at);
  return store;
}

describe('consultation index (migration 018)', () => {
  it('keeps one narrow index per way of listing instead of covering copies of every filter column', () => {
    const store = storeWithEntries([]);
    const columns = (index: string) => (store.db.prepare(`PRAGMA index_info(${index})`).all() as { name: string }[]).map((column) => column.name);
    expect(columns('consultation_index_at')).toEqual(['at']);
    expect(columns('consultation_index_office_at')).toEqual(['office_id', 'at']);
    expect(columns('consultation_index_nurse_at')).toEqual(['nurse_id', 'at']);
  });

  it('pages every kind of list from an index, with no sort of the matches', () => {
    const store = storeWithEntries([]);
    const filters = ['', 'AND office_id = ?', 'AND nurse_id = ?', 'AND office_id = ? AND nurse_id = ? AND outcome = ?'];
    for (const extra of filters) {
      const params = ['2026-01-01', '2026-12-31T99', ...extra.split('?').slice(1).map(() => 'x')];
      const plan = (
        store.db
          .prepare(`EXPLAIN QUERY PLAN SELECT id FROM consultation_index WHERE at >= ? AND at < ? ${extra} AND cancelled = 0 ORDER BY at DESC, rowid DESC LIMIT 50`)
          .all(...params) as { detail: string }[]
      ).map((row) => row.detail);
      expect(plan.join(' | ')).toMatch(/USING INDEX consultation_index_/);
      expect(plan.join(' | ')).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('lists newest first, entries at the same minute latest saved first, and bounds the count', () => {
    const entries = Array.from({ length: 12 }, (_, i) => ({
      id: `e-${String(i).padStart(2, '0')}`,
      at: i < 4 ? '2026-03-02T09:00' : `2026-03-0${3 + (i % 5)}T1${i % 10}:00`,
      office: i % 2 === 0 ? 'o-1' : 'o-2',
      nurse: 'n-1',
    }));
    const store = storeWithEntries(entries);
    const listed = listConsultations(store.db, { fromDate: '2026-03-01', toDate: '2026-03-31' }, { offset: 0, limit: 50 });
    const expected = [...entries].map((entry, index) => ({ ...entry, index })).sort((a, b) => (a.at === b.at ? b.index - a.index : b.at.localeCompare(a.at)));
    expect(listed.entries.map((entry) => entry.id)).toEqual(expected.map((entry) => entry.id));
    expect(listed).toMatchObject({ total: 12, totalIsExact: true });
    const bounded = listConsultations(store.db, { fromDate: '2026-03-01', toDate: '2026-03-31', officeId: 'o-1' }, { offset: 0, limit: 2 }, 3);
    expect(bounded.entries.map((entry) => entry.id)).toEqual(expected.filter((entry) => entry.office === 'o-1').slice(0, 2).map((entry) => entry.id));
    expect(bounded).toMatchObject({ total: 3, totalIsExact: false });
  });
});
