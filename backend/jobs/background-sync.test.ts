// Tests that a backend announces its sync engine's merges and status changes as data.changed, and stops the engine when closed.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncEngine, SyncListener } from '../../sync/engine';
import { openTempStore } from '../../test/helpers/temp-store';
import { createBackend } from '../api';
import type { BackendEvent } from '../core/handler';
import { createLocalOnlySync } from './background-sync';

let store: ReturnType<typeof openTempStore> | null = null;
afterEach(() => store?.close());

describe('the backend and its sync engine', () => {
  it('announces the areas a merge changed and a status change, until the backend is closed', () => {
    store = openTempStore();
    const engine = createLocalOnlySync(store);
    const listeners: SyncListener[] = [];
    let stopped = 0;
    const sync: SyncEngine = {
      ...engine,
      listen(listener) {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
      stop: () => void (stopped += 1),
    };
    const backend = createBackend({ store, sync });
    const events: BackendEvent[] = [];
    backend.onEvent((event) => events.push(event));

    for (const listener of listeners) listener.changed?.(['rota', 'staff']);
    for (const listener of listeners) listener.status?.(engine.status());
    expect(events).toEqual([
      { type: 'data.changed', area: 'rota' },
      { type: 'data.changed', area: 'staff' },
      { type: 'data.changed', area: 'sync' },
    ]);

    backend.close();
    expect(listeners).toEqual([]);
    expect(stopped).toBe(1);
  });

  it('gives handlers the engine it was created with', async () => {
    store = openTempStore();
    const backend = createBackend({ store, sync: createLocalOnlySync(store) });
    const status = await backend.call({ method: 'sync.status', input: {}, sessionToken: null });
    expect(status).toMatchObject({ ok: true, value: { enrolled: false, state: 'notEnrolled', lastSuccessAt: null } });
  });
});
