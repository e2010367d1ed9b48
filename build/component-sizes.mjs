// Lists React components (capitalised functions in renderer .tsx files) longer than a limit; exits 1 when any is.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const LIMIT = Number(process.argv[2] ?? 200);
const root = new URL('../renderer/src', import.meta.url).pathname;

function* tsxFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* tsxFiles(path);
    else if (entry.name.endsWith('.tsx')) yield path;
  }
}

/** Top-level components: `function Name(`, or `const Name = (…) =>` / `memo(` / `forwardRef(` at column 0 (optionally exported), up to the next line that is `}` or `});` at column 0. */
function components(text) {
  const lines = text.split('\n');
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    const match = /^(?:export )?(?:default )?(?:function ([A-Z]\w*)\s*[(<]|const ([A-Z][a-z]\w*)\s*=\s*(?:\(|memo\(|forwardRef\(|<))/.exec(lines[i]);
    if (!match) continue;
    let end = i;
    while (end < lines.length - 1 && !/^(\}|\}\);?|\);?)\s*$/.test(lines[end])) end++;
    found.push({ name: match[1] ?? match[2], start: i + 1, lines: end - i + 1 });
  }
  return found;
}

const tooLong = [];
for (const file of tsxFiles(root)) {
  for (const component of components(readFileSync(file, 'utf8'))) {
    if (component.lines > LIMIT) tooLong.push(`${relative(process.cwd(), file)}:${component.start} ${component.name}: ${component.lines} lines`);
  }
}
if (tooLong.length > 0) {
  console.error(`React components over ${LIMIT} lines (split them into sections):\n${tooLong.join('\n')}`);
  process.exit(1);
}
console.log(`No React component over ${LIMIT} lines.`);
