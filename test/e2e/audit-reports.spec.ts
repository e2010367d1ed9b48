// End-to-end: the patient's access report (innsyn) as a real PDF and CSV, the receptionist's own log, and the audit log and amendment history naming people and actions in words.
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syntheticIdentityNumber } from '../../domain/consultations/synthetic';
import { expect, expectNoSeriousA11yViolations, loadExampleData, signIn, test } from './harness-fixture';

const patient = syntheticIdentityNumber('1958-11-23', 230)!;
const RECEPTIONIST = 'Anne Berit Formoen';

function go(page: Page, url: string, route: string) {
  return page.goto(`${url.replace(/#.*/, '')}#${route}`);
}

async function switchUser(page: Page, username: string) {
  await page.getByRole('button', { name: 'Logg ut / bytt bruker' }).click();
  await signIn(page, username);
}

/** The page as Chromium prints it (print media, the page's own @page size), through pdftotext, whitespace collapsed. */
async function printToPdfText(page: Page): Promise<{ text: string; info: string }> {
  await page.emulateMedia({ media: 'print' });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-pdf-')), 'innsynsrapport.pdf');
  await page.pdf({ path: file, printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  return { text: execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' '), info: execFileSync('pdfinfo', [file]).toString() };
}

/** The receptionist logs one consultation for the patient from the entry form (nurse, number, phone, U71). */
async function logConsultation(page: Page, url: string) {
  await go(page, url, '/consultations/new');
  const number = page.getByLabel('Fødselsnummer eller D-nummer');
  await expect(number).toBeFocused();
  await page.getByLabel('Sykepleier', { exact: true }).selectOption({ label: 'Marte Kvernmo' });
  await number.fill(patient);
  await page.getByLabel('Telefon').check();
  await page.getByRole('combobox', { name: 'Årsak (ICPC-2)' }).fill('u71');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Årsak (ICPC-2)' })).toHaveValue(/^U71 – /);
  await page.getByRole('button', { name: 'Lagre konsultasjon', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Lagret' })).toContainText('U71');
}

test('access report as PDF and CSV, the own log, and names and words in the history and the audit log', async ({ page, harness }) => {
  test.setTimeout(150_000);
  await page.goto(harness.url);
  await loadExampleData(page);
  await signIn(page, 'resepsjon');
  await logConsultation(page, harness.url);

  // The receptionist opens the entry (a logged view), corrects it with a reason, and reveals the number with a reason.
  const today = await page.evaluate(() => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date()));
  await go(page, harness.url, '/consultations/log');
  await page.getByLabel('Fra og med').fill(today);
  await page.locator('.consultation-table').getByRole('row').filter({ hasText: patient.slice(0, 6) }).getByRole('link').first().click();
  await page.getByRole('button', { name: 'Rett opp' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rett opp konsultasjon' });
  await dialog.getByLabel('Oppmøte').check();
  await dialog.getByLabel('Grunn').fill('Pasienten kom til kontoret');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByText('Rettingen er lagret.')).toBeVisible();
  // B3: the history names the person, not a user id or username.
  const history = page.locator('.consultation-history');
  await expect(history).toContainText(`Rettet`);
  await expect(history).toContainText(RECEPTIONIST);
  await expect(history).not.toContainText('resepsjon ');
  await page.getByRole('button', { name: 'Vis fødselsnummer' }).click();
  await page.getByRole('dialog').getByLabel('Grunn').fill('Ringe pasienten tilbake');
  await page.getByRole('button', { name: 'Vis nummeret' }).click();
  await expect(page.locator('.consultation-facts')).toContainText(patient);

  // A4: Min logg from the header: her own sign-in and her work, in words, newest first.
  await page.getByRole('link', { name: 'Min logg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Min logg' })).toBeVisible();
  const own = page.locator('.audit-table');
  await expect(own).toContainText('Logget inn');
  await expect(own).toContainText('Registrerte konsultasjon');
  await expect(own).toContainText('Åpnet konsultasjon');
  await expect(own).toContainText('Viste fødselsnummer');
  await expect(own).toContainText('Ringe pasienten tilbake');
  await expect(own.getByRole('row').nth(1)).toContainText('Viste fødselsnummer');
  await expect(page.getByRole('status').filter({ hasText: 'nyeste først' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Min logg');

  // A3: the admin makes the patient's access report.
  await switchUser(page, 'admin');
  await go(page, harness.url, '/consultations/report');
  await expect(page.getByRole('heading', { name: 'Innsynsrapport til pasient' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Innsynsrapport (skjema)');
  await page.getByLabel('Fødselsnummer eller D-nummer').fill(patient);
  await page.getByRole('button', { name: 'Lag rapport' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'tilganger i perioden' })).toContainText('1 konsultasjon');
  const table = page.locator('.access-report-table');
  for (const text of [RECEPTIONIST, 'Resepsjonist', 'Registrerte konsultasjon', 'Åpnet konsultasjon', 'Rettet konsultasjon', 'Viste fødselsnummer', 'Ringe pasienten tilbake', 'Pasienten kom til kontoret']) {
    await expect(table).toContainText(text);
  }
  await expect(page.locator('.access-report')).not.toContainText(patient);
  await expectNoSeriousA11yViolations(page, 'Innsynsrapport');

  // The printed A4 sheet: pdftotext holds the title, the masked number and each access row (name and action in words).
  const pdf = await printToPdfText(page);
  // A4 portrait (the report's own named page; the weekly overview keeps landscape).
  expect(pdf.info).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);
  expect(pdf.text).toContain('Innsyn i logg: hvem har sett opplysningene dine');
  expect(pdf.text).toContain(`Fødselsnummer: ${patient.slice(0, 6)}*****`);
  expect(pdf.text).not.toContain(patient);
  expect(pdf.text).not.toContain('Lag rapport');
  for (const action of ['Registrerte konsultasjon', 'Åpnet konsultasjon', 'Rettet konsultasjon', 'Viste fødselsnummer']) {
    expect(pdf.text).toMatch(new RegExp(`${RECEPTIONIST} Resepsjonist ${action}`));
  }
  expect(pdf.text).toContain('Ringe pasienten tilbake');

  // The CSV file: a header and the same rows.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Last ned CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^innsynsrapport-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv$/);
  const csv = fs.readFileSync((await file.path())!, 'utf8');
  expect(csv).toContain('Når;Hvem;Rolle;Hva;Hvorfor');
  for (const action of ['Registrerte konsultasjon', 'Åpnet konsultasjon', 'Rettet konsultasjon', 'Viste fødselsnummer']) {
    expect(csv).toMatch(new RegExp(`;${RECEPTIONIST};Resepsjonist;${action}`));
  }
  expect(csv).toContain('Ringe pasienten tilbake');
  expect(csv).not.toContain(patient);

  // B3: the access log names people and says actions and reasons in words ("Logget ut", "logget ut selv").
  await go(page, harness.url, '/consultations/audit');
  const log = page.locator('.audit-table').last();
  await expect(log.getByRole('row').filter({ hasText: 'Logget ut' }).first()).toContainText(RECEPTIONIST);
  await expect(log.getByRole('row').filter({ hasText: 'Logget ut' }).first()).toContainText('logget ut selv');
  await expect(log).toContainText('Laget innsynsrapport for en pasient');
  await expect(log).not.toContainText('signOut');
  // An admin alone cannot open entries, so the log offers no link that would end on "Ingen tilgang".
  await expect(log.getByRole('link', { name: 'Åpne' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'Tilgangslogg');
});
