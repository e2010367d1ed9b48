// Main-process side of the call channel: checks each call from the renderer and relays it to the backend process.
import type { ApiRequest, ApiResponse } from '../backend/api';
import type { BackendEvent } from '../backend/api-types';
import { METHOD_NAMES } from '../backend/handlers/index';
import { CALL_CHANNEL, EVENT_CHANNEL } from './protocol';

/** The sender of an invoke; Electron's IpcMainInvokeEvent has more, this is what we check. */
export interface InvokeEventLike {
  senderFrame?: { url: string } | null;
}

/** The part of Electron's ipcMain the bridge uses; tests pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Where calls go: the backend host in the app, anything with the same shape in tests. */
export interface CallTarget {
  call(request: ApiRequest): Promise<ApiResponse>;
}

export interface IpcBridgeOptions {
  ipcMain: IpcMainLike;
  backend: CallTarget;
  /** Method names the backend serves; defaults to every key of the Handlers map. */
  methodNames?: readonly string[];
  /** Only the app's own page may call; main checks the sender frame's URL. */
  isTrustedSender?: (event: InvokeEventLike) => boolean;
}

export type ParsedCall = { ok: true; request: ApiRequest } | { ok: false; response: ApiResponse };

function unknownMethod(method: unknown): ApiResponse {
  const name = typeof method === 'string' ? method.slice(0, 100) : `(${method === null ? 'null' : typeof method})`;
  return { ok: false, error: { code: 'api.unknownMethod', params: { method: name } } };
}

/** Validates what the renderer sent: an object whose method is a string naming a known handler. */
export function parseCallPayload(payload: unknown, knownMethods: ReadonlySet<string>): ParsedCall {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { ok: false, response: unknownMethod(payload) };
  const { method, input, sessionToken } = payload as Record<string, unknown>;
  if (typeof method !== 'string' || !knownMethods.has(method)) return { ok: false, response: unknownMethod(method) };
  return { ok: true, request: { method, input, sessionToken: typeof sessionToken === 'string' ? sessionToken : null } };
}

/** Registers the call handler; returns a function that removes it. */
export function registerIpcBridge(options: IpcBridgeOptions): () => void {
  const known = new Set<string>(options.methodNames ?? METHOD_NAMES);
  options.ipcMain.handle(CALL_CHANNEL, async (event, payload): Promise<ApiResponse> => {
    if (options.isTrustedSender && !options.isTrustedSender(event)) return { ok: false, error: { code: 'auth.forbidden' } };
    const parsed = parseCallPayload(payload, known);
    if (!parsed.ok) return parsed.response;
    return options.backend.call(parsed.request);
  });
  return () => options.ipcMain.removeHandler(CALL_CHANNEL);
}

/** Something that can receive an event, e.g. a window's webContents. */
export interface EventReceiver {
  send(channel: string, payload: BackendEvent): void;
}

/** Sends a backend event to every open window on the event channel. */
export function createEventForwarder(receivers: () => readonly EventReceiver[]): (event: BackendEvent) => void {
  return (event) => {
    for (const receiver of receivers()) receiver.send(EVENT_CHANNEL, event);
  };
}
