// Tests for the single write path: every change lands in the outbox with a monotonic clock, atomically.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STANDARD_OPENING_HOURS } from '../domain/offices';
import { openTempStore } from '../test/helpers/temp-store';
import { openLocalStore } from './open';
import { createOffice, getOffice, listOffices, updateOffice } from './offices';
import { newId } from './ids';
import { listCellVersions } from './row-versions';
import { listOutbox } from './outbox';

interface OutboxRow {
  hlc: string;
  table_name: string;
  row_id: string;
  column_name: string;
  value_json: string;
}

const office = { name: 'Grong legekontor', municipality: 'Grong', address: null, phone: null, openingHours: STANDARD_OPENING_HOURS, drivingMinutes: {} };

let wall = 1_000_000;
let store: ReturnType<typeof openTempStore>;
beforeEach(() => {
  wall = 1_000_000;
  store = openTempStore({ now: () => wall });
});
afterEach(() => store.close());

function outbox(): OutboxRow[] {
  return listOutbox(store.db).map((entry) => ({ hlc: entry.hlc, table_name: entry.table, row_id: entry.row, column_name: entry.column, value_json: JSON.stringify(entry.value) }));
}

describe('write path', () => {
  it('records every column of an insert in the outbox and in the row versions under one timestamp', () => {
    const id = store.writer.write((changes) => createOffice(changes, office));
    const rows = outbox();
    expect(rows.map((r) => r.column_name).sort()).toEqual(['address', 'deleted', 'driving_minutes', 'municipality', 'name', 'opening_hours', 'phone']);
    expect(new Set(rows.map((r) => r.hlc)).size).toBe(1);
    expect(rows.every((r) => r.row_id === id && r.table_name === 'offices')).toBe(true);
    expect(JSON.parse(rows.find((r) => r.column_name === 'name')!.value_json)).toBe('Grong legekontor');
    const versions = listCellVersions(store.db).filter((cell) => cell.row === id);
    expect(versions.map((cell) => cell.column)).toEqual(['address', 'deleted', 'driving_minutes', 'municipality', 'name', 'opening_hours', 'phone']);
    expect(versions.every((cell) => cell.hlc === rows[0]!.hlc)).toBe(true);
  });

  it('records only changed columns on update', () => {
    const id = store.writer.write((changes) => createOffice(changes, office));
    const before = outbox().length;
    store.writer.write((changes) => updateOffice(changes, id, { ...office, phone: '74 31 20 00' }));
    const added = outbox().slice(before);
    expect(added.map((r) => [r.column_name, JSON.parse(r.value_json)])).toEqual([['phone', '74 31 20 00']]);
    const versions = new Map(listCellVersions(store.db).map((cell) => [cell.column, cell.hlc]));
    expect(versions.get('phone')).toBe(added[0]!.hlc);
    expect(versions.get('name')).toBe(outbox()[0]!.hlc);
    expect(versions.get('name')! < versions.get('phone')!).toBe(true);
  });

  it('deletes as a tombstone that syncs, never by removing the row', () => {
    const id = store.writer.write((changes) => createOffice(changes, office));
    store.writer.write((changes) => changes.remove('offices', id));
    expect(getOffice(store.db, id)).toBeNull();
    expect(store.db.prepare('SELECT deleted FROM offices WHERE id = ?').pluck().get(id)).toBe(1);
    expect(outbox().at(-1)).toMatchObject({ column_name: 'deleted', value_json: '1', row_id: id });
  });

  it('keeps timestamps strictly increasing when the wall clock goes backwards', () => {
    const stamps: string[] = [];
    for (const now of [5_000_000, 4_000_000, 4_000_000, 1_000, 6_000_000, 2_000]) {
      wall = now;
      store.writer.write((changes) => {
        createOffice(changes, { ...office, name: `Kontor ${now}-${stamps.length}` });
        stamps.push(changes.hlc);
      });
    }
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('stays monotonic across a restart with a clock that went back', () => {
    wall = 9_000_000;
    const first = store.writer.write((changes) => (createOffice(changes, office), changes.hlc));
    store.db.close();
    wall = 10;
    const reopened = openLocalStore({ dataDir: store.dataDir, key: store.key, now: () => wall });
    const second = reopened.writer.write((changes) => (createOffice(changes, { ...office, name: 'Annet' }), changes.hlc));
    expect(second > first).toBe(true);
    expect(reopened.clock.deviceId).toBe(store.clock.deviceId);
    reopened.close();
    store = openTempStore({ now: () => wall });
  });

  it('writes nothing at all when the transaction throws', () => {
    expect(() =>
      store.writer.write((changes) => {
        createOffice(changes, office);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(listOffices(store.db)).toEqual([]);
    expect(outbox()).toEqual([]);
    expect(store.db.prepare('SELECT count(*) FROM row_versions').pluck().get()).toBe(0);
  });

  it('refuses columns that are not synced and updates of missing rows', () => {
    expect(() => store.writer.write((changes) => changes.insert('offices', newId(), { nonsense: 'x' } as never))).toThrow(/not a synced column/);
    expect(() => store.writer.write((changes) => changes.update('offices', newId(), { name: 'x' }))).toThrow(/does not exist/);
    expect(outbox()).toEqual([]);
  });

  it('generates UUIDv7 ids that sort by creation time', () => {
    const ids = Array.from({ length: 50 }, () => newId());
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('write path upsert', () => {
  it('inserts a row with a deterministic id, then revives it after a tombstone', () => {
    const id = 'fixed-id-1';
    store.writer.write((changes) => changes.upsert('offices', id, { name: 'A', municipality: 'M', opening_hours: '{}', driving_minutes: '{}' }));
    store.writer.write((changes) => changes.remove('offices', id));
    expect(getOffice(store.db, id)).toBeNull();
    store.writer.write((changes) => changes.upsert('offices', id, { name: 'B' }));
    expect(getOffice(store.db, id)).toMatchObject({ name: 'B', municipality: 'M' });
    expect(outbox().at(-1)).toMatchObject({ column_name: 'deleted', value_json: '0' });
  });
});

describe('append-only tables', () => {
  it('accept inserts but refuse updates, deletes and upserts', () => {
    const values = { routine_id: 'r', routine_version: 1, nurse_id: null, kind: 'granted', by_doctor_id: null, effective_date: '2026-11-26', reason: null, at: '2026-11-26T10:00:00.000Z' };
    store.writer.write((changes) => changes.insert('routine_authorisations', 'e1', values));
    expect(() => store.writer.write((changes) => changes.update('routine_authorisations', 'e1', { kind: 'revoked' }))).toThrow(/append-only/);
    expect(() => store.writer.write((changes) => changes.remove('routine_authorisations', 'e1'))).toThrow(/append-only/);
    expect(() => store.writer.write((changes) => changes.upsert('routine_authorisations', 'e1', { kind: 'revoked' }))).toThrow(/append-only/);
    expect(store.db.prepare("SELECT kind, deleted FROM routine_authorisations WHERE id = 'e1'").get()).toEqual({ kind: 'granted', deleted: 0 });
  });

  it('let retention redact only the erasable columns, and the redaction goes to the outbox', () => {
    store.writer.write((changes) => changes.insert('consultations', 'c1', { office_id: 'o', nurse_id: 'n', at: '2026-11-26T10:00:00.000Z', patient_id_number: '01019012345', note: 'Hoste', outcome: 'resolvedByNurse' }));
    expect(() => store.writer.write((changes) => changes.redact('consultations', 'c1', { outcome: 'sentToLegevakt' }))).toThrow(/cannot be redacted/);
    expect(() => store.writer.write((changes) => changes.redact('routine_authorisations', 'e1', { kind: 'revoked' }))).toThrow(/cannot be redacted/);
    store.writer.write((changes) => changes.redact('consultations', 'c1', { patient_id_number: null, note: null }));
    expect(store.db.prepare("SELECT patient_id_number, note, outcome FROM consultations WHERE id = 'c1'").get()).toEqual({ patient_id_number: null, note: null, outcome: 'resolvedByNurse' });
    expect(outbox().filter((r) => r.row_id === 'c1' && r.column_name === 'patient_id_number').map((r) => r.value_json)).toEqual(['"01019012345"', 'null']);
  });
});
