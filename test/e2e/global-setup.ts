// Playwright global setup: builds the renderer and the harness bundle once, so every harness in the run serves the same UI and starts fast.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function globalSetup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed before the end-to-end tests');
  const harness = spawnSync(process.execPath, [path.join(root, 'build', 'build-harness.mjs')], { cwd: root, stdio: 'inherit' });
  if (harness.status !== 0) throw new Error('the harness bundle failed to build before the end-to-end tests');
}
