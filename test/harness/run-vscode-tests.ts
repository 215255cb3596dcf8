// Runs the in-host suite (test/vscode) inside code-server's real extension host: the workbench's
// development `payload` URL parameter loads this repo as the extension under development and our
// bundle as its tests; results come back through codeAutomationLog / codeAutomationExit.
//
// Four passes, each on a fresh copy of its fixture: the main one with Workspace Trust off, a
// restricted one (tests tagged @restricted) with Workspace Trust on, which starts untrusted, a
// multi-root one (tests tagged @multiroot) that opens a .code-workspace file with two folders, and
// a web one: the extension's browser entry in the browser's web worker host, as on vscode.dev
// (tests tagged @web, and the untagged ones of the files that need no Node). The
// extension host cannot grant trust itself (no API does), so a test asks the runner: it creates the
// file named by LEGIBLE_TEST_TRUST_REQUEST, and the runner clicks Trust in the workbench.
//
//   npm run test:vscode            (LEGIBLE_TEST_GREP=pattern to filter, LEGIBLE_TEST_PASS=web for one pass)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { buildVscodeTests, buildVscodeWebTests } from './build-vscode-tests';
import { launchBrowser, type BrowserSession } from './browser';
import type { Page } from './playwright-types';
import { freshArtifactsDir, saveFailureArtifacts } from './artifacts';
import { runCleanups } from './cleanup';
import { readCounts, writeCounts, type Counts } from './counts';
import { FIXTURE_WORKSPACE, MULTI_ROOT_WORKSPACE, MULTI_ROOT_WORKSPACE_FILE, REPO_ROOT, RESTRICTED_WORKSPACE, VSCODE_TESTS_BUNDLE, VSCODE_WEB_TESTS_BUNDLE } from './paths';
import { copyWorkspace, createRunDir, runInWebWorkerHost } from './run-dir';
import { startCodeServer, type CodeServer } from './server';
import { ensureSetup } from './setup';
import { info, step } from './log';

/**
 * A run fails when the extension host is silent this long (no console line from the host or the
 * workbench): a hang. A slow run that keeps printing goes on, since a loaded machine can take
 * several times CI's 70 s for the main pass, up to RUN_CAP_MS.
 */
const RUN_IDLE_MS = 180_000;
const RUN_CAP_MS = 20 * 60_000;
/** publisher.name in package.json. */
const EXTENSION_ID = 'legible.legible';
/** Marks the extension host's console lines (mocha's output) among the workbench's log lines. */
const LOG_TAG = '[legible-test] ';

interface Pass {
  /** Names test-artifacts/<name>. */
  name: string;
  /** Names the run folder: short, since Chromium's socket path under it must stay below 108 characters. */
  runName: string;
  fixture: string;
  /** Workspace Trust on: the workspace opens untrusted (Restricted Mode). */
  restricted: boolean;
  /** Which tagged tests run (LEGIBLE_TEST_SCOPE, see test/vscode/selection.ts); '' for every untagged one. */
  scope: '' | 'restricted' | 'multiroot' | 'web';
  /** Opens this .code-workspace file of the fixture copy (`?workspace=`) instead of the folder (`?folder=`). */
  workspaceFile?: string;
  /**
   * The browser's web worker host: the payload's `extensionDevelopmentKind: web` (what
   * @vscode/test-web passes) makes the workbench run the extension's `browser` entry there, and the
   * tests beside it, from the suite's browser bundle. That host has no process.env: the pass's
   * settings and results go through files beside the workspace.
   */
  web?: boolean;
  /** Readies the fixture's copy before the workbench opens it. */
  prepare?: (workspace: string) => void;
}

/**
 * `folder` as a git repository, made before the workbench opens it, so the editor lists its code
 * from git from the start (or, untrusted, walks it): `*.log` is ignored, `src/app.ts` and the
 * ignored `src/pre.log` are there (test/vscode/multi-root.test.ts, restricted-mode.test.ts).
 */
