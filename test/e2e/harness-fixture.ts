// Playwright fixture: starts a real browser harness (backend + built UI) on its own data folder and port.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base } from '@playwright/test';
import type { Page } from '@playwright/test';
import { spawnUntilReady } from '../helpers/spawn-process';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface HarnessProcess {
  url: string;
  /** Origin without the token, for requests that must be refused. */
  origin: string;
  accessToken: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts the harness CLI on port 0 and waits for the URL it prints. */
export async function startHarnessProcess(dataDir: string): Promise<HarnessProcess> {
  // The run's own build from global-setup (the harness bundle: no TypeScript to compile at each start); dist/ when run alone.
  const build = process.env.SAMVAKT_E2E_BUILD ?? path.join(root, 'dist');
  const harness = await spawnUntilReady(
    process.execPath,
    ['--enable-source-maps', path.join(build, 'harness', 'cli.mjs'), '--data-dir', dataDir, '--port', '0', '--static-dir', path.join(build, 'renderer')],
    { name: 'harness', ready: /Åpne: (\S+)/, cwd: root },
  );
  const url = harness.ready[1]!;
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    accessToken: parsed.hash.replace('#token=', ''),
    dataDir,
    stop: () => harness.stop(),
  };
}

export function newDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-e2e-'));
}

export const test = base.extend<{ harness: HarnessProcess }>({
  // Playwright requires an object pattern for the fixtures argument, even when none are used.
  // eslint-disable-next-line no-empty-pattern
  harness: async ({}, use) => {
    const dataDir = newDataDir();
    const harness = await startHarnessProcess(dataDir);
    await use(harness);
    await harness.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/** Loads the example dataset from the first-run screen. */
export async function loadExampleData(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Last inn eksempeldata' }).click();
  await page.getByRole('button', { name: 'Logg inn' }).waitFor();
}

export async function signIn(page: Page, username: string, password = 'demo-samvakt'): Promise<void> {
  await page.getByLabel('Brukernavn', { exact: true }).fill(username);
  await page.getByLabel('Passord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByRole('button', { name: 'Logg ut / bytt bruker' }).waitFor();
}

/** Fails with every serious or critical axe-core finding on the page, named by `screen`. */
export async function expectNoSeriousA11yViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Calls the API from the page as `username` (a session of its own), with the harness access token; throws on a refusal. */
export async function apiAs(page: Page, accessToken: string, username: string): Promise<<T>(method: string, input: unknown) => Promise<T>> {
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
  return async <T,>(method: string, input: unknown) => {
    const result = (await page.evaluate(
      async ({ token, s, m, i }) => {
        const response = await fetch('/api/call', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-samvakt-session': s },
          body: JSON.stringify({ method: m, input: i }),
        });
        return response.json();
      },
      { token: accessToken, s: session, m: method, i: input },
    )) as { ok: boolean; value: T; error?: unknown };
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
}

/** Prints the page as Chromium does for the A4 landscape wall sheet; returns the PDF's page count and its text (whitespace folded). */
export async function printToPdf(page: Page, name: string): Promise<{ pages: number; text: string; file: string }> {
  await page.emulateMedia({ media: 'print' });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-pdf-')), `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file]).toString())?.[1]);
  const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
  return { pages, text, file };
}
