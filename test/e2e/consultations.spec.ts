// End-to-end: a receptionist logs three consultations with the keyboard only; one is amended and one cancelled; statistics, CSV export and the access log show it.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import fs from 'node:fs';
import { syntheticIdentityNumber } from '../../domain/consultations/synthetic';
import { expect, loadExampleData, signIn, test } from './harness-fixture';

const first = syntheticIdentityNumber('1961-03-14', 200)!;
const third = syntheticIdentityNumber('1990-07-02', 300)!;

async function switchUser(page: Page, username: string) {
  await page.getByRole('button', { name: 'Logg ut / bytt bruker' }).click();
  await signIn(page, username);
}

function go(page: Page, url: string, path: string) {
  return page.goto(`${url.replace(/#.*/, '')}#${path}`);
}

async function expectNoSeriousA11yViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('log three consultations by keyboard, amend one, cancel one, then statistics, CSV and the access log', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await page.goto(harness.url);
  await loadExampleData(page);
  await signIn(page, 'resepsjon');
  await go(page, harness.url, '/consultations');
  const number = page.getByLabel('Fødselsnummer eller D-nummer');
  await expect(number).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'Ny konsultasjon');

  // 1: identity number, phone, U71 — the nurse is chosen from the keyboard too (Shift+Tab back to the list).
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByLabel('Sykepleier', { exact: true })).toBeFocused();
  await page.keyboard.type('Marte');
  await page.keyboard.press('Tab');
  await page.keyboard.type(first.slice(0, 6));
  await expect(page.getByText('Skriv 11 siffer (6 av 11)')).toBeVisible();
  await page.keyboard.type(first.slice(6));
  await expect(page.getByText(/Gyldig syntetisk testnummer, født 14\.03\.1961/)).toBeVisible();
  await page.keyboard.press('Tab'); // "Uten fødselsnummer"
  await page.keyboard.press('Tab'); // contact: Oppmøte
  await page.keyboard.press('ArrowRight'); // Telefon
  await page.keyboard.press('Tab'); // ICPC-2
  await page.keyboard.type('u71');
  await page.keyboard.press('Enter'); // takes the suggestion
  await expect(page.getByRole('combobox', { name: 'Årsak (ICPC-2)' })).toHaveValue(/^U71 – /);
  await page.keyboard.press('Enter'); // saves
  await expect(page.getByRole('status').filter({ hasText: 'Lagret:' })).toContainText('U71');
  await expect(number).toBeFocused();
  await expect(number).toHaveValue('');

  // 2: without identity number (birth year and sex), reason found by words.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByLabel('Fødselsår')).toBeFocused();
  await page.keyboard.type('1950');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Kvinne');
  await page.keyboard.press('Tab'); // checkbox
  await page.keyboard.press('Tab'); // contact
  await page.keyboard.press('Tab'); // ICPC-2
  await page.keyboard.type('sår hals');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Årsak (ICPC-2)' })).toHaveValue(/^R\d\d – /);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Lagret:' })).toContainText(/R\d\d/);
  await expect(number).toBeFocused();
  await expect(number).toHaveValue('');

  // 3: a wrong check digit is shown at once; corrected, booked with a doctor.
  const wrong = third.slice(0, 10) + String((Number(third[10]) + 1) % 10);
  await page.keyboard.type(wrong);
  await expect(page.getByText('Kontrollsifferet stemmer ikke')).toBeVisible();
  await page.keyboard.press('Backspace');
  await page.keyboard.type(third[10]!);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('R74');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab'); // routine
  await page.keyboard.press('Tab'); // medicine
  await page.keyboard.press('Tab'); // outcome
  await expect(page.getByLabel('Utfall')).toBeFocused();
  await page.keyboard.type('Time');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Lagret:' })).toContainText('R74');
  await expect(number).toBeFocused();

  // Esc empties a half-typed form without saving.
  await page.keyboard.type('0101');
  await page.keyboard.press('Escape');
  await expect(number).toHaveValue('');

  // The log shows today's three (the example entries are all from earlier days), with numbers masked.
  const today = await page.evaluate(() => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date()));
  await go(page, harness.url, '/consultations/log');
  await page.getByLabel('Fra og med').fill(today);
  await expect(page.getByText('Viser 1–3 av 3')).toBeVisible();
  const table = page.locator('.consultation-table');
  await expect(table).toContainText(`${first.slice(0, 6)}*****`);
  await expect(table).not.toContainText(first);
  await expect(table).toContainText('Uten fnr. (f. 1950, kvinne)');
  await expectNoSeriousA11yViolations(page, 'Logg');

  // Amend the first (phone → in person) with a reason; the history keeps the original.
  await table.getByRole('row').filter({ hasText: first.slice(0, 6) }).getByRole('link').click();
  await page.getByRole('button', { name: 'Rett opp' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rett opp konsultasjon' });
  await dialog.getByLabel('Oppmøte').check();
  await dialog.getByLabel('Grunn').fill('Pasienten kom til kontoret');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByText('Rettingen er lagret.')).toBeVisible();
  const history = page.locator('.consultation-history');
  await expect(history).toContainText('Rettet');
  await expect(history).toContainText('Kontakt: Telefon → Oppmøte');
  await expect(history).toContainText('grunn: Pasienten kom til kontoret');

  // Reveal the number with a reason.
  await page.getByRole('button', { name: 'Vis fødselsnummer' }).click();
  await page.getByRole('dialog').getByLabel('Grunn').fill('Ringe tilbake');
  await page.getByRole('button', { name: 'Vis nummeret' }).click();
  await expect(page.locator('.consultation-facts')).toContainText(first);

  // Cancel the third with a reason.
  await go(page, harness.url, '/consultations/log');
  await page.getByLabel('Fra og med').fill(today);
  await page.locator('.consultation-table').getByRole('row').filter({ hasText: third.slice(0, 6) }).getByRole('link').click();
  await page.getByRole('button', { name: 'Annuller' }).click();
  await page.getByRole('dialog').getByLabel('Grunn').fill('Registrert ved en feil');
  await expect(page.getByRole('button', { name: 'Annuller konsultasjonen' })).toHaveClass(/button--danger-solid/);
  await page.getByRole('button', { name: 'Annuller konsultasjonen' }).click();
  await expect(page.getByText('Annullert: Registrert ved en feil')).toBeVisible();
  await go(page, harness.url, '/consultations/log');
  await page.getByLabel('Fra og med').fill(today);
  await expect(page.getByText('Viser 1–2 av 2')).toBeVisible();

  // Statistics: today has two consultations left; CSV export without identities.
  await switchUser(page, 'leder');
  await go(page, harness.url, '/consultations/statistics');
  await page.getByLabel('Fra og med').fill(today);
  await page.getByLabel('Til og med').fill(today);
  await expect(page.locator('.statistics-summary')).toContainText('2 konsultasjoner i perioden');
  await expectNoSeriousA11yViolations(page, 'Statistikk');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksporter CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^konsultasjoner-.*\.csv$/);
  const csv = fs.readFileSync((await file.path())!, 'utf8');
  expect(csv).toContain('Kontor;Uke;Antall;Løst uten lege');
  expect(csv).toMatch(/;2;/);
  expect(csv).not.toContain(first.slice(6));

  // The access log: created, amended, revealed, cancelled; and "who has seen this patient".
  await switchUser(page, 'admin');
  await go(page, harness.url, '/consultations/audit');
  const log = page.locator('.audit-table').last();
  await expect(log).toContainText('Registrerte konsultasjon');
  await expect(log).toContainText('Rettet konsultasjon');
  await expect(log).toContainText('Annullerte konsultasjon');
  await expect(log).toContainText('Eksporterte statistikk');
  await page.getByLabel('Fødselsnummer eller D-nummer').fill(first);
  await page.getByRole('textbox', { name: 'Grunn' }).fill('Innsyn etter forespørsel');
  await page.getByRole('button', { name: 'Vis tilganger' }).click();
  const access = page.locator('.audit-table').first();
  await expect(access).toContainText('Viste fødselsnummer');
  await expect(access).toContainText('Ringe tilbake');
  await expectNoSeriousA11yViolations(page, 'Tilgangslogg');
});

