// Shared steps of the multi-office end-to-end tests: a relay that takes an office offline, backend calls over HTTP, enrolling with example data, and an accessibility check.
import net from 'node:net';
import type { Page } from '@playwright/test';
import { expect } from './harness-fixture';
import type { HarnessProcess } from './harness-fixture';

/** A TCP relay in front of the service: closing it takes office A offline without touching office B. */
export async function startRelay(targetPort: number) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(targetPort, '127.0.0.1');
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  await listen();
  return {
    url: () => `http://127.0.0.1:${port}`,
    offline: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server?.close(() => resolve());
      }),
    online: listen,
  };
}

export async function api<T = unknown>(harness: HarnessProcess, method: string, input: unknown, session?: string): Promise<T> {
  const response = await fetch(`${harness.origin}/api/call`, {
    method: 'POST',
    headers: { authorization: `Bearer ${harness.accessToken}`, 'content-type': 'application/json', ...(session ? { 'x-samvakt-session': session } : {}) },
    body: JSON.stringify({ method, input }),
  });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.value as T;
}

export const signInApi = async (harness: HarnessProcess, username: string) =>
  (await api<{ sessionToken: string }>(harness, 'session.signIn', { username, password: 'demo-samvakt' })).sessionToken;

export { expectNoSeriousA11yViolations } from './harness-fixture';

/** An admin on a computer with the example data connects it from Innstillinger, confirming that its data is merged. */
export async function enrolWithExampleData(page: Page, serverUrl: string, code: string) {
  await page.getByRole('link', { name: 'Innstillinger' }).click();
  await page.getByLabel('Adresse til tjenesten').fill(serverUrl);
  await page.getByLabel('Innmeldingskode').fill(code);
  await expect(page.getByText('Denne maskinen har egne data')).toBeVisible();
  await expect(page.getByText(/Her er det lagt inn 4 kontorer, \d+ ansatte og \d+ brukere\. Når du kobler til, sendes alle dataene/)).toBeVisible();
  // Without the confirmation nothing is sent.
  await page.getByRole('button', { name: 'Koble til' }).click();
  await expect(page.getByText('Kryss av for at du har forstått dette før du kobler til.')).toBeVisible();
  await expect(page.getByRole('status', { name: 'Synkronisering' })).toContainText('Ikke koblet til felles tjeneste');
  await page.getByLabel('Jeg forstår at dataene på denne maskinen sendes til fellestjenesten').check();
  await page.getByRole('button', { name: 'Koble til' }).click();
  await expect(page.getByRole('status', { name: 'Synkronisering' })).toContainText('Alt er sendt', { timeout: 30_000 });
}
