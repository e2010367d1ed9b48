// The object the preload exposes as window.samvaktApi: one call channel and one event channel, nothing else.
import type { ApiTransport, BackendEvent } from '../backend/api-types';
import { CALL_CHANNEL, EVENT_CHANNEL } from './protocol';
import type { CallPayload } from './protocol';

/** The part of Electron's ipcRenderer the preload uses; tests pass a fake. */
export interface IpcRendererLike {
  invoke(channel: string, payload: CallPayload): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

export function createPreloadApi(ipcRenderer: IpcRendererLike): ApiTransport {
  return {
    call(method, input, sessionToken) {
      const payload: CallPayload = { method, input, sessionToken };
      return ipcRenderer.invoke(CALL_CHANNEL, payload) as ReturnType<ApiTransport['call']>;
    },
    subscribe(listener) {
      // The IPC event object never reaches the page: it carries the sender and ports.
      const relay = (_event: unknown, payload: unknown) => listener(payload as BackendEvent);
      ipcRenderer.on(EVENT_CHANNEL, relay);
      return () => {
        ipcRenderer.removeListener(EVENT_CHANNEL, relay);
      };
    },
  };
}