function asRepository(folder: string): void {
  fs.mkdirSync(path.join(folder, 'src'), { recursive: true });
  fs.writeFileSync(path.join(folder, '.gitignore'), '*.log\n');
  fs.writeFileSync(path.join(folder, 'src', 'app.ts'), 'export {};\n');
  fs.writeFileSync(path.join(folder, 'src', 'pre.log'), 'ignored\n');
  const identity = { GIT_AUTHOR_NAME: 'Fixture Author', GIT_AUTHOR_EMAIL: 'fixture@example.com', GIT_AUTHOR_DATE: '2026-01-05T10:00:00Z', GIT_COMMITTER_NAME: 'Fixture Author', GIT_COMMITTER_EMAIL: 'fixture@example.com', GIT_COMMITTER_DATE: '2026-01-05T10:00:00Z' };
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(folder, '.git', 'no-global-config'), ...identity };
  for (const args of [['init', '--quiet', '--initial-branch=main'], ['add', '--all'], ['commit', '--quiet', '--message', 'Fixture']]) execFileSync('git', args, { cwd: folder, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Beside the web pass's workspace folder (test/vscode/web-index.ts reads and writes them through vscode.workspace.fs). */
const WEB_RUN_FILES = { settings: 'web-run.json', output: 'in-host-output.txt' } as const;

const PASSES: Pass[] = [
  { name: 'vscode', runName: 'vscode', fixture: FIXTURE_WORKSPACE, restricted: false, scope: '' },
  { name: 'vscode-restricted', runName: 'trust', fixture: RESTRICTED_WORKSPACE, restricted: true, scope: 'restricted', prepare: asRepository },
  { name: 'vscode-multi-root', runName: 'multi', fixture: MULTI_ROOT_WORKSPACE, restricted: false, scope: 'multiroot', workspaceFile: MULTI_ROOT_WORKSPACE_FILE, prepare: (workspace) => asRepository(path.join(workspace, 'beta')) },
  { name: 'vscode-web', runName: 'web', fixture: FIXTURE_WORKSPACE, restricted: false, scope: 'web', web: true },
];

async function runAllPasses(): Promise<Counts> {
  await ensureSetup();
  await buildVscodeTests();
  await buildVscodeWebTests();
  const total: Counts = { passed: 0, failed: 0, pending: 0 };
  // LEGIBLE_TEST_PASS=web (or main, restricted, multiroot; comma-separated) runs only those passes.
  const only = process.env.LEGIBLE_TEST_PASS?.split(',').map((name) => name.trim());
  for (const pass of PASSES.filter((p) => !only || only.includes(p.scope || 'main'))) {
    const counts = await runInHostSuite(pass);
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.pending += counts.pending;
  }
  return total;
}

async function runInHostSuite(pass: Pass): Promise<Counts> {
  const artifacts = freshArtifactsDir(pass.name);
  const runDir = createRunDir(pass.runName);
  const workspace = copyWorkspace(runDir, pass.fixture);
  pass.prepare?.(workspace);
  const resultsFile = path.join(runDir.root, 'in-host-results.json');
  const trustRequest = path.join(runDir.root, 'trust-request');
  let trustWatcher: fs.FSWatcher | undefined;
  if (pass.web) {
    runInWebWorkerHost(runDir, EXTENSION_ID);
    fs.writeFileSync(path.join(runDir.root, WEB_RUN_FILES.settings), JSON.stringify({ grep: process.env.LEGIBLE_TEST_GREP ?? '' }));
  }

  let server: CodeServer | undefined;
  let browser: BrowserSession | undefined;
  const workbenchLog = fs.createWriteStream(path.join(artifacts, 'workbench.log'));
  try {
    const started = step(`code-server (smoke-test driver on${pass.restricted ? ', Workspace Trust on' : ''})`);
    server = await startCodeServer({ runDir, workspace, smokeTestDriver: true, workspaceTrust: pass.restricted });
    started(server.origin);
    browser = await launchBrowser(runDir);
    const { page } = browser;

    let reportExit: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (reportExit = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
    const watchdog = idleWatchdog(RUN_IDLE_MS, RUN_CAP_MS, 'the extension host never reported an exit code');
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      watchdog.touch();
      const line = formatLog(args);
      if (line.startsWith(LOG_TAG)) console.log(line.slice(LOG_TAG.length));
      else workbenchLog.write(`[${type}] ${line}\n`);
    });

    const remote = (absolute: string): string => `vscode-remote://${server!.authority}${absolute}`;
    const payload = [
      ['extensionDevelopmentPath', remote(REPO_ROOT)],
      ...(pass.web ? [['extensionDevelopmentKind', 'web']] : []),
      ['extensionTestsPath', remote((pass.web ? VSCODE_WEB_TESTS_BUNDLE : VSCODE_TESTS_BUNDLE).replace(/\.js$/, ''))],
      ['extensionEnvironment', JSON.stringify({
        LEGIBLE_TEST_RESULTS: resultsFile,
        // Where the extension host's log channels write (the extension's version line is read there).
        LEGIBLE_TEST_LOGS: path.join(runDir.userData, 'logs'),
        LEGIBLE_TEST_LOG_TAG: LOG_TAG,
        LEGIBLE_TEST_GREP: process.env.LEGIBLE_TEST_GREP ?? '',
        LEGIBLE_TEST_SCOPE: pass.scope,
        LEGIBLE_TEST_TRUST_REQUEST: pass.restricted ? trustRequest : '',
      })],
    ];
    if (pass.restricted) {
      trustWatcher = fs.watch(runDir.root, (_event, name) => {
        if (name !== path.basename(trustRequest) || !fs.existsSync(trustRequest)) return;
        fs.rmSync(trustRequest, { force: true });
        void grantTrust(page, artifacts).catch((error: unknown) => console.error(`[harness] could not grant Workspace Trust: ${error instanceof Error ? error.message : String(error)}`));
      });
    }
    const opened = pass.workspaceFile ? `workspace=${encodeURIComponent(path.join(workspace, pass.workspaceFile))}` : `folder=${encodeURIComponent(workspace)}`;
    const url = `${server.origin}/?${opened}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const running = step(`in-host mocha run${pass.restricted ? ' (Restricted Mode)' : ''}${pass.workspaceFile ? ' (multi-root)' : ''}${pass.web ? ' (web worker host)' : ''}`);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const code = await watchdog.race(exitCode);
    running(`exit code ${code}`);
    // The web worker's console does not reach the runner: its mocha output comes back as a file.
    const webOutput = path.join(runDir.root, WEB_RUN_FILES.output);
    if (pass.web && fs.existsSync(webOutput)) console.log(fs.readFileSync(webOutput, 'utf8'));
    await page.screenshot({ path: path.join(artifacts, '01-after-in-host-run.png') });

    const results = readCounts(resultsFile);
    if (!results) return { passed: 0, failed: 1, pending: 0 }; // Crashed before mocha finished.
    if (code !== 0 && results.failed === 0) results.failed = 1; // Failed outside a test (e.g. load error).
    if (results.failed > 0) await saveFailureArtifacts(artifacts, 'in-host-run', page, server.logPath);
    if (browser.offHostRequests.length) {
      console.error(`[harness] requests left 127.0.0.1:\n  ${browser.offHostRequests.join('\n  ')}`);
      results.failed += 1;
    }
    return results;
  } catch (error) {
    console.error(`[harness] in-host suite failed: ${error instanceof Error ? error.message : String(error)}`);
    await saveFailureArtifacts(artifacts, 'in-host-harness', browser?.page, server?.logPath ?? runDir.serverLog);
    return { passed: 0, failed: 1, pending: 0 };
  } finally {
    trustWatcher?.close();
    await runCleanups();
    workbenchLog.end();
  }
}

/**
 * Grants Workspace Trust as a person does: "Manage" in the Restricted Mode banner (the development
 * host shows no startup dialog), then "Trust" in the Workspace Trust editor.
 */
async function grantTrust(page: Page, artifacts: string): Promise<void> {
  await page.screenshot({ path: path.join(artifacts, '02-trust-requested.png') });
  await page.locator('.part.banner a', { hasText: /^Manage$/ }).first().click({ timeout: 10_000 });
  const trust = page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ }).first();
  await trust.waitFor({ state: 'visible', timeout: 10_000 });
  await page.screenshot({ path: path.join(artifacts, '03-trust-editor.png') });
  await trust.click({ timeout: 10_000 });
  await page.screenshot({ path: path.join(artifacts, '04-trust-granted.png') });
}

/** codeAutomationLog receives console-style argument lists (a format string and its values). */
function formatLog(args: unknown): string {
  return Array.isArray(args) ? format(...(args as unknown[])) : format(args);
}

/** Rejects when touch() has not been called for idleMs, or after capMs whatever happens. */
function idleWatchdog(idleMs: number, capMs: number, message: string): { touch(): void; race<T>(promise: Promise<T>): Promise<T> } {
  const started = Date.now();
  let lastTouch = started;
  return {
    touch: () => { lastTouch = Date.now(); },
    race: <T>(promise: Promise<T>): Promise<T> => {
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<never>((_resolve, reject) => {
        const check = (): void => {
          const now = Date.now();
          if (now - lastTouch >= idleMs) reject(new Error(`${message}: silent for ${idleMs / 1000} s`));
          else if (now - started >= capMs) reject(new Error(`${message} within ${capMs / 60_000} min`));
          else timer = setTimeout(check, Math.min(lastTouch + idleMs, started + capMs) - now);
        };
        timer = setTimeout(check, idleMs);
      });
      return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
    },
  };
}

if (require.main === module) {
  void runAllPasses().then((counts) => {
    writeCounts(counts);
    info(`in-host suite: ${counts.passed} passed, ${counts.failed} failed${counts.pending ? `, ${counts.pending} pending` : ''}`);
    process.exit(counts.failed > 0 ? 1 : 0);
  });
}
