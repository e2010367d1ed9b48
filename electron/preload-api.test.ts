// Tests the object the preload exposes: it satisfies ApiTransport, uses only the two channels, and leaks nothing.
import { describe, expect, it } from 'vitest';
import type { ApiTransport } from '../backend/api-types';
import { createPreloadApi } from './preload-api';
import type { IpcRendererLike } from './preload-api';
import { CALL_CHANNEL, EVENT_CHANNEL } from './protocol';

type Listener = (event: unknown, payload: unknown) => void;

function fakeIpcRenderer() {
  const invoked: [string, unknown][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: IpcRendererLike = {
    invoke: async (channel, payload) => {
      invoked.push([channel, payload]);
      return { ok: true, value: 'svar' };
    },
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((listener) => listener({ sender: 'secret ipc event' }, payload));
  return { ipc, invoked, listeners, emit };
}

describe('preload api', () => {
  it('exposes exactly call and subscribe', () => {
    const api: ApiTransport = createPreloadApi(fakeIpcRenderer().ipc);
    expect(Object.keys(api).sort()).toEqual(['call', 'subscribe']);
  });

  it('sends calls on the call channel as {method, input, sessionToken}', async () => {
    const fake = fakeIpcRenderer();
    const api = createPreloadApi(fake.ipc);
    await expect(api.call('offices.list', { a: 1 }, 'tok')).resolves.toEqual({ ok: true, value: 'svar' });
    expect(fake.invoked).toEqual([[CALL_CHANNEL, { method: 'offices.list', input: { a: 1 }, sessionToken: 'tok' }]]);
  });

  it('delivers events without the IPC event object, and unsubscribes', () => {
    const fake = fakeIpcRenderer();
    const api = createPreloadApi(fake.ipc);
    const seen: unknown[][] = [];
    const unsubscribe = api.subscribe((...args: unknown[]) => seen.push(args));
    fake.emit(EVENT_CHANNEL, { type: 'data.changed', area: 'offices' });
    fake.emit('some-other-channel', { type: 'data.changed', area: 'x' });
    expect(seen).toEqual([[{ type: 'data.changed', area: 'offices' }]]);
    unsubscribe();
    fake.emit(EVENT_CHANNEL, { type: 'data.changed', area: 'offices' });
    expect(seen).toHaveLength(1);
    expect(fake.listeners.get(EVENT_CHANNEL)?.size).toBe(0);
  });
});
