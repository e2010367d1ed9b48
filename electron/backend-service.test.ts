// Tests the backend process's service: ready, replies, events, shutdown, and the fatal report when the store cannot open.
import { afterEach, describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import fs from 'node:fs';
import { DATABASE_FILE_NAME, openLocalStore } from '../db/open';
import { openTempStore, tempDir } from '../test/helpers/temp-store';
import { describeOpenError, runBackendService } from './backend-service';
import type { ParentPortLike } from './backend-service';
import type { FromBackendMessage } from './protocol';

function fakePort() {
  const posted: FromBackendMessage[] = [];
  const listeners: ((messageEvent: { data: unknown }) => void)[] = [];
  const port: ParentPortLike = {
    on: (_event, listener) => listeners.push(listener),
    postMessage: (message) => posted.push(structuredClone(message)),
  };
  const send = (data: unknown) => listeners.forEach((listener) => listener({ data: structuredClone(data) }));
  return { port, posted, send };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

describe('backend service', () => {
  it('announces ready, answers calls by id, and forwards events', async () => {
    const store = openTempStore();
    cleanups.push(() => store.close());
    const { port, posted, send } = fakePort();
    runBackendService({ port, dataDir: store.dataDir, openStore: () => store, exit: () => undefined });
    expect(posted).toEqual([{ ready: true }]);

    send({ id: 7, method: 'setup.status', input: {}, sessionToken: null });
    send({ id: 8, method: 'no.such', input: {}, sessionToken: null });
    await settle();
    expect(posted).toContainEqual({ id: 7, response: { ok: true, value: expect.objectContaining({ needsSetup: true }) } });
    expect(posted).toContainEqual({ id: 8, response: { ok: false, error: { code: 'api.unknownMethod', params: { method: 'no.such' } } } });

    send({
      id: 9,
      method: 'setup.createCooperation',
      input: { cooperationName: 'Legekontoret', adminName: 'Ola', username: 'ola', password: 'et-langt-passord-123' },
      sessionToken: null,
    });
    await vi.waitFor(() => expect(posted).toContainEqual({ id: 9, response: expect.objectContaining({ ok: true }) }), { timeout: 10_000 });
    expect(posted).toContainEqual({ event: { type: 'data.changed', area: 'setup' } });
  });

  it('ignores malformed messages', async () => {
    const store = openTempStore();
    cleanups.push(() => store.close());
    const { port, posted, send } = fakePort();
    runBackendService({ port, dataDir: store.dataDir, openStore: () => store, exit: () => undefined, log: () => undefined });
    send({ id: 'x', method: 'setup.status' });
    send('setup.status');
    await settle();
    expect(posted).toEqual([{ ready: true }]);
  });

  it('closes the store and exits 0 on shutdown', () => {
    const dataDir = tempDir();
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const store = openLocalStore({ dataDir });
    const exits: number[] = [];
    const { port, send } = fakePort();
    runBackendService({ port, dataDir, openStore: () => store, exit: (code) => exits.push(code) });
    send({ shutdown: true });
    expect(exits).toEqual([0]);
    expect(store.db.open).toBe(false);
  });

  it('reports a database written by a newer Samvakt as fatal, in Norwegian, and refuses calls', async () => {
    const dataDir = tempDir();
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const db = new Database(path.join(dataDir, DATABASE_FILE_NAME));
    db.pragma('user_version = 999');
    db.close();

    const { port, posted, send } = fakePort();
    const exits: number[] = [];
    runBackendService({ port, dataDir, openStore: () => openLocalStore({ dataDir }), exit: (code) => exits.push(code), log: () => undefined });
    expect(posted).toHaveLength(1);
    const fatal = posted[0] as { fatal: string };
    expect(fatal.fatal).toContain('nyere versjon av Samvakt');
    expect(fatal.fatal).toContain('999');

    send({ id: 1, method: 'setup.status', input: {}, sessionToken: null });
    expect(posted[1]).toEqual({ id: 1, response: { ok: false, error: { code: 'internal' } } });
    send({ shutdown: true });
    expect(exits).toEqual([1]);
  });

  it('describes other open errors in Norwegian with the data folder and the technical detail', () => {
    const message = describeOpenError(new Error('SQLITE_CANTOPEN'), '/home/kari/.config/Samvakt/data');
    expect(message).toContain('klarte ikke å åpne databasen i /home/kari/.config/Samvakt/data');
    expect(message).toContain('SQLITE_CANTOPEN');
  });
});
