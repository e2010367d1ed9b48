// Tests the backend host: queueing until ready, relaying replies and events, restart after a crash, giving up, stopping.
import { describe, expect, it } from 'vitest';
import type { BackendEvent } from '../backend/api-types';
import { createBackendHost, GAVE_UP_MESSAGE } from './backend-host';
import type { BackendHostOptions } from './backend-host';
import type { RequestMessage } from './protocol';
import { FakeChild } from './testing/fakes';

function setup(overrides: Partial<BackendHostOptions> = {}) {
  const children: FakeChild[] = [];
  const events: BackendEvent[] = [];
  const fatals: string[] = [];
  const logs: string[] = [];
  let clock = 0;
  const host = createBackendHost({
    fork: () => {
      const child = new FakeChild();
      children.push(child);
      return child;
    },
    onEvent: (event) => events.push(event),
    onFatal: (message) => fatals.push(message),
    log: (message) => logs.push(message),
    now: () => clock,
    ...overrides,
  });
  host.start();
  return {
    host,
    children,
    events,
    fatals,
    logs,
    latest: () => children.at(-1)!,
    advance: (ms: number) => (clock += ms),
  };
}

const request = { method: 'setup.status', input: {}, sessionToken: null };
const requests = (child: FakeChild) => child.sent.filter((message): message is RequestMessage => 'method' in message);
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('backend host', () => {
  it('holds calls until the process is ready, then relays them and resolves with the reply', async () => {
    const { host, latest } = setup();
    const pending = host.call({ ...request, sessionToken: 'tok' });
    expect(requests(latest())).toEqual([]);
    latest().reply({ ready: true });
    const [sent] = requests(latest());
    expect(sent).toMatchObject({ method: 'setup.status', input: {}, sessionToken: 'tok' });
    latest().reply({ id: sent!.id, response: { ok: true, value: 'svar' } });
    await expect(pending).resolves.toEqual({ ok: true, value: 'svar' });
  });

  it('matches replies to calls by id, whatever their order', async () => {
    const { host, latest } = setup();
    latest().reply({ ready: true });
    const first = host.call({ ...request, input: { n: 1 } });
    const second = host.call({ ...request, input: { n: 2 } });
    const [a, b] = requests(latest());
    expect(a!.id).not.toBe(b!.id);
    latest().reply({ id: b!.id, response: { ok: true, value: 2 } });
    latest().reply({ id: a!.id, response: { ok: true, value: 1 } });
    await expect(first).resolves.toEqual({ ok: true, value: 1 });
    await expect(second).resolves.toEqual({ ok: true, value: 2 });
  });

  it('passes backend events on and ignores malformed messages', () => {
    const { latest, events, logs } = setup();
    latest().reply({ event: { type: 'data.changed', area: 'rota' } });
    latest().reply({ nonsense: true });
    expect(events).toEqual([{ type: 'data.changed', area: 'rota' }]);
    expect(logs.some((line) => line.includes('unexpected message'))).toBe(true);
  });

  it('fails pending calls with internal and restarts after an unexpected exit', async () => {
    const { host, children, latest, fatals } = setup();
    latest().reply({ ready: true });
    const inFlight = host.call(request);
    const first = latest();
    first.exit(3);
    await expect(inFlight).resolves.toEqual({ ok: false, error: { code: 'internal' } });
    expect(children).toHaveLength(2);
    expect(host.generation).toBe(2);
    expect(fatals).toEqual([]);

    // The new process serves calls; the old one is no longer listened to.
    const next = host.call(request);
    latest().reply({ ready: true });
    const [sent] = requests(latest());
    first.reply({ id: sent!.id, response: { ok: true, value: 'from the dead process' } });
    latest().reply({ id: sent!.id, response: { ok: true, value: 'from the new process' } });
    await expect(next).resolves.toEqual({ ok: true, value: 'from the new process' });
  });

  it('also fails calls that were still waiting for the process to become ready', async () => {
    const { host, latest } = setup();
    const queued = host.call(request);
    latest().exit(1);
    await expect(queued).resolves.toEqual({ ok: false, error: { code: 'internal' } });
    latest().reply({ ready: true });
    await tick();
    expect(requests(latest())).toEqual([]); // the failed call is not sent again
  });

  it('gives up after too many crashes in a short time, with a Norwegian message', async () => {
    const { host, children, latest, fatals, advance } = setup({ maxRestarts: 2, restartWindowMs: 60_000 });
    latest().exit(1);
    advance(1_000);
    latest().exit(1);
    expect(children).toHaveLength(3);
    advance(1_000);
    latest().exit(1);
    expect(children).toHaveLength(3);
    expect(fatals).toEqual([GAVE_UP_MESSAGE]);
    await expect(host.call(request)).resolves.toEqual({ ok: false, error: { code: 'internal' } });
  });

  it('keeps restarting when crashes are far apart', () => {
    const { children, latest, fatals, advance } = setup({ maxRestarts: 1, restartWindowMs: 10_000 });
    for (let i = 0; i < 4; i++) {
      latest().exit(1);
      advance(20_000);
    }
    expect(children).toHaveLength(5);
    expect(fatals).toEqual([]);
  });

  it('reports a fatal message once and does not restart when that process exits', async () => {
    const { host, children, latest, fatals } = setup();
    const queued = host.call(request);
    latest().reply({ fatal: 'Databasen er laget av en nyere versjon av Samvakt.' });
    await expect(queued).resolves.toEqual({ ok: false, error: { code: 'internal' } });
    latest().exit(1);
    expect(children).toHaveLength(1);
    expect(fatals).toEqual(['Databasen er laget av en nyere versjon av Samvakt.']);
  });

  it('stops cleanly: asks for shutdown, resolves on exit, does not restart', async () => {
    const { host, children, latest } = setup();
    latest().reply({ ready: true });
    const stopped = host.stop();
    expect(latest().sent.at(-1)).toEqual({ shutdown: true });
    latest().exit(0);
    await stopped;
    expect(children).toHaveLength(1);
    await expect(host.call(request)).resolves.toEqual({ ok: false, error: { code: 'internal' } });
  });

  it('kills a process that does not exit after the shutdown request', async () => {
    const { host, latest } = setup({ shutdownTimeoutMs: 10 });
    const child = latest();
    child.kill = () => {
      child.killed = true;
      setImmediate(() => child.exit(1));
      return true;
    };
    await host.stop();
    expect(child.killed).toBe(true);
  });
});
