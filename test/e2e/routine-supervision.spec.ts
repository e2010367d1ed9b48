// End-to-end (issue 16 A1, A2, B6): the nurse's check names the supervising doctor now; she confirms she has read the version; the doctor sees who confirmed; several nurses authorised at once; the version in force shown right after activation; axe.
import type { Page } from '@playwright/test';
import { ROUTINE_CONTENT_FIELDS } from '../../domain/routines/types';
import { utcMsToOslo } from '../../domain/calendar/oslo';
import { formatFullDateNb } from '../../domain/calendar/format';
import { apiAs, expect, expectNoSeriousA11yViolations, loadExampleData, signIn, test } from './harness-fixture';

const TITLE = 'Sår hals hos voksne (test av lest og forstått)';

async function switchUser(page: Page, username: string) {
  await page.getByRole('button', { name: 'Logg ut / bytt bruker' }).click();
  await signIn(page, username);
}

type Member = { id: string; name: string };

test('the nurse’s check names the doctor on site now; she confirms she has read the version; the doctor sees who has', async ({ page, harness }) => {
  test.setTimeout(120_000);
  const today = utcMsToOslo(Date.now()).date;
  await page.goto(harness.url);
  await loadExampleData(page);
  const lead = await apiAs(page, harness.accessToken, 'leder');
  const nurse = await apiAs(page, harness.accessToken, 'sykepleier');
  const doctor = await apiAs(page, harness.accessToken, 'lege');
  const staff = await lead<Member[]>('staff.list', {});
  const person = (name: string) => staff.find((member) => member.name === name)!.id;

  // Mats Holmvik (phone 471 36 290 in the example data) works at Marte's office all day today.
  const before = await nurse<{ supervising: { officeId: string; officeName: string } }>('routines.check', {});
  const office = before.supervising;
  await lead('rota.createShift', { staffId: person('Mats Holmvik'), officeId: office.officeId, date: today, start: '00:00', end: '23:59', kind: 'clinic' });

  // A new routine, active, with Marte authorised: she has not confirmed she has read it yet.
  const created = await doctor<{ id: string; routineId: string }>('routines.create', {
    title: TITLE,
    icpc2Codes: ['R72'],
    indication: 'Sår hals hos voksne uten allmennsymptomer.',
    inclusionCriteria: ['18 år eller eldre'],
    exclusionCriteria: [{ text: 'Pustevansker', redFlag: true }],
    medicine: { name: 'Fenoksymetylpenicillin (test)', atcCode: 'J01CE02', strength: '1 g', form: 'tablett', route: 'oralt', dose: '1 tablett', frequency: '4 ganger daglig', durationDays: 7, maxQuantity: '28 tabletter' },
    nurseMay: 'prepareForSignature',
    followUpAdvice: 'Ny kontakt ved forverring.',
    responsibleDoctorId: person('Ingrid Solbakk'),
    requiredCompetenceTypeIds: [],
    validFrom: today,
    reviewDate: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
    expiresOn: `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`,
  });
  await doctor('routines.activate', { id: created.id });
  await doctor('routines.recordAuthorisation', { routineId: created.routineId, routineVersion: 1, nurseIds: [person('Marte Kvernmo')], kind: 'granted', effectiveDate: today });

  await signIn(page, 'sykepleier');
  await page.getByRole('link', { name: 'Rutiner', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sjekk rutine' })).toBeVisible();
  const supervisor = page.getByRole('region', { name: 'Ansvarlig lege nå' });
  await expect(supervisor).toContainText(`Mats Holmvik er på ${office.officeName} til 23:59. Telefon 471 36 290.`);

  await page.getByLabel('Søk etter rutine').fill('R72');
  await page.getByRole('button', { name: new RegExp(`^${TITLE.replace(/[()]/g, '\\$&')}.*Kan ikke brukes$`) }).click();
  const verdict = page.locator('.verdict');
  await expect(verdict).toContainText('Du kan ikke bruke rutinen: Bekreftelse på at versjon 1 er lest mangler');
  await expectNoSeriousA11yViolations(page, 'check with the supervising doctor and the confirm button');
  await page.getByRole('button', { name: 'Bekreft at du har lest versjon 1' }).click();
  await expect(verdict).toContainText('Du kan bruke denne rutinen nå');
  await expect(page.getByRole('button', { name: /Bekreft at du har lest/ })).toHaveCount(0);

  // The doctor sees who has confirmed which version, on the page and on the printed sheet.
  await switchUser(page, 'lege');
  await page.goto(`${harness.origin}/#/routines/${created.routineId}`);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const confirmed = page.getByRole('table', { name: 'Lest og forstått, versjon 1' });
  await expect(confirmed.getByRole('row', { name: /Marte Kvernmo/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'routine page with confirmations');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.routine-sheet')).toContainText('Lest og forstått versjon 1');
  await expect(page.locator('.routine-sheet')).toContainText('Marte Kvernmo');
  await page.emulateMedia({ media: 'screen' });
});

test('with no doctor at the office now, the check says so and names the legevakt doctor on duty', async ({ page, harness }) => {
  const today = utcMsToOslo(Date.now()).date;
  await page.goto(harness.url);
  await loadExampleData(page);
  const lead = await apiAs(page, harness.accessToken, 'leder');
  const nurse = await apiAs(page, harness.accessToken, 'sykepleier');
  const staff = await lead<(Member & { profession: string })[]>('staff.list', {});
  // Whatever the hour: every doctor of the example is away today (a course), so nobody covers the office on site or
  // by video; a doctor who joins today has only the legevakt shift.
  for (const doctor of staff.filter((member) => member.profession === 'doctor' || member.profession === 'doctorInTraining')) {
    await lead('rota.createAbsence', { staffId: doctor.id, from: today, to: today, kind: 'course', note: null });
  }
  const check = await nurse<{ supervising: { officeId: string; officeName: string; doctor: { kind: string } } }>('routines.check', {});
  expect(check.supervising.doctor.kind).toBe('none');
  const { id: onCall } = await lead<{ id: string }>('staff.create', {
    name: 'Sofie Legevakt',
    profession: 'doctor',
    hprNumber: null,
    homeMunicipality: null,
    baseOfficeId: null,
    positionPercent: 100,
    active: true,
    phone: '932 55 108',
  });
  await lead('rota.createShift', { staffId: onCall, officeId: check.supervising.officeId, date: today, start: '00:00', end: '23:59', kind: 'legevakt' });
  await signIn(page, 'sykepleier');
  await page.getByRole('link', { name: 'Rutiner', exact: true }).click();
  const supervisor = page.getByRole('region', { name: 'Ansvarlig lege nå' });
  await expect(supervisor).toContainText(`Ingen lege på kontoret eller på video nå (${check.supervising.officeName}).`);
  await expect(supervisor).toContainText('Legevakt: Sofie Legevakt til 23:59. Telefon 932 55 108.');
  await expectNoSeriousA11yViolations(page, 'check with no doctor and the legevakt doctor');
});

test('a doctor activates a new version and sees it in force at once, then authorises two nurses in one go', async ({ page, harness }) => {
  test.setTimeout(120_000);
  const today = utcMsToOslo(Date.now()).date;
  await page.goto(harness.url);
  await loadExampleData(page);
  const doctor = await apiAs(page, harness.accessToken, 'lege');
  const routines = await doctor<{ routineId: string; inForce: Record<string, unknown> & { id: string; title: string } }[]>('routines.list', {});
  const cystitis = routines.find((routine) => routine.inForce.title.includes('blærekatarr'))!;
  // Version 2 as a draft (from today): only the follow-up advice changes.
  const content = Object.fromEntries(ROUTINE_CONTENT_FIELDS.map((field) => [field, cystitis.inForce[field]]));
  await doctor('routines.update', { id: cystitis.inForce.id, content: { ...content, validFrom: today, followUpAdvice: 'Ny kontakt etter tre dager uten bedring (versjon 2).' }, activate: false });

  await signIn(page, 'lege');
  await page.goto(`${harness.origin}/#/routines/${cystitis.routineId}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Innhold i versjon 1' })).toBeVisible();
  await page.getByRole('button', { name: 'Aktiver versjon 2' }).click();
  await page.getByRole('dialog', { name: 'Aktivere versjon 2?' }).getByRole('button', { name: 'Aktiver versjon 2' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Versjon 2 er aktivert.' })).toBeVisible();
  // The page follows the version in force: version 2's content, without a reload.
  await expect(page.getByRole('heading', { level: 2, name: 'Innhold i versjon 2' })).toBeVisible();
  await expect(page.locator('.routine-content')).toContainText('Ny kontakt etter tre dager uten bedring (versjon 2).');
  await expect(page.getByRole('heading', { name: 'Autorisert i dag for versjon 2' })).toBeVisible();

  await page.getByRole('button', { name: 'Autoriser sykepleier' }).click();
  const dialog = page.getByRole('dialog', { name: 'Autoriser sykepleier' });
  await dialog.getByRole('button', { name: 'Autoriser', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('Kryss av for minst én sykepleier.');
  await dialog.getByLabel('Eli Brennhaug').check();
  await dialog.getByLabel('Siri Heggdal').check();
  await expectNoSeriousA11yViolations(page, 'authorise several nurses');
  await dialog.getByRole('button', { name: 'Autoriser', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Eli Brennhaug og Siri Heggdal er autorisert for versjon 2 fra ${formatFullDateNb(today)}.` })).toBeVisible();
  const authorised = page.getByRole('table', { name: 'Autorisert i dag for versjon 2' });
  await expect(authorised.getByRole('row', { name: /Eli Brennhaug/ })).toBeVisible();
  await expect(authorised.getByRole('row', { name: /Siri Heggdal/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'routine page after activation');
});
