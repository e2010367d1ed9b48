// End-to-end: a nurse logs a prescription prepared for signature; the responsible doctor sees it under Rutiner › Resepter and declines it with a reason; the nurse sees the answer.
import type { Page } from '@playwright/test';
import { syntheticIdentityNumber } from '../../domain/consultations/synthetic';
import { apiAs, expect, expectNoSeriousA11yViolations, loadExampleData, signIn, test } from './harness-fixture';

const patient = syntheticIdentityNumber('1961-03-14', 200)!;

async function switchUser(page: Page, username: string) {
  await page.getByRole('button', { name: 'Logg ut / bytt bruker' }).click();
  await signIn(page, username);
}

function go(page: Page, url: string, path: string) {
  return page.goto(`${url.replace(/#.*/, '')}#${path}`);
}

test('a prepared prescription reaches the responsible doctor, who declines it with a reason, and the nurse sees the answer', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await page.goto(harness.url);
  await loadExampleData(page);

  // Ingrid Solbakk (lege) works all day at the office the nurse's form uses, so she is the doctor on site now.
  const lead = await apiAs(page, harness.accessToken, 'leder');
  const nurse = await apiAs(page, harness.accessToken, 'sykepleier');
  const staff = await lead<{ id: string; name: string }[]>('staff.list', {});
  const ingrid = staff.find((member) => member.name === 'Ingrid Solbakk')!.id;
  const marte = staff.find((member) => member.name === 'Marte Kvernmo')!.id;
  const context = await nurse<{ officeId: string; now: string }>('consultations.formContext', {});
  await lead('rota.createShift', { staffId: ingrid, officeId: context.officeId, date: context.now.slice(0, 10), start: '00:00', end: '23:59', kind: 'clinic' });

  // The nurse logs the consultation with the medicine prepared for the doctor's signature.
  await signIn(page, 'sykepleier');
  await go(page, harness.url, '/consultations');
  await page.getByLabel('Sykepleier', { exact: true }).selectOption(marte);
  await page.getByLabel('Fødselsnummer eller D-nummer').fill(patient);
  const reason = page.getByRole('combobox', { name: 'Årsak (ICPC-2)' });
  await reason.fill('U71');
  await reason.press('Enter');
  await expect(reason).toHaveValue(/^U71 – /);
  await page.getByLabel('Legemiddel', { exact: true }).selectOption('prepared');
  await page.getByLabel('Legemiddel og styrke').fill('Pivmecillinam 400 mg');
  await page.getByLabel('Konsultert lege').selectOption(ingrid);
  await page.getByRole('button', { name: 'Lagre konsultasjon' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Lagret:' })).toContainText('U71');

  // Her list shows it waiting for Ingrid.
  await go(page, harness.url, '/routines/prescriptions');
  await expect(page.getByRole('heading', { name: 'Forberedte resepter', level: 1 })).toBeVisible();
  const mine = page.getByRole('table', { name: 'Mine forberedte resepter' });
  const mineRow = mine.getByRole('row').filter({ hasText: 'Pivmecillinam 400 mg' });
  await expect(mineRow).toContainText('Venter på svar');
  await expect(mineRow).toContainText('Ingrid Solbakk (på kontoret)');
  await expect(mineRow).toContainText(`${patient.slice(0, 6)}*****`);
  await expect(mine).not.toContainText(patient);
  await expectNoSeriousA11yViolations(page, 'Mine forberedte resepter');

  // The doctor finds it under Rutiner › Resepter and declines it; a reason is required.
  // His inbox opens first: it counts the prescriptions waiting for him (no patient named there), and "Åpne" goes to them.
  await switchUser(page, 'lege');
  await expect(page.getByRole('heading', { name: 'Innboks', level: 1 })).toBeVisible();
  const waiting = page.locator('.inbox-line', { hasText: 'Forberedte resepter som venter på din signatur: 1.' });
  await expect(waiting).not.toContainText(patient);
  await waiting.getByRole('button', { name: 'Åpne' }).click();
  const toSign = page.getByRole('table', { name: 'Resepter til signering' });
  const row = toSign.getByRole('row').filter({ hasText: 'Pivmecillinam 400 mg' });
  await expect(row).toContainText('Marte Kvernmo');
  await expect(row).toContainText(`${patient.slice(0, 6)}*****`);
  await expect(toSign).not.toContainText(patient);
  await expectNoSeriousA11yViolations(page, 'Resepter til signering');
  await row.getByRole('button', { name: 'Avslå' }).click();
  const dialog = page.getByRole('dialog', { name: 'Avslå resepten' });
  await dialog.getByRole('button', { name: 'Avslå resepten' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Skriv hvorfor resepten avslås.');
  await expectNoSeriousA11yViolations(page, 'Avslå resepten');
  await dialog.getByLabel('Begrunnelse').fill('Urinstix først, ring pasienten tilbake');
  await dialog.getByRole('button', { name: 'Avslå resepten' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'er avslått' })).toBeVisible();
  await expect(page.getByText('Ingen resepter venter på deg.')).toBeVisible();

  // The nurse sees the answer with the reason.
  await switchUser(page, 'sykepleier');
  await go(page, harness.url, '/routines/prescriptions');
  await expect(page.getByRole('table', { name: 'Mine forberedte resepter' }).getByRole('row').filter({ hasText: 'Pivmecillinam 400 mg' })).toContainText(
    'Avslått av Ingrid Solbakk',
  );
  await expect(page.getByText('Urinstix først, ring pasienten tilbake')).toBeVisible();

  // The lead's list is empty now, and says what it is for.
  await switchUser(page, 'leder');
  await go(page, harness.url, '/routines/prescriptions');
  await expect(page.getByText('Ingen resepter venter for lenge.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Resepter som venter for lenge');
});
