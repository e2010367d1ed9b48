// End-to-end (issue 16 A6, B4, B7, B9): private absence reasons, going to a week or date, a shift saved in another week,
// print font sizes of the wall sheet, and dates typed as dd.mm.åååå in an English browser.
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, expectNoSeriousA11yViolations, loadExampleData, signIn, test } from './harness-fixture';

/** ISO week 10 of 2027 (8–14 March): beyond the example plan, so only what a test adds is in it. */
const WEEK_10 = /^Uke 10 · 8\.–14\. mars 2027/;

async function start(page: Page, harnessUrl: string, username = 'leder') {
  await page.goto(harnessUrl);
  await loadExampleData(page);
  await signIn(page, username);
}

async function switchUser(page: Page, username: string) {
  await page.getByRole('button', { name: 'Logg ut / bytt bruker' }).click();
  await signIn(page, username);
}

/** Types in "Gå til uke eller dato" and presses Enter. */
/** Opens Turnus and waits for it: Oversikt has a "Gå til uke eller dato" field too, which a quick fill could still reach. */
async function openRota(page: Page) {
  await page.getByRole('link', { name: 'Turnus', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Turnus' })).toBeVisible();
}

async function goTo(page: Page, text: string) {
  const field = page.getByLabel('Gå til uke eller dato');
  await field.fill(text);
  await field.press('Enter');
}

test('a colleague sees only "Fravær"; the lead sees the kind; the wall sheet shows no reason', async ({ page, harness }) => {
  await start(page, harness.url);
  await openRota(page);
  await goTo(page, '10/2027');
  await expect(page.getByRole('heading', { level: 2, name: WEEK_10 })).toBeVisible();
  await page.getByRole('button', { name: 'Nytt fravær' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nytt fravær' });
  await dialog.getByLabel('Person').fill('Eli Brennhaug');
  await dialog.getByLabel('Fra og med').fill('09.03.2027');
  await dialog.getByLabel('Til og med').fill('10.03.2027');
  await dialog.getByLabel('Type fravær').selectOption({ label: 'ferie' });
  await dialog.getByLabel('Merknad').fill('Syden');
  await dialog.getByLabel('Merknad').press('Enter');
  await expect(dialog).toBeHidden();
  await page.getByLabel('Vis kontor').selectOption({ label: 'Namsskogan legekontor' });
  await expect(page.locator('.rota-grid .absence').first()).toContainText('Ferie');

  // The lead's overview names the kind on screen; the printed sheet does not.
  await page.getByRole('link', { name: 'Oversikt' }).click();
  const absences = page.locator('.overview-grid .row--absences');
  await expect(absences).toContainText('Eli Brennhaug');
  await expect(absences).toContainText('ferie');
  await page.emulateMedia({ media: 'print' });
  await expect(absences.locator('.entry-detail').first()).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // A colleague (a nurse at another office) sees "Fravær", and the reason is not in what the backend sent at all.
  await switchUser(page, 'sykepleier');
  const answers: string[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/api/call')) void response.text().then((body) => answers.push(body), () => undefined);
  });
  await openRota(page);
  await goTo(page, '09.03.2027');
  await expect(page.getByRole('heading', { level: 2, name: WEEK_10 })).toBeVisible();
  await page.getByText('Per kontor').click();
  await page.getByLabel('Vis kontor').selectOption({ label: 'Namsskogan legekontor' });
  const chip = page.locator('.rota-grid .absence').first();
  await expect(chip).toContainText('Fravær');
  await expect(chip).not.toContainText('Ferie');
  await page.getByRole('link', { name: 'Oversikt' }).click();
  await expect(absences).toContainText('Eli Brennhaug');
  await expect(absences).not.toContainText('ferie');
  await expectNoSeriousA11yViolations(page, 'Oversikt (kollega)');
  expect(answers.some((body) => body.includes('Eli Brennhaug'))).toBe(true);
  expect(answers.join('\n')).not.toMatch(/Syden|"holiday"|har ferie/);
});

test('go to a week by number or by date in Oversikt and Turnus; a wrong entry says what to type', async ({ page, harness }) => {
  await start(page, harness.url);
  await page.getByRole('link', { name: 'Oversikt' }).click();
  await goTo(page, '10/2027');
  await expect(page.getByRole('heading', { level: 2, name: WEEK_10 })).toBeVisible();
  await goTo(page, 'neste uke');
  await expect(page.getByText('Fant ingen uke eller dato i det du skrev.')).toBeVisible();
  await expect(page.getByLabel('Gå til uke eller dato')).toHaveAttribute('aria-invalid', 'true');
  await goTo(page, '05.04.2027');
  await expect(page.getByRole('heading', { level: 2, name: /^Uke 14 · 5\.–11\. april 2027/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Oversikt med Gå til uke');

  // The week is shared: Turnus shows it too, and "12" goes to week 12 of the shown year.
  await openRota(page);
  await expect(page.getByRole('heading', { level: 2, name: /^Uke 14 · / })).toBeVisible();
  await goTo(page, '12');
  await expect(page.getByRole('heading', { level: 2, name: /^Uke 12 · 22\.–28\. mars 2027/ })).toBeVisible();
});

test('a shift saved in another week than the one shown says so and goes there', async ({ page, harness }) => {
  await start(page, harness.url);
  await openRota(page);
  await goTo(page, '10/2027');
  await expect(page.getByRole('heading', { level: 2, name: WEEK_10 })).toBeVisible();
  await page.getByRole('button', { name: 'Ny vakt', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny vakt' });
  await dialog.getByLabel('Person').fill('Ingrid Solbakk');
  await dialog.getByLabel('Kontor', { exact: true }).selectOption({ label: 'Grong legekontor' });
  await dialog.getByLabel('Dato').fill('06.04.2027');
  await dialog.getByLabel('Start').fill('08:00');
  await dialog.getByLabel('Slutt').fill('15:30');
  await dialog.getByLabel('Slutt').press('Enter');
  await expect(dialog).toBeHidden();
  const status = page.getByRole('status').filter({ hasText: 'Vakten er lagret i uke 14 – gå dit' });
  await expect(status).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Turnus etter lagring i en annen uke');
  await status.getByRole('button', { name: 'gå dit' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Uke 14 · 5\.–11\. april 2027/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^08:00–15:30 Klinikk, ved Grong legekontor, Ingrid Solbakk tirsdag 06\.04\./ })).toBeVisible();
});

test('the printed weekly overview: times and warnings at least 8 pt, on one A4 page', async ({ page, harness }) => {
  await start(page, harness.url);
  await page.getByRole('link', { name: 'Oversikt' }).click();
  // Next week of the example plan: times, an absence and Røyrvik's Friday without a doctor (a warning in the grid).
  await page.getByRole('button', { name: 'Neste uke' }).click();
  await expect(page.locator('.overview-grid .entry-detail').first()).toBeVisible();
  await expect(page.locator('.overview-grid .cell-warning').first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  // The size as printed: the computed size times any CSS zoom the sheet is shrunk by.
  const sizes = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.overview-grid .entry-detail, .overview-grid .cell-warning, .overview-grid .row-label, .print-footer')]
      .filter((element) => getComputedStyle(element).display !== 'none' && element.getClientRects().length > 0)
      .map((element) => ({
        className: element.className,
        px: parseFloat(getComputedStyle(element).fontSize) * ((element as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1),
      })),
  );
  expect(sizes.length).toBeGreaterThan(10);
  for (const kind of ['entry-detail', 'cell-warning']) expect(sizes.some((size) => size.className.includes(kind))).toBe(true);
  const tooSmall = sizes.filter((size) => size.px < 10.66); // 8 pt = 10.67 px
  expect(tooSmall).toEqual([]);

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-pdf-')), 'example-week.pdf');
  await page.pdf({ path: file, format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  expect(Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file]).toString())?.[1])).toBe(1);
  if (process.env.SAMVAKT_KEEP_PDF) fs.copyFileSync(file, process.env.SAMVAKT_KEEP_PDF);
});

test.describe('on a computer whose browser language is English', () => {
  test.use({ locale: 'en-US' });

  test('date fields show and accept dd.mm.åååå', async ({ page, harness }) => {
    await start(page, harness.url);
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    await openRota(page);
    await goTo(page, '10/2027');
    await expect(page.getByRole('heading', { level: 2, name: WEEK_10 })).toBeVisible();
    await page.getByLabel('Vis kontor').selectOption({ label: 'Grong legekontor' });
    await page.getByRole('button', { name: 'Ny vakt for Ingrid Solbakk mandag 08.03.' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny vakt' });
    const date = dialog.getByLabel('Dato');
    await expect(date).toHaveValue('08.03.2027');
    await expect(dialog.getByText('dd.mm.åååå')).toBeVisible();
    await date.fill('9.3.2027');
    await date.blur();
    await expect(date).toHaveValue('09.03.2027');
    await date.fill('03/14/2027');
    await date.press('Enter');
    await expect(dialog).toBeVisible();
    await date.fill('09.03.2027');
    await date.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: /Ingrid Solbakk tirsdag 09\.03\./ }).first()).toBeVisible();
  });
});
