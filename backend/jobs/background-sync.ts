// The backend's sync engine at work in the background: its merges and status changes announced as data.changed events; and the engine for a backend that does not sync.
import type { LocalStore } from '../../db/open';
import { createSyncEngine } from '../../sync/engine';
import type { SyncEngine } from '../../sync/engine';
import { createMemorySecretStore } from '../../sync/secret-store';
import type { BackendEvent } from '../core/handler';

/**
 * Tells every window what a merge changed, like a write handler does, so open screens refresh and the rota rules run
 * again on the merged week; a status change refreshes the status line ('sync'). Returns a function that stops it.
 */
export function announceSyncChanges(engine: SyncEngine, emit: (event: BackendEvent) => void): () => void {
  return engine.listen({
    changed: (areas) => {
      for (const area of areas) emit({ type: 'data.changed', area });
    },
    status: () => emit({ type: 'data.changed', area: 'sync' }),
  });
}

/**
 * The engine of a backend that is not set up to sync (unit tests, benchmarks, tools): not enrolled, never started,
 * its device secret kept in memory only. Passing it is a decision made where the backend is created; nothing makes one
 * silently. The harness and the desktop's backend process create a real engine with their secret store instead.
 */
export function createLocalOnlySync(store: LocalStore): SyncEngine {
  return createSyncEngine({ store, secrets: createMemorySecretStore() });
}
