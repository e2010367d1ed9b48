// The typed API client: api.call(method, input) over the Electron preload or the harness's HTTP transport.
import type { ApiInput, ApiMethod, ApiOutput, ApiTransport, BackendEvent } from '../../../backend/api-types';
import { takeAccessToken } from './access-token';
import { ApiCallError } from './errors';
import { createHttpTransport } from './http-transport';

interface ClientHooks {
  /** The signed-in user's session token, kept only in memory. */
  getSessionToken: () => string | null;
  /** Called when a call made while signed in is told the session is gone (sign-out elsewhere, backend restart). */
  onSessionLost: () => void;
  /** Called when a call made while signed in is told the session is locked (the backend locked it after inactivity). */
  onLocked?: () => void;
}

let transport: ApiTransport | null = null;
let hooks: ClientHooks = { getSessionToken: () => null, onSessionLost: () => undefined };

/** Picks the transport once: the Electron preload's if present, otherwise HTTP to the browser harness. */
export function initApiTransport(): ApiTransport {
  if (transport) return transport;
  if (window.samvaktApi) {
    transport = window.samvaktApi;
  } else {
    const token = takeAccessToken({ location: window.location, history: window.history, storage: window.sessionStorage });
    transport = createHttpTransport(token);
  }
  return transport;
}

/** Lets tests or the app supply the transport directly. */
export function setApiTransport(next: ApiTransport): void {
  transport = next;
}

export function configureApiClient(next: ClientHooks): void {
  hooks = next;
}

async function call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const current = transport ?? initApiTransport();
  const sessionToken = hooks.getSessionToken();
  let result: Awaited<ReturnType<ApiTransport['call']>>;
  try {
    result = await current.call(method, input, sessionToken);
  } catch (error) {
    if (error instanceof ApiCallError) throw error;
    // The preload's IPC failed (e.g. the backend process died): the same situation as an unreachable harness.
    throw new ApiCallError({ code: 'client.unreachable' });
  }
  if (result.ok) return result.value as ApiOutput<M>;
  if (result.error.code === 'auth.signInRequired' && sessionToken !== null) hooks.onSessionLost();
  if (result.error.code === 'auth.locked' && sessionToken !== null) hooks.onLocked?.();
  throw new ApiCallError(result.error);
}

function subscribe(listener: (event: BackendEvent) => void): () => void {
  return (transport ?? initApiTransport()).subscribe(listener);
}

export const api = { call, subscribe };
