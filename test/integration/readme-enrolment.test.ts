// The first enrolment code is documented where an operator looks (README.md, docs/sync-operations.md), and the documented command works as written.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-store';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** The documented `npm run server -- … enrol-code …` line of a file, as arguments (double quotes kept together). */
function documentedCommand(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const line = text.split('\n').find((candidate) => candidate.startsWith('npm run server -- ') && candidate.includes(' enrol-code '));
  if (!line) throw new Error(`${file} does not show how to make the first enrolment code`);
  const words = [...line.slice('npm run server -- '.length).replace(/\s+#.*$/, '').matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);
  return words;
}

describe('the first enrolment code', () => {
  for (const file of ['README.md', 'docs/sync-operations.md']) {
    it(`is made by the command ${file} shows`, async () => {
      const args = documentedCommand(file);
      expect(args).toContain('enrol-code');
      const dataDir = tempDir('samvakt-readme-service-');
      const at = args.indexOf('--data-dir');
      args[at + 1] = dataDir;
      const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(root, 'server/cli.ts'), ...args], { cwd: root });
      expect(stdout).toMatch(/Innmeldingskode for Grong legekontor: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }, 60_000);
  }
});
