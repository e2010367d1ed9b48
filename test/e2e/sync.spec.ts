// End-to-end sync: a shared service and two offices (two harnesses) on 127.0.0.1; office A works offline, both book Dr. X on Tuesday, A reconnects, both see everything and the double booking.
import fs from 'node:fs';
import net from 'node:net';
import type { Page } from '@playwright/test';
import { utcMsToOslo } from '../../domain/calendar/oslo';
import { isoWeekIndex, isoWeekOf } from '../../domain/calendar/isoWeek';
import { createEnrolmentCode, startServerProcess } from '../helpers/sync-server-process';
import { expect, loadExampleData, newDataDir, signIn, startHarnessProcess, test } from './harness-fixture';
import type { HarnessProcess } from './harness-fixture';

/** ISO week 10 of 2027: Tuesday is 9 March; the example plan does not reach it. */
const WEEK = { year: 2027, week: 10 };
const TUESDAY = '2027-03-09';

/** A TCP relay in front of the service: closing it takes office A offline without touching office B. */
async function startRelay(targetPort: number) {
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

async function api<T = unknown>(harness: HarnessProcess, method: string, input: unknown, session?: string): Promise<T> {
  const response = await fetch(`${harness.origin}/api/call`, {
    method: 'POST',
    headers: { authorization: `Bearer ${harness.accessToken}`, 'content-type': 'application/json', ...(session ? { 'x-samvakt-session': session } : {}) },
    body: JSON.stringify({ method, input }),
  });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.value as T;
}

const signInApi = async (harness: HarnessProcess, username: string) =>
  (await api<{ sessionToken: string }>(harness, 'session.signIn', { username, password: 'demo-samvakt' })).sessionToken;

async function goToWeek(page: Page) {
  await page.getByRole('link', { name: 'Turnus' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Turnus' })).toBeFocused();
  const steps = isoWeekIndex(WEEK) - isoWeekIndex(isoWeekOf(utcMsToOslo(Date.now()).date));
  for (let step = 0; step < steps; step++) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { level: 2, name: /^Uke 10 ·/ })).toBeVisible();
}

test('two offices: A offline books Dr. X and logs consultations, B books Dr. X too; after A reconnects both see everything and the double booking', async ({ browser }) => {
  test.setTimeout(180_000);
  const serverDir = newDataDir();
  const server = await startServerProcess(serverDir);
  const relay = await startRelay(server.port);
  const dirA = newDataDir();
  const dirB = newDataDir();
  const officeA = await startHarnessProcess(dirA);
  const officeB = await startHarnessProcess(dirB);
  try {
    const pageA = await browser.newPage();
    const pageB = await browser.newPage();

    // Office A (Grong) starts the cooperation and connects through the relay from Innstillinger.
    await pageA.goto(officeA.url);
    await loadExampleData(pageA);
    await signIn(pageA, 'admin');
    await expect(pageA.getByRole('status', { name: 'Synkronisering' })).toContainText('Ikke koblet til felles tjeneste');
    await pageA.getByRole('link', { name: 'Innstillinger' }).click();
    await pageA.getByLabel('Adresse til tjenesten').fill(relay.url());
    await pageA.getByLabel('Innmeldingskode').fill(await createEnrolmentCode(serverDir, 'indre-namdal', 'Grong legekontor'));
    await pageA.getByRole('button', { name: 'Koble til' }).click();
    await expect(pageA.getByRole('status', { name: 'Synkronisering' })).toContainText('Alt er sendt', { timeout: 30_000 });
    await expect(pageA.getByRole('definition').filter({ hasText: 'Grong legekontor' })).toBeVisible();

    // Office B (Namsskogan) is a new computer: it joins from the first-run screen and downloads everything.
    await pageB.goto(officeB.url);
    await pageB.getByLabel('Adresse til tjenesten').fill(server.url);
    await pageB.getByLabel('Innmeldingskode').fill(await createEnrolmentCode(serverDir, 'indre-namdal', 'Namsskogan legekontor'));
    await pageB.getByRole('button', { name: 'Koble til' }).click();
    await expect(pageB.getByText('Samarbeid: Indre Namdal legesamarbeid (eksempel)')).toBeVisible({ timeout: 30_000 });
    await signIn(pageB, 'leder');
    await expect(pageB.getByRole('status', { name: 'Synkronisering' })).toContainText('Tilkoblet');

    const sessionA = await signInApi(officeA, 'leder');
    const nurseA = await signInApi(officeA, 'sykepleier');
    const sessionB = await signInApi(officeB, 'leder');
    const staff = await api<{ id: string; name: string }[]>(officeA, 'staff.list', {}, sessionA);
    const offices = await api<{ id: string; name: string }[]>(officeA, 'offices.list', {}, sessionA);
    const person = (name: string) => staff.find((member) => member.name === name)!.id;
    const office = (name: string) => offices.find((item) => item.name === name)!.id;
    expect(await api<unknown[]>(officeB, 'staff.list', {}, sessionB)).toHaveLength(staff.length);

    // A goes offline, books Dr. Ingrid Solbakk on Tuesday at Grong and logs two consultations.
    await relay.offline();
    await api(officeA, 'rota.createShift', { staffId: person('Ingrid Solbakk'), officeId: office('Grong legekontor'), date: TUESDAY, start: '08:00', end: '15:30', kind: 'clinic', note: null }, sessionA);
    const yesterday = utcMsToOslo(Date.now() - 86_400_000).date;
    type Listed = { total: number };
    const countOn = async (harness: HarnessProcess, session: string) => (await api<Listed>(harness, 'consultations.list', { fromDate: yesterday, toDate: yesterday }, session)).total;
    const before = await countOn(officeA, nurseA);
    for (const note of ['Halsvondt, rådgivning gitt (kontor A, uten nett)', 'Sårskift venstre legg (kontor A, uten nett)']) {
      await api(
        officeA,
        'consultations.create',
        { at: `${yesterday}T10:15`, officeId: office('Grong legekontor'), nurseId: person('Marte Kvernmo'), patient: { kind: 'none', birthYear: 1961, sex: 'female' }, contact: 'inPerson', icpc2Code: 'R74', outcome: 'resolvedByNurse', note },
        nurseA,
      );
    }
    await pageA.getByRole('status', { name: 'Synkronisering' }).getByRole('button', { name: 'Synkroniser nå' }).click();
    const lineA = pageA.getByRole('status', { name: 'Synkronisering' });
    await expect(lineA).toContainText('Uten nett');
    await expect(lineA).toContainText(/\d+ endringer venter/);
    await expect(lineA).toContainText('Fikk ikke kontakt med felles tjeneste');

    // Meanwhile B books the same doctor on the same Tuesday at Namsskogan and syncs.
    await api(officeB, 'rota.createShift', { staffId: person('Ingrid Solbakk'), officeId: office('Namsskogan legekontor'), date: TUESDAY, start: '12:00', end: '15:30', kind: 'clinic', note: null }, sessionB);
    await pageB.getByRole('status', { name: 'Synkronisering' }).getByRole('button', { name: 'Synkroniser nå' }).click();
    await expect(pageB.getByRole('status', { name: 'Synkronisering' })).toContainText('Alt er sendt');

    // A reconnects: its changes go out, B's come in; then B catches up.
    await relay.online();
    await pageA.getByRole('status', { name: 'Synkronisering' }).getByRole('button', { name: 'Synkroniser nå' }).click();
    await expect(lineA).toContainText('Tilkoblet');
    await expect(lineA).toContainText('Alt er sendt');
    await pageB.getByRole('status', { name: 'Synkronisering' }).getByRole('button', { name: 'Synkroniser nå' }).click();
    await expect(pageB.getByRole('status', { name: 'Synkronisering' })).toContainText('Tilkoblet');

    // Both offices keep both bookings, and the rota rules warn about the double booking on both.
    const doubleBooking = /Ingrid Solbakk tirsdag 09\.03\.: står på .* samtidig\. Flytt eller fjern en av vaktene\./;
    for (const page of [pageA, pageB]) {
      await goToWeek(page);
      await expect(page.getByText(doubleBooking).first()).toBeVisible();
    }

    // B sees A's consultations, logged while A was offline.
    const nurseB = await signInApi(officeB, 'sykepleier');
    expect(await countOn(officeA, nurseA)).toBe(before + 2);
    expect(await countOn(officeB, nurseB)).toBe(before + 2);
  } finally {
    await officeA.stop();
    await officeB.stop();
    await relay.offline();
    await server.stop();
    for (const dir of [serverDir, dirA, dirB]) fs.rmSync(dir, { recursive: true, force: true });
  }
});
