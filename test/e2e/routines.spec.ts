// End-to-end: a doctor writes, activates and authorises a routine; the nurse may use it until her emergency course expires; criteria; the A4 sheet; a receptionist cannot edit; axe.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays } from '../../domain/calendar/dates';
import { formatFullDateNb } from '../../domain/calendar/format';
import { utcMsToOslo } from '../../domain/calendar/oslo';
import { expect, loadExampleData, signIn, test } from './harness-fixture';

const TITLE = 'Insektstikk med lokal hevelse hos voksne';

async function start(page: Page, harnessUrl: string, username: string) {
  await page.goto(harnessUrl);
  await loadExampleData(page);
  await signIn(page, username);
}

async function switchUser(page: Page, username: string) {
  await page.getByRole('button', { name: 'Logg ut / bytt bruker' }).click();
  await signIn(page, username);
}

async function expectNoSeriousA11yViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Calls the API from the page as `username` (a session of its own), with the harness access token. */
async function apiAs<T>(page: Page, accessToken: string, username: string, calls: (call: (method: string, input: unknown) => Promise<unknown>) => Promise<T>): Promise<T> {
  const session = await page.evaluate(
    async ({ token, user }) => {
      const response = await fetch('/api/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ method: 'session.signIn', input: { username: user, password: 'demo-samvakt' } }),
      });
      return ((await response.json()) as { value: { sessionToken: string } }).value.sessionToken;
    },
    { token: accessToken, user: username },
  );
  return calls((method, input) =>
    page.evaluate(
      async ({ token, session: s, method: m, input: i }) => {
        const response = await fetch('/api/call', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-samvakt-session': s },
          body: JSON.stringify({ method: m, input: i }),
        });
        return response.json();
      },
      { token: accessToken, session, method, input },
    ),
  );
}

/** Prints the page as Chromium does (CSS page size honoured) and returns the PDF's first page size and text. */
async function printToPdf(page: Page, name: string): Promise<{ pageSize: string; pages: number; text: string; file: string }> {
  await page.emulateMedia({ media: 'print' });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-pdf-')), `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [file]).toString();
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const pageSize = /^Page size:\s+(.*)$/m.exec(info)?.[1] ?? '';
  const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
  return { pageSize, pages, text, file };
}

/** Answers one criterion of the checklist ("Ja"/"Nei"); each criterion is a group named by its text. */
async function answer(page: Page, criterion: string, value: 'Ja' | 'Nei') {
  await page.getByRole('group', { name: criterion, exact: true }).getByText(value, { exact: true }).click();
}

