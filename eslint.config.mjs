// ESLint (flat config) with typescript-eslint: `npm run lint`.
// The core's purity fence lives here too (as well as in test/unit/purity.test.ts): the core
// imports no editor API, no connection and no file system, and nothing outside the core reaches
// into it except through its front door, server/src/core/index.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'url', 'worker_threads', 'net', 'http', 'https', 'process'];

/** The core's imports: no editor API, no LSP, no Node built-ins, nothing outside it (`outside`). */
function coreFence(files, outside) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The core is pure: no editor API.' }],
        patterns: [
          { group: ['vscode-languageserver*', 'vscode-languageclient*'], message: 'The core is pure: no connection or LSP types; the server converts.' },
          { group: nodeBuiltins, message: 'The core is pure: no file system or process.' },
          { regex: outside, message: 'The core imports only from itself.' },
        ],
      }],
      'no-restricted-globals': ['error', { name: 'process', message: 'The core is pure: no process.' }, { name: '__dirname', message: 'The core is pure.' }],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.tools/**', 'node_modules/**', '.vscode-test/**', 'test/e2e/workspace/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-control-regex': 'off', // control characters are what several readers look for
    },
  },
  // Out of core/: one level up from core/*.ts, two from core/*/*.ts (but for the schema, data).
  coreFence(['server/src/core/**/*.ts'], '^\\.\\./\\.\\./(?!\\.\\./\\.\\./glossary/glossary\\.schema\\.json$)'),
  coreFence(['server/src/core/*.ts'], '^\\.\\./'),
  {
    files: ['server/src/**/*.ts', 'bench/**/*.ts', 'client/src/**/*.ts'],
    ignores: ['server/src/core/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '(^|/)core/.+', message: 'Import the core through its front door, core/index.ts.' }],
      }],
    },
  },
  {
    // Node scripts, and the code the UI checks run in the browser page.
    files: ['**/*.cjs', 'test/e2e/**/*.js', 'test/e2e/**/*.ts'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: Object.fromEntries(['require', 'module', 'process', '__dirname', '__filename', 'console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Buffer', 'document', 'window', 'MutationObserver', 'URLSearchParams', 'NodeFilter', 'getComputedStyle'].map((g) => [g, 'readonly'])),
    },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-empty': ['error', { allowEmptyCatch: true }], '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none', argsIgnorePattern: '^_' }] },
  },
  {
    files: ['**/*.mjs', 'scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
