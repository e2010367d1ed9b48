// The outbox keeps only what the service has not acknowledged: removal per cell, a split transaction's seal kept to its last part.
import { afterEach, describe, expect, it } from 'vitest';
import { openTempStore } from '../test/helpers/temp-store';
import { createOutbox, listOutbox } from './outbox';

const stores: ReturnType<typeof openTempStore>[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

function storeWithOffices(count: number) {
  const store = openTempStore({ key: null });
  stores.push(store);
  store.writer.write((changes) => {
    for (let i = 0; i < count; i += 1) changes.insert('offices', `o-${i}`, { name: `Kontor ${i}`, municipality: 'Grong' });
  });
  return store;
}

const seals = (store: ReturnType<typeof openTempStore>) => store.db.prepare('SELECT count(*) FROM outbox_transactions').pluck().get();

describe('outbox', () => {
  it('keeps the seal of a transaction split over batches until its last part is acknowledged', () => {
    const store = storeWithOffices(3);
    const outbox = createOutbox(store.db);
    const total = outbox.pendingCount();
    const first = outbox.nextBatch(2);
    expect(first.transactions).toHaveLength(1);
    outbox.acknowledge(first.localSeqs);
    expect(outbox.pendingCount()).toBe(total - 2);
    expect(seals(store)).toBe(1);
    // The rest of the transaction still carries its seal, so the service can check it whole.
    const rest = outbox.nextBatch(total);
    expect(rest.transactions[0]!.signature).toEqual(first.transactions[0]!.signature);
    outbox.acknowledge(rest.localSeqs);
    expect(outbox.pendingCount()).toBe(0);
    expect(seals(store)).toBe(0);
  });

  it('acknowledging twice (a retried push) removes nothing more and fails nothing', () => {
    const store = storeWithOffices(1);
    const outbox = createOutbox(store.db);
    const batch = outbox.nextBatch(100);
    outbox.acknowledge(batch.localSeqs);
    store.writer.write((changes) => changes.insert('offices', 'later', { name: 'Lierne' }));
    const pending = outbox.pendingCount();
    outbox.acknowledge(batch.localSeqs);
    expect(outbox.pendingCount()).toBe(pending);
    expect(seals(store)).toBe(1);
  });

  it('prunes rows an earlier version kept after sending, step by step, and never an unsent one', () => {
    const store = storeWithOffices(4);
    const kept = store.db.prepare("UPDATE outbox SET sent_at = '2026-01-01T00:00:00.000Z'").run().changes;
    store.writer.write((changes) => changes.insert('offices', 'unsent', { name: 'Snåsa' }));
    const outbox = createOutbox(store.db);
    const unsent = outbox.pendingCount();
    let removed = 0;
    let steps = 0;
    for (let step = outbox.pruneSent(3); step > 0; step = outbox.pruneSent(3)) {
      removed += step;
      steps += 1;
    }
    expect(removed).toBe(kept);
    expect(steps).toBe(Math.ceil(kept / 3));
    expect(listOutbox(store.db).every((cell) => cell.sentAt === null && cell.row === 'unsent')).toBe(true);
    expect(outbox.pendingCount()).toBe(unsent);
    expect(seals(store)).toBe(1);
  });
});
