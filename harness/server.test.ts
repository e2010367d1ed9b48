// Tests for the browser harness: token check, the call endpoint, events and static files, over real HTTP on 127.0.0.1.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../backend/api';
import { createLocalOnlySync } from '../backend/jobs/background-sync';
import { openTempStore, tempDir } from '../test/helpers/temp-store';
import { startHarness } from './server';
import type { RunningHarness } from './server';

let store: ReturnType<typeof openTempStore>;
let harness: RunningHarness;
let staticDir: string;

beforeEach(async () => {
  store = openTempStore();
  staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Samvakt</title>');
  harness = await startHarness({ backend: createBackend({ store, sync: createLocalOnlySync(store) }), staticDir, port: 0 });
});
afterEach(async () => {
  await harness.close();
  store.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${harness.port}`;
function post(body: unknown, token: string | null = harness.accessToken) {
  return fetch(`${base()}/api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('browser harness', () => {
  it('prints a loopback URL that carries a random token', () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
  });

  it('answers 401 to API requests without the right token', async () => {
    expect((await post({ method: 'setup.status', input: {} }, null)).status).toBe(401);
    expect((await post({ method: 'setup.status', input: {} }, 'wrong-token')).status).toBe(401);
    expect((await fetch(`${base()}/api/events`)).status).toBe(401);
  });

  it('runs calls through the backend with the token', async () => {
    const response = await post({ method: 'setup.status', input: {} });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { needsSetup: true } });
  });

  it('answers malformed requests with 400 and a JSON error', async () => {
    const response = await post('{not json');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: { code: 'validation.failed' } });
    expect((await post({ nothing: true })).status).toBe(400);
  });

  it('serves the UI with the strict content security policy, and never files outside it', async () => {
    const page = await fetch(`${base()}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>Samvakt</title>');
    const escape = await fetch(`${base()}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toContain('root:');
  });

  it('streams backend events to subscribers', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${base()}/api/events?token=${harness.accessToken}`, { signal: controller.signal });
    const reader = stream.body!.getReader();
    await reader.read(); // the ': connected' comment
    await post({ method: 'setup.loadExample', input: {} });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('"type":"data.changed"');
    controller.abort();
  });
});
