// Runs the sync engine beside the backend: one engine per store, its merges announced as data.changed events to every window.
import type { LocalStore } from '../db/open';
import { createSyncEngine } from '../sync/engine';
import type { SyncEngine, SyncEngineOptions } from '../sync/engine';
import { createMemorySecretStore } from '../sync/secret-store';
import type { SecretStore } from '../sync/secret-store';
import type { BackendEvent } from './handler';

/** The part of the backend this wraps (structural, so this file does not import api.ts, which imports the handlers). */
interface EventingBackend {
  onEvent(listener: (event: BackendEvent) => void): () => void;
  close(): void;
}

const engines = new WeakMap<LocalStore, SyncEngine>();

/**
 * The store's sync engine. Without withBackgroundSync (unit tests of other areas) an idle engine that
 * keeps its secret in memory answers, so the sync handlers always work.
 */
export function syncEngineFor(store: LocalStore): SyncEngine {
  let engine = engines.get(store);
  if (!engine) {
    engine = createSyncEngine({ store, secrets: createMemorySecretStore() });
    engines.set(store, engine);
  }
  return engine;
}

export interface BackgroundSyncOptions extends Omit<SyncEngineOptions, 'store' | 'secrets' | 'onChange'> {
  /** Where the device secret is kept: Electron safeStorage on the desktop, a file in the harness. */
  secrets: SecretStore;
  /** Start syncing in the background now (default true). */
  start?: boolean;
}

/**
 * Gives the backend a sync engine that runs in the background: after each merge it sends
 * `data.changed` for the areas that changed, like a write handler does, so open screens refresh
 * and the rota rules run again on the merged week.
 */
export function withBackgroundSync<B extends EventingBackend>(backend: B, store: LocalStore, options: BackgroundSyncOptions): B & { sync: SyncEngine } {
  const listeners = new Set<(event: BackendEvent) => void>();
  const emit = (event: BackendEvent) => listeners.forEach((listener) => listener(event));
  const engine = createSyncEngine({
    ...options,
    store,
    onChange: (areas) => {
      for (const area of areas) emit({ type: 'data.changed', area });
    },
    onStatus: (status) => {
      emit({ type: 'data.changed', area: 'sync' });
      options.onStatus?.(status);
    },
  });
  engines.set(store, engine);
  if (options.start !== false) engine.start();
  return {
    ...backend,
    sync: engine,
    onEvent(listener: (event: BackendEvent) => void) {
      const off = backend.onEvent(listener);
      listeners.add(listener);
      return () => {
        off();
        listeners.delete(listener);
      };
    },
    close() {
      engine.stop();
      listeners.clear();
      backend.close();
    },
  };
}
