// The messages and channel names shared by preload, main and the backend utility process.
import type { ApiResponse } from '../backend/api';
import type { BackendEvent } from '../backend/api-types';

/** Renderer → main: one typed call channel (ipcRenderer.invoke / ipcMain.handle). */
export const CALL_CHANNEL = 'samvakt:call';
/** Main → renderer: backend events such as "data changed". */
export const EVENT_CHANNEL = 'samvakt:event';
/** The name of the object the preload exposes on window. */
export const API_GLOBAL_NAME = 'samvaktApi';
/** Renderer → main: print the page (system dialog) or save it as PDF. */
export const PRINT_CHANNEL = 'samvakt:print';
/** The name of the print object the preload exposes on window (absent in the browser harness). */
export const PRINT_GLOBAL_NAME = 'samvaktPrint';

/** What the preload sends on CALL_CHANNEL. */
export interface CallPayload {
  method: string;
  input: unknown;
  sessionToken: string | null;
}

/** Main → backend process: one API call, answered with a ResponseMessage carrying the same id. */
export interface RequestMessage {
  id: number;
  method: string;
  input: unknown;
  sessionToken: string | null;
}

/** Main → backend process: close the store and exit. */
export interface ShutdownMessage {
  shutdown: true;
}

/**
 * Main → backend process, the first message after it starts: the database key (kept by the OS in main). It travels on
 * the parent port, not in the environment, because /proc/<pid>/environ keeps the environment a process started with
 * readable for its whole life, whatever the process deletes from process.env.
 */
export interface DatabaseKeyMessage {
  databaseKey: string;
}

export type ToBackendMessage = RequestMessage | ShutdownMessage | DatabaseKeyMessage;

export interface ReadyMessage {
  ready: true;
}
export interface ResponseMessage {
  id: number;
  response: ApiResponse;
}
export interface EventMessage {
  event: BackendEvent;
}
/** The store could not be opened; the message is Norwegian and shown to the user as it is. */
export interface FatalMessage {
  fatal: string;
}

export type FromBackendMessage = ReadyMessage | ResponseMessage | EventMessage | FatalMessage;

export const INTERNAL_ERROR: ApiResponse = { ok: false, error: { code: 'internal' } };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isRequestMessage(value: unknown): value is RequestMessage {
  return (
    isRecord(value) &&
    Number.isSafeInteger(value.id) &&
    typeof value.method === 'string' &&
    (value.sessionToken === null || typeof value.sessionToken === 'string')
  );
}

export function isShutdownMessage(value: unknown): value is ShutdownMessage {
  return isRecord(value) && value.shutdown === true;
}

export function isDatabaseKeyMessage(value: unknown): value is DatabaseKeyMessage {
  return isRecord(value) && typeof value.databaseKey === 'string';
}

/** Reads a message from the backend process; anything unexpected gives null. */
export function parseFromBackend(value: unknown): FromBackendMessage | null {
  if (!isRecord(value)) return null;
  if (value.ready === true) return { ready: true };
  if (typeof value.fatal === 'string') return { fatal: value.fatal };
  if (Number.isSafeInteger(value.id) && isRecord(value.response) && typeof value.response.ok === 'boolean') {
    return { id: value.id as number, response: value.response as ApiResponse };
  }
  if (isRecord(value.event) && typeof value.event.type === 'string') return { event: value.event as BackendEvent };
  return null;
}
