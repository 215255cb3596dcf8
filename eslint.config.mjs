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
          { regex: frontEnd('cli|vscode|node|lsp'), message: 'src/core imports no adapter or front-end: what it needs from them comes through a port (src/core/port).' },
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
        patterns: [{ regex: frontEnd('cli|lsp'), message: 'The extension never imports the CLI or the language server: shared Node adapters live in src/node, shared logic in src/core.' }],
      }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The CLI runs without VS Code.' }],
        patterns: [
          { regex: frontEnd('vscode'), message: 'The CLI never imports the extension: shared Node adapters live in src/node.' },
          { regex: frontEnd('lsp'), message: 'The CLI never imports the language server: only the `lsp` command starts it, through its entry (src/lsp/main).' },
        ],
      }],
    },
  },
  // The one exception: the `lsp` command loads the server's entry (its own bundle, dist/lsp.js), nothing else of src/lsp.
  {
    files: ['src/cli/commands/language-server.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The CLI runs without VS Code.' }],
        patterns: [
          { regex: frontEnd('vscode'), message: 'The CLI never imports the extension: shared Node adapters live in src/node.' },
          { regex: `^\\.\\.?/(?:.*/)?lsp/(?!main$)`, message: 'The lsp command imports the server\'s entry (../../lsp/main) and nothing else of src/lsp.' },
        ],
      }],
    },
  },
  {
    files: ['src/lsp/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The language server runs without VS Code: vscode-languageserver speaks to any editor.' }],
        patterns: [{ regex: frontEnd('cli|vscode'), message: 'The language server imports the core and src/node, never another front-end.' }],
      }],
    },
  },
  {
    files: ['src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/node serves every Node front-end: no vscode.' }],
        patterns: [{ regex: frontEnd('cli|vscode|lsp'), message: 'src/node serves every Node front-end: it imports the core, never a front-end.' }],
      }],
    },
  },
);
