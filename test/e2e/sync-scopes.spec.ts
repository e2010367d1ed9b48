// End-to-end scopes: an admin computer serving every office, a Grong computer and a Lierne computer on one service; Grong's patient data never reaches Lierne's database file, the admin's access report covers it, and the computers agree with the service.
import fs from 'node:fs';
import path from 'node:path';
import { applyKey, databaseFileState, openConnection } from '../../db/encryption';
import { DATABASE_FILE_NAME } from '../../db/open';
import { utcMsToOslo } from '../../domain/calendar/oslo';
import { syntheticIdentityNumber } from '../../domain/consultations/synthetic';
import { harnessDatabaseKey } from '../../harness/dev-key';
import { runServerCommand, startServerProcess } from '../helpers/sync-server-process';
import { expect, loadExampleData, newDataDir, signIn, startHarnessProcess, test } from './harness-fixture';
import type { HarnessProcess } from './harness-fixture';
import type { Page } from '@playwright/test';
import { api, expectNoSeriousA11yViolations, signInApi } from './sync-helpers';

const ALL_OFFICES = ['Grong legekontor', 'Namsskogan legekontor', 'Røyrvik legekontor', 'Lierne legekontor'];

/**
 * Every byte of a harness's database as plaintext: a copy of the (closed, checkpointed) file re-encrypted with no key,
 * which rewrites every page, free ones included, so nothing deleted-but-left-behind escapes the search.
 */
function plaintextBytes(dataDir: string, workDir: string): Buffer {
  const copy = path.join(workDir, 'plain.sqlite3');
  fs.copyFileSync(path.join(dataDir, DATABASE_FILE_NAME), copy);
  const db = openConnection(copy, { fileMustExist: true });
  applyKey(db, harnessDatabaseKey(dataDir).key);
  db.pragma('journal_mode = DELETE');
  db.pragma("rekey = ''");
  db.close();
  expect(databaseFileState(copy)).toBe('plaintext');
  const bytes = fs.readFileSync(copy);
  fs.rmSync(copy);
  return bytes;
}

/** An admin makes an enrolment code in Maskiner i samarbeidet for the ticked offices; returns the code. */
async function codeFor(page: Page, offices: string[]): Promise<string> {
  const form = page.getByRole('form', { name: 'Ny innmeldingskode' });
  for (const office of ALL_OFFICES) await form.getByRole('checkbox', { name: office }).setChecked(offices.includes(office));
  await form.getByRole('button', { name: 'Lag kode' }).click();
  // The new code is shown under its offices (a previous code's text is replaced).
  await expect(page.getByText(`Innmeldingskode for ${offices.join(', ')}`)).toBeVisible();
  const code = page.getByTestId('enrolment-code');
  await expect(code).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  return (await code.textContent())!;
}

/** A new computer joins from the first-run screen with a code and downloads what its offices may hold. */
async function join(page: Page, harness: HarnessProcess, serverUrl: string, code: string) {
  await page.goto(harness.url);
  await page.getByLabel('Adresse til tjenesten').fill(serverUrl);
  await page.getByLabel('Innmeldingskode').fill(code);
  await page.getByRole('button', { name: 'Koble til' }).click();
  await expect(page.getByText('Samarbeid: Indre Namdal legesamarbeid (eksempel)')).toBeVisible({ timeout: 60_000 });
}

