// Self-lint for the plugin's own repository.
// `npm test` builds before it lints: the plugin lints its own source through `./dist`.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';
import securityLogging from './dist/index.js';

const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'structuredClone',
    'globalThis',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  {
    name: 'repo/ignores',
    // examples/ and the consumer fixtures contain planted findings on purpose; tests lint them through the ESLint API.
    ignores: ['dist/', 'node_modules/', 'examples/', 'docs/', 'coverage/', 'bench/.tmp/', 'tests/fixtures/consumer/'],
  },
  {
    name: 'repo/javascript',
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: nodeGlobals },
  },
  {
    name: 'repo/typescript',
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      // `const { dropped: _dropped, ...rest } = obj` is how the code drops a key.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    name: 'repo/rules',
    files: ['src/rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
  },
  {
    name: 'repo/dogfood',
    files: ['src/**/*.ts'],
    ...securityLogging.configs.recommended,
  },
);
