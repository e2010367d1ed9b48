// End-to-end: auto-lock keeps what was typed and unlocks with the password, switching user, failed sign-in lockout, and backup and restore.
import AxeBuilder from '@axe-core/playwright';
import { expect, loadExampleData, signIn, test } from './harness-fixture';

test('the screen locks after 5 idle minutes over a half-filled form; the same user unlocks and carries on', async ({ page, harness }) => {
  await page.clock.install();
  await page.goto(harness.url);
  await loadExampleData(page);
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Kontorer' }).click();
  await page.getByRole('link', { name: 'Nytt kontor' }).click();
  await page.getByLabel('Navn på kontoret').fill('Snåsa legekontor');

  // Four and a half minutes: still open.
  await page.clock.fastForward('04:30');
  await expect(page.getByRole('heading', { name: 'Skjermen er låst' })).toHaveCount(0);
  await page.clock.fastForward('00:40');
  const lock = page.getByRole('dialog', { name: 'Skjermen er låst' });
  await expect(lock).toBeVisible();
  await expect(lock).toContainText('Øystein Admin-Rønning (admin)');
  // The form underneath is out of reach while locked: inert (no focus, no clicks) and hidden from assistive technology.
  await expect(page.locator('.lock-underlay')).toHaveAttribute('inert', '');
  await expect(page.getByRole('textbox', { name: 'Navn på kontoret' })).toHaveCount(0);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('.lock-screen') !== null)).toBe(true);
  await page.screenshot({ path: test.info().outputPath('lock-screen.png') });
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await lock.getByLabel('Passord').fill('feil-passord');
  await lock.getByRole('button', { name: 'Lås opp' }).click();
  await expect(lock.getByRole('alert')).toContainText('Feil brukernavn eller passord');
  await lock.getByLabel('Passord').fill('demo-samvakt');
  await lock.getByRole('button', { name: 'Lås opp' }).click();
  await expect(lock).toHaveCount(0);
  // Nothing typed is lost, and the session works as before.
  await expect(page.getByLabel('Navn på kontoret')).toHaveValue('Snåsa legekontor');
  await page.getByLabel('Kommune').fill('Snåsa');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('heading', { name: 'Kontorer', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Snåsa legekontor' })).toBeVisible();
});

test('"Lås skjermen" locks at once; another user can take over with "Bytt bruker"', async ({ page, harness }) => {
  await page.goto(harness.url);
  await loadExampleData(page);
  await signIn(page, 'resepsjon');
  await page.getByRole('button', { name: 'Lås skjermen' }).click();
  const lock = page.getByRole('dialog', { name: 'Skjermen er låst' });
  await expect(lock).toBeVisible();
  await lock.getByRole('button', { name: 'Bytt bruker' }).click();
  await signIn(page, 'sykepleier');
  await expect(page.getByRole('banner').getByText('Marte Kvernmo')).toBeVisible();
  await expect(lock).toHaveCount(0);
});

test('five wrong passwords block the username for a while, with a message that says what to do', async ({ page, harness }) => {
  await page.goto(harness.url);
  await loadExampleData(page);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel('Brukernavn', { exact: true }).fill('leder');
    await page.getByLabel('Passord', { exact: true }).fill(`feil-${attempt}`);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await expect(page.getByRole('alert').first()).toContainText(attempt < 5 ? 'Feil brukernavn eller passord' : 'For mange feil passord');
  }
  await page.getByLabel('Brukernavn', { exact: true }).fill('leder');
  await page.getByLabel('Passord', { exact: true }).fill('demo-samvakt');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByRole('alert').first()).toContainText('Vent 15 minutter');
  // Other users are not affected.
  await signIn(page, 'admin');
});

test('an admin takes a backup and restores it after a confirmation; later changes are gone', async ({ page, harness }) => {
  await page.goto(harness.url);
  await loadExampleData(page);
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Innstillinger' }).click();
  const section = page.getByRole('region', { name: 'Sikkerhetskopi' });
  await expect(section).toContainText('én per dag den siste uken og én per uke i 4 uker');
  // The harness took today's daily backup when it started.
  await expect(section.getByRole('cell', { name: 'Daglig' })).toHaveCount(1);
  await section.getByRole('button', { name: 'Ta sikkerhetskopi nå' }).click();
  await expect(section.getByRole('status')).toContainText('Sikkerhetskopien er tatt');
  await expect(section.getByRole('cell', { name: 'Manuell' })).toHaveCount(1);
  await section.screenshot({ path: test.info().outputPath('backups.png') });

  await page.getByRole('link', { name: 'Kontorer' }).click();
  await page.getByRole('link', { name: 'Nytt kontor' }).click();
  await page.getByLabel('Navn på kontoret').fill('Snåsa legekontor');
  await page.getByLabel('Kommune').fill('Snåsa');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('link', { name: 'Snåsa legekontor' })).toBeVisible();

  await page.getByRole('link', { name: 'Innstillinger' }).click();
  const manualRow = section.getByRole('row').filter({ hasText: 'Manuell' });
  await manualRow.getByRole('button', { name: /Gjenopprett sikkerhetskopien fra/ }).click();
  const confirm = page.getByRole('dialog', { name: /Gjenopprette sikkerhetskopien fra/ });
  await expect(confirm).toContainText('Det som er lagret etter det og ikke er synkronisert, går tapt');
  await page.screenshot({ path: test.info().outputPath('restore-confirm.png') });
  // Cancel is the safe default: nothing happens.
  await confirm.getByRole('button', { name: 'Avbryt' }).click();
  await expect(confirm).toBeHidden();
  await manualRow.getByRole('button', { name: /Gjenopprett sikkerhetskopien fra/ }).click();
  await confirm.getByRole('button', { name: 'Gjenopprett' }).click();

  // Everyone is signed out; after signing in, the office made after the backup is gone.
  await expect(page.getByRole('button', { name: 'Logg inn' })).toBeVisible();
  await signIn(page, 'admin');
  await expect(page.getByText(/er gjenopprettet/)).toBeVisible();
  await page.getByRole('link', { name: 'Kontorer' }).click();
  await expect(page.getByRole('link', { name: 'Grong legekontor' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Snåsa legekontor' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Innstillinger' }).click();
  await expect(section.getByRole('cell', { name: 'Før gjenoppretting' })).toHaveCount(1);
});

test('the Content-Security-Policy blocks injected inline script in a real Chromium', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Last inn eksempeldata' }).waitFor();
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { injected: (window as unknown as { __injected?: boolean }).__injected === true, violations };
  });
  expect(outcome.injected).toBe(false);
  expect(outcome.violations).toContain('script-src-elem');
});
