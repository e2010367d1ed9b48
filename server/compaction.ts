// The service's own compaction: now and then removes the seals of transactions whose every cell was overwritten, so storage grows with data, not edits.
import type { SyncStorage } from './storage';

export interface CompactionOptions {
  /** How often; 6 hours unless told (`--compact-hours`). */
  intervalMs?: number;
  log?: (entry: Record<string, unknown>) => void;
}

/** Runs one compaction; logs how many seals went and how long it took. Errors are logged, never thrown. */
export async function compactOnce(storage: SyncStorage, log: CompactionOptions['log'] = () => {}): Promise<number> {
  const started = Date.now();
  try {
    const removed = await storage.compactSeals();
    log({ level: 'info', msg: 'compacted', sealsRemoved: removed, ms: Date.now() - started });
    return removed;
  } catch (error) {
    log({ level: 'error', msg: 'compaction.failed', error: error instanceof Error ? error.message : String(error) });
    return 0;
  }
}

/** Compacts every `intervalMs` (the first after one interval, not at start); the timer does not keep the process alive. */
export function startCompaction(storage: SyncStorage, options: CompactionOptions = {}): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void compactOnce(storage, options.log).finally(() => (running = false));
  }, options.intervalMs ?? 6 * 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
