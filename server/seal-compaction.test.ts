// The service compacts: the seal of a transaction whose every cell was overwritten goes, one with a cell left stays (both adapters).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { forEachStorageAdapter } from '../test/helpers/storage-adapters';
import { compactOnce, startCompaction } from './compaction';
import type { ChangeToStore, StoredSeal, SyncStorage } from './storage';

const hlc = (ms: number) => `${String(ms).padStart(15, '0')}-000000-clock-a`;
const seal = (at: string, cells: number): StoredSeal => ({ hlc: at, author: 'user:u-1', signature: `sig-${at}`, digests: Array.from({ length: cells }, (_, i) => `digest-${at}-${i}`) });
const cell = (at: string, row: string, column: string, value: string): ChangeToStore => ({ table: 'offices', row, column, hlc: at, value, i: 0, blind: null, writeOnce: false });

forEachStorageAdapter((name, open) => {
  describe(`seal compaction on ${name}`, () => {
    let storage: SyncStorage;
    beforeAll(async () => {
      storage = await open();
      await storage.ensureCooperation('coop', 'Indre Namdal');
      await storage.ensureCooperation('other', 'Andre');
    });
    afterAll(async () => {
      await storage.close();
    });

    it('removes only seals none of whose cells is stored, and a seal pushed again is stored again', async () => {
      const [t1, t2, t3, t4] = [hlc(1), hlc(2), hlc(3), hlc(4)];
      const store = (cells: ChangeToStore[], seals: StoredSeal[], cooperation = 'coop') => storage.storeChanges(cooperation, 'device-1', cells, { seals });
      await store([cell(t1, 'o1', 'name', 'Grong'), cell(t1, 'o1', 'municipality', 'Grong')], [seal(t1, 2)]);
      await store([cell(t2, 'o2', 'name', 'Lierne'), cell(t2, 'o2', 'municipality', 'Lierne')], [seal(t2, 2)]);
      // The same hlc in another cooperation is another transaction: its cells are its own.
      await store([cell(t1, 'x', 'name', 'Annen')], [seal(t1, 1)], 'other');
      // t3 overwrites both cells of t1 and one of t2; t4 overwrites t3's other cell.
      await store([cell(t3, 'o1', 'name', 'Grong legekontor'), cell(t3, 'o1', 'municipality', 'Grong kommune'), cell(t3, 'o2', 'name', 'Lierne legekontor')], [seal(t3, 3)]);
      await store([cell(t4, 'o1', 'municipality', 'Grong')], [seal(t4, 1)]);

      expect(await storage.compactSeals()).toBe(1);
      expect(Object.keys(await storage.seals('coop', [t1, t2, t3, t4])).sort()).toEqual([t2, t3, t4]);
      expect(Object.keys(await storage.seals('other', [t1]))).toEqual([t1]);
      // Every stored cell still has its seal, so pulls carry what receivers need to check them.
      const pulled = await storage.changesAfter('coop', 0, 100);
      const seals = await storage.seals('coop', pulled.map((change) => change.hlc));
      expect(pulled.every((change) => seals[change.hlc] !== undefined)).toBe(true);

      // A retried push of t1 stores its seal again (its cells lose as before); the next compaction removes it.
      const retried = await store([cell(t1, 'o1', 'name', 'Grong')], [seal(t1, 2)]);
      expect(retried.accepted).toBe(0);
      expect(Object.keys(await storage.seals('coop', [t1]))).toEqual([t1]);
      expect(await storage.compactSeals()).toBe(1);
      expect(await storage.compactSeals()).toBe(0);
    });
  });
});

describe('compaction schedule', () => {
  it('compacts every interval, not at start, logs what went, and logs a failure instead of throwing', async () => {
    vi.useFakeTimers();
    try {
      const compactSeals = vi.fn().mockResolvedValueOnce(3).mockRejectedValueOnce(new Error('database gone'));
      const storage = { compactSeals } as unknown as SyncStorage;
      const log = vi.fn();
      const stop = startCompaction(storage, { intervalMs: 1_000, log });
      expect(compactSeals).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(log).toHaveBeenLastCalledWith(expect.objectContaining({ msg: 'compacted', sealsRemoved: 3 }));
      await vi.advanceTimersByTimeAsync(1_000);
      expect(log).toHaveBeenLastCalledWith(expect.objectContaining({ msg: 'compaction.failed', error: 'database gone' }));
      stop();
      await vi.advanceTimersByTimeAsync(5_000);
      expect(compactSeals).toHaveBeenCalledTimes(2);
      expect(await compactOnce({ compactSeals: async () => 0 } as unknown as SyncStorage)).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
