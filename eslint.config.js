// Lint, with the architecture boundaries as rules: only the shell and the preload may
// import `electron`, the renderer may take nothing but types from src-main, and the
// simulator takes nothing from the client's core but the Python-JSON codec and cron.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnlyInShell = {
  name: 'electron',
  message: 'Only src-main/shell and src-preload may import electron; the core must run in plain Node.',
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell] }],
    },
  },
  {
    files: ['src-main/shell/**', 'src-preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The simulator stands for the rig: its routes and methods come from the vendor docs,
    // never from the client (two sides that agree by construction prove nothing).
    files: ['src-main/sim/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            {
              group: ['**/core/**', '!**/core/python-json', '!**/core/cron', '!**/core/cron/**'],
              message:
                'The simulator stands apart from the client: from src-main/core it may import only core/python-json and core/cron; write what it needs (e.g. endpoint methods, from the vendor docs) in src-main/sim.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            {
              group: ['**/src-main/**', 'src-main/**'],
              allowTypeImports: true,
              message: 'The renderer talks to main only over the bridge: import types from src-main, nothing else.',
            },
          ],
        },
      ],
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
