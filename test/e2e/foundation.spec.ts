// End-to-end: first run, example data, sign-in, offices and staff that survive a restart, bad input, role limits, accessibility.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, loadExampleData, signIn, startHarnessProcess, test } from './harness-fixture';

async function expectNoSeriousA11yViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('first run → example data → sign in → add an office and a staff member → both survive a restart', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Velkommen');
  await loadExampleData(page);
  // The sign-in screen tells how to sign in as each example role.
  for (const username of ['admin', 'leder', 'lege', 'sykepleier', 'resepsjon']) {
    await expect(page.getByText(username, { exact: true }).first()).toBeVisible();
  }
  await signIn(page, 'admin');

  await page.getByRole('link', { name: 'Kontorer' }).click();
  await expect(page.getByRole('rowheader', { name: 'Grong legekontor' })).toBeVisible();
  await page.getByRole('link', { name: 'Nytt kontor' }).click();
  await page.getByLabel('Navn på kontoret').fill('Snåsa legekontor');
  await page.getByLabel('Kommune').fill('Snåsa');
  await page.getByLabel('Telefon').fill('74 15 00 00');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('rowheader', { name: 'Snåsa legekontor' })).toBeVisible();

  await page.getByRole('link', { name: 'Ansatte' }).click();
  await page.getByRole('link', { name: 'Ny ansatt' }).click();
  await page.getByLabel('Fullt navn').fill('Nora Nyansatt');
  await page.getByLabel('Yrke').selectOption({ label: 'sykepleier' });
  await page.getByLabel('Fast kontor').selectOption({ label: 'Snåsa legekontor' });
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('rowheader', { name: 'Nora Nyansatt' })).toBeVisible();

  // Restart the harness on the same data folder: everything saved must still be there.
  await harness.stop();
  const restarted = await startHarnessProcess(harness.dataDir);
  try {
    await page.goto(restarted.url);
    await signIn(page, 'admin');
    await page.getByRole('link', { name: 'Kontorer' }).click();
    await expect(page.getByRole('rowheader', { name: 'Snåsa legekontor' })).toBeVisible();
    await page.getByRole('link', { name: 'Ansatte' }).click();
    await expect(page.getByRole('rowheader', { name: 'Nora Nyansatt' })).toBeVisible();
  } finally {
    await restarted.stop();
  }
});

test('bad input shows a Norwegian error, keeps what was typed and saves nothing', async ({ page, harness }) => {
  await page.goto(harness.url);
  await loadExampleData(page);
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Kontorer' }).click();
  await page.getByRole('link', { name: 'Nytt kontor' }).click();

  // Empty name.
  await page.getByLabel('Kommune').fill('Grong');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('alert')).toContainText('Navn på kontoret');
  await expect(page.getByLabel('Kommune')).toHaveValue('Grong');

  // Duplicate office name (case and spacing ignored).
  await page.getByLabel('Navn på kontoret').fill('  grong LEGEKONTOR ');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByText('Det finnes allerede et kontor med dette navnet.').first()).toBeVisible();
  await expect(page.getByLabel('Navn på kontoret')).toHaveValue('  grong LEGEKONTOR ');

  // Nothing was saved: still exactly the four example offices.
  await page.getByRole('link', { name: 'Kontorer' }).click();
  await expect(page.getByRole('rowheader', { name: /legekontor$/i })).toHaveCount(4);
  await expect(page.getByRole('rowheader', { name: /grong legekontor/i })).toHaveCount(1);
});

test('a receptionist cannot open user administration, and the backend refuses it too', async ({ page, harness }) => {
  await page.goto(harness.url);
  await loadExampleData(page);
  await signIn(page, 'resepsjon');
  await expect(page.getByRole('link', { name: 'Brukere' })).toHaveCount(0);
  await page.goto(`${harness.origin}/#/users`);
  await expect(page.getByText(/ikke tilgang/i).first()).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'admin' })).toHaveCount(0);

  // The role check is in the backend: a direct API call with the receptionist's session is refused.
  const sessionToken = await page.evaluate(async (token) => {
    const response = await fetch('/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ method: 'session.signIn', input: { username: 'resepsjon', password: 'demo-samvakt' } }),
    });
    return ((await response.json()) as { value: { sessionToken: string } }).value.sessionToken;
  }, harness.accessToken);
  const refused = await page.evaluate(
    async ({ token, session }) => {
      const response = await fetch('/api/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-samvakt-session': session },
        body: JSON.stringify({ method: 'users.list', input: {} }),
      });
      return response.json();
    },
    { token: harness.accessToken, session: sessionToken },
  );
  expect(refused).toEqual({ ok: false, error: { code: 'auth.forbidden' } });
});

