// `npm run start:web`: builds the renderer, then starts the browser harness with the given arguments.
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
const run = spawnSync(bin('tsx'), [path.join(root, 'harness', 'cli.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 0);
