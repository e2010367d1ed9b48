// Tests for the backend dispatcher: sessions, role checks, validation and the example dataset, over a real store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempStore } from '../test/helpers/temp-store';
import { createBackend } from './api';
import { createLocalOnlySync } from './jobs/background-sync';
import type { Backend } from './api';
import { EXAMPLE_PASSWORD } from './demo-data/indre-namdal';

let store: ReturnType<typeof openTempStore>;
let backend: Backend;

beforeEach(() => {
  store = openTempStore();
  backend = createBackend({ store, sync: createLocalOnlySync(store) });
});
afterEach(() => store.close());

async function signIn(username: string): Promise<string> {
  const result = await backend.call({ method: 'session.signIn', input: { username, password: EXAMPLE_PASSWORD }, sessionToken: null });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.value as { sessionToken: string }).sessionToken;
}

describe('backend dispatch', () => {
  it('reports first run, then loads the example dataset once', async () => {
    const before = await backend.call({ method: 'setup.status', input: {}, sessionToken: null });
    expect(before).toMatchObject({ ok: true, value: { needsSetup: true } });
    expect(await backend.call({ method: 'setup.loadExample', input: {}, sessionToken: null })).toMatchObject({ ok: true });
    const after = await backend.call({ method: 'setup.status', input: {}, sessionToken: null });
    expect(after).toMatchObject({ ok: true, value: { needsSetup: false, exampleData: true } });
    expect(await backend.call({ method: 'setup.loadExample', input: {}, sessionToken: null })).toEqual({
      ok: false,
      error: { code: 'setup.alreadyDone' },
    });
  });

  it('signs in, refuses wrong passwords the same way as unknown users, and signs out', async () => {
    await backend.call({ method: 'setup.loadExample', input: {}, sessionToken: null });
    const wrong = await backend.call({ method: 'session.signIn', input: { username: 'admin', password: 'nope-nope' }, sessionToken: null });
    const unknown = await backend.call({ method: 'session.signIn', input: { username: 'ghost', password: 'nope-nope' }, sessionToken: null });
    expect(wrong).toEqual({ ok: false, error: { code: 'auth.invalidCredentials' } });
    expect(unknown).toEqual(wrong);
    const token = await signIn('ADMIN');
    expect(await backend.call({ method: 'session.current', input: {}, sessionToken: token })).toMatchObject({
      ok: true,
      value: { username: 'admin', roles: ['admin'] },
    });
    await backend.call({ method: 'session.signOut', input: {}, sessionToken: token });
    expect(await backend.call({ method: 'offices.list', input: {}, sessionToken: token })).toEqual({
      ok: false,
      error: { code: 'auth.signInRequired' },
    });
  });

  it('rejects unknown methods', async () => {
    expect(await backend.call({ method: 'nope.nothing', input: {}, sessionToken: null })).toMatchObject({
      ok: false,
      error: { code: 'api.unknownMethod' },
    });
  });
});

describe('change events', () => {
  it('tells listeners which area changed after a successful write, and stays quiet on reads and failures', async () => {
    const events: unknown[] = [];
    backend.onEvent((event) => events.push(event));
    await backend.call({ method: 'setup.loadExample', input: {}, sessionToken: null });
    expect(events).toEqual([{ type: 'data.changed', area: 'setup' }]);
    const token = await signIn('admin');
    events.length = 0;
    await backend.call({ method: 'offices.list', input: {}, sessionToken: token });
    await backend.call({ method: 'offices.create', input: { name: '' }, sessionToken: token });
    expect(events).toEqual([]);
    const staff = await backend.call({ method: 'staff.list', input: {}, sessionToken: token });
    const member = (staff as { value: Record<string, unknown>[] }).value[0]!;
    const { id, ...values } = member;
    await backend.call({ method: 'staff.update', input: { ...values, id }, sessionToken: token });
    expect(events).toEqual([{ type: 'data.changed', area: 'staff' }]);
  });
});
