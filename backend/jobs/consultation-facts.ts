// The consultation facts backfill: after start (and hourly), writes the de-identified facts of local entries that have none or disagree, in batches, signed by this computer.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { countEntriesWithoutFacts, entriesNeedingFacts, getConsultationFacts, writeConsultationFacts } from '../../db/consultation-facts';
import { getCurrentEntries, refreshConsultationIndex } from '../../db/consultations';
import { isBulkLoading } from '../../db/bulk-load';
import type { LocalStore } from '../../db/open';
import { deviceSigner, signAs } from '../../db/signer';
import type { BackendEvent } from '../core/handler';

export interface ConsultationFactsOptions {
  store: LocalStore;
  /** At most this many entries per transaction (default 500). */
  batchSize?: number;
  /**
   * About how long one batch may hold the process (ms, default 50): batches are sized by the pace of the one before, so
   * calls are answered between them whatever the machine's load (a batch of 500 took 0.6 s on a loaded machine). Each
   * batch is a signed transaction with its own commit, so much smaller batches cost more in all (25 ms: 3.3 ms an
   * entry at load 13, against 1.2 ms in batches of 500) and push more seals.
   */
  stepMs?: number;
  intervalMs?: number;
  /** How long after start the first run waits, so the sign-in screen comes first (like the daily backup). */
  firstRunAfterMs?: number;
  log?: (message: string, error?: unknown) => void;
  /** Where progress is announced: the consultation screens (statistics, overview) reload as the figures fill in. */
  emit?: (event: BackendEvent) => void;
  /** Progress announcements at most this often (ms). */
  announceEveryMs?: number;
}

/** Per store: how many local entries have no facts yet, counted once and then kept up to date by the runs. */
const remaining = new WeakMap<LocalStore['db'], number>();

/**
 * How many of this computer's entries the statistics still leave out because the backfill has not reached them (0 when
 * none): counted on the first question (one pass over the local index), then kept by the backfill without counting again.
 */
export function entriesAwaitingFacts(store: LocalStore): number {
  let count = remaining.get(store.db);
  if (count === undefined) remaining.set(store.db, (count = countEntriesWithoutFacts(store.db)));
  return count;
}

export interface FactsBackfillResult {
  /** Entries whose facts were written (inserted or put right). */
  written: number;
  /** Entries looked at (those the SQL found missing or different). */
  checked: number;
}

/**
 * One pass over the entries this computer holds: writes the facts row of every entry that has none (entries from before
 * migration 015, or logged by a computer that has not been upgraded) and puts right the columns of a row that disagrees
 * with the entry's current values (an amendment made on an older version). Batches are separate transactions, sized to
 * take about `stepMs`, with a turn of the event loop between them. Running it again finds nothing to do. Errors are logged, never thrown.
 */
export async function backfillConsultationFacts(options: ConsultationFactsOptions): Promise<FactsBackfillResult> {
  const { store } = options;
  const result: FactsBackfillResult = { written: 0, checked: 0 };
  try {
    // A first download rebuilds the index at its end; until then the entries are incomplete.
    if (isBulkLoading(store.db)) return result;
    refreshConsultationIndex(store.db);
    const signer = deviceSigner(store.db, store.clock.deviceId);
    remaining.set(store.db, countEntriesWithoutFacts(store.db));
    const maxBatch = options.batchSize ?? 500;
    const stepMs = options.stepMs ?? 50;
    let batchSize = Math.min(maxBatch, 20);
    const everyMs = options.announceEveryMs ?? 1_000;
    let lastAnnounced = performance.now();
    let afterId = '';
    for (;;) {
      if (!store.db.open || isBulkLoading(store.db)) break;
      const began = performance.now();
      const ids = entriesNeedingFacts(store.db, afterId, batchSize);
      if (ids.length === 0) {
        remaining.set(store.db, 0);
        break;
      }
      afterId = ids.at(-1) as string;
      result.checked += ids.length;
      const { written, added } = signAs(signer, () =>
        store.writer.write((changes) => {
          const counts = { written: 0, added: 0 };
          for (const entry of getCurrentEntries(changes.db, ids)) {
            const isNew = getConsultationFacts(changes.db, entry.id) === null;
            if (writeConsultationFacts(changes, entry.id, entry) === 0) continue;
            counts.written += 1;
            if (isNew) counts.added += 1;
          }
          return counts;
        }),
      );
      result.written += written;
      // The next batch: as many entries as fit in stepMs at this one's pace.
      const tookMs = Math.max(0.01, performance.now() - began);
      batchSize = Math.max(1, Math.min(maxBatch, Math.round((stepMs / tookMs) * ids.length)));
      remaining.set(store.db, Math.max(0, (remaining.get(store.db) ?? 0) - added));
      if (options.emit && performance.now() - lastAnnounced >= everyMs) {
        options.emit({ type: 'data.changed', area: 'consultations' });
        lastAnnounced = performance.now();
      }
      await nextTurn();
    }
    if (result.written > 0) options.emit?.({ type: 'data.changed', area: 'consultations' });
  } catch (error) {
    if (store.db.open) {
      remaining.delete(store.db);
      (options.log ?? ((message, detail) => console.error(`[consultation-facts] ${message}`, detail)))('the facts backfill failed', error);
    }
  }
  return result;
}

/** Starts the backfill (the first run shortly after start, then hourly); the timers do not keep the process alive. Returns a function that stops them. */
export function startConsultationFactsBackfill(options: ConsultationFactsOptions): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    void backfillConsultationFacts(options).finally(() => {
      running = false;
    });
  };
  const first = setTimeout(run, options.firstRunAfterMs ?? 3_000);
  first.unref();
  const timer = setInterval(run, options.intervalMs ?? 60 * 60_000);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
