// End-to-end (issue 15): a lead fills Namsskogan's Thursday without a doctor by "Hvem kan dekke?" (video from Grong, by keyboard); the warning goes and the wall sheet shows the cover; axe on the dialog.
import { isoWeekDates, addIsoWeeks, isoWeekOf } from '../../domain/calendar/isoWeek';
import { utcMsToOslo } from '../../domain/calendar/oslo';
import { apiAs, expect, expectNoSeriousA11yViolations, loadExampleData, printToPdf, signIn, test } from './harness-fixture';

interface RotaWeekAnswer {
  shifts: { staffId: string; date: string; kind: string; patternId: string | null; occurrenceDate: string | null }[];
  staff: { id: string; name: string }[];
}

const count = (text: string, part: string) => text.split(part).length - 1;

test('Namsskogan Thursday "Ingen lege" → Hvem kan dekke → Lars Erik Vassdal by video from Grong: the warning is gone and the sheet shows the cover', async ({ page, harness }) => {
  await page.goto(harness.url);
  await loadExampleData(page);
  await signIn(page, 'leder');

  // In the example plan's week 4 Kari Elvenes has time off on Thursday and Lars Erik covers Namsskogan by video; take
  // that cover away (as if it had not been planned yet), so the week has the gap.
  const week = addIsoWeeks(isoWeekOf(utcMsToOslo(Date.now()).date), 4);
  const thursday = isoWeekDates(week)[3]!;
  const api = await apiAs(page, harness.accessToken, 'leder');
  const rota = await api<RotaWeekAnswer>('rota.week', { week });
  const lars = rota.staff.find((member) => member.name === 'Lars Erik Vassdal')!;
  const video = rota.shifts.find((shift) => shift.staffId === lars.id && shift.date === thursday && shift.kind === 'video')!;
  await api('rota.removeOccurrence', { patternId: video.patternId, date: video.occurrenceDate });

  await page.getByRole('link', { name: 'Oversikt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Oversikt' })).toBeVisible();
  const [year, month, day] = thursday.split('-');
  const goTo = page.getByLabel('Gå til uke eller dato');
  await goTo.fill(`${day}.${month}.${year}`);
  await goTo.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Uke ${week.week} ·`) })).toBeVisible();
  const namsskogan = page.locator('tbody.office-block', { hasText: 'Namsskogan legekontor' });
  await expect(namsskogan.locator('tr.row--warnings')).toContainText('Ingen lege');
  const before = await printToPdf(page, 'cover-before');

  const warning = page.locator('.warning-list li', { hasText: /^.*Namsskogan legekontor torsdag.*ingen lege/ });
  const button = warning.getByRole('button', { name: 'Hvem kan dekke?' });
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Hvem kan dekke?' });
  await expect(dialog).toContainText('Namsskogan legekontor');
  const option = dialog.getByRole('button', { name: /^Lars Erik Vassdal · video fra Grong · ledig · ingen nye varsler/ });
  await expect(option).toBeVisible();
  // Kari is off that day: named under "Kan ikke ta det", not offered.
  await expect(dialog.locator('.cover-blocked')).toContainText('Kari Elvenes');
  await expect(dialog.getByRole('button', { name: /^Kari Elvenes/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'Hvem kan dekke?');

  // Esc closes without booking, and focus goes back to the button.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  // Open again and book with the keyboard: the best candidate has focus, arrow keys move, Enter books.
  await page.keyboard.press('Enter');
  await expect(option).toBeVisible();
  await expect(dialog.locator('.cover-option').first()).toBeFocused();
  const options = await dialog.locator('.cover-option').allInnerTexts();
  const target = options.findIndex((text) => text.startsWith('Lars Erik Vassdal · video fra Grong'));
  expect(target).toBeGreaterThanOrEqual(0);
  for (let step = 0; step < target; step++) await page.keyboard.press('ArrowDown');
  await expect(option).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Lars Erik Vassdal er satt opp.' })).toBeVisible();

  // The warning is gone (data.changed rota reloads the week) and Thursday's video row names him, from Grong.
  await expect(namsskogan).not.toContainText('Ingen lege');
  await expect(page.locator('.warning-list li', { hasText: /Namsskogan legekontor torsdag.*ingen lege/ })).toHaveCount(0);
  const videoCell = namsskogan.locator('tr.row--video td').nth(3);
  await expect(videoCell).toContainText('Lars Erik Vassdal');
  await expect(videoCell).toContainText('fra Grong');

  // The printed sheet: as many pages as before, one more line for Lars Erik, one "Ingen lege" fewer.
  const after = await printToPdf(page, 'cover-after');
  expect(after.pages).toBe(before.pages);
  expect(count(after.text, 'Lars Erik Vassdal')).toBe(count(before.text, 'Lars Erik Vassdal') + 1);
  expect(count(after.text, 'Ingen lege')).toBe(count(before.text, 'Ingen lege') - 1);
});

test('Turnus: "Hvem kan dekke?" on a shift says what to do when nobody can, and hands a shift over with Enter', async ({ page, harness }) => {
  await page.goto(harness.url);
  await loadExampleData(page);
  await signIn(page, 'leder');
  await page.getByRole('link', { name: 'Turnus', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Turnus' })).toBeVisible();
  await page.getByLabel('Vis kontor').selectOption({ label: 'Lierne legekontor' });
  const dialog = page.getByRole('dialog', { name: 'Hvem kan dekke?' });

  // Monday: every doctor of the example plan works somewhere, so nobody can take Sofie Brattland's shift.
  await page.getByRole('button', { name: /Sofie Brattland mandag.* – endre$/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Hvem kan dekke?' }).click();
  await expect(dialog).toContainText('Hvem kan ta over vakten ved Lierne legekontor');
  await expect(dialog).toContainText('Ingen kan ta dette');
  await expect(dialog.locator('.cover-blocked')).toContainText('Mats Holmvik · har en annen vakt samtidig');
  await expectNoSeriousA11yViolations(page, 'Hvem kan dekke? (ingen)');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Thursday: Mats Holmvik (Lierne, Monday to Wednesday) is free and first; Enter hands him the shift.
  await page.getByRole('button', { name: /Sofie Brattland torsdag.* – endre$/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Hvem kan dekke?' }).click();
  const first = dialog.locator('.cover-option').first();
  await expect(first).toBeFocused();
  await expect(first).toHaveText(/^Mats Holmvik · ingen kjøring · ledig · ingen nye varsler/);
  await expectNoSeriousA11yViolations(page, 'Hvem kan dekke? (vakt)');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Mats Holmvik er satt opp.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Mats Holmvik torsdag.* – endre$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Sofie Brattland torsdag.* – endre$/ })).toHaveCount(0);
});
