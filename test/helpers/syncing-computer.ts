// Test helper: one office computer in a test — a temporary store, its sync engine and backend, and shortcuts to call it as an example account.
import { createBackend } from '../../backend/api';
import type { Backend } from '../../backend/api';
import { EXAMPLE_PASSWORD } from '../../backend/demo-data/indre-namdal';
import { createSyncEngine } from '../../sync/engine';
import type { SyncEngineOptions } from '../../sync/engine';
import { createMemorySecretStore } from '../../sync/secret-store';
import { openTempStore } from './temp-store';

export interface SyncingComputer {
  store: ReturnType<typeof openTempStore>;
  sync: ReturnType<typeof createSyncEngine>;
  backend: Backend;
  /** The value of a call that must succeed; a failure throws with the method and the error, so the test shows why. */
  call<T>(method: string, input: unknown, token?: string | null): Promise<T>;
  /** A session token for an example account (password demo-samvakt). */
  signIn(username: string): Promise<string>;
}

/** A computer on a new temporary store (options as openTempStore), syncing with a memory secret store unless `engine` says otherwise. */
export function syncingComputer(
  options: { store?: Parameters<typeof openTempStore>[0]; engine?: Partial<Omit<SyncEngineOptions, 'store'>> } = {},
): SyncingComputer {
  const store = openTempStore(options.store);
  const sync = createSyncEngine({ store, secrets: createMemorySecretStore(), ...options.engine });
  const backend = createBackend({ store, sync, logError: () => undefined });
  const call = async <T>(method: string, input: unknown, token: string | null = null): Promise<T> => {
    const result = await backend.call({ method, input, sessionToken: token });
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  const signIn = async (username: string) => (await call<{ sessionToken: string }>('session.signIn', { username, password: EXAMPLE_PASSWORD })).sessionToken;
  return { store, sync, backend, call, signIn };
}
