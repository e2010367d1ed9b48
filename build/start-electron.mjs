// `npm start`: builds the renderer, the Electron bundles and the Electron-ABI SQLite module, then launches Electron.
// Without an Electron binary (it cannot be downloaded on every machine) it says so plainly and exits 1.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');

/** The Electron executable named by node_modules/electron/path.txt, or null when it is not there. */
export function findElectronBinary(dir = electronDir) {
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  if (!relative) return null;
  const binary = path.join(dir, 'dist', relative);
  return fs.existsSync(binary) ? binary : null;
}

function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${label} feilet / failed${result.error ? `: ${result.error.message}` : ''}.`);
    process.exit(result.status ?? 1);
  }
}

function main() {
  let binary = findElectronBinary();
  if (!binary && fs.existsSync(path.join(electronDir, 'install.js'))) {
    console.log('Electron-programmet mangler; prøver å laste det ned én gang … / The Electron program is missing; trying to download it once …');
    const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, encoding: 'utf8', timeout: 300_000 });
    binary = findElectronBinary();
    if (!binary) {
      // Only the first line of the downloader's error: its stack trace says nothing to the user.
      const reason = `${install.stderr ?? ''}\n${install.error?.message ?? ''}`.split('\n').find((line) => line.trim());
      if (reason) console.error(`(${reason.trim()})`);
    }
  }
  if (!binary) {
    console.error(
      [
        '',
        'Electron-programmet kunne ikke lastes ned på denne maskinen, så skrivebordsappen kan ikke startes her.',
        'Den samme appen kjører i nettleseren med: npm run start:web',
        '',
        'The Electron program could not be downloaded on this machine, so the desktop app cannot start here.',
        'The same app runs in the browser with: npm run start:web',
        '',
      ].join('\n'),
    );
    process.exit(1);
  }

  run('Bygger skjermbildene / Building the renderer (vite build)', process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build']);
  run('Bygger Electron-laget / Building the Electron layer', process.execPath, [path.join(root, 'build', 'build-electron.mjs')]);
  run('Databasemodulen for Electron / Database module for Electron', process.execPath, [path.join(root, 'build', 'electron-native.mjs')]);

  console.log('\n▶ Starter Samvakt / Starting Samvakt');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make Electron behave as plain Node
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit', env });
  child.on('error', (error) => {
    console.error(`Kunne ikke starte Electron / Could not start Electron: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
