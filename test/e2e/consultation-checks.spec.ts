// End-to-end for issue 16 A7/B2: a far-back date asks first and "Lagret" names the date; the ICPC-2 picker says "Ingen treff"; the official tab-separated code file imports through the UI.
import type { Page } from '@playwright/test';
import { syntheticIdentityNumber } from '../../domain/consultations/synthetic';
import { expect, expectNoSeriousA11yViolations, loadExampleData, signIn, test } from './harness-fixture';

const patient = syntheticIdentityNumber('1961-03-14', 200)!;

function go(page: Page, url: string, path: string) {
  return page.goto(`${url.replace(/#.*/, '')}#${path}`);
}

/** Fills what every entry needs: a nurse (when none is on duty now), the patient and the reason U71. */
async function fillEntry(page: Page) {
  const nurse = page.getByLabel('Sykepleier', { exact: true });
  if ((await nurse.inputValue()) === '') await nurse.selectOption({ index: 1 });
  await page.getByLabel('Fødselsnummer eller D-nummer').fill(patient);
  const reason = page.getByRole('combobox', { name: 'Årsak (ICPC-2)' });
  await reason.fill('u71');
  await reason.press('Enter');
  await expect(reason).toHaveValue(/^U71 – /);
}

test('a date in year 0072 asks before saving, the Lagret message shows the date, and the picker says Ingen treff', async ({ page, harness }) => {
  test.setTimeout(90_000);
  await page.goto(harness.url);
  await loadExampleData(page);
  await signIn(page, 'resepsjon');
  await go(page, harness.url, '/consultations/new');

  // Nothing matches: "Ingen treff" with what to do, announced as status.
  const reason = page.getByRole('combobox', { name: 'Årsak (ICPC-2)' });
  await reason.fill('xqzw');
  await expect(page.getByRole('status').filter({ hasText: 'Ingen treff på «xqzw».' })).toContainText('Prøv koden (f.eks. R74)');
  await expectNoSeriousA11yViolations(page, 'Ny konsultasjon, ingen treff');
  await reason.fill('');
  await expect(page.getByText('Ingen treff', { exact: false })).toHaveCount(0);

  // Year 0072 (a year typed short): the form asks; "Nei" goes back to the date, nothing is saved.
  await fillEntry(page);
  const date = page.getByLabel('Dato', { exact: true });
  await date.fill('0072-12-01');
  await page.getByRole('button', { name: 'Lagre konsultasjon', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Stemmer datoen?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Konsultasjonen er datert 01.12.0072, mer enn 30 dager tilbake i tid.');
  await expectNoSeriousA11yViolations(page, 'Stemmer datoen?');
  await dialog.getByRole('button', { name: 'Nei, rett datoen' }).click();
  await expect(dialog).toBeHidden();
  await expect(date).toBeFocused();
  await expect(page.getByText('Lagret:')).toHaveCount(0);

  // Asked again, and confirmed: saved, and "Lagret" names the date.
  await page.getByRole('button', { name: 'Lagre konsultasjon', exact: true }).click();
  await dialog.getByRole('button', { name: 'Ja, lagre med 01.12.0072' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Lagret:' })).toContainText('Lagret: 01.12.0072 kl.');

  // Today's date saves at once, and the message shows today's date.
  await fillEntry(page);
  const today = await date.inputValue();
  expect(today).toMatch(/^\d\d\.\d\d\.\d{4}$/);
  await page.getByRole('button', { name: 'Lagre konsultasjon', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Lagret:' })).toContainText(`Lagret: ${today} kl.`);
  await expect(dialog).toBeHidden();
});

test('an admin imports the official tab-separated ICPC-2 file (Windows-1252) through the UI', async ({ page, harness }) => {
  test.setTimeout(90_000);
  await page.goto(harness.url);
  await loadExampleData(page);
  await signIn(page, 'admin');
  await go(page, harness.url, '/consultations/codes');
  await expect(page.getByText(/Ingen offisiell kodeliste er importert/)).toBeVisible();
  const file = [
    'Kode\tTekst_uten_lengdebegrensning\tTekst_med_maksimalt_60_tegn\tGyldig_fra\tGyldig_til\tKodeverk',
    '-30\tMedisinsk undersøkelse komplett\t\t2000-01-01T00:00:00\t\tICPC-2',
    'H01\tØresmerte/øreverk\tØresmerte/øreverk\t2000-01-01T00:00:00\t\tICPC-2',
    'S98\tUrtikaria\tUrtikaria\t2000-01-01T00:00:00\t\tICPC-2',
  ].join('\r\n');
  await page.getByLabel('Kodefil').setInputFiles({ name: 'ICPC-2.txt', mimeType: 'text/plain', buffer: Buffer.from(file, 'latin1') });
  await expect(page.getByText('2 koder kan importeres, 0 linjer avvises. Ingenting er lagret ennå.')).toBeVisible();
  await expect(page.getByText(/1 linje i den offisielle filen er ikke årsakskoder/)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Øresmerte/øreverk' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'ICPC-2-koder, forhåndsvisning');
  await page.getByRole('button', { name: 'Importer 2 koder' }).click();
  await expect(page.getByText(/^Importert: \d+ nye, \d+ endret, 0 uendret\. 0 linjer ble avvist\.$/)).toBeVisible();
  await expect(page.getByText(/Kodelisten ble sist importert \d\d\.\d\d\.\d{4}\./)).toBeVisible();
  await expect(page.getByText(/Ingen offisiell kodeliste er importert/)).toHaveCount(0);

  // Imported this year: Innstillinger has no reminder.
  await go(page, harness.url, '/settings');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/Ny ICPC-2-versjon/)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'Innstillinger');
});

test('the routine picker shows each routine by its name, with (Eksempel) after it, never cut off by the EKSEMPEL prefix (issue 16 B6)', async ({ page, harness }) => {
  await page.goto(harness.url);
  await loadExampleData(page);
  await signIn(page, 'sykepleier');
  await go(page, harness.url, '/consultations/new');
  const nurse = page.getByLabel('Sykepleier', { exact: true });
  if ((await nurse.inputValue()) === '') await nurse.selectOption({ label: 'Marte Kvernmo' });
  const routine = page.getByLabel('Delegert rutine brukt', { exact: true });
  const labels = (await routine.locator('option').allTextContents()).filter((label) => label.includes('Eksempel'));
  expect(labels.length).toBeGreaterThan(0);
  for (const label of labels) {
    expect(label).toMatch(/^[A-ZÆØÅ][^:]+ \(Eksempel\)$/);
    expect(label).not.toContain('EKSEMPEL');
  }
});

test.describe('on a computer whose browser language is English (issue 16 B9)', () => {
  test.use({ locale: 'en-US' });

  test('Ny konsultasjon and the log filter show and accept dd.mm.åååå', async ({ page, harness }) => {
    test.setTimeout(90_000);
    await page.goto(harness.url);
    await loadExampleData(page);
    await signIn(page, 'resepsjon');
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await go(page, harness.url, '/consultations/new');

    // The date is a text box showing dd.mm.åååå, whatever the browser's language; a half-typed date is the date's error.
    const date = page.getByLabel('Dato', { exact: true });
    await expect(date).toHaveAttribute('type', 'text');
    await expect(date).toHaveValue(/^\d\d\.\d\d\.\d{4}$/);
    await expect(date).toHaveAccessibleDescription(/dd\.mm\.åååå/);
    await fillEntry(page);
    await date.fill('03.12');
    await date.blur();
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await expect(date).toHaveAccessibleDescription(/Datoen finnes ikke/);
    await expect(page.getByLabel('Klokkeslett')).not.toHaveAttribute('aria-invalid', 'true');
    await date.fill('03.12.2026');
    await date.blur();
    await expect(date).toHaveValue('03.12.2026');
    await expect(date).not.toHaveAttribute('aria-invalid', 'true');
    const followUp = page.getByLabel('Oppfølging', { exact: true });
    await expect(followUp).toHaveAttribute('type', 'text');
    await followUp.fill('3.12.2026');
    await followUp.blur();
    await expect(followUp).toHaveValue('03.12.2026');

    // Saved with that date (asked first only when the clock is more than 30 days past it).
    await page.getByRole('button', { name: 'Lagre konsultasjon', exact: true }).click();
    const saved = page.getByRole('status').filter({ hasText: 'Lagret:' });
    const ask = page.getByRole('dialog', { name: 'Stemmer datoen?' });
    await expect(saved.or(ask)).toBeVisible();
    if (await ask.isVisible()) await ask.getByRole('button', { name: 'Ja, lagre med 03.12.2026' }).click();
    await expect(saved).toContainText('Lagret: 03.12.2026 kl.');

    // The log's period: shown as dd.mm.åååå, a half-typed date says so and changes nothing, a typed 03.12.2026 filters.
    await go(page, harness.url, '/consultations/log');
    const from = page.getByLabel('Fra og med');
    const to = page.getByLabel('Til og med');
    await expect(from).toHaveAttribute('type', 'text');
    await expect(from).toHaveValue(/^\d\d\.\d\d\.\d{4}$/);
    await expect(to).toHaveValue(/^\d\d\.\d\d\.\d{4}$/);
    await from.fill('01.01.2000');
    await to.fill('02.01.2000');
    await expect(page.getByText('Ingen konsultasjoner i perioden.')).toBeVisible();
    await to.fill('03.12');
    await to.blur();
    await expect(to).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Ingen konsultasjoner i perioden.')).toBeVisible();
    await from.fill('03.12.2026');
    await to.fill('03.12.2026');
    await to.blur();
    await expect(to).toHaveValue('03.12.2026');
    await expect(to).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('.consultation-table')).toContainText(`${patient.slice(0, 6)}*****`);
  });
});
