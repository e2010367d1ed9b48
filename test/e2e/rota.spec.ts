// End-to-end: plan a week with warnings shown inline and fixed, the weekly overview printed to ONE A4 page, sync, read-only, .ics, axe.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { utcMsToOslo } from '../../domain/calendar/oslo';
import { isoWeekIndex, isoWeekOf } from '../../domain/calendar/isoWeek';
import { expect, loadExampleData, signIn, test } from './harness-fixture';

const OFFICES = ['Grong legekontor', 'Namsskogan legekontor', 'Røyrvik legekontor', 'Lierne legekontor'];

/** ISO week 10 of 2027 (8–14 March): far beyond the example plan, so it starts empty. */
const EMPTY_WEEK = { year: 2027, week: 10 };

async function start(page: Page, harnessUrl: string, username = 'leder') {
  await page.goto(harnessUrl);
  await loadExampleData(page);
  await signIn(page, username);
}

/** Steps forward with the → key (focus is on the page heading, not in a field) until the week heading shows the week. */
async function goToWeek(page: Page, target: { year: number; week: number }) {
  const today = utcMsToOslo(Date.now()).date;
  const steps = isoWeekIndex(target) - isoWeekIndex(isoWeekOf(today));
  for (let step = 0; step < steps; step++) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Uke ${target.week} ·`) })).toBeVisible();
}

/** Prints the page as Chromium does for the wall sheet and returns the PDF's page count and text. */
async function printToPdf(page: Page, name: string): Promise<{ pages: number; text: string; file: string }> {
  await page.emulateMedia({ media: 'print' });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-pdf-')), `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [file]).toString();
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
  return { pages, text, file };
}

