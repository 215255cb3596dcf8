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
          { regex: frontEnd('cli|vscode|node|mcp|lsp'), message: 'src/core imports no adapter or front-end: what it needs from them comes through a port (src/core/port).' },
          { group: ['@modelcontextprotocol/*', 'zod', 'zod/*'], message: 'src/core knows no protocol: the MCP server (src/mcp) shapes its answers.' },
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
        patterns: [
          { regex: frontEnd('cli|lsp'), message: 'The extension never imports the CLI or the language server: shared Node adapters live in src/node, shared logic in src/core.' },
          // Only the Node entry (extension.ts) takes src/node's adapters and hands them over (host.ts): the browser bundle shares everything else.
          { regex: '^\\.\\./(?:\\.\\./)*node/', message: 'Only src/vscode/extension.ts imports src/node: every other file gets the adapters through HostAdapters (host.ts), so the web bundle stays free of Node.' },
          { regex: frontEnd('mcp'), message: 'The extension never imports the MCP server: it starts `dist/mcp.js` (src/mcp/stdio-main.ts) as a process of its own.' },
          { group: ['@modelcontextprotocol/*'], message: 'The extension never loads the MCP SDK: the server runs as a process of its own.' },
        ],
      }],
    },
  },
  // The Node entry: the one file of the extension that takes src/node's adapters (host.ts says which).
  {
    files: ['src/vscode/extension.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'fs', message: 'Use vscode.workspace.fs through the port.' }, { name: 'node:fs', message: 'Use vscode.workspace.fs through the port.' }],
        patterns: [
          { regex: frontEnd('cli|lsp|mcp'), message: 'The extension never imports another front-end: shared Node adapters live in src/node, shared logic in src/core.' },
          { group: ['@modelcontextprotocol/*'], message: 'The extension never loads the MCP SDK: the server runs as a process of its own.' },
        ],
      }],
    },
  },
  // The web worker host's entry: no Node built-in, and of src/node only what is plain JavaScript
  // (Date, timers). The browser build (scripts/sidecars.mjs webBuild) fails on anything else it reaches.
  {
    files: ['src/vscode/web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', ...nodeBuiltins].filter((name) => name !== 'vscode').map((name) => ({ name, message: 'The web worker host has no Node built-ins.' })),
        patterns: [
          { group: ['node:*'], message: 'The web worker host has no Node built-ins.' },
          { regex: frontEnd('cli'), message: 'The extension never imports the CLI.' },
          { regex: '^\\.\\./\\.\\./node/(?!system-clock$|time-slices$)', message: 'The web entry takes from src/node only its plain-JavaScript adapters (system-clock, time-slices).' },
        ],
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
          { regex: frontEnd('mcp'), message: 'The CLI never imports the MCP server: only the `mcp` command starts it, through its entry (src/mcp/main).' },
          { group: ['@modelcontextprotocol/*', 'zod', 'zod/*'], message: 'The MCP SDK loads only through src/mcp/sdk.ts (the sidecar dist/mcp-sdk.js.br), when `legible mcp` runs.' },
          { regex: frontEnd('lsp'), message: 'The CLI never imports the language server: only the `lsp` command starts it, through its entry (src/lsp/main).' },
        ],
      }],
    },
  },
  // The one exception: the `lsp` command loads the server's entry, nothing else of src/lsp (its protocol library is dist/languageserver.js, required only then).
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
  // The same for `legible mcp`: its command loads the server's entry, nothing else of src/mcp.
  {
    files: ['src/cli/commands/mcp-server.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The CLI runs without VS Code.' }],
        patterns: [
          { regex: frontEnd('vscode|lsp'), message: 'The CLI never imports the extension or the language server.' },
          { regex: `^\\.\\.?/(?:.*/)?mcp/(?!main$)`, message: 'The mcp command imports the server\'s entry (../../mcp/main) and nothing else of src/mcp.' },
          { group: ['@modelcontextprotocol/*', 'zod', 'zod/*'], message: 'The MCP SDK loads only through src/mcp/sdk.ts, when the server starts.' },
        ],
      }],
    },
  },
  {
    files: ['src/lsp/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The language server runs without VS Code: vscode-languageserver speaks to any editor.' }],
        patterns: [{ regex: frontEnd('cli|vscode|mcp'), message: 'The language server imports the core and src/node, never another front-end.' }],
      }],
    },
  },
  {
    files: ['src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/node serves every Node front-end: no vscode.' }],
        patterns: [{ regex: frontEnd('cli|vscode|mcp|lsp'), message: 'src/node serves every Node front-end: it imports the core, never a front-end.' }],
      }],
    },
  },
  // The MCP server: the core and src/node, never another front-end (nor they it).
  {
    files: ['src/mcp/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The MCP server runs without VS Code.' }],
        patterns: [{ regex: frontEnd('cli|vscode|lsp'), message: 'The MCP server imports the core and src/node, never another front-end.' }],
      }],
    },
  },
  // The SDK's one door: the rest of the server imports it from ./sdk, so the sidecar holds all of it.
  {
    files: ['src/mcp/**/*.ts'],
    ignores: ['src/mcp/sdk.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The MCP server runs without VS Code.' }],
        patterns: [
          { regex: frontEnd('cli|vscode|lsp'), message: 'The MCP server imports the core and src/node, never another front-end.' },
          { group: ['@modelcontextprotocol/*', 'zod', 'zod/*'], message: 'Import the SDK from ./sdk: it is the compressed sidecar dist/mcp-sdk.js.br.' },
        ],
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
