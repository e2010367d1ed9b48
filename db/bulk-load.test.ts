// Tests for setting indexes aside during a first download: what is dropped, that it all comes back identical, and recovery after a crash.
import { afterEach, describe, expect, it } from 'vitest';
import { openTempStore } from '../test/helpers/temp-store';
import { beginBulkLoad, endBulkLoad, isBulkLoading } from './bulk-load';
import { openLocalStore } from './open';
import type { LocalStore } from './open';

function schema(store: LocalStore): { type: string; name: string; sql: string }[] {
  return store.db.prepare(`SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name`).all() as {
    type: string;
    name: string;
    sql: string;
  }[];
}

function addConsultation(store: LocalStore, id: string, amended: boolean) {
  store.writer.write((changes) => {
    changes.insert('consultations', id, { office_id: 'o1', nurse_id: 'n1', at: '2026-11-02T09:15', icpc2_code: 'R74', outcome: 'resolvedByNurse', patient_id_number: '01017012345' });
    if (amended) changes.insert('consultation_amendments', `${id}-a`, { consultation_id: id, kind: 'amend', changes: '{}', reason: 'feil kode', by_user_id: 'u1', at: '2026-11-02T10:00:00.000Z' });
  });
}

describe('bulk load', () => {
  let store: LocalStore;
  afterEach(() => store?.close());

  it('sets aside secondary indexes and the derived-table triggers, and brings back exactly the same schema', () => {
    store = openTempStore({ key: null });
    const before = schema(store);
    beginBulkLoad(store.db);
    expect(isBulkLoading(store.db)).toBe(true);
    const during = schema(store).map((object) => object.name);
    expect(during).not.toContain('consultations_at');
    expect(during).not.toContain('consultation_index_at');
    expect(during).not.toContain('consultation_index_on_insert');
    expect(during).not.toContain('shifts_staff_date');
    // Indexes of tables that are not synced stay (the outbox's unique index is a constraint).
    expect(during).toContain('outbox_change');
    // New pages go straight to the file (no WAL), still with full durability.
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('truncate');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    endBulkLoad(store.db);
    expect(isBulkLoading(store.db)).toBe(false);
    expect(schema(store)).toEqual(before);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('rebuilds consultation_index from the rows written meanwhile, flagging amended entries for a refresh', () => {
    store = openTempStore({ key: null });
    addConsultation(store, 'before', false);
    beginBulkLoad(store.db);
    addConsultation(store, 'during', false);
    addConsultation(store, 'amended', true);
    expect(store.db.prepare('SELECT count(*) FROM consultation_index').pluck().get()).toBe(1);
    endBulkLoad(store.db);
    const index = store.db.prepare('SELECT id, office_id, icpc2_code, patient_id_number, stale FROM consultation_index ORDER BY id').all();
    expect(index).toEqual([
      { id: 'amended', office_id: 'o1', icpc2_code: 'R74', patient_id_number: '01017012345', stale: 1 },
      { id: 'before', office_id: 'o1', icpc2_code: 'R74', patient_id_number: '01017012345', stale: 0 },
      { id: 'during', office_id: 'o1', icpc2_code: 'R74', patient_id_number: '01017012345', stale: 0 },
    ]);
  });

  it('puts everything back when the store is opened after a crash in the middle of a download', () => {
    store = openTempStore({ key: null });
    const before = schema(store);
    beginBulkLoad(store.db);
    addConsultation(store, 'during', false);
    store.db.close();
    store = openLocalStore({ dataDir: store.dataDir, key: null });
    expect(isBulkLoading(store.db)).toBe(false);
    expect(schema(store)).toEqual(before);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.prepare('SELECT id FROM consultation_index').pluck().all()).toEqual(['during']);
  });

  it('does nothing when asked twice or when not loading', () => {
    store = openTempStore({ key: null });
    const before = schema(store);
    endBulkLoad(store.db);
    beginBulkLoad(store.db);
    beginBulkLoad(store.db);
    endBulkLoad(store.db);
    expect(schema(store)).toEqual(before);
  });
});
