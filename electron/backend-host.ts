// Runs the backend in a child (Electron utility) process: relays calls, restarts it after a crash, fails calls it lost.
import type { ApiRequest, ApiResponse } from '../backend/api';
import type { BackendEvent } from '../backend/api-types';
import { INTERNAL_ERROR, parseFromBackend } from './protocol';
import type { RequestMessage, ToBackendMessage } from './protocol';
import { isSecretRequest } from './secret-store';
import type { SecretReplyMessage, SecretRequestMessage } from './secret-store';

/** The part of Electron's UtilityProcess the host uses; tests pass a fake. */
export interface ChildProcessLike {
  postMessage(message: ToBackendMessage | SecretReplyMessage): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface BackendHostOptions {
  /** Starts a new backend process (utilityProcess.fork in the app). */
  fork: () => ChildProcessLike;
  /** Sent to every new process before anything else (the database key in the app). */
  firstMessage?: () => ToBackendMessage;
  onEvent: (event: BackendEvent) => void;
  /** The backend cannot run (e.g. the database is too new, or it keeps crashing); the message is Norwegian. */
  onFatal: (message: string) => void;
  /** The backend process asks main to read or write the sync device secret (safeStorage lives in main). */
  onSecretRequest?: (request: SecretRequestMessage, reply: (message: SecretReplyMessage) => void) => void;
  log?: (message: string) => void;
  now?: () => number;
  /** Restarts allowed within restartWindowMs before giving up. */
  maxRestarts?: number;
  restartWindowMs?: number;
  /** How long stop() waits for a clean exit before killing the process. */
  shutdownTimeoutMs?: number;
}

export interface BackendHost {
  start(): void;
  call(request: ApiRequest): Promise<ApiResponse>;
  /** Asks the process to close the store and exit; kills it after the timeout. */
  stop(): Promise<void>;
  /** How many processes have been started (1 + restarts). */
  readonly generation: number;
}

export const GAVE_UP_MESSAGE =
  'Samvakts bakgrunnstjeneste stoppet gjentatte ganger og er ikke startet på nytt. ' +
  'Start Samvakt på nytt. Hvis feilen kommer igjen, kontakt den som drifter Samvakt hos dere.';

export function createBackendHost(options: BackendHostOptions): BackendHost {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message) => console.error(`[backend-host] ${message}`));
  const maxRestarts = options.maxRestarts ?? 3;
  const restartWindowMs = options.restartWindowMs ?? 60_000;
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 3_000;

  let child: ChildProcessLike | null = null;
  let ready = false;
  let generation = 0;
  let nextId = 1;
  let stopping = false;
  let fatal: string | null = null;
  let onStopped: (() => void) | null = null;
  const restarts: number[] = [];
  const queue: RequestMessage[] = [];
  const pending = new Map<number, (response: ApiResponse) => void>();

  function failAll() {
    queue.length = 0;
    const resolvers = [...pending.values()];
    pending.clear();
    for (const resolve of resolvers) resolve(INTERNAL_ERROR);
  }

  function send(process: ChildProcessLike, message: RequestMessage) {
    try {
      process.postMessage(message);
    } catch (error) {
      log(`could not send ${message.method}: ${String(error)}`);
      pending.get(message.id)?.(INTERNAL_ERROR);
      pending.delete(message.id);
    }
  }

  function becomeFatal(message: string) {
    fatal = message;
    failAll();
    options.onFatal(message);
  }

  function spawn() {
    generation += 1;
    ready = false;
    const current = options.fork();
    child = current;
    if (options.firstMessage) current.postMessage(options.firstMessage());

    current.on('message', (raw) => {
      if (child !== current) return; // a message from a process we already gave up on
      if (isSecretRequest(raw)) {
        options.onSecretRequest?.(raw, (reply) => current.postMessage(reply));
        return;
      }
      const message = parseFromBackend(raw);
      if (!message) {
        log(`ignored an unexpected message from the backend process`);
      } else if ('ready' in message) {
        ready = true;
        for (const request of queue.splice(0)) send(current, request);
      } else if ('response' in message) {
        const resolve = pending.get(message.id);
        pending.delete(message.id);
        resolve?.(message.response);
      } else if ('event' in message) {
        options.onEvent(message.event);
      } else {
        becomeFatal(message.fatal);
      }
    });

    current.on('exit', (code) => {
      if (child !== current) return;
      child = null;
      ready = false;
      failAll();
      if (stopping || fatal !== null) {
        onStopped?.();
        return;
      }
      log(`backend process exited unexpectedly (code ${code}); restarting`);
      const at = now();
      restarts.push(at);
      while (restarts.length > 0 && restarts[0]! <= at - restartWindowMs) restarts.shift();
      if (restarts.length > maxRestarts) {
        becomeFatal(GAVE_UP_MESSAGE);
        return;
      }
      spawn();
    });
  }

  return {
    get generation() {
      return generation;
    },
    start() {
      if (child || stopping || fatal !== null) return;
      spawn();
    },
    call(request) {
      const process = child;
      if (!process || stopping || fatal !== null) return Promise.resolve(INTERNAL_ERROR);
      const message: RequestMessage = { id: nextId++, method: request.method, input: request.input, sessionToken: request.sessionToken };
      return new Promise<ApiResponse>((resolve) => {
        pending.set(message.id, resolve);
        if (ready) send(process, message);
        else queue.push(message);
      });
    },
    stop() {
      stopping = true;
      const process = child;
      if (!process) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          log('backend process did not exit in time; killing it');
          process.kill();
        }, shutdownTimeoutMs);
        onStopped = () => {
          clearTimeout(timer);
          resolve();
        };
        try {
          process.postMessage({ shutdown: true });
        } catch {
          process.kill();
        }
      });
    },
  };
}
