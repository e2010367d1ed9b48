// End-to-end: a lead sets the cooperation's rota limits in Innstillinger; bad values get a Norwegian error and save nothing.
import AxeBuilder from '@axe-core/playwright';
import { expect, loadExampleData, signIn, test } from './harness-fixture';

test('a lead changes the rota limits, with validation, and they are kept', async ({ page, harness }) => {
  await page.goto(harness.url);
  await loadExampleData(page);
  await signIn(page, 'leder');
  await page.getByRole('link', { name: 'Innstillinger' }).click();
  const dayHours = page.getByLabel('Flest timer på én dag');
  await expect(dayHours).toHaveValue('9');

  await dayHours.fill('30');
  await page.getByRole('button', { name: 'Lagre turnusgrensene' }).click();
  await expect(page.locator('#rota-limits-maxDayHours-error')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'lagret' })).toHaveCount(0);

  await dayHours.fill('10');
  await page.getByLabel('Legevakt teller med i timer per dag og uke').check();
  await page.getByRole('button', { name: 'Lagre turnusgrensene' }).click();
  await expect(page.getByText('Turnusgrensene er lagret og brukes i varslene med en gang.')).toBeVisible();

  await page.reload();
  await signIn(page, 'leder');
  await page.getByRole('link', { name: 'Innstillinger' }).click();
  await expect(page.getByLabel('Flest timer på én dag')).toHaveValue('10');
  await expect(page.getByLabel('Legevakt teller med i timer per dag og uke')).toBeChecked();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('a receptionist does not see the rota limits', async ({ page, harness }) => {
  await page.goto(harness.url);
  await loadExampleData(page);
  await signIn(page, 'resepsjon');
  await page.getByRole('link', { name: 'Innstillinger' }).click();
  await expect(page.getByRole('heading', { name: 'Innstillinger', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Turnusgrenser' })).toHaveCount(0);
});