test('a doctor activates a routine and authorises Marte; she may use it until her emergency course expires; criteria, the A4 sheet and axe', async ({ page, harness }) => {
  const today = utcMsToOslo(Date.now()).date;
  await start(page, harness.url, 'lege');
  // Doctors start at the list of routines after sign-in (issue 16, B1); the example routines are clearly marked.
  await expect(page).toHaveURL(/#\/routines$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Alle rutiner' })).toBeVisible();
  await expect(page.locator('.routine-table').getByText('EKSEMPEL – ikke klinisk godkjent')).toHaveCount(5);

  // A new routine: the form checks the ICPC-2 codes as they are typed and keeps everything on a failed save.
  await page.getByRole('link', { name: 'Ny rutine' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny rutine' })).toBeVisible();
  await page.getByLabel('Tittel').fill(TITLE);
  await page.getByLabel('ICPC-2-koder').fill('S12, X1');
  await page.getByLabel('ICPC-2-koder').blur();
  await expect(page.getByText('Ikke en ICPC-2-kode: X1.')).toBeVisible();
  await page.getByLabel('ICPC-2-koder').fill('S12');
  await page.getByLabel('Indikasjon').fill('Voksne med lokal hevelse og kløe etter insektstikk, uten allmennreaksjon.');
  await page.getByLabel('Inklusjonskriterier').fill('18 år eller eldre\nLokal hevelse og kløe rundt stikket');
  await page.getByLabel('Eksklusjonskriterium 1', { exact: true }).fill('Pustevansker eller hevelse i ansikt eller svelg');
  await page.getByLabel('Rødt flagg for eksklusjonskriterium 1').check();
  await page.getByRole('button', { name: 'Legg til eksklusjonskriterium' }).click();
  await expect(page.getByLabel('Eksklusjonskriterium 2', { exact: true })).toBeFocused();
  await page.keyboard.type('Gravid eller ammer');
  await page.getByLabel('Legemiddel', { exact: true }).fill('Cetirizin (test)');
  await page.getByLabel('ATC-kode').fill('R06AE07');
  await page.getByLabel('Styrke').fill('10 mg');
  await page.getByLabel('Legemiddelform').fill('tablett');
  await page.getByLabel('Administrasjonsvei').fill('oralt');
  await page.getByLabel('Dose', { exact: true }).fill('1 tablett');
  await page.getByLabel('Hyppighet').fill('1 gang daglig');
  await page.getByLabel('Varighet i dager').fill('3');
  await page.getByLabel('Største mengde').fill('3 tabletter');
  await page.getByLabel('Sykepleieren kan').selectOption({ label: 'Gi eller utlevere fra kontorets lager' });
  await page.getByLabel('Oppfølging og råd').fill('Kjølende omslag. Ta kontakt straks ved pustevansker.');
  await expect(page.getByLabel('Ansvarlig lege')).toHaveValue(/.+/);
  await page.getByLabel('Akuttmedisinkurs').check();
  await page.getByRole('button', { name: 'Lagre utkast' }).click();

  // The routine page: a draft, activated by the doctor, then Marte is authorised.
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'er lagret som utkast (versjon 1)' })).toBeVisible();
  await page.getByRole('button', { name: 'Aktiver versjon 1' }).click();
  const activate = page.getByRole('dialog', { name: 'Aktivere versjon 1?' });
  await expect(activate).toContainText('0 sykepleiere er autorisert for versjon 1.');
  await activate.getByRole('button', { name: 'Aktiver versjon 1' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Versjon 1 er aktivert.' })).toBeVisible();
  await page.getByRole('button', { name: 'Autoriser sykepleier' }).click();
  const authorise = page.getByRole('dialog', { name: 'Autoriser sykepleier' });
  await authorise.getByLabel('Marte Kvernmo').check();
  await expect(authorise.getByLabel('Gjelder fra')).toHaveValue(formatFullDateNb(today));
  await authorise.getByRole('button', { name: 'Autoriser', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Marte Kvernmo er autorisert for versjon 1 fra ${formatFullDateNb(today)}.` })).toBeVisible();
  const authorised = page.getByRole('table', { name: 'Autorisert i dag for versjon 1' });
  await expect(authorised.getByRole('row', { name: /Marte Kvernmo/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Autorisasjoner – historikk' }).getByRole('row', { name: /Marte Kvernmo.*Autorisert.*Ingrid Solbakk/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'routine page (doctor)');

  // The A4 portrait routine sheet: title, version, validity and Marte among the nurses authorised today.
  const pdf = await printToPdf(page, 'rutine');
  expect(pdf.pageSize).toMatch(/^59[45](\.\d+)? x 841(\.\d+)? pts/);
  await test.info().attach('routine-sheet.pdf', { path: pdf.file, contentType: 'application/pdf' });
  expect(pdf.pages).toBe(1);
  expect(pdf.text).toContain(TITLE);
  expect(pdf.text).toContain('Versjon 1 (I kraft)');
  expect(pdf.text).toContain(`Marte Kvernmo ${formatFullDateNb(today)} Ingrid Solbakk`);
  expect(pdf.text).toContain('R06AE07');
  expect(pdf.text).toMatch(/Skrevet ut \d\d\.\d\d\.\d{4} \d\d:\d\d/);
  expect(pdf.text).not.toContain('EKSEMPEL – ikke klinisk godkjent');
  expect(pdf.text).not.toContain('Autoriser sykepleier');

  await page.getByRole('link', { name: 'Alle rutiner', exact: true }).click();
  await expect(page.getByRole('row', { name: new RegExp(TITLE) })).toContainText('Aktiv');
  await expectNoSeriousA11yViolations(page, 'routine list');

  // Marte's check: the search box first, her new routine found by its ICPC-2 code; she confirms she has read it, then a large yes.
  await switchUser(page, 'sykepleier');
  await page.getByRole('link', { name: 'Rutiner', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sjekk rutine' })).toBeVisible();
  await expect(page.getByLabel('Søk etter rutine')).toBeFocused();
  await page.keyboard.type('S12');
  await expect(page.getByRole('button', { name: new RegExp(`^${TITLE}.*Kan ikke brukes$`) })).toBeVisible();
  await page.keyboard.press('Enter');
  const verdict = page.locator('.verdict');
  await expect(verdict).toContainText('Du kan ikke bruke rutinen: Bekreftelse på at versjon 1 er lest mangler');
  await expect(verdict).toBeFocused();
  await page.getByRole('button', { name: 'Bekreft at du har lest versjon 1' }).click();
  await expect(verdict).toContainText('Du kan bruke denne rutinen nå');
  await expect(verdict).toBeFocused();
  await expect(page.getByRole('button', { name: new RegExp(`^${TITLE}.*Kan brukes$`) })).toBeVisible();

  // The checklist: unanswered at first, then everything fine → treat; a red flag → contact a doctor now.
  const outcome = page.locator('.assessment');
  await expect(outcome).toContainText('Svar på alle kriteriene');
  await answer(page, 'Pustevansker eller hevelse i ansikt eller svelg', 'Nei');
  await answer(page, '18 år eller eldre', 'Ja');
  await answer(page, 'Lokal hevelse og kløe rundt stikket', 'Ja');
  await expect(outcome).toContainText('1 punkt er ikke besvart.');
  await answer(page, 'Gravid eller ammer', 'Nei');
  await expect(outcome).toContainText('Kan behandles etter rutinen');
  await expect(page.getByRole('button', { name: 'Start konsultasjonslogg' })).toBeEnabled();
  await expect(page.getByText('Åpner et nytt skjema i konsultasjonsloggen med sykepleier, rutine og kode fylt ut.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'nurse check');
  await answer(page, 'Pustevansker eller hevelse i ansikt eller svelg', 'Ja');
  await expect(outcome).toContainText('Kontakt lege');
  await expect(outcome).toContainText('Rødt flagg: kontakt lege nå.');
  await expect(outcome).toHaveClass(/assessment--urgent/);

  // Her emergency course expires (a lead corrects the expiry date through the competence API): the check says no, and why.
  const yesterday = addDays(today, -1);
  const updated = await apiAs(page, harness.accessToken, 'leder', async (call) => {
    const staff = (await call('staff.list', {})) as { value: { id: string; name: string }[] };
    const marte = staff.value.find((member) => member.name === 'Marte Kvernmo')!;
    const types = (await call('competence.types', {})) as { value: { id: string; name: string }[] };
    const course = types.value.find((type) => type.name === 'Akuttmedisinkurs')!;
    const records = (await call('competence.records', { staffId: marte.id })) as { value: Record<string, unknown>[] };
    const record = records.value.find((candidate) => candidate.competenceTypeId === course.id)!;
    const { id, staffId, competenceTypeId, obtained, evidenceRef, verifiedBy, note } = record;
    return call('competence.updateRecord', { id, staffId, competenceTypeId, obtained, expiresOn: yesterday, evidenceRef, verifiedBy, note });
  });
  expect(updated).toMatchObject({ ok: true });
  await expect(verdict).toContainText(`Du kan ikke bruke rutinen: Akuttmedisinkurs utløp ${formatFullDateNb(yesterday)}`);
  await expect(page.getByRole('button', { name: new RegExp(`^${TITLE}.*Kan ikke brukes$`) })).toBeVisible();
  // Criteria met no longer means "treat": she may not use the routine today.
  await answer(page, 'Pustevansker eller hevelse i ansikt eller svelg', 'Nei');
  await expect(outcome).toContainText('Kontakt lege');
  await expect(outcome).toContainText('Pasienten oppfyller kriteriene, men du kan ikke bruke rutinen i dag');
});

test('a receptionist can read routines and run the check, but cannot create, change or authorise', async ({ page, harness }) => {
  await start(page, harness.url, 'resepsjon');
  await page.getByRole('link', { name: 'Rutiner', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alle rutiner' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ny rutine' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Ukomplisert blærekatarr hos ikke-gravide kvinner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ukomplisert blærekatarr hos ikke-gravide kvinner' })).toBeVisible();
  await expect(page.getByText('EKSEMPEL – ikke klinisk godkjent').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Endre' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Autoriser sykepleier' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Trekk tilbake/ })).toHaveCount(0);
  // The revoked authorisation of the example data is in the history with its reason.
  await expect(page.getByRole('table', { name: 'Autorisasjoner – historikk' }).getByRole('row', { name: /Vegard Tørresdal.*Trukket tilbake/ })).toContainText('Ny opplæring i urinstiks');
  await expectNoSeriousA11yViolations(page, 'routine page (receptionist)');

  // The check for a chosen nurse: Jonas is authorised, but his emergency course has expired.
  await page.getByRole('link', { name: 'Sjekk rutine' }).first().click();
  await expect(page.getByLabel('Søk etter rutine')).toBeFocused();
  await page.getByLabel('Sjekk for sykepleier').selectOption({ label: 'Jonas Sandmo' });
  await page.getByLabel('Søk etter rutine').fill('blære');
  await page.getByRole('button', { name: /^Ukomplisert blærekatarr/ }).click();
  await expect(page.locator('.verdict')).toContainText(/Jonas Sandmo kan ikke bruke rutinen: Akuttmedisinkurs utløp \d\d\.\d\d\.\d{4}/);
  // Eli is authorised but has not confirmed she has read the version (she has no account yet); her course expires within 60 days.
  await page.getByLabel('Sjekk for sykepleier').selectOption({ label: 'Eli Brennhaug' });
  await expect(page.locator('.verdict')).toContainText('Eli Brennhaug kan ikke bruke rutinen: Bekreftelse på at versjon 1 er lest mangler');
  await expect(page.getByRole('button', { name: /Bekreft at du har lest/ })).toHaveCount(0);
  await expect(page.locator('.verdict-warnings')).toContainText(/Akuttmedisinkurs utløper \d\d\.\d\d\.\d{4}/);

  // Typing the address of the form does not help, and the backend refuses the call itself.
  await page.goto(`${harness.origin}/#/routines/new`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen tilgang' })).toBeVisible();
  const refused = await apiAs(page, harness.accessToken, 'resepsjon', (call) => call('routines.create', {}));
  expect(refused).toEqual({ ok: false, error: { code: 'auth.forbidden' } });
});
