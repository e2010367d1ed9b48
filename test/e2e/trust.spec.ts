// End-to-end trust: an account an admin creates at office A reaches office B signed, and its user signs in at B while B is offline; both offices show the same root fingerprint.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { createEnrolmentCode, startServerProcess } from '../helpers/sync-server-process';
import { expect, loadExampleData, newDataDir, signIn, startHarnessProcess, test } from './harness-fixture';
import { api, enrolWithExampleData, signInApi, startRelay } from './sync-helpers';

const FINGERPRINT = /^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/;

async function fingerprintOn(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Innstillinger' }).click();
  const section = page.getByRole('region', { name: 'Tillit og signering' });
  const shown = section.getByTestId('root-fingerprint');
  await expect(shown).toHaveText(FINGERPRINT);
  return (await shown.textContent())!.trim();
}

test('a user created at office A signs in at office B while B is offline, and both show the same fingerprint', async ({ browser }) => {
  test.setTimeout(180_000);
  const serverDir = newDataDir();
  const server = await startServerProcess(serverDir);
  const relayB = await startRelay(server.port);
  const dirA = newDataDir();
  const dirB = newDataDir();
  const officeA = await startHarnessProcess(dirA);
  const officeB = await startHarnessProcess(dirB);
  try {
    const pageA = await browser.newPage();
    const pageB = await browser.newPage();
    await pageA.goto(officeA.url);
    await loadExampleData(pageA);
    await signIn(pageA, 'admin');
    await enrolWithExampleData(pageA, server.url, await createEnrolmentCode(serverDir, 'indre-namdal', 'Grong legekontor'));

    // Office B joins through a relay, so it can be taken offline on its own.
    await pageB.goto(officeB.url);
    await pageB.getByLabel('Adresse til tjenesten').fill(relayB.url());
    await pageB.getByLabel('Innmeldingskode').fill(await createEnrolmentCode(serverDir, 'indre-namdal', 'Namsskogan legekontor'));
    await pageB.getByRole('button', { name: 'Koble til' }).click();
    await expect(pageB.getByText('Samarbeid: Indre Namdal legesamarbeid (eksempel)')).toBeVisible({ timeout: 30_000 });

    // The admin at A creates a new nurse with an account, and A sends it.
    const adminA = await signInApi(officeA, 'admin');
    const staff = await api<{ id: string }>(
      officeA,
      'staff.create',
      { name: 'Sigrid Brattli', profession: 'nurse', hprNumber: null, homeMunicipality: null, baseOfficeId: null, positionPercent: 80, active: true },
      adminA,
    );
    await api(officeA, 'users.create', { staffId: staff.id, username: 'sigrid', password: 'sigrid-passord-1', roles: ['nurse'] }, adminA);
    await api(officeA, 'sync.now', {}, adminA);

    // B fetches it, then loses its connection.
    await signIn(pageB, 'leder');
    await pageB.getByRole('status', { name: 'Synkronisering' }).getByRole('button', { name: 'Synkroniser nå' }).click();
    await expect
      .poll(async () => (await api<{ username: string }[]>(officeB, 'users.list', {}, await signInApi(officeB, 'admin'))).map((user) => user.username), { timeout: 30_000 })
      .toContain('sigrid');
    await relayB.offline();
    await pageB.getByRole('button', { name: 'Logg ut / bytt bruker' }).click();

    // Offline, the new nurse signs in at B with the password set at A: her key travelled with her account.
    await signIn(pageB, 'sigrid', 'sigrid-passord-1');
    await pageB.getByRole('status', { name: 'Synkronisering' }).getByRole('button', { name: 'Synkroniser nå' }).click();
    await expect(pageB.getByRole('status', { name: 'Synkronisering' })).toContainText('Uten nett');
    await pageB.getByRole('button', { name: 'Logg ut / bytt bruker' }).click();

    // Both offices show the same fingerprint of the cooperation's root.
    await signIn(pageB, 'admin');
    const atB = await fingerprintOn(pageB);
    const atA = await fingerprintOn(pageA);
    expect(atB).toBe(atA);
  } catch (error) {
    console.log(server.output());
    throw error;
  } finally {
    await officeA.stop();
    await officeB.stop();
    await relayB.offline();
    await server.stop();
    for (const dir of [serverDir, dirA, dirB]) fs.rmSync(dir, { recursive: true, force: true });
  }
});
