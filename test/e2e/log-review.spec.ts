// End-to-end: an admin draws a log review sample after some patient accesses, marks one ok and one followed up with a note, reloads, sees the marks, and prints.
import type { Page } from '@playwright/test';
import { syntheticIdentityNumber } from '../../domain/consultations/synthetic';
import { expect, expectNoSeriousA11yViolations, loadExampleData, signIn, test } from './harness-fixture';

const patientA = syntheticIdentityNumber('1961-03-14', 200)!;
const patientB = syntheticIdentityNumber('1990-07-02', 300)!;

/** Calls the API from the page as `username` (a session of its own), with the harness access token. */
async function callAs(page: Page, accessToken: string, username: string, method: string, input: unknown): Promise<{ ok: boolean }> {
  return page.evaluate(
    async ({ token, user, m, i }) => {
      const post = async (body: unknown, session?: string) => {
        const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
        if (session) headers['x-samvakt-session'] = session;
        const response = await fetch('/api/call', { method: 'POST', headers, body: JSON.stringify(body) });
        return (await response.json()) as { ok: boolean; value: { sessionToken: string } };
      };
      const signedIn = await post({ method: 'session.signIn', input: { username: user, password: 'demo-samvakt' } });
      return post({ method: m, input: i }, signedIn.value.sessionToken);
    },
    { token: accessToken, user: username, m: method, i: input },
  );
}

test('an admin draws a log review, marks accesses ok and followed up, sees the marks after a reload and prints the review', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await page.goto(harness.url);
  await loadExampleData(page);
  // Two identity searches by the receptionist: patient accesses, unusual because neither patient has an entry today.
  for (const [number, reason] of [
    [patientA, 'Pasienten ringte'],
    [patientB, 'Sjekket timebok'],
  ] as const) {
    expect((await callAs(page, harness.accessToken, 'resepsjon', 'consultations.searchByIdentity', { identityNumber: number, reason })).ok).toBe(true);
  }

  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Gå til stikkprøver av loggen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stikkprøver av loggen' })).toBeVisible();
  await expect(page.getByText('Ingen stikkprøver er trukket ennå.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Stikkprøver (tom)');

  await page.getByRole('button', { name: 'Trekk stikkprøve' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Stikkprøven er trukket' })).toBeVisible();
  const table = page.getByRole('table', { name: /Stikkprøve/ });
  const searches = table.getByRole('row').filter({ hasText: 'Anne Berit Formoen' });
  await expect(searches).toHaveCount(2);
  await expect(searches.first()).toContainText('Søk uten konsultasjon samme dag');
  await expect(searches.first()).toContainText(/Ref\. [0-9A-F]{6}/);
  await expect(table).not.toContainText(patientA);
  await expectNoSeriousA11yViolations(page, 'Stikkprøve');

  // The first search is fine; the second is followed up (a note is required).
  await searches.nth(0).getByRole('button', { name: /^OK/ }).click();
  await expect(searches.nth(0)).toContainText('OK (Øystein Admin-Rønning');
  await searches.nth(1).getByRole('button', { name: /^Fulgt opp/ }).click();
  await searches.nth(1).getByRole('button', { name: 'Lagre oppfølging' }).click();
  const note = searches.nth(1).getByLabel('Hva ble gjort');
  await expect(note).toBeFocused();
  await expect(note).toHaveAccessibleDescription(/Påkrevd/);
  await note.fill('Spurt resepsjonen: pasienten ringte om time');
  await page.keyboard.press('Enter');
  await expect(searches.nth(1)).toContainText('Fulgt opp (Øystein Admin-Rønning');

  // After a reload (signed out: the session is kept in memory only) the review shows both marks.
  await page.reload();
  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Stikkprøver av loggen' })).toBeVisible();
  await expect(page.getByText(/2 av \d+ gjennomgått/)).toBeVisible();
  const again = page.getByRole('table', { name: /Stikkprøve/ }).getByRole('row').filter({ hasText: 'Anne Berit Formoen' });
  await expect(again.nth(0)).toContainText('OK (Øystein Admin-Rønning');
  await expect(again.nth(1)).toContainText('Spurt resepsjonen: pasienten ringte om time');

  // Printing: the print path is used, and the printed page shows the review and its marks without the controls.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Skriv ut' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText(/Stikkprøve av tilgangsloggen ·/)).toBeVisible();
  await expect(page.getByText('Gjennomgått av (signatur og dato):')).toBeVisible();
  await expect(again.nth(1)).toContainText('Fulgt opp');
  await expect(again.nth(1)).toContainText('Spurt resepsjonen: pasienten ringte om time');
  await expect(page.getByRole('button', { name: /^OK/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Trekk stikkprøve' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
});
