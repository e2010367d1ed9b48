// End-to-end: the competence register — expiry list, a renewal that clears an expired course, matrix states, CSV export, types, the nurse's own page, axe.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import fs from 'node:fs';
import { addMonths } from '../../domain/competence/expiry';
import { utcMsToOslo } from '../../domain/calendar/oslo';
import { expect, loadExampleData, signIn, test } from './harness-fixture';

/** '01.10.2026' for a 'YYYY-MM-DD' date, as the screens write it. */
function nbDate(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

async function start(page: Page, harnessUrl: string, username = 'leder') {
  await page.goto(harnessUrl);
  await loadExampleData(page);
  await signIn(page, username);
  await page.getByRole('link', { name: 'Kompetanse', exact: true }).click();
}

async function expectNoSeriousA11yViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

function expiringRows(page: Page) {
  return page.getByRole('table', { name: /Utløpt og utløper innen/ }).getByRole('row');
}

test('the lead sees what expires, renews Jonas’s expired course and he leaves the expired list', async ({ page, harness }) => {
  const today = utcMsToOslo(Date.now()).date;
  await start(page, harness.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Kompetanse' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Utløper snart' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByLabel('Utløper innen')).toHaveValue('60');

  // Expired first, then the renewals due soon; each state in words, not only colour.
  const rows = expiringRows(page);
  await expect(rows.nth(1)).toContainText('Jonas Sandmo');
  await expect(rows.nth(1)).toContainText(/Akuttmedisinkurs\s*✗ Utløpt \d\d\.\d\d\.\d{4}/);
  const eli = rows.filter({ hasText: 'Eli Brennhaug' });
  await expect(eli).toContainText(/Akuttmedisinkurs\s*⚠ Utløper om \d+ dager/);
  await expect(rows.filter({ hasText: 'Siri Heggdal' }).filter({ hasText: 'Akuttmedisinkurs' })).toContainText(/Utløper om \d+ dager/);
  await expect(page.getByRole('status').filter({ hasText: /^1 utløpt · \d+ utløper innen 60 dager$/ })).toBeVisible();

  // Fewer days: Eli's course (about 50 days left) drops out, Jonas stays.
  await page.getByLabel('Utløper innen').selectOption('30');
  await expect(rows.filter({ hasText: 'Eli Brennhaug' })).toHaveCount(0);
  await expect(rows.filter({ hasText: 'Jonas Sandmo' })).toHaveCount(1);
  await page.getByLabel('Utløper innen').selectOption('60');

  // The renewal: from Jonas's row straight into the dialog on his page, type and today's date filled in.
  await page.getByRole('button', { name: 'Registrer fornyelse Akuttmedisinkurs, Jonas Sandmo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kompetanse: Jonas Sandmo' })).toBeVisible();
  const dialog = page.getByRole('dialog', { name: 'Fornyelse av Akuttmedisinkurs for Jonas Sandmo' });
  await expect(dialog.getByLabel('Kompetanse')).toHaveValue(/.+/);
  await expect(dialog.getByRole('combobox', { name: 'Kompetanse' }).locator('option:checked')).toHaveText('Akuttmedisinkurs');
  await expect(dialog.getByLabel('Dato oppnådd')).toHaveValue(nbDate(today));
  const expires = addMonths(today, 24);
  await expect(dialog.getByText(`La stå tomt for å bruke ${nbDate(expires)} (24 måneder etter dato oppnådd)`)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'renewal dialog');

  // A wrong expiry is caught before saving, and nothing typed is lost.
  await dialog.getByLabel('Dokumentasjon').fill('Kursbevis 2026 i personalmappen');
  await dialog.getByLabel('Kontrollert av').selectOption({ label: 'Torunn Hellvik (annet)' });
  await dialog.getByLabel('Utløpsdato').fill('2020-01-01');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Utløpsdato: Utløpsdatoen kan ikke være før dato oppnådd.');
  await expect(dialog.getByLabel('Dokumentasjon')).toHaveValue('Kursbevis 2026 i personalmappen');
  await dialog.getByLabel('Utløpsdato').fill('');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Akuttmedisinkurs er registrert for Jonas Sandmo.' })).toBeVisible();

  // History kept: the renewal is in force, the expired record is still listed as earlier.
  const card = page.getByRole('region', { name: 'Akuttmedisinkurs' });
  await expect(card).toContainText(`✓ Gyldig til ${nbDate(expires)}`);
  const history = card.getByRole('table', { name: 'Historikk for Akuttmedisinkurs' }).getByRole('row');
  await expect(history).toHaveCount(3);
  await expect(history.nth(1)).toContainText(`${nbDate(today)} Gjeldende`);
  await expect(history.nth(1)).toContainText('Kursbevis 2026 i personalmappen');
  await expect(history.nth(1)).toContainText('Torunn Hellvik');
  await expect(history.nth(2)).toContainText('Tidligere');
  await expectNoSeriousA11yViolations(page, 'person page');

  // Back in the list: Jonas is no longer expired; Eli and Siri are still due.
  await page.getByRole('link', { name: 'Utløper snart' }).click();
  await expect(expiringRows(page).filter({ hasText: 'Eli Brennhaug' })).toHaveCount(1);
  await expect(expiringRows(page).filter({ hasText: 'Jonas Sandmo' })).toHaveCount(0);
  await expect(expiringRows(page).filter({ hasText: 'Utløpt' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /^0 utløpt · / })).toBeVisible();
});

