// End-to-end sync: a shared service and two offices (two harnesses) on 127.0.0.1; offline work and a double booking, and an admin managing the cooperation's computers.
import fs from 'node:fs';
import os from 'node:os';
import type { Page } from '@playwright/test';
import { utcMsToOslo } from '../../domain/calendar/oslo';
import { isoWeekIndex, isoWeekOf } from '../../domain/calendar/isoWeek';
import { createEnrolmentCode, startServerProcess } from '../helpers/sync-server-process';
import { expect, loadExampleData, newDataDir, signIn, startHarnessProcess, test } from './harness-fixture';
import type { HarnessProcess } from './harness-fixture';
import { api, enrolWithExampleData, expectNoSeriousA11yViolations, signInApi, startRelay } from './sync-helpers';

/** ISO week 10 of 2027: Tuesday is 9 March; the example plan does not reach it. */
const WEEK = { year: 2027, week: 10 };
const TUESDAY = '2027-03-09';

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
    await enrolWithExampleData(pageA, relay.url(), await createEnrolmentCode(serverDir, 'indre-namdal', 'Grong legekontor'));
    await expect(pageA.getByRole('definition').filter({ hasText: 'Grong legekontor' })).toBeVisible();
    // The header names the office the computer was enrolled for (issue 16, B5).
    await expect(pageA.getByRole('banner')).toContainText('Denne maskinen: Grong legekontor');

    // Office B (Namsskogan) is a new computer: it joins from the first-run screen and downloads everything.
    await pageB.goto(officeB.url);
    await pageB.getByLabel('Adresse til tjenesten').fill(server.url);
    await pageB.getByLabel('Innmeldingskode').fill(await createEnrolmentCode(serverDir, 'indre-namdal', 'Namsskogan legekontor'));
    await pageB.getByRole('button', { name: 'Koble til' }).click();
    await expect(pageB.getByText('Samarbeid: Indre Namdal legesamarbeid (eksempel)')).toBeVisible({ timeout: 30_000 });
    await signIn(pageB, 'leder');
    await expect(pageB.getByRole('status', { name: 'Synkronisering' })).toContainText('Tilkoblet');
    await expect(pageB.getByRole('banner')).toContainText('Denne maskinen: Namsskogan legekontor');

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
    const nurseB = await signInApi(officeB, 'sykepleier');
    const beforeB = await countOn(officeB, nurseB);
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

    // A's consultations, logged while A was offline, reached the service; B serves Namsskogan only and does not get
    // Grong's patient data (issue 14, scopes).
    expect(await countOn(officeA, nurseA)).toBe(before + 2);
    expect(await countOn(officeB, nurseB)).toBe(beforeB);
  } finally {
    await officeA.stop();
    await officeB.stop();
    await relay.offline();
    await server.stop();
    for (const dir of [serverDir, dirA, dirB]) fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an admin makes an enrolment code in the app, a new computer joins with it, and the admin revokes it: the revoked computer stops', async ({ browser }) => {
  test.setTimeout(180_000);
  const serverDir = newDataDir();
  const server = await startServerProcess(serverDir);
  const dirA = newDataDir();
  const dirB = newDataDir();
  const officeA = await startHarnessProcess(dirA);
  const officeB = await startHarnessProcess(dirB);
  // Own contexts: axe needs them, and the admin's clipboard is separate from the other office's.
  const contextA = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const contextB = await browser.newContext();
  try {
    const pageA = await contextA.newPage();
    const pageB = await contextB.newPage();
    await pageA.goto(officeA.url);
    await loadExampleData(pageA);
    await signIn(pageA, 'admin');
    await enrolWithExampleData(pageA, server.url, await createEnrolmentCode(serverDir, 'indre-namdal', 'Grong legekontor'));

    // The admin's computer is the only one so far, marked as this computer and without a revoke button.
    const devices = pageA.getByRole('region', { name: 'Maskiner i samarbeidet' });
    const table = devices.getByRole('table', { name: 'Maskiner i samarbeidet' });
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table.getByRole('row').nth(1)).toContainText('denne maskinen');
    await expect(table.getByRole('row').nth(1)).toContainText('Grong legekontor');
    await expect(table.getByRole('row').nth(1)).toContainText('Aktiv');
    await expect(table.getByRole('button', { name: /Tilbakekall/ })).toHaveCount(0);

    // A code for Namsskogan: at least one office must be ticked first (focus goes to the first box).
    await devices.getByRole('button', { name: 'Lag kode' }).click();
    await expect(devices.getByText('Kryss av for minst ett kontor maskinen skal betjene.')).toBeVisible();
    await expect(devices.getByRole('checkbox', { name: 'Grong legekontor' })).toBeFocused();
    await devices.getByRole('checkbox', { name: 'Namsskogan legekontor' }).check();
    await devices.getByRole('combobox', { name: 'Gyldig i' }).selectOption({ label: '1 døgn' });
    await devices.getByRole('button', { name: 'Lag kode' }).click();
    const codeBox = devices.getByRole('group', { name: 'Innmeldingskode for Namsskogan legekontor' });
    await expect(codeBox).toBeFocused();
    await expect(codeBox).toContainText(/Gyldig til \d+\.\d+\.\d{4} \d\d:\d\d\. Kan brukes én gang\./);
    const code = (await codeBox.getByTestId('enrolment-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await codeBox.getByRole('button', { name: 'Kopier koden' }).click();
    await expect(codeBox.getByRole('status')).toHaveText('Koden er kopiert.');
    expect(await pageA.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await expectNoSeriousA11yViolations(pageA, 'Innstillinger › Maskiner i samarbeidet');

    // A new computer joins with that code from the first-run screen.
    await pageB.goto(officeB.url);
    await pageB.getByLabel('Adresse til tjenesten').fill(server.url);
    await pageB.getByLabel('Innmeldingskode').fill(code);
    await pageB.getByRole('button', { name: 'Koble til' }).click();
    await expect(pageB.getByText('Samarbeid: Indre Namdal legesamarbeid (eksempel)')).toBeVisible({ timeout: 30_000 });
    await signIn(pageB, 'leder');
    const lineB = pageB.getByRole('status', { name: 'Synkronisering' });
    await expect(lineB).toContainText('Tilkoblet');

    // The admin sees it (Namsskogan, active) after refreshing the list.
    await devices.getByRole('button', { name: 'Oppdater listen' }).click();
    await expect(table.getByRole('row')).toHaveCount(3);
    const rowB = table.getByRole('row').filter({ hasText: 'Namsskogan legekontor' }).filter({ hasNotText: 'denne maskinen' });
    await expect(rowB).toContainText('Aktiv');
    // Devices are named after the computer (both harnesses run on this one).
    const host = os.hostname();
    const revokeB = rowB.getByRole('button', { name: `Tilbakekall ${host} (Namsskogan legekontor)` });

    // Esc cancels the confirmation and nothing changes.
    await revokeB.focus();
    await pageA.keyboard.press('Enter');
    const dialog = pageA.getByRole('dialog', { name: `Tilbakekalle ${host}?` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Namsskogan legekontor får ikke hente eller sende data');
    await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused();
    await expectNoSeriousA11yViolations(pageA, 'Tilbakekall-dialogen');
    await pageA.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(rowB).toContainText('Aktiv');

    // From the keyboard again, this time confirmed.
    await revokeB.focus();
    await pageA.keyboard.press('Enter');
    await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused();
    await pageA.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('button', { name: 'Ja, tilbakekall' })).toBeFocused();
    await pageA.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(devices.getByText(`${host} er tilbakekalt.`)).toBeFocused();
    await expect(rowB).toContainText(/Tilbakekalt \d+\.\d+\.\d{4}/);
    await expect(rowB.getByRole('button')).toHaveCount(0);

    // The revoked computer stops at its next sync and says why in the status line.
    await lineB.getByRole('button', { name: 'Synkroniser nå' }).click();
    await expect(lineB).toContainText('Synkronisering stoppet');
    await expect(lineB).toContainText('Denne maskinen er fjernet fra felles tjeneste av en administrator');
    // The admin's own computer keeps syncing.
    await pageA.getByRole('status', { name: 'Synkronisering' }).getByRole('button', { name: 'Synkroniser nå' }).click();
    await expect(pageA.getByRole('status', { name: 'Synkronisering' })).toContainText('Tilkoblet');
    await expectNoSeriousA11yViolations(pageA, 'Innstillinger etter tilbakekalling');
  } finally {
    await contextA.close();
    await contextB.close();
    await officeA.stop();
    await officeB.stop();
    await server.stop();
    for (const dir of [serverDir, dirA, dirB]) fs.rmSync(dir, { recursive: true, force: true });
  }
});