test('"Start konsultasjonslogg" in Rutiner opens the entry form with the nurse, routine and code filled in', async ({ page, harness }) => {
  await page.goto(harness.url);
  await loadExampleData(page);
  await signIn(page, 'sykepleier');
  await go(page, harness.url, '/routines');
  await page.locator('.routine-result').filter({ hasText: 'blærekatarr' }).click();
  await page.getByRole('button', { name: 'Start konsultasjonslogg' }).click();
  await expect(page.getByRole('heading', { name: 'Konsultasjonslogg' })).toBeVisible();
  await expect(page.getByLabel('Sykepleier', { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel('Delegert rutine brukt')).not.toHaveValue('');
  await expect(page.getByLabel('Delegert rutine brukt').locator('option:checked')).toContainText('blærekatarr');
  await expect(page.getByRole('combobox', { name: 'Årsak (ICPC-2)' })).toHaveValue(/^U71 – /);
});


test('an admin imports an ICPC-2 file with a rejected line, and anonymises old entries after a preview', async ({ page, harness }) => {
  await page.goto(harness.url);
  await loadExampleData(page);
  await signIn(page, 'admin');
  await go(page, harness.url, '/consultations/codes');
  await page.getByLabel('Kodefil').setInputFiles({ name: 'icpc2.csv', mimeType: 'text/csv', buffer: Buffer.from('Kode;Tekst\nR74;Akutt øvre luftveisinfeksjon\nXX1;Ugyldig\nK86;Hypertensjon\n', 'utf8') });
  await expect(page.getByText('2 koder kan importeres, 1 linje avvises. Ingenting er lagret ennå.')).toBeVisible();
  await expect(page.locator('.import-rejected')).toContainText('Koden er ikke en ICPC-2-kode');
  await expect(page.locator('.import-rejected')).toContainText('3');
  await page.getByRole('button', { name: 'Importer 2 koder' }).click();
  await expect(page.getByText('Importert: 2 nye, 0 endret, 0 uendret. 1 linje ble avvist.')).toBeVisible();
  await page.getByLabel('Kodefil').setInputFiles({ name: 'bilde.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]) });
  await expect(page.getByRole('alert')).toContainText('«bilde.xlsx» kunne ikke leses');

  await go(page, harness.url, '/consultations/retention');
  await expect(page.getByText(/Ingenting å anonymisere/)).toBeVisible();
  await page.getByLabel('Oppbevaringstid').fill('1');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByText('Oppbevaringstiden er 1 måned.')).toBeVisible();
  const run = page.getByRole('button', { name: /^Anonymiser \d+ konsultasjon(er)?$/ });
  await expect(run).toBeVisible();
  const count = Number(/\d+/.exec((await run.textContent()) ?? '')![0]);
  expect(count).toBeGreaterThan(0);
  await run.click();
  await page.getByRole('button', { name: 'Ja, anonymiser' }).click();
  await expect(page.getByText(new RegExp(`^${count} konsultasjon(er)? er anonymisert\\.$`))).toBeVisible();
  await expect(page.getByText(/Ingenting å anonymisere/)).toBeVisible();
});
