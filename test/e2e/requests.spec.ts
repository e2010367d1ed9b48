// End-to-end (issue 15): a swap that would break the 11 h rest shows that warning to the lead before approval; an approved leave request becomes an absence and its clashing shifts are listed; axe on the inbox and its dialogs.
import { addIsoWeeks, isoWeekDates, isoWeekOf } from '../../domain/calendar/isoWeek';
import { utcMsToOslo } from '../../domain/calendar/oslo';
import { apiAs, expect, expectNoSeriousA11yViolations, loadExampleData, signIn, test } from './harness-fixture';
import type { Page } from '@playwright/test';

interface RotaWeekAnswer {
  shifts: { id: string; staffId: string; date: string }[];
  absences: { staffId: string; from: string; to: string; kind: string }[];
  staff: { id: string; name: string }[];
  offices: { id: string; name: string }[];
}

const nextWeek = (weeks: number) => isoWeekDates(addIsoWeeks(isoWeekOf(utcMsToOslo(Date.now()).date), weeks));
const ddmmyyyy = (date: string) => date.split('-').reverse().join('.');

async function switchUser(page: Page, username: string) {
  await page.getByRole('button', { name: 'Logg ut / bytt bruker' }).click();
  await signIn(page, username);
}

test('a swap that would break the 11 h rest: the lead sees the warning before approving, and the shift moves', async ({ page, harness }) => {
  await page.goto(harness.url);
  await loadExampleData(page);
  await signIn(page, 'admin');
  const admin = await apiAs(page, harness.accessToken, 'admin');
  const lead = await apiAs(page, harness.accessToken, 'leder');
  const rota = await lead<RotaWeekAnswer>('rota.week', { week: addIsoWeeks(isoWeekOf(utcMsToOslo(Date.now()).date), 1) });
  const person = (name: string) => rota.staff.find((member) => member.name === name)!.id;
  const grong = rota.offices.find((office) => office.name === 'Grong legekontor')!.id;
  await admin('users.create', { staffId: person('Jonas Sandmo'), username: 'jonas', password: 'demo-samvakt', roles: ['nurse'] });
  const saturday = nextWeek(1)[5]!;
  const sunday = nextWeek(1)[6]!;
  // Jonas works late on Saturday; Marte's Sunday morning shift would leave him 9 hours of rest.
  await lead('rota.createShift', { staffId: person('Jonas Sandmo'), officeId: grong, date: saturday, start: '14:00', end: '23:00', kind: 'clinic', note: null });
  const shift = await lead<{ id: string }>('rota.createShift', { staffId: person('Marte Kvernmo'), officeId: grong, date: sunday, start: '08:00', end: '15:30', kind: 'clinic', note: null });

  // Marte offers the shift to Jonas from her inbox.
  await switchUser(page, 'sykepleier');
  await page.getByRole('link', { name: /^Innboks/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Innboks' })).toBeVisible();
  // The new shift in a published week is itself a notice (rota notices share the inbox).
  await expect(page.locator('.inbox-line', { hasText: /^Du har fått en ny vakt søndag \d\d\.\d\d\. 08:00–15:30 ved Grong legekontor\./ })).toBeVisible();
  await page.getByRole('button', { name: 'Tilby en vakt' }).click();
  const offer = page.getByRole('dialog', { name: 'Tilby en vakt' });
  await offer.getByLabel('Vakt', { exact: true }).selectOption(shift.id);
  await offer.getByLabel('Tilby til').selectOption({ label: 'Jonas Sandmo' });
  await expectNoSeriousA11yViolations(page, 'Tilby en vakt');
  await offer.getByRole('button', { name: 'Tilby vakten' }).click();
  await expect(page.getByText('Vakten er tilbudt.')).toBeVisible();

  // Jonas takes it: the inbox opens after sign-in because something waits.
  await switchUser(page, 'jonas');
  await expect(page.getByRole('heading', { level: 1, name: 'Innboks' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Innboks, [1-9]\d* venter$/ })).toBeVisible();
  const offered = page.locator('.inbox-line', { hasText: 'Marte Kvernmo tilbyr deg vakten ved Grong legekontor' });
  await offered.getByRole('button', { name: 'Ta vakten' }).click();
  await expect(page.getByText('Lagret. Svaret når de andre ved neste synkronisering.')).toBeVisible();
  await expect(offered).toHaveCount(0);
  // The line went with its button; the keyboard stays in the list.
  await expect(page.getByRole('heading', { level: 2, name: 'Venter på deg' })).toBeFocused();

  // The lead sees the line with its new warning, and the rest warning itself before saying yes.
  await switchUser(page, 'leder');
  await expect(page.getByRole('heading', { level: 1, name: 'Innboks' })).toBeVisible();
  const line = page.locator('.inbox-line', { hasText: 'Jonas Sandmo vil ta vakten til Marte Kvernmo' });
  await expect(line).toContainText(/[1-9]\d* (nytt varsel|nye varsler)/);
  await expectNoSeriousA11yViolations(page, 'Innboks (leder)');
  await line.getByRole('button', { name: 'Godkjenn' }).click();
  const decide = page.getByRole('dialog', { name: 'Godkjenne?' });
  await expect(decide.getByRole('heading', { name: 'Varsler godkjenningen gir' })).toBeVisible();
  await expect(decide).toContainText(/Jonas Sandmo .*hvile/i);
  await expectNoSeriousA11yViolations(page, 'Godkjenne vaktbytte');
  await decide.getByRole('button', { name: 'Godkjenn likevel' }).click();
  await expect(page.getByText('Godkjent.')).toBeVisible();
  const after = await lead<RotaWeekAnswer>('rota.week', { week: isoWeekOf(sunday) });
  expect(after.shifts.find((candidate) => candidate.id === shift.id)?.staffId).toBe(person('Jonas Sandmo'));
});

test('a leave request approved becomes an absence, and the shifts in the period are listed for the lead', async ({ page, harness }) => {
  await page.goto(harness.url);
  await loadExampleData(page);
  await signIn(page, 'sykepleier');
  const lead = await apiAs(page, harness.accessToken, 'leder');
  const [monday, tuesday, wednesday] = nextWeek(2);
  const rota = await lead<RotaWeekAnswer>('rota.week', { week: isoWeekOf(monday!) });
  const marte = rota.staff.find((member) => member.name === 'Marte Kvernmo')!.id;
  const grong = rota.offices.find((office) => office.name === 'Grong legekontor')!.id;
  await lead('rota.createShift', { staffId: marte, officeId: grong, date: tuesday, start: '16:00', end: '20:00', kind: 'clinic', note: null });

  await page.getByRole('link', { name: /^Innboks/ }).click();
  await page.getByRole('button', { name: 'Søk om fravær' }).click();
  const form = page.getByRole('dialog', { name: 'Søk om fravær' });
  await form.getByLabel('Type fravær').selectOption({ label: 'ferie' });
  await form.getByLabel('Fra og med').fill(ddmmyyyy(monday!));
  await form.getByLabel('Til og med').fill(ddmmyyyy(wednesday!));
  await form.getByLabel('Merknad til lederen').fill('Familietur');
  await expectNoSeriousA11yViolations(page, 'Søk om fravær');
  await form.getByRole('button', { name: 'Send søknad' }).click();
  await expect(page.getByText('Søknaden er sendt til lederen.')).toBeVisible();

  await page.getByRole('button', { name: 'Logg ut / bytt bruker' }).click();
  await signIn(page, 'leder');
  await expect(page.getByRole('heading', { level: 1, name: 'Innboks' })).toBeVisible();
  const line = page.locator('.inbox-line', { hasText: 'Marte Kvernmo søker om ferie' });
  await expect(line).toContainText('Merknad: Familietur');
  await line.getByRole('button', { name: 'Godkjenn' }).click();
  const decide = page.getByRole('dialog', { name: 'Godkjenne?' });
  await expect(decide.getByRole('heading', { name: 'Vakter i perioden' })).toBeVisible();
  await expect(decide.locator('.clashing-shifts')).toContainText('16:00–20:00');
  await decide.getByLabel('Merknad (vises for den som spurte)').fill('God tur');
  await decide.getByRole('button', { name: 'Godkjenn' }).click();
  await expect(page.getByText('Fraværet er godkjent. Disse vaktene må dekkes:')).toBeVisible();
  const listed = page.locator('.inbox-clashes .clashing-shifts li', { hasText: '16:00–20:00' });
  await expect(listed.getByRole('button', { name: /^Åpne uke \d+ i turnusen$/ })).toBeVisible();
  // "Hvem kan dekke?" on the listed shift hands it to someone else.
  await listed.getByRole('button', { name: 'Hvem kan dekke?' }).click();
  const cover = page.getByRole('dialog', { name: 'Hvem kan dekke?' });
  const first = cover.locator('.cover-option').first();
  const name = (await first.innerText()).split(' · ')[0]!;
  await first.click();
  await expect(listed).toContainText(`${name} er satt opp.`);

  // The lead also publishes an open shift from the inbox (keyboard and axe on the dialog).
  await page.getByRole('button', { name: 'Lys ut ledig vakt' }).click();
  const publish = page.getByRole('dialog', { name: 'Lys ut ledig vakt' });
  await expect(publish.getByLabel('Kontor')).toHaveValue(grong);
  await publish.getByLabel('Dato').fill(ddmmyyyy(wednesday!));
  await publish.getByLabel('Fra', { exact: true }).fill('1800');
  await publish.getByLabel('Til', { exact: true }).fill('2200');
  // The competence list offers what applies to the chosen profession; the shift needs the emergency-medicine course.
  const competence = publish.getByLabel('Krever kompetanse');
  await expect(competence).toHaveValue('');
  await competence.selectOption({ label: 'Akuttmedisinkurs' });
  await expectNoSeriousA11yViolations(page, 'Lys ut ledig vakt');
  await publish.getByLabel('Merknad').press('Enter');
  await expect(page.getByText('Den ledige vakten er lyst ut.')).toBeVisible();

  const after = await lead<RotaWeekAnswer>('rota.week', { week: isoWeekOf(monday!) });
  expect(after.absences).toContainEqual(expect.objectContaining({ staffId: marte, from: monday, to: wednesday, kind: 'holiday' }));

  // The nurse gets the answer with the note.
  await page.getByRole('button', { name: 'Logg ut / bytt bruker' }).click();
  await signIn(page, 'sykepleier');
  await expect(page.getByRole('heading', { level: 1, name: 'Innboks' })).toBeVisible();
  await expect(page.locator('.inbox-line', { hasText: 'Fraværssøknaden din er godkjent: ferie' })).toContainText('Merknad: God tur');
  // She is on holiday that Wednesday, so the evening open shift is not offered to her.
  await expect(page.locator('.inbox-line', { hasText: 'Ledig vakt ved Grong legekontor' })).toHaveCount(0);
});
