// Lint, with the architecture boundaries as rules: only the shell and the preload may
// import `electron`, the renderer may take nothing but types from src-main, src-shared
// (run by main and renderer alike) takes nothing from either, nor Node, electron or React,
// and the simulator takes nothing from the client's core but the Python-JSON codec and cron.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnlyInShell = {
  name: 'electron',
  message: 'Only src-main/shell and src-preload may import electron; the core must run in plain Node.',
};

const runsInBothPlaces =
  'src-shared runs in main and in the renderer alike: it imports only src-shared and plain packages, never src-main, src-renderer, electron, Node builtins or React.';

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
          // src-shared is not src-main: its code is the renderer's to import at run time.
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
    // Both sides load these files at run time; even types from src-main or src-renderer stay out.
    files: ['src-shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom', ...builtinModules].map((name) => ({ name, message: runsInBothPlaces })),
          patterns: [
            {
              group: ['**/src-main', '**/src-main/**', 'src-main/**', '**/src-renderer', '**/src-renderer/**', 'src-renderer/**'],
              message: runsInBothPlaces,
            },
            { group: ['node:*', 'electron/*', 'react/*', 'react-dom/*'], message: runsInBothPlaces },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
