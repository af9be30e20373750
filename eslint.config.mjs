// Lint: TypeScript's recommended rules plus the layer boundaries of docs/ARCHITECTURE.md, so a
// wrong-way import is an error in `npm test` rather than something a reviewer must remember.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import layerImportPaths from './eslint/layer-import-paths.js';

/** The layers' aliases, tsconfig.json's `paths` (@warden/shared/* → ./libs/shared/*…): the one list. */
const root = fileURLToPath(new URL('.', import.meta.url));
const { paths } = JSON.parse(readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8')).compilerOptions;

/** Import sources (relative, so matched as gitignore-style globs) a layer may not reach. */
const layer = (files, forbidden, message) => ({
  files,
  ignores: ['**/*.spec.ts', '**/testing/**'],
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }],
  },
});

const ADAPTERS = ['**/sqlite-*', '**/mongodb-*', '**/eventstoredb-*', '**/esdb-*', '**/bullmq-*', '**/smtp-*', '**/eml-*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-console': 'error',
      // Input hygiene matches control characters on purpose (headers, keys, names).
      'no-control-regex': 'off',
      // Across layers the alias, inside one a relative path (`eslint --fix` rewrites either).
      'warden/layer-import-paths': ['error', { root, paths }],
    },
    plugins: { warden: { rules: { 'layer-import-paths': layerImportPaths } } },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: globals.node },
  },
  {
    // The script the web pages serve runs in the browser, not in Node.
    files: ['apps/web/**/assets/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  layer(['libs/shared/**', 'libs/account/**'], ['**/application/**', '**/infrastructure/**', '**/projections/**', '**/apps/**', '@nestjs/*'],
    'the domain imports nothing above it: no application, infrastructure, projections, apps or Nest'),
  layer(['libs/infrastructure/**'], ['**/application/**', '**/projections/**', '**/apps/**'],
    'infrastructure implements ports; it does not reach the layers that use it'),
  layer(['libs/application/**'], ['**/apps/**', ...ADAPTERS],
    'application never imports apps, and reaches adapters only through their ports'),
  layer(['projections/**'], ['**/application/**', '**/apps/**', ...ADAPTERS],
    'projections never import the application layer or apps, and reach adapters only through their ports'),
  layer(['apps/api/**', 'apps/web/**', 'apps/worker/**', 'apps/projector/**'], ADAPTERS,
    'apps reach adapters through their ports; only the composition root picks one'),
);
