// Tests the call path preload → ipcMain → backend host → backend process → real backend, with fakes for Electron only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../backend/api';
import type { ApiRequest, ApiResponse } from '../backend/api';
import type { BackendEvent } from '../backend/api-types';
import { METHOD_NAMES } from '../backend/handlers/index';
import { openTempStore } from '../test/helpers/temp-store';
import { createBackendHost } from './backend-host';
import type { BackendHost } from './backend-host';
import { runBackendService } from './backend-service';
import { createEventForwarder, parseCallPayload, registerIpcBridge } from './ipc-bridge';
import { CALL_CHANNEL, EVENT_CHANNEL } from './protocol';
import { FakeIpcMain, InProcessChild } from './testing/fakes';

const APP_URL = 'file:///opt/Samvakt/resources/app.asar/dist/renderer/index.html';

describe('IPC bridge with a real backend behind a fake utility process', () => {
  let store: ReturnType<typeof openTempStore>;
  let ipcMain: FakeIpcMain;
  let host: BackendHost;
  let reached: string[];
  let children: InProcessChild[];
  let events: BackendEvent[];

  beforeEach(() => {
    store = openTempStore();
    ipcMain = new FakeIpcMain();
    reached = [];
    children = [];
    events = [];
    host = createBackendHost({
      fork: () => {
        const child = new InProcessChild((port, exit) =>
          runBackendService({
            port,
            dataDir: store.dataDir,
            openStore: () => ({ ...store, close: () => undefined }), // the test closes the store itself
            createBackend: (options) => {
              const backend = createBackend(options);
              return {
                ...backend,
                call: (request: ApiRequest) => {
                  reached.push(request.method);
                  return backend.call(request);
                },
              };
            },
            exit,
          }),
        );
        children.push(child);
        return child;
      },
      onEvent: (event) => events.push(event),
      onFatal: (message) => {
        throw new Error(`unexpected fatal: ${message}`);
      },
    });
    host.start();
    registerIpcBridge({ ipcMain, backend: host, isTrustedSender: (event) => event.senderFrame?.url === APP_URL });
  });

  afterEach(async () => {
    await host.stop();
    store.close();
  });

  const call = (payload: unknown, url = APP_URL) => ipcMain.invoke(CALL_CHANNEL, payload, { senderFrame: { url } }) as Promise<ApiResponse>;

  it('registers exactly one handler, on the call channel', () => {
    expect([...ipcMain.handlers.keys()]).toEqual([CALL_CHANNEL]);
  });

  it('relays every method of the Handlers map to the backend', async () => {
    expect(METHOD_NAMES.length).toBeGreaterThan(0);
    for (const method of METHOD_NAMES) {
      const response = await call({ method, input: {}, sessionToken: null });
      expect(typeof response.ok, method).toBe('boolean');
      if (!response.ok) expect(response.error.code, method).not.toBe('api.unknownMethod');
    }
    expect(reached).toEqual([...METHOD_NAMES]);
  });

  it('refuses unknown and non-string method names without reaching the backend', async () => {
    const refused: unknown[] = [
      { method: 'offices.dropAll', input: {}, sessionToken: null },
      { method: '__proto__', input: {}, sessionToken: null },
      { method: 'constructor', input: {}, sessionToken: null },
      { method: 42, input: {}, sessionToken: null },
      { method: null, input: {}, sessionToken: null },
      { method: ['setup.status'], input: {}, sessionToken: null },
      { input: {}, sessionToken: null },
      'setup.status',
      null,
      undefined,
      ['setup.status', {}, null],
    ];
    for (const payload of refused) {
      const response = await call(payload);
      expect(response, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'api.unknownMethod' } });
    }
    expect(reached).toEqual([]);
    expect(children[0]!.sent.filter((message) => 'method' in message)).toEqual([]);
  });

  it('refuses calls from a page that is not the app', async () => {
    const response = await call({ method: 'setup.status', input: {}, sessionToken: null }, 'https://example.com/');
    expect(response).toEqual({ ok: false, error: { code: 'auth.forbidden' } });
    expect(reached).toEqual([]);
  });

  it('carries a whole session: setup, signed-in calls with the token, and the change event', async () => {
    const created = await call({
      method: 'setup.createCooperation',
      input: { cooperationName: 'Indre Namdal legevakt', adminName: 'Kari Nordmann', username: 'kari', password: 'et-langt-passord-123' },
      sessionToken: null,
    });
    expect(created.ok).toBe(true);
    const token = (created as { ok: true; value: { sessionToken: string } }).value.sessionToken;
    expect(typeof token).toBe('string');
    expect(events).toContainEqual({ type: 'data.changed', area: 'setup' });

    expect(await call({ method: 'session.current', input: {}, sessionToken: token })).toMatchObject({ ok: true, value: { username: 'kari' } });
    expect(await call({ method: 'offices.list', input: {}, sessionToken: null })).toEqual({ ok: false, error: { code: 'auth.signInRequired' } });
    expect((await call({ method: 'offices.list', input: {}, sessionToken: token })).ok).toBe(true);
  });
});

describe('parseCallPayload', () => {
  const known = new Set(['setup.status']);

  it('passes a known method with its input and token', () => {
    expect(parseCallPayload({ method: 'setup.status', input: { a: 1 }, sessionToken: 'abc' }, known)).toEqual({
      ok: true,
      request: { method: 'setup.status', input: { a: 1 }, sessionToken: 'abc' },
    });
  });

  it('treats a token that is not a string as no session', () => {
    expect(parseCallPayload({ method: 'setup.status', input: {}, sessionToken: 7 }, known)).toMatchObject({ ok: true, request: { sessionToken: null } });
  });

  it('names the refused method in the error, shortened', () => {
    const parsed = parseCallPayload({ method: 'x'.repeat(500) }, known);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok && !parsed.response.ok) expect(String(parsed.response.error.params?.method).length).toBe(100);
  });
});

describe('createEventForwarder', () => {
  it('sends each event to every receiver on the event channel', () => {
    const received: [string, unknown][] = [];
    const receiver = { send: (channel: string, payload: unknown) => received.push([channel, payload]) };
    createEventForwarder(() => [receiver, receiver])({ type: 'data.changed', area: 'staff' });
    expect(received).toEqual([
      [EVENT_CHANNEL, { type: 'data.changed', area: 'staff' }],
      [EVENT_CHANNEL, { type: 'data.changed', area: 'staff' }],
    ]);
  });
});
