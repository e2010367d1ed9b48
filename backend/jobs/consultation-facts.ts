// The consultation facts backfill: after start (and hourly), writes the de-identified facts of local entries that have none or disagree, in batches, signed by this computer.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { entriesNeedingFacts, writeConsultationFacts } from '../../db/consultation-facts';
import { getCurrentEntries, refreshConsultationIndex } from '../../db/consultations';
import { isBulkLoading } from '../../db/bulk-load';
import type { LocalStore } from '../../db/open';
import { deviceSigner, signAs } from '../../db/signer';
import type { BackendEvent } from '../core/handler';

export interface ConsultationFactsOptions {
  store: LocalStore;
  /** Entries per transaction: each is one signed transaction of a few ms, so calls are answered between batches. */
  batchSize?: number;
  intervalMs?: number;
  /** How long after start the first run waits, so the sign-in screen comes first (like the daily backup). */
  firstRunAfterMs?: number;
  log?: (message: string, error?: unknown) => void;
  /** Where progress is announced: the consultation screens (statistics, overview) reload as the figures fill in. */
  emit?: (event: BackendEvent) => void;
  /** Progress announcements at most this often (ms). */
  announceEveryMs?: number;
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
 * with the entry's current values (an amendment made on an older version). Batches are separate transactions with a
 * turn of the event loop between them. Running it again finds nothing to do. Errors are logged, never thrown.
 */
export async function backfillConsultationFacts(options: ConsultationFactsOptions): Promise<FactsBackfillResult> {
  const { store } = options;
  const result: FactsBackfillResult = { written: 0, checked: 0 };
  try {
    // A first download rebuilds the index at its end; until then the entries are incomplete.
    if (isBulkLoading(store.db)) return result;
    refreshConsultationIndex(store.db);
    const signer = deviceSigner(store.db, store.clock.deviceId);
    const batchSize = options.batchSize ?? 500;
    const everyMs = options.announceEveryMs ?? 1_000;
    let lastAnnounced = performance.now();
    let afterId = '';
    for (;;) {
      if (!store.db.open || isBulkLoading(store.db)) break;
      const ids = entriesNeedingFacts(store.db, afterId, batchSize);
      if (ids.length === 0) break;
      afterId = ids.at(-1) as string;
      result.checked += ids.length;
      result.written += signAs(signer, () =>
        store.writer.write((changes) => getCurrentEntries(changes.db, ids).reduce((n, entry) => n + (writeConsultationFacts(changes, entry.id, entry) > 0 ? 1 : 0), 0)),
      );
      if (options.emit && performance.now() - lastAnnounced >= everyMs) {
        options.emit({ type: 'data.changed', area: 'consultations' });
        lastAnnounced = performance.now();
      }
      await nextTurn();
    }
    if (result.written > 0) options.emit?.({ type: 'data.changed', area: 'consultations' });
  } catch (error) {
    if (store.db.open) (options.log ?? ((message, detail) => console.error(`[consultation-facts] ${message}`, detail)))('the facts backfill failed', error);
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
