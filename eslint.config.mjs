import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Node built-ins that the core must never import: file access goes through the port.
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'util', 'url', 'stream', 'events', 'worker_threads', 'process', 'buffer'];

export default tseslint.config(
  { ignores: ['src/core/schema/generated/', 'dist/', 'out/', 'node_modules/', '.legible-cache/', 'test-artifacts/', '.vscode-test/', 'examples/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', URL: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', performance: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', ...nodeBuiltins].map((name) => ({ name, message: 'src/core is pure: no vscode or Node built-ins; use the FileSystemPort.' })),
        patterns: [{ group: ['node:*'], message: 'src/core is pure: no Node built-ins; use the FileSystemPort.' }],
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'src/core is pure: take what you need from the caller.' },
        { name: 'Buffer', message: 'src/core is pure: use Uint8Array and TextDecoder.' },
        { name: 'require', message: 'src/core is pure.' },
      ],
      'no-restricted-syntax': ['error', {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: 'Rules get "today" from the caller, never from the global clock.',
      }, {
        selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
        message: 'Rules get "today" from the caller, never from the global clock.',
      }],
    },
  },
  {
    files: ['src/vscode/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'fs', message: 'Use vscode.workspace.fs through the port.' }, { name: 'node:fs', message: 'Use vscode.workspace.fs through the port.' }] }],
    },
  },
);