test('the API refuses requests without the access token', async ({ request, harness }) => {
  const response = await request.post(`${harness.origin}/api/call`, { data: { method: 'setup.status', input: {} } });
  expect(response.status()).toBe(401);
});

test('first run can create a new cooperation and its first admin instead', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByLabel('Navn på samarbeidet').fill('Testdal legesamarbeid');
  await page.getByLabel('Ditt fulle navn').fill('Ada Admin');
  await page.getByLabel('Brukernavn').fill('ada');
  await page.getByLabel('Passord', { exact: true }).fill('et-langt-passord');
  await page.getByLabel('Gjenta passord').fill('et-langt-passord');
  await page.getByRole('button', { name: 'Opprett samarbeid' }).click();
  await expect(page.getByRole('button', { name: 'Logg ut / bytt bruker' })).toBeVisible();
  await expect(page.getByText('Testdal legesamarbeid').first()).toBeVisible();
  // Sign out and back in: switching user is one click away.
  await page.getByRole('button', { name: 'Logg ut / bytt bruker' }).click();
  await expect(page.getByLabel('Brukernavn')).toBeFocused();
  await signIn(page, 'ada', 'et-langt-passord');
});

test('every screen passes an axe-core scan without serious or critical violations', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'first run');
  await loadExampleData(page);
  await expectNoSeriousA11yViolations(page, 'sign-in');
  await signIn(page, 'admin');
  const screens: [string, string | null][] = [
    ['Kontorer', 'Nytt kontor'],
    ['Ansatte', 'Ny ansatt'],
    ['Brukere', 'Ny bruker'],
    ['Innstillinger', null],
  ];
  for (const [nav, form] of screens) {
    await page.getByRole('link', { name: nav, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page, nav);
    if (form) {
      await page.getByRole('link', { name: form }).click();
      await expect(page.getByRole('button', { name: 'Lagre' })).toBeVisible();
      await expectNoSeriousA11yViolations(page, `${nav} › ${form}`);
    }
  }
});

test("the header shows today's staffing once this computer belongs to an office", async ({ page, harness }) => {
  await page.goto(harness.url);
  await loadExampleData(page);
  await signIn(page, 'admin');
  await expect(page.getByText(/^I dag på/)).toHaveCount(0);
  await page.getByRole('link', { name: 'Innstillinger' }).click();
  await page.getByLabel('Kontoret denne maskinen står på').selectOption({ label: 'Grong legekontor' });
  await page.getByRole('button', { name: 'Lagre' }).first().click();
  await expect(page.getByText('Denne maskinen: Grong legekontor')).toBeVisible();
  await expect(page.getByText('I dag på Grong legekontor:')).toBeVisible();
});

test('after sign-in each role starts at its work screen (issue 16, B1)', async ({ page, harness }) => {
  await page.goto(harness.url);
  await loadExampleData(page);
  const starts: [string, RegExp, RegExp][] = [
    ['resepsjon', /#\/consultations\/new$/, /Konsultasjonslogg/],
    ['sykepleier', /#\/consultations\/new$/, /Konsultasjonslogg/],
    ['leder', /#\/overview$/, /Oversikt/],
    ['lege', /#\/routines$/, /Alle rutiner/],
    ['admin', /#\/settings$/, /Innstillinger/],
  ];
  for (const [username, url, heading] of starts) {
    await signIn(page, username);
    await expect(page).toHaveURL(url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await page.getByRole('button', { name: 'Logg ut / bytt bruker' }).click();
    await page.getByRole('button', { name: 'Logg inn' }).waitFor();
  }
});
