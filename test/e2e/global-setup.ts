// Playwright global setup: builds the renderer and the harness bundle once per run, into a folder of the run's own (so a
// second run at the same time, or a build in between, cannot change the files a running harness serves); removed after.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The environment variable that tells the fixture where this run's build is (dist/e2e-runs/<random>). */
export const E2E_BUILD_ENV = 'SAMVAKT_E2E_BUILD';

export default function globalSetup(): () => void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  // Inside the checkout, so the bundle's external packages (native SQLite) resolve from node_modules.
  fs.mkdirSync(path.join(root, 'dist', 'e2e-runs'), { recursive: true });
  const build = fs.mkdtempSync(path.join(root, 'dist', 'e2e-runs', 'run-'));
  const renderer = spawnSync(path.join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn', '--outDir', path.join(build, 'renderer'), '--emptyOutDir'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (renderer.status !== 0) throw new Error('vite build failed before the end-to-end tests');
  const harness = spawnSync(process.execPath, [path.join(root, 'build', 'build-harness.mjs'), '--outfile', path.join(build, 'harness', 'cli.mjs')], { cwd: root, stdio: 'inherit' });
  if (harness.status !== 0) throw new Error('the harness bundle failed to build before the end-to-end tests');
  process.env[E2E_BUILD_ENV] = build;
  return () => fs.rmSync(build, { recursive: true, force: true });
}
