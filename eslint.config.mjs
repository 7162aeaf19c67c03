// The project's own code: typescript-eslint's recommended rules, and the import boundaries of
// the layout (README "How the code is laid out"): the engine imports no Node, editor or server
// module; rules import only the model, the facts and shared data; the client imports only
// shared/ (and types through shared/protocol). `npm run lint` runs it; test/lint.test.ts shows a
// violation failing.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'url', 'util', 'crypto', 'stream', 'worker_threads', 'inspector'];
const EDITOR = [
  'vscode',
  'vscode-languageserver',
  'vscode-languageserver/*',
  'vscode-languageclient',
  'vscode-languageclient/*',
  'vscode-languageserver-protocol',
  'vscode-jsonrpc',
  'vscode-jsonrpc/*',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      '.tools/**',
      'bench/results/**',
      'test-results/**',
      'reports/**',
      '.stryker-tmp*/**',
      '.tmp/**',
      '**/*.mjs',
      '**/*.js',
      'test/corpus/**',
      'test/fixtures/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      // The engine reads untyped YAML and JSON-RPC payloads; `any` is used at those edges, on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Regular expressions that match control characters are how binary junk is recognised.
      'no-control-regex': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-namespace': 'off',
    },
  },
  {
    files: ['server/src/engine/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...NODE_BUILTINS, ...EDITOR], message: 'The engine runs anywhere (CLI, server, browser): no Node or editor API.' },
            { group: ['**/lsp/*', '**/lsp', '**/node/*', '**/cli', '**/server'], message: 'The engine imports nothing from the layers above it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/engine/rules/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...NODE_BUILTINS, ...EDITOR], message: 'The engine runs anywhere (CLI, server, browser): no Node or editor API.' },
            { group: ['**/lsp/*', '**/lsp', '**/node/*', '**/cli', '**/server'], message: 'The engine imports nothing from the layers above it.' },
            {
              group: ['../lint/*', '../lint', '../bank/*', '../bank', '../engine', '../index'],
              allowTypeImports: true,
              message: 'Rules import only model/, facts/, syntax/prose and shared/ (types of the configuration are fine).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/src/*', '**/server/src/**'], message: 'The client imports only shared/ (types come through shared/protocol).' }] },
      ],
    },
  },
);
