// End-to-end (issue 15) with the shared service and two offices: a nurse at office B asks for an open shift, the lead approves it at office A after sync, and the nurse sees the answer in her inbox.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { addDays } from '../../domain/calendar/dates';
import { utcMsToOslo } from '../../domain/calendar/oslo';
import { createEnrolmentCode, startServerProcess } from '../helpers/sync-server-process';
import { expect, loadExampleData, newDataDir, signIn, startHarnessProcess, test } from './harness-fixture';
import { api, enrolWithExampleData, expectNoSeriousA11yViolations, signInApi } from './sync-helpers';

async function syncNow(page: Page) {
  const line = page.getByRole('status', { name: 'Synkronisering' });
  await line.getByRole('button', { name: 'Synkroniser nå' }).click();
  await expect(line).toContainText('Alt er sendt', { timeout: 30_000 });
}

async function switchUser(page: Page, username: string) {
  await page.getByRole('button', { name: 'Logg ut / bytt bruker' }).click();
  await signIn(page, username);
}

test('a nurse at office B asks for an open shift; the lead approves it at office A after sync; the nurse sees the answer', async ({ browser }) => {
  test.setTimeout(180_000);
  const serverDir = newDataDir();
  const server = await startServerProcess(serverDir);
  const dirA = newDataDir();
  const dirB = newDataDir();
  const officeA = await startHarnessProcess(dirA);
  const officeB = await startHarnessProcess(dirB);
  try {
    const pageA = await (await browser.newContext()).newPage();
    const pageB = await (await browser.newContext()).newPage();

    // Office A (Grong) starts the cooperation; office B (Namsskogan) joins and downloads everything.
    await pageA.goto(officeA.url);
    await loadExampleData(pageA);
    await signIn(pageA, 'admin');
    await enrolWithExampleData(pageA, server.url, await createEnrolmentCode(serverDir, 'indre-namdal', 'Grong legekontor'));
    await pageB.goto(officeB.url);
    await pageB.getByLabel('Adresse til tjenesten').fill(server.url);
    await pageB.getByLabel('Innmeldingskode').fill(await createEnrolmentCode(serverDir, 'indre-namdal', 'Namsskogan legekontor'));
    await pageB.getByRole('button', { name: 'Koble til' }).click();
    await expect(pageB.getByText('Samarbeid: Indre Namdal legesamarbeid (eksempel)')).toBeVisible({ timeout: 30_000 });
    await signIn(pageB, 'sykepleier');

    // The lead at A publishes an evening open shift at Grong for a nurse.
    const leadA = await signInApi(officeA, 'leder');
    const offices = await api<{ id: string; name: string }[]>(officeA, 'offices.list', {}, leadA);
    const date = addDays(utcMsToOslo(Date.now()).date, 9);
    const grong = offices.find((office) => office.name === 'Grong legekontor')!.id;
    await api(officeA, 'requests.publishOpenShift', { officeId: grong, date, start: '18:00', end: '22:00', kind: 'clinic', profession: 'nurse', requiredCompetenceTypeIds: [], note: null }, leadA);
    await syncNow(pageA);

    // At B the nurse gets it after sync and asks for it; her answer waits in B's outbox until B syncs.
    await syncNow(pageB);
    await pageB.getByRole('link', { name: /^Innboks/ }).click();
    const available = pageB.locator('.inbox-line', { hasText: 'Ledig vakt ved Grong legekontor' });
    await expect(available).toContainText('18:00–22:00');
    await expectNoSeriousA11yViolations(pageB, 'Innboks (sykepleier, kontor B)');
    await available.getByRole('button', { name: 'Be om vakten' }).click();
    await expect(pageB.getByText('Lagret. Svaret når de andre ved neste synkronisering.')).toBeVisible();
    await syncNow(pageB);

    // At A, after sync, the lead signs in: the inbox opens with the request, and she approves it.
    await syncNow(pageA);
    await switchUser(pageA, 'leder');
    await expect(pageA.getByRole('heading', { level: 1, name: 'Innboks' })).toBeVisible();
    const asked = pageA.locator('.inbox-line', { hasText: 'Marte Kvernmo ber om den ledige vakten ved Grong legekontor' });
    await asked.getByRole('button', { name: 'Godkjenn' }).click();
    const decide = pageA.getByRole('dialog', { name: 'Godkjenne?' });
    await expect(decide.getByRole('heading', { name: 'Varsler godkjenningen gir' })).toBeVisible();
    await decide.getByRole('button', { name: /^Godkjenn/ }).click();
    await expect(pageA.getByText('Godkjent.')).toBeVisible();
    await syncNow(pageA);

    // At B the nurse sees the answer once B has synced, and the shift is hers in B's rota.
    await syncNow(pageB);
    await expect(pageB.locator('.inbox-line', { hasText: 'Du fikk den ledige vakten ved Grong legekontor' })).toBeVisible();
    const nurseB = await signInApi(officeB, 'sykepleier');
    const mine = await api<{ shifts: { date: string; start: string; officeId: string }[] }>(officeB, 'requests.myShifts', {}, nurseB);
    expect(mine.shifts).toContainEqual(expect.objectContaining({ date, start: '18:00', officeId: grong }));
  } finally {
    await officeA.stop();
    await officeB.stop();
    await server.stop();
    for (const dir of [serverDir, dirA, dirB]) fs.rmSync(dir, { recursive: true, force: true });
  }
});