test('records are deleted only after confirmation, and the matrix shows every state', async ({ page, harness }) => {
  await start(page, harness.url);
  await page.getByRole('link', { name: 'Matrise' }).click();
  const matrix = page.getByRole('table', { name: /Kompetanse per ansatt/ });
  const jonas = matrix.getByRole('row', { name: /Jonas Sandmo/ });
  const columns = await matrix.getByRole('columnheader').allTextContents();
  const cell = (row: typeof jonas, column: string) => row.getByRole('cell').nth(columns.indexOf(column) - 1);
  await expect(cell(jonas, 'Akuttmedisinkurs')).toHaveText(/✗ Utløpt\s*\d\d\.\d\d\.\d{4}/);
  await expect(cell(jonas, 'Vaksinasjon')).toHaveText('○ Mangler');
  await expect(cell(jonas, 'Spesialist i allmennmedisin')).toHaveText('– Ikke aktuelt');
  await expect(cell(matrix.getByRole('row', { name: /Eli Brennhaug/ }), 'Akuttmedisinkurs')).toHaveText(/⚠ Utløper\s*\d\d\.\d\d\.\d{4} \(\d+ d\)/);
  await expect(cell(matrix.getByRole('row', { name: /Ingrid Solbakk/ }), 'Spesialist i allmennmedisin')).toHaveText('✓ Gyldig utløper ikke');
  await expect(cell(matrix.getByRole('row', { name: /Marte Kvernmo/ }), 'HLR/AHLR')).toHaveText(/✓ Gyldig\s*til \d\d\.\d\d\.\d{4}/);

  // The profession filter keeps only nurses.
  await page.getByLabel('Vis yrke').selectOption({ label: 'Sykepleier' });
  await expect(matrix.getByRole('row', { name: /Ingrid Solbakk/ })).toHaveCount(0);
  await expect(matrix.getByRole('row')).toHaveCount(9);
  await page.getByLabel('Vis yrke').selectOption({ label: 'Alle yrker' });

  // Delete Marte's HLR record from her page: asked first, cancel keeps it, confirm removes it.
  await matrix.getByRole('link', { name: 'Marte Kvernmo' }).click();
  const hlr = page.getByRole('region', { name: 'HLR/AHLR' });
  await hlr.getByRole('button', { name: /^Slett HLR\/AHLR oppnådd/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Slette registreringen?' });
  await expect(confirm).toContainText('for Marte Kvernmo slettes for godt');
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(hlr.getByRole('table')).toBeVisible();
  await hlr.getByRole('button', { name: /^Slett HLR\/AHLR oppnådd/ }).click();
  await confirm.getByRole('button', { name: 'Ja, slett' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Registreringen er slettet.' })).toBeVisible();
  await expect(hlr).toContainText('○ Mangler');
  await expect(hlr).toContainText('Ikke registrert.');
});

test('the CSV exports download files with the staff names', async ({ page, harness }) => {
  await start(page, harness.url);
  let download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksporter listen (CSV)' }).click();
  let file = await download;
  expect(file.suggestedFilename()).toMatch(/^kompetanse-utloper-\d{4}-\d\d-\d\d\.csv$/);
  let text = fs.readFileSync((await file.path())!, 'utf8');
  expect(text.startsWith('\uFEFFNavn;Kompetanse;Status;Utløpsdato;Dager igjen')).toBe(true);
  expect(text).toContain('Jonas Sandmo;Akuttmedisinkurs;Utløpt');
  expect(text).toContain('Eli Brennhaug');
  await expect(page.getByRole('status').filter({ hasText: /Filen kompetanse-utloper-.*\.csv er lastet ned\./ })).toBeVisible();

  await page.getByRole('link', { name: 'Matrise' }).click();
  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksporter matrisen (CSV)' }).click();
  file = await download;
  expect(file.suggestedFilename()).toMatch(/^kompetanse-matrise-\d{4}-\d\d-\d\d\.csv$/);
  text = fs.readFileSync((await file.path())!, 'utf8');
  expect(text).toContain('Navn;Yrke;Akuttmedisinkurs');
  for (const name of ['Ingrid Solbakk', 'Marte Kvernmo', 'Siri Heggdal', 'Jonas Sandmo']) expect(text).toContain(name);
});

test('coverage per week and competence types kept by the lead', async ({ page, harness }) => {
  await start(page, harness.url);
  await page.getByRole('link', { name: 'Dekning' }).click();
  const coverage = page.getByRole('table', { name: /Akuttmedisinsk sykepleier per kontor, uke \d+/ });
  await expect(coverage.getByRole('row', { name: /Grong legekontor/ })).toBeVisible();
  await expect(coverage.getByRole('cell').filter({ hasText: /Dekket/ }).first()).toBeVisible();
  await expect(coverage.getByRole('cell').filter({ hasText: 'Stengt' }).first()).toBeVisible();
  await expect(coverage.getByText('(akuttmedisinsk kompetanse)').first()).toBeAttached();
  const heading = page.getByRole('heading', { level: 2, name: /^Uke \d+ ·/ });
  const first = await heading.textContent();
  await page.getByRole('button', { name: 'Neste uke' }).click();
  await expect(heading).not.toHaveText(first!);
  await page.getByRole('button', { name: 'Denne uken' }).click();
  await expect(heading).toHaveText(first!);
  await expectNoSeriousA11yViolations(page, 'coverage');

  // A new type, renamed, then deleted (allowed because nobody has it).
  await page.getByRole('link', { name: 'Kompetansetyper' }).click();
  await expectNoSeriousA11yViolations(page, 'types');
  await page.getByRole('button', { name: 'Ny kompetansetype' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny kompetansetype' });
  await dialog.getByLabel('Navn').fill('Akuttmedisinkurs');
  await dialog.getByLabel('Fornyes etter').fill('0');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Kryss av for minst ett yrke.');
  await expect(dialog.getByRole('alert')).toContainText('Skriv et helt antall måneder fra 1 til 600');
  await dialog.getByLabel('Fornyes etter').fill('36');
  await dialog.getByLabel('Sykepleier', { exact: true }).check();
  await dialog.getByLabel('Akuttmedisinsk sykepleier').check();
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  // The name is taken: the server's answer shows on the field, everything typed stays.
  await expect(dialog.getByText('Det finnes allerede en kompetansetype med dette navnet.').first()).toBeVisible();
  await expect(dialog.getByLabel('Fornyes etter')).toHaveValue('36');
  await dialog.getByLabel('Navn').fill('Sårbehandling');
  await expectNoSeriousA11yViolations(page, 'type dialog');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Kompetansetypen «Sårbehandling» er lagret.' })).toBeVisible();
  const row = page.getByRole('row', { name: /Sårbehandling/ });
  await expect(row).toContainText('Hver 36. måned');
  await expect(row).toContainText('Akuttmedisinsk sykepleier');

  await row.getByRole('button', { name: 'Endre Sårbehandling' }).click();
  const edit = page.getByRole('dialog', { name: 'Endre kompetansetype' });
  await edit.getByRole('button', { name: 'Slett kompetansetypen' }).click();
  await edit.getByRole('button', { name: 'Ja, slett' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kompetansetypen «Sårbehandling» er slettet.' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Sårbehandling/ })).toHaveCount(0);

  // A type in use cannot be deleted, and says why.
  await page.getByRole('button', { name: 'Endre HLR/AHLR' }).click();
  await page.getByRole('button', { name: 'Slett kompetansetypen' }).click();
  await page.getByRole('button', { name: 'Ja, slett' }).click();
  await expect(page.getByRole('dialog', { name: 'Endre kompetansetype' }).getByRole('alert')).toContainText('«HLR/AHLR» er registrert på');
});

test('a doctor sees everyone but changes nothing; a nurse sees only her own competences', async ({ page, harness }) => {
  await start(page, harness.url, 'lege');
  await expect(expiringRows(page).filter({ hasText: 'Jonas Sandmo' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: /Registrer fornyelse/ })).toHaveCount(0);
  await page.getByRole('link', { name: 'Matrise' }).click();
  await expectNoSeriousA11yViolations(page, 'doctor: matrix');
  const jonasHash = await page.getByRole('link', { name: 'Jonas Sandmo' }).getAttribute('href');
  await page.getByRole('link', { name: 'Marte Kvernmo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kompetanse: Marte Kvernmo' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Akuttmedisinkurs' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Registrer|Endre|Slett|Ny registrering/ })).toHaveCount(0);
  await page.getByRole('link', { name: 'Kompetansetyper' }).click();
  await expect(page.getByRole('row', { name: /HLR\/AHLR/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Ny kompetansetype|Endre/ })).toHaveCount(0);
  // An address that is nobody's says so.
  await page.evaluate(() => (window.location.hash = '#/competence/01900000-0000-7000-8000-000000000000'));
  await expect(page.getByText('Fant ikke personen. Gå tilbake til matrisen og velg på nytt.')).toBeVisible();

  await page.getByRole('button', { name: 'Logg ut / bytt bruker' }).click();
  await signIn(page, 'sykepleier');
  await page.getByRole('link', { name: 'Kompetanse', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Min kompetanse' })).toBeFocused();
  await expect(page.getByRole('navigation', { name: 'Visninger i kompetanseregisteret' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Akuttmedisinkurs' })).toContainText('✓ Gyldig til');
  await expect(page.getByRole('region', { name: 'Triagekurs' })).toContainText('Ikke registrert.');
  await expect(page.getByText('Jonas Sandmo')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Registrer|Endre|Slett|Ny registrering/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'nurse: own page');

  // The register's views and other people's pages are closed to her.
  for (const hash of ['#/competence/matrix', '#/competence/expiring', '#/competence/types', jonasHash!]) {
    await page.evaluate((target) => (window.location.hash = target), hash);
    await expect(page.getByRole('heading', { level: 1, name: 'Ingen tilgang' })).toBeVisible();
    await expect(page.getByText('Jonas Sandmo')).toHaveCount(0);
  }
});

test('every competence view passes an axe-core scan', async ({ page, harness }) => {
  await start(page, harness.url);
  for (const view of ['Utløper snart', 'Matrise', 'Dekning', 'Kompetansetyper', 'Min kompetanse']) {
    await page.getByRole('link', { name: view, exact: true }).click();
    await expect(page.getByRole('link', { name: view, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByText('Laster …')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, view);
  }
  await page.getByRole('link', { name: 'Matrise' }).click();
  await page.getByRole('link', { name: 'Siri Heggdal' }).click();
  await page.getByRole('button', { name: 'Ny registrering' }).click();
  await expect(page.getByRole('dialog', { name: 'Ny registrering for Siri Heggdal' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'new record dialog');
});
