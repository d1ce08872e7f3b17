// ESLint (flat config): typescript-eslint's recommended rules, import cycles, and the import table of
// docs/architecture.md (which folder may import which). Run with `npm run lint`; scripts/test.mjs runs it first.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/** docs/architecture.md, "may import": each folder and what it must never reach. */
const ZONES = [
  {
    target: './core',
    from: ['./server', './client', './cli', './sim', './test', './bench', './scripts'],
    message: 'core/ is pure: it imports nothing from the adapters (docs/architecture.md).',
  },
  { target: './server', from: ['./client', './cli', './sim'], message: 'server/ is an adapter over core/ only.' },
  { target: './client', from: ['./server', './cli'], message: 'client/ talks to the server over LSP, never by import.' },
  { target: './cli', from: ['./server', './client'], message: 'cli/ imports core/ and sim/ only.' },
  { target: './sim', from: ['./server', './client', './cli'], message: 'sim/ imports core/ only.' },
];

/** Packages a folder must not import (the editor APIs stay in their adapter). */
const editorOnly = (names) => ({
  paths: names.map((name) => ({ name, message: `${name} belongs to another adapter (docs/architecture.md).` })),
  patterns: names.map((n) => ({ group: [`${n}/*`], message: `${n} belongs to another adapter (docs/architecture.md).` })),
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      '.e2e/**',
      '.vscode-test/**',
      '.demo/**',
      'bench/.work/**',
      'core/model/generated/**',
      'test/e2e/workspace/**',
      'examples/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.mjs', '.js', '.json'] })],
      // no-cycle follows imports into other files: they must be parsed as TypeScript too.
      'import-x/extensions': ['.ts', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
        performance: 'readonly',
        AbortController: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: ZONES }],
      // Unused names are dead code; a leading underscore marks a parameter kept for its position.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // XML and OCI-P name control characters on purpose (character classes of XML 1.0, escaping, framing).
      'no-control-regex': 'off',
      // `\-` in a character class states that the dash is literal wherever it stands; kept as the code's style.
      'no-useless-escape': ['error', { allowRegexCharacters: ['-'] }],
    },
  },
  // Tests match indented output with the spaces written out, as the output shows them.
  { files: ['test/**/*.ts'], rules: { 'no-regex-spaces': 'off' } },
  // The benchmarks read lazy getters (`analysis.diagnostics`) for the work they trigger.
  { files: ['bench/**/*.ts'], rules: { '@typescript-eslint/no-unused-expressions': 'off' } },
  // bin/ocip.js is the CommonJS launcher npm links; it loads the bundle with require().
  { files: ['bin/**/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        editorOnly(['vscode', 'vscode-languageserver', 'vscode-languageclient', 'vscode-languageserver-textdocument']),
      ],
    },
  },
  { files: ['server/**/*.ts'], rules: { 'no-restricted-imports': ['error', editorOnly(['vscode', 'vscode-languageclient'])] } },
  { files: ['client/**/*.ts'], rules: { 'no-restricted-imports': ['error', editorOnly(['vscode-languageserver'])] } },
  {
    files: ['cli/**/*.ts', 'sim/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', editorOnly(['vscode', 'vscode-languageserver', 'vscode-languageclient'])] },
  },
);
