// The backend process's work, free of Electron: open the store, answer call messages, pass events on, report fatal errors.
import { createBackend as createRealBackend } from '../backend/api';
import type { Backend, BackendOptions } from '../backend/api';
import type { LocalStore } from '../db/open';
import { startConsultationFactsBackfill } from '../backend/jobs/consultation-facts';
import { startDailyBackups } from '../backend/jobs/daily-backup';
import { DatabaseKeyError } from '../db/encryption';
import { DatabaseTooNewError } from '../db/migrate';
import { INTERNAL_ERROR, isDatabaseKeyMessage, isRequestMessage, isShutdownMessage } from './protocol';
import type { FromBackendMessage } from './protocol';
import { createSyncEngine } from '../sync/engine';
import { createPortSecretStore } from './secret-store';
import type { SecretPortLike } from './secret-store';

/** The part of Electron's process.parentPort the service uses; tests pass a fake. */
export interface ParentPortLike {
  on(event: 'message', listener: (messageEvent: { data: unknown }) => void): unknown;
  postMessage(message: FromBackendMessage): void;
}

export interface BackendServiceOptions {
  port: ParentPortLike;
  /** Where the database lives; only used in the error message when opening fails. */
  dataDir: string;
  openStore: () => LocalStore;
  createBackend?: (options: BackendOptions) => Backend;
  /** Ends the process after a shutdown message (process.exit in the app). */
  exit: (code: number) => void;
  log?: (message: string, error?: unknown) => void;
}

/** The Norwegian text shown to the user when the store cannot be opened. */
export function describeOpenError(error: unknown, dataDir: string): string {
  if (error instanceof DatabaseTooNewError || error instanceof DatabaseKeyError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `Samvakt klarte ikke å åpne databasen i ${dataDir}. Ingen data er endret.\n\nTeknisk feil: ${detail}`;
}

/**
 * Reports a fatal error, then stays alive refusing calls: main shows the message and quits the app,
 * which ends this process. (Exiting at once could lose the message on its way to main.)
 */
export function reportFatal(port: ParentPortLike, message: string, exit: (code: number) => void): void {
  port.postMessage({ fatal: message });
  port.on('message', ({ data }) => {
    if (isShutdownMessage(data)) exit(1);
    else if (isRequestMessage(data)) port.postMessage({ id: data.id, response: INTERNAL_ERROR });
  });
}

export function runBackendService(options: BackendServiceOptions): void {
  const { port } = options;
  const log = options.log ?? ((message, error) => console.error(`[backend-process] ${message}`, error ?? ''));

  let store: LocalStore;
  try {
    store = options.openStore();
  } catch (error) {
    log('could not open the local store', error);
    reportFatal(port, describeOpenError(error, options.dataDir), options.exit);
    return;
  }

  // Sync runs in the background beside the backend; its device secret is kept by main with safeStorage.
  const sync = createSyncEngine({ store, secrets: createPortSecretStore(port as unknown as SecretPortLike) });
  const backend = (options.createBackend ?? createRealBackend)({ store, sync });
  sync.start();
  const stopBackups = startDailyBackups({ store, log, emit: backend.announce });
  const stopFactsBackfill = startConsultationFactsBackfill({ store, log, emit: backend.announce });
  backend.onEvent((event) => port.postMessage({ event }));

  port.on('message', ({ data }) => {
    if (isShutdownMessage(data)) {
      stopBackups();
      stopFactsBackfill();
      backend.close();
      store.close();
      options.exit(0);
      return;
    }
    if (isDatabaseKeyMessage(data)) return; // the key that started this service (backend-process.ts)
    if (!isRequestMessage(data)) {
      log('ignored a malformed message');
      return;
    }
    const { id, method, input, sessionToken } = data;
    backend
      .call({ method, input, sessionToken })
      .catch((error: unknown) => {
        log(`${method} failed outside the backend's own error handling`, error);
        return INTERNAL_ERROR;
      })
      .then((response) => port.postMessage({ id, response }));
  });

  port.postMessage({ ready: true });
}
