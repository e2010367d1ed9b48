// `npm run start:web`: builds the renderer and the harness bundle, then starts the browser harness with the given arguments.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const build = spawnSync(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('Bygging av brukergrensesnittet feilet; se meldingene over.');
  process.exit(build.status ?? 1);
}
const harness = spawnSync(process.execPath, [path.join(root, 'build', 'build-harness.mjs')], { cwd: root, stdio: 'inherit' });
if (harness.status !== 0) {
  console.error('Bygging av nettleserharnesset feilet; se meldingene over.');
  process.exit(harness.status ?? 1);
}
// The bundle starts in a third of a second; through tsx, compiling the TypeScript took most of two (bench/start.ts).
const run = spawnSync(process.execPath, ['--enable-source-maps', path.join(root, 'dist', 'harness', 'cli.mjs'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 0);