test('scopes: an entry logged at Grong is at Grong and in the admin report, and nowhere in the Lierne database; the computers agree with the service', async ({ browser }) => {
  test.setTimeout(300_000);
  const serverDir = newDataDir();
  const workDir = newDataDir();
  const server = await startServerProcess(serverDir);
  const dirs = { admin: newDataDir(), grong: newDataDir(), lierne: newDataDir() };
  const admin = await startHarnessProcess(dirs.admin);
  const grong = await startHarnessProcess(dirs.grong);
  const lierne = await startHarnessProcess(dirs.lierne);
  const running = new Set([admin, grong, lierne]);
  try {
    // The admin computer holds the example cooperation and serves every office (the operator's code names all four).
    const adminPage = await (await browser.newContext()).newPage();
    await adminPage.goto(admin.url);
    await loadExampleData(adminPage);
    await signIn(adminPage, 'admin');
    const everyOffice = (await runServerCommand(serverDir, ['enrol-code', '--cooperation', 'indre-namdal', ...ALL_OFFICES.flatMap((office) => ['--office', office])])).match(
      /: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/,
    )![1]!;
    await adminPage.getByRole('link', { name: 'Innstillinger' }).click();
    await adminPage.getByLabel('Adresse til tjenesten').fill(server.url);
    await adminPage.getByLabel('Innmeldingskode').fill(everyOffice);
    await adminPage.getByLabel('Jeg forstår at dataene på denne maskinen sendes til fellestjenesten').check();
    await adminPage.getByRole('button', { name: 'Koble til' }).click();
    // Pushing the example data takes a while on a busy machine; the background job's facts follow in later cycles.
    await expect(adminPage.getByRole('status', { name: 'Synkronisering' })).toContainText('Sist synkronisert', { timeout: 120_000 });

    // Codes for the two office computers, made in the app with the office checkboxes.
    await expect(adminPage.getByRole('heading', { name: 'Maskiner i samarbeidet' })).toBeVisible();
    const grongCode = await codeFor(adminPage, ['Grong legekontor']);
    await expectNoSeriousA11yViolations(adminPage, 'Innstillinger › Maskiner i samarbeidet');
    const lierneCode = await codeFor(adminPage, ['Lierne legekontor']);

    const grongPage = await (await browser.newContext()).newPage();
    await join(grongPage, grong, server.url, grongCode);
    const liernePage = await (await browser.newContext()).newPage();
    await join(liernePage, lierne, server.url, lierneCode);

    // A nurse at Grong logs an entry with an identity number.
    const number = syntheticIdentityNumber('1968-04-12', 4242)!;
    const yesterday = utcMsToOslo(Date.now() - 86_400_000).date;
    const grongNurse = await signInApi(grong, 'sykepleier');
    const staff = await api<{ id: string; name: string }[]>(grong, 'staff.list', {}, grongNurse);
    const offices = await api<{ id: string; name: string }[]>(grong, 'offices.list', {}, grongNurse);
    await api(
      grong,
      'consultations.create',
      {
        at: `${yesterday}T11:20`,
        officeId: offices.find((office) => office.name === 'Grong legekontor')!.id,
        nurseId: staff.find((member) => member.name === 'Marte Kvernmo')!.id,
        patient: { kind: 'identityNumber', number },
        contact: 'inPerson',
        icpc2Code: 'R74',
        outcome: 'resolvedByNurse',
        note: 'Sår hals, rådgivning gitt (Grong)',
      },
      grongNurse,
    );
    for (const harness of [grong, admin, lierne]) await api(harness, 'sync.now', {}, await signInApi(harness, 'admin'));

    // Grong has it; the admin's report (every office) shows its creation; Lierne's report says it does not cover Grong.
    const grongAdmin = await signInApi(grong, 'admin');
    const period = { identityNumber: number, fromDate: yesterday, toDate: utcMsToOslo(Date.now()).date };
    type Report = { entryCount: number; rows: { action: string }[]; officesNotCovered: string[] };
    expect((await api<Report>(grong, 'audit.accessReport', period, grongAdmin)).entryCount).toBe(1);
    const adminReport = await api<Report>(admin, 'audit.accessReport', period, await signInApi(admin, 'admin'));
    expect(adminReport).toMatchObject({ entryCount: 1, officesNotCovered: [] });
    expect(adminReport.rows.map((row) => row.action)).toContain('consultation.created');
    const lierneReport = await api<Report>(lierne, 'audit.accessReport', period, await signInApi(lierne, 'admin'));
    expect(lierneReport.entryCount).toBe(0);
    expect(lierneReport.officesNotCovered).toContain('Grong legekontor');

    // Lierne's settings page names its office and agrees with the service (within its scope).
    await signIn(liernePage, 'admin');
    await liernePage.getByRole('link', { name: 'Innstillinger' }).click();
    await expect(liernePage.getByTestId('sync-offices')).toHaveText('Lierne legekontor');
    await liernePage.getByRole('button', { name: 'Kontroller samsvar' }).click();
    await expect(liernePage.getByTestId('sync-agreement')).toHaveText('I samsvar med felles tjeneste', { timeout: 60_000 });
    await expectNoSeriousA11yViolations(liernePage, 'Innstillinger › Synkronisering');

    // Every byte of Lierne's database, decrypted: not the number (its one-way reference is there: Lierne's own report
    // above logged it). Grong's holds the number, so the search can find it.
    await lierne.stop();
    running.delete(lierne);
    await grong.stop();
    running.delete(grong);
    const lierneBytes = plaintextBytes(dirs.lierne, workDir);
    expect(lierneBytes.includes(Buffer.from('Lierne legekontor'))).toBe(true);
    expect(lierneBytes.includes(Buffer.from(number))).toBe(false);
    expect(plaintextBytes(dirs.grong, workDir).includes(Buffer.from(number))).toBe(true);
  } finally {
    for (const harness of running) await harness.stop();
    await server.stop();
    for (const dir of [serverDir, workDir, ...Object.values(dirs)]) fs.rmSync(dir, { recursive: true, force: true });
  }
});
