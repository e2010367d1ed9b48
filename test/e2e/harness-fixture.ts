// Playwright fixture: starts a real browser harness (backend + built UI) on its own data folder and port.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';
import type { Page } from '@playwright/test';

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
  const child: ChildProcess = spawn(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    [path.join(root, 'harness', 'cli.ts'), '--data-dir', dataDir, '--port', '0', '--static-dir', path.join(root, 'dist', 'renderer')],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`harness did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Åpne: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`harness exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    accessToken: parsed.hash.replace('#token=', ''),
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
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
