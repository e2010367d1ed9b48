// Test helper: a backend on a temporary store with the example dataset loaded, typed-enough shortcuts to call it, and writes signed as an example account.
import { createBackend } from '../../backend/api';
import { createLocalOnlySync } from '../../backend/jobs/background-sync';
import type { Backend } from '../../backend/api';
import { EXAMPLE_PASSWORD } from '../../backend/demo-data/indre-namdal';
import type { Signer } from '../../db/signer';
import type { ChangeSet } from '../../db/write-path';
import { openTempStore, signerFor, writeAs } from './temp-store';

export interface ExampleBackend {
  store: ReturnType<typeof openTempStore>;
  backend: Backend;
  /** The raw result: `{ ok: true, value }` or `{ ok: false, error }`. */
  call(method: string, input: unknown, token: string | null): ReturnType<Backend['call']>;
  /** The value of a call that must succeed; a failure throws with the error, so the test shows why. */
  ok<T>(method: string, input: unknown, token: string | null): Promise<T>;
  /** A session token for an example account (password demo-samvakt). */
  signIn(username: string): Promise<string>;
  /** An example account's signer (its key unwrapped with the example password), for writing straight to the store. */
  signer(username: string): Promise<Signer>;
  /** Writes straight through the write path, signed as an example account: the example cooperation refuses unsigned writes. */
  writeAs<R>(username: string, fn: (changes: ChangeSet) => R): Promise<R>;
}

/** Opens a store, loads the example dataset through setup.loadExample and returns shortcuts; close with `store.close()`. */
export async function openExampleBackend(now: () => Date = () => new Date()): Promise<ExampleBackend> {
  const store = openTempStore();
  const backend = createBackend({ store, sync: createLocalOnlySync(store), now });
  await backend.call({ method: 'setup.loadExample', input: {}, sessionToken: null });
  const call = (method: string, input: unknown, token: string | null) => backend.call({ method, input, sessionToken: token });
  return {
    store,
    backend,
    call,
    async ok<T>(method: string, input: unknown, token: string | null): Promise<T> {
      const result = await call(method, input, token);
      if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
      return result.value as T;
    },
    signer: (username) => signerFor(store, username, EXAMPLE_PASSWORD),
    async writeAs(username, fn) {
      return writeAs(store, await signerFor(store, username, EXAMPLE_PASSWORD), fn);
    },
    async signIn(username) {
      const result = await call('session.signIn', { username, password: EXAMPLE_PASSWORD }, null);
      if (!result.ok) throw new Error(`sign-in ${username}: ${JSON.stringify(result.error)}`);
      return (result.value as { sessionToken: string }).sessionToken;
    },
  };
}