async function expectNoSeriousA11yViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('plan a week: a double booking and a missing doctor are warned inline, fixed, and the week prints on one A4 page', async ({ page, harness }) => {
  await start(page, harness.url);
  await page.getByRole('link', { name: 'Turnus' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Turnus' })).toBeFocused();
  await goToWeek(page, EMPTY_WEEK);
  await expect(page.getByRole('heading', { level: 2, name: 'Uke 10 · 8.–14. mars 2027' })).toBeVisible();
  await page.getByLabel('Vis kontor').selectOption({ label: 'Grong legekontor' });
  // An empty week: every open day at Grong lacks a doctor.
  await expect(page.getByText('Grong legekontor tirsdag 09.03.: ingen lege på kontoret eller på video.', { exact: false })).toBeVisible();

  // Ingrid at Grong on Monday, from her cell: person, office, date and opening hours are filled in; Enter saves.
  await page.getByRole('button', { name: 'Ny vakt for Ingrid Solbakk mandag 08.03.' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny vakt' });
  await expect(dialog.getByLabel('Person')).toHaveValue(/^Ingrid Solbakk/);
  await expect(dialog.getByLabel('Start')).toHaveValue('08:00');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Vakten er lagret.' })).toBeVisible();

  // The deliberate double booking: Ingrid also covers Namsskogan by video at midday, typed with "Ny vakt".
  await page.getByRole('button', { name: 'Ny vakt', exact: true }).click();
  await dialog.getByLabel('Person').fill('Ingrid Solbakk');
  await dialog.getByLabel('Kontor').selectOption({ label: 'Namsskogan legekontor' });
  await dialog.getByLabel('Dato').fill('2027-03-08');
  await dialog.getByLabel('Type vakt').selectOption({ label: 'Videodekning' });
  await dialog.getByLabel('Start').fill('12:00');
  await dialog.getByLabel('Slutt').fill('15:30');
  await dialog.getByLabel('Slutt').press('Enter');
  await expect(dialog).toBeHidden();

  // Saved anyway, and warned: in the confirmation, next to both shifts, and in the week's list.
  const doubleBooking = /Ingrid Solbakk mandag 08\.03\.: står på .* samtidig\. Flytt eller fjern en av vaktene\./;
  await expect(page.getByRole('status').filter({ hasText: doubleBooking })).toBeVisible();
  await expect(page.locator('.shift-warnings', { hasText: 'Dobbeltbooket: Ingrid Solbakk' })).toHaveCount(2);
  await expect(page.locator('.warning-list').getByText(doubleBooking)).toBeVisible();
  const missingDoctor = page.locator('.warning-list').getByText('Grong legekontor tirsdag 09.03.: ingen lege på kontoret eller på video.', { exact: false });
  await expect(missingDoctor).toBeVisible();
  await expect(page.locator('.rota-cover-row td').nth(1)).toContainText('Ingen lege');

  // Fix the double booking: Lars Erik takes the video cover instead (click the shift, change the person).
  await page.getByRole('button', { name: /^12:00–15:30 Videodekning, for Namsskogan legekontor, Ingrid Solbakk mandag 08\.03\./ }).click();
  const edit = page.getByRole('dialog', { name: 'Endre vakt' });
  await edit.getByLabel('Person').fill('Lars Erik Vassdal');
  await edit.getByLabel('Person').press('Enter');
  await expect(edit).toBeHidden();
  await expect(page.locator('.warning-list').getByText(doubleBooking)).toHaveCount(0);
  await expect(page.locator('.shift-warnings', { hasText: 'Dobbeltbooket' })).toHaveCount(0);

  // Fix the missing doctor: Ingrid at Grong on Tuesday too.
  await page.getByRole('button', { name: 'Ny vakt for Ingrid Solbakk tirsdag 09.03.' }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(missingDoctor).toHaveCount(0);
  await expect(page.locator('.rota-cover-row td').nth(1)).not.toContainText('Ingen lege');

  // The overview shows the same week (the chosen week is shared) and prints on one A4 landscape page.
  await page.getByRole('link', { name: 'Oversikt' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Uke 10 · 8.–14. mars 2027' })).toBeVisible();
  await expect(page.locator('.overview-grid')).toContainText('Lars Erik Vassdal');
  const pdf = await printToPdf(page, 'uke-10-2027');
  expect(pdf.pages).toBe(1);
  for (const name of [...OFFICES, 'Ingrid Solbakk', 'Lars Erik Vassdal']) expect(pdf.text).toContain(name);
  expect(pdf.text).toContain('Uke 10 · 8.–14. mars 2027');
  expect(pdf.text).toMatch(/Skrevet ut \d\d\.\d\d\.\d{4} \d\d:\d\d · data per \d\d:\d\d \(ikke synkronisert ennå\)/);
});

test('the full example week prints on one A4 page with every office and every planned person', async ({ page, harness }) => {
  await start(page, harness.url);
  await page.getByRole('link', { name: 'Oversikt' }).click();
  await expect(page.locator('.overview-grid')).toBeVisible();
  const names = [...new Set(await page.locator('.overview-grid .entry-name').allInnerTexts())].map((name) => name.trim());
  expect(names.length).toBeGreaterThanOrEqual(20);
  const pdf = await printToPdf(page, 'example-week');
  expect(pdf.pages).toBe(1);
  for (const name of [...OFFICES, ...names]) expect(pdf.text).toContain(name);

  // One office alone also fits, with its name in the header.
  await page.getByLabel('Kontor', { exact: true }).selectOption({ label: 'Røyrvik legekontor' });
  await expect(page.locator('.overview-grid')).not.toContainText('Grong legekontor');
  const single = await printToPdf(page, 'example-week-royrvik');
  expect(single.pages).toBe(1);
  expect(single.text).toContain('Ukeoversikt · Røyrvik legekontor');
});

test('another window sees a new shift at once, without reloading', async ({ page, harness, browser }) => {
  await start(page, harness.url);
  await page.getByRole('link', { name: 'Oversikt' }).click();
  await goToWeek(page, EMPTY_WEEK);
  await expect(page.getByText('Ingen vakter denne uken.')).toBeVisible();

  const other = await browser.newPage();
  await other.goto(harness.url);
  await signIn(other, 'admin');
  await other.getByRole('link', { name: 'Turnus' }).click();
  await goToWeek(other, EMPTY_WEEK);
  await other.getByRole('button', { name: 'Ny vakt for Ingrid Solbakk onsdag 10.03.' }).click();
  await other.keyboard.press('Enter');
  await expect(other.getByRole('status').filter({ hasText: 'Vakten er lagret.' })).toBeVisible();

  await expect(page.locator('.overview-grid')).toContainText('Ingrid Solbakk');
  await other.close();
});

test('copy a week: nothing to copy disables «Kopier»; with a one-off shift it copies to the next weeks', async ({ page, harness }) => {
  await start(page, harness.url);
  await page.getByRole('link', { name: 'Turnus' }).click();
  await goToWeek(page, EMPTY_WEEK);
  await page.getByLabel('Vis kontor').selectOption({ label: 'Grong legekontor' });

  const copy = page.getByRole('dialog', { name: 'Kopier uke 10' });
  await page.getByRole('button', { name: 'Kopier uken …' }).click();
  await expect(copy.getByRole('status')).toHaveText('Uken har ingen enkeltvakter å kopiere.');
  await expect(copy.getByRole('button', { name: 'Kopier', exact: true })).toBeDisabled();
  await copy.getByRole('button', { name: 'Avbryt' }).click();
  await expect(copy).toBeHidden();

  await page.getByRole('button', { name: 'Ny vakt for Ingrid Solbakk mandag 08.03.' }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Vakten er lagret.' })).toBeVisible();

  await page.getByRole('button', { name: 'Kopier uken …' }).click();
  await copy.getByLabel('Til de neste').fill('2');
  await expect(copy.getByRole('status')).toHaveText('1 enkeltvakt kopieres til hver av de neste 2 ukene: 2 nye vakter i alt.');
  const confirm = copy.getByRole('button', { name: 'Kopier', exact: true });
  await expect(confirm).toHaveClass(/button--primary/);
  await confirm.click();
  await expect(copy).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '2 vakter er kopiert til uke 11–12.' })).toBeVisible();
});

test('a receptionist sees the rota read-only and can export their own shifts as .ics', async ({ page, harness }) => {
  await start(page, harness.url, 'resepsjon');
  await page.getByRole('link', { name: 'Turnus' }).click();
  // Not a planner: their own week, no buttons to change anything.
  await expect(page.getByLabel('Vis person')).toHaveValue(/.+/);
  await expect(page.getByLabel('Vis person').locator('option:checked')).toHaveText(/^Anne Berit Formoen/);
  await expect(page.getByRole('button', { name: 'Ny vakt', exact: true })).toHaveCount(0);
  await expect(page.locator('.cell-add')).toHaveCount(0);
  await expect(page.locator('button.shift')).toHaveCount(0);
  await expect(page.locator('.shift').first()).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksporter til kalender (.ics)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^vakter-anne-berit-formoen-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.ics$/);
  const content = fs.readFileSync(await file.path(), 'utf8');
  expect(content).toContain('BEGIN:VCALENDAR');
  expect(content).toContain('BEGIN:VEVENT');
  await expect(page.getByRole('status').filter({ hasText: /vakter er lagret i filen/ })).toBeVisible();
});

test('overview and planning pages pass an axe-core scan without serious or critical violations', async ({ page, harness }) => {
  await start(page, harness.url);
  await page.getByRole('link', { name: 'Oversikt' }).click();
  await expect(page.locator('.overview-grid')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Oversikt');

  await page.getByRole('link', { name: 'Turnus' }).click();
  await expect(page.locator('.rota-grid')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Turnus per kontor');
  await page.getByRole('button', { name: /Klinikk, ved Grong legekontor, Ingrid Solbakk/ }).first().click();
  await expect(page.getByRole('dialog', { name: 'Endre vakt' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Turnus › Endre vakt');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.getByText('Per person').click();
  await expect(page.locator('.rota-grid--person')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Turnus per person');
  await page.getByRole('button', { name: 'Ny fast turnus' }).click();
  await expect(page.getByRole('dialog', { name: 'Ny fast turnus' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Turnus › Ny fast turnus');
});
