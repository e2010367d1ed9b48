// End-to-end (issue 15 item 6): a lead plans week N+2 as a draft a nurse does not see, the printed sheet says "Utkast", the lead publishes, and the nurse sees the shift and the notice; axe on the changed screens.
import type { Page } from '@playwright/test';
import { addIsoWeeks, isoWeekDates, isoWeekOf } from '../../domain/calendar/isoWeek';
import { utcMsToOslo } from '../../domain/calendar/oslo';
import { apiAs, expect, expectNoSeriousA11yViolations, loadExampleData, printToPdf, signIn, test } from './harness-fixture';

async function goToWeek(page: Page, week: { year: number; week: number }) {
  const goTo = page.getByLabel('Gå til uke eller dato');
  await goTo.fill(`${week.week}/${week.year}`);
  await goTo.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Uke ${week.week} ·`) })).toBeVisible();
}

test('a lead drafts week N+2, a nurse does not see it, the wall sheet says Utkast; after publishing the nurse sees her shift and the notice', async ({ page, harness }) => {
  await page.goto(harness.url);
  await loadExampleData(page);
  await signIn(page, 'leder');
  const week = addIsoWeeks(isoWeekOf(utcMsToOslo(Date.now()).date), 2);
  const wednesday = isoWeekDates(week)[2]!;
  const lead = await apiAs(page, harness.accessToken, 'leder');
  const offices = await lead<{ id: string; name: string }[]>('offices.list', {});
  const staff = await lead<{ id: string; name: string }[]>('staff.list', {});
  const grong = offices.find((office) => office.name === 'Grong legekontor')!.id;
  const marte = staff.find((member) => member.name === 'Marte Kvernmo')!.id;

  // The lead makes week N+2 at Grong a draft, from Turnus, with a confirmation.
  await page.getByRole('link', { name: 'Turnus' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Turnus' })).toBeFocused();
  await goToWeek(page, week);
  await page.getByLabel('Vis kontor').selectOption({ label: 'Grong legekontor' });
  await page.getByRole('button', { name: `Planlegg som utkast fra uke ${week.week}` }).click();
  const confirmDraft = page.getByRole('dialog', { name: `Gjøre uke ${week.week} og senere til utkast?` });
  await expect(confirmDraft).toContainText('Vakter som alt er lagt inn i disse ukene, blir borte for de ansatte');
  await confirmDraft.getByRole('button', { name: 'Gjør til utkast' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Uke ${week.week} og senere ved Grong legekontor er nå utkast.` })).toBeVisible();
  const draftNotice = page.locator('.publication-draft');
  await expect(draftNotice).toContainText(`Grong legekontor, uke ${week.week}: utkast.`);
  await expect(draftNotice).toContainText('Utkast');

  // A shift for Marte in the draft week (as a lead plans one), visible to the lead.
  await lead('rota.createShift', { staffId: marte, officeId: grong, date: wednesday, start: '09:15', end: '14:45', kind: 'clinic' });
  const draftShift = page.getByRole('button', { name: /^09:15–14:45 .*Marte Kvernmo.*Utkast/ });
  await expect(draftShift).toBeVisible();
  await expect(draftShift.locator('.shift-draft')).toHaveText('Utkast');
  await expectNoSeriousA11yViolations(page, 'Turnus, utkast');

  // The printed wall sheet of the draft week cannot pass for the final one.
  await page.getByRole('link', { name: 'Oversikt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Oversikt' })).toBeVisible();
  await goToWeek(page, week);
  await page.getByLabel('Kontor').selectOption({ label: 'Grong legekontor' });
  await expect(page.locator('.publication-draft')).toContainText('utkast');
  await expectNoSeriousA11yViolations(page, 'Oversikt, utkast');
  const sheet = await printToPdf(page, 'draft-week');
  expect(sheet.text).toContain('UTKAST – ikke publisert: Grong legekontor.');
  expect(sheet.pages).toBe(1);

  // The nurse, signed in beside the lead, does not get the draft week.
  const nursePage = await page.context().newPage();
  await nursePage.goto(harness.url);
  await signIn(nursePage, 'sykepleier');
  await nursePage.getByRole('link', { name: 'Turnus' }).click();
  await expect(nursePage.getByRole('heading', { level: 1, name: 'Turnus' })).toBeFocused();
  await goToWeek(nursePage, week);
  await expect(nursePage.locator('main')).not.toContainText('09:15');
  await expect(nursePage.locator('.publication-bar')).toHaveCount(0);
  const nurse = await apiAs(nursePage, harness.accessToken, 'sykepleier');
  const before = await nurse<{ shifts: { staffId: string; officeId: string }[] }>('rota.week', { week });
  expect(before.shifts.filter((shift) => shift.officeId === grong)).toEqual([]);

  // The lead publishes from Oversikt: "Publiser uke N+2", confirmed.
  await page.getByRole('button', { name: `Publiser uke ${week.week}` }).click();
  const confirmPublish = page.getByRole('dialog', { name: `Publisere uke ${week.week}?` });
  await expect(confirmPublish).toContainText('får beskjed i innboksen sin');
  await confirmPublish.getByRole('button', { name: 'Publiser' }).click();
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`Uke ${week.week} ved Grong legekontor er publisert\\. \\d+ ansatte har fått beskjed\\.`) })).toBeVisible();
  await expect(page.locator('.publication-draft')).toHaveCount(0);

  // The nurse's week updates (the change event) and her shift is there; the notice waits in her inbox until she has read it.
  await expect(nursePage.locator('main')).toContainText('09:15');
  await nursePage.getByRole('link', { name: /^Innboks/ }).click();
  await expect(nursePage.getByRole('heading', { level: 1, name: 'Innboks' })).toBeVisible();
  const notice = nursePage.locator('.inbox-line', { hasText: `Turnusen for uke ${week.week} ved Grong legekontor er publisert.` });
  await expect(notice).toBeVisible();
  await expectNoSeriousA11yViolations(nursePage, 'Innboks med turnusmelding');
  await notice.getByRole('button', { name: 'Lest' }).click();
  await expect(notice).toHaveCount(0);
  const inbox = await nurse<{ items: { kind: string }[] }>('requests.inbox', {});
  expect(inbox.items.filter((item) => item.kind === 'rotaPublished')).toEqual([]);
});
