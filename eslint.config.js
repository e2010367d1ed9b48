// ESLint flat config: TypeScript rules, React hooks, no import cycles, and the layer import direction of docs/architecture.md.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Who may import whom (downwards only). Each entry: files in `target` must not import from `from`.
 * renderer may import types from backend (api-types), which `allowTypeImports` permits below.
 */
const layerZones = [
  { target: './domain', from: ['./db', './backend', './sync', './server', './electron', './renderer', './harness'], message: 'domain/ is pure: it imports nothing of ours.' },
  { target: './db', from: ['./sync', './backend', './server', './electron', './renderer', './harness'], message: 'db/ sits below sync/ and backend/.' },
  { target: './sync', from: ['./backend', './server', './electron', './renderer', './harness'], message: 'sync/ (the client engine and wire protocol) sits below backend/ and server/.' },
  { target: './server', from: ['./backend', './electron', './renderer', './harness'], message: 'server/ (the shared service) uses only domain/, the sync protocol and the synced-table registry.' },
  { target: './backend', from: ['./server', './electron', './renderer', './harness'], message: 'backend/ must not depend on its transports or the UI.' },
  { target: './renderer', from: ['./db', './electron', './server', './harness', './sync'], message: 'renderer/ talks to the backend only through the typed API client.' },
];

/**
 * Inside the renderer: a page folder is one area's screens. It may use components/, format/, stores/, api/, i18n/ and
 * app/ (router, permissions, print), but never another page folder; components/, format/ and stores/ never import a page.
 * What two pages share moves down into components/ or format/.
 */
const PAGE_FOLDERS = readdirSync(new URL('./renderer/src/pages', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const rendererZones = [
  ...PAGE_FOLDERS.map((folder) => ({
    target: `./renderer/src/pages/${folder}`,
    from: './renderer/src/pages',
    except: [`./${folder}`],
    message: 'A page folder must not import from another page folder: move what both need into components/ or format/.',
  })),
  ...['components', 'format', 'stores', 'api', 'i18n'].map((folder) => ({
    target: `./renderer/src/${folder}`,
    from: './renderer/src/pages',
    message: `renderer/src/${folder}/ sits below the pages and must not import from them.`,
  })),
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', '.electron-native/**', 'test-results/**', 'playwright-report/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } } },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...rendererZones] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Type-only imports from backend/ are the API contract; value imports would pull Node code into the UI.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/backend/*', '**/backend/**'], allowTypeImports: true, message: 'renderer/ may import only types from backend/.' },
            { group: ['**/db/**', '**/electron/**', '**/server/**', '**/harness/**', '**/sync/**', 'electron', 'better-sqlite3', 'node:*'], message: 'renderer/ must not import Node, db/, sync/, electron/, server/ or harness/.' },
          ],
        },
      ],
    },
  },
  {
    // Importing `electron` from plain Node tries to download its binary: only electron/ may import it.
    files: ['domain/**', 'db/**', 'backend/**', 'harness/**', 'test/**', 'sync/**', 'server/**', 'bench/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/ may import electron.' }] }] },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
);
