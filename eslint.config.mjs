import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Node built-ins that the core must never import: file access goes through the port.
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'util', 'url', 'stream', 'events', 'worker_threads', 'process', 'buffer'];

// A relative import of a front-end's folder (src/cli, src/vscode) or of a file in it.
const frontEnd = (names) => `^\\.\\.?/(?:.*/)?(?:${names})(?:/|$)`;

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
        patterns: [
          { group: ['node:*'], message: 'src/core is pure: no Node built-ins; use the FileSystemPort.' },
          { regex: frontEnd('cli|vscode|node'), message: 'src/core imports no adapter or front-end: what it needs from them comes through a port (src/core/port).' },
        ],
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
  // Front-ends share the core and src/node, never each other; src/node serves every Node front-end.
  {
    files: ['src/vscode/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'fs', message: 'Use vscode.workspace.fs through the port.' }, { name: 'node:fs', message: 'Use vscode.workspace.fs through the port.' }],
        patterns: [{ regex: frontEnd('cli'), message: 'The extension never imports the CLI: shared Node adapters live in src/node.' }],
      }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The CLI runs without VS Code.' }],
        patterns: [{ regex: frontEnd('vscode'), message: 'The CLI never imports the extension: shared Node adapters live in src/node.' }],
      }],
    },
  },
  {
    files: ['src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/node serves every Node front-end: no vscode.' }],
        patterns: [{ regex: frontEnd('cli|vscode'), message: 'src/node serves every Node front-end: it imports the core, never a front-end.' }],
      }],
    },
  },
  // The decision map's browser script (webview and HTML report): the core's pure modules and its layout library, nothing of Node or VS Code.
  {
    files: ['src/map/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', ...nodeBuiltins].map((name) => ({ name, message: 'src/map runs in a browser: the core\'s pure modules and d3-force only.' })),
        patterns: [
          { group: ['node:*'], message: 'src/map runs in a browser: no Node built-ins.' },
          { regex: frontEnd('cli|vscode|node'), message: 'src/map imports the core only: the extension and the CLI hand it data.' },
        ],
      }],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/map runs in a browser.' }, { name: 'Buffer', message: 'src/map runs in a browser.' }, { name: 'require', message: 'src/map runs in a browser.' }],
    },
  },
);
