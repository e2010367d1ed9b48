// Tests for the API client and the harness HTTP transport, with fake transports and a fake fetch.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiTransport } from '../../../backend/api-types';
import { api, configureApiClient, setApiTransport } from './client';
import { ApiCallError } from './errors';
import { createHttpTransport } from './http-transport';

function fakeTransport(answer: Awaited<ReturnType<ApiTransport['call']>> | Error): ApiTransport & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    call: async (...args) => {
      calls.push(args);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    subscribe: () => () => undefined,
  };
}

afterEach(() => configureApiClient({ getSessionToken: () => null, onSessionLost: () => undefined }));

describe('api.call', () => {
  it('returns the value and passes the session token', async () => {
    const transport = fakeTransport({ ok: true, value: [{ id: 'x' }] });
    setApiTransport(transport);
    configureApiClient({ getSessionToken: () => 'session-1', onSessionLost: () => undefined });
    await expect(api.call('offices.list', {})).resolves.toEqual([{ id: 'x' }]);
    expect(transport.calls).toEqual([['offices.list', {}, 'session-1']]);
  });

  it('throws ApiCallError with code, params and fields', async () => {
    setApiTransport(fakeTransport({ ok: false, error: { code: 'validation.failed', fields: { name: 'duplicate' } } }));
    const error = await api.call('offices.create', { name: 'A', municipality: 'B', openingHours: {} as never, drivingMinutes: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect((error as ApiCallError).code).toBe('validation.failed');
    expect((error as ApiCallError).fields).toEqual({ name: 'duplicate' });
  });

  it('reports a lost session only when the call was made while signed in', async () => {
    const lost = vi.fn();
    setApiTransport(fakeTransport({ ok: false, error: { code: 'auth.signInRequired' } }));
    configureApiClient({ getSessionToken: () => null, onSessionLost: lost });
    await expect(api.call('offices.list', {})).rejects.toBeInstanceOf(ApiCallError);
    expect(lost).not.toHaveBeenCalled();
    configureApiClient({ getSessionToken: () => 'old-session', onSessionLost: lost });
    await expect(api.call('offices.list', {})).rejects.toBeInstanceOf(ApiCallError);
    expect(lost).toHaveBeenCalledOnce();
  });

  it('turns a failing transport (e.g. broken IPC) into client.unreachable', async () => {
    setApiTransport(fakeTransport(new Error('ipc closed')));
    await expect(api.call('setup.status', {})).rejects.toMatchObject({ error: { code: 'client.unreachable' } });
  });
});

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('HTTP transport', () => {
  it('posts method and input with the access token and session headers', async () => {
    const fetchImpl = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => jsonResponse(200, { ok: true, value: 42 }));
    const transport = createHttpTransport('access', fetchImpl as typeof fetch);
    await expect(transport.call('staff.list', {}, 'session')).resolves.toEqual({ ok: true, value: 42 });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('/api/call');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({ authorization: 'Bearer access', 'x-samvakt-session': 'session' });
    expect(JSON.parse(String(init?.body))).toEqual({ method: 'staff.list', input: {} });
  });

  it('leaves out the session header when nobody is signed in', async () => {
    const fetchImpl = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => jsonResponse(200, { ok: true, value: null }));
    await createHttpTransport('access', fetchImpl as typeof fetch).call('setup.status', {}, null);
    expect(fetchImpl.mock.calls[0]![1]?.headers).not.toHaveProperty('x-samvakt-session');
  });

  it('passes backend refusals through as answers', async () => {
    const transport = createHttpTransport('a', (async () => jsonResponse(200, { ok: false, error: { code: 'auth.forbidden' } })) as typeof fetch);
    await expect(transport.call('users.list', {}, 's')).resolves.toEqual({ ok: false, error: { code: 'auth.forbidden' } });
  });

  it('maps a network failure, a refused access token and a garbled answer to client codes', async () => {
    const down = createHttpTransport('a', (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    await expect(down.call('setup.status', {}, null)).rejects.toMatchObject({ error: { code: 'client.unreachable' } });

    const refused = createHttpTransport('wrong', (async () => jsonResponse(401, { ok: false, error: { code: 'auth.signInRequired' } })) as typeof fetch);
    await expect(refused.call('setup.status', {}, null)).rejects.toMatchObject({ error: { code: 'client.accessDenied' } });

    const garbled = createHttpTransport('a', (async () => new Response('<html>', { status: 200 })) as typeof fetch);
    await expect(garbled.call('setup.status', {}, null)).rejects.toMatchObject({ error: { code: 'client.badResponse' } });
  });
});
