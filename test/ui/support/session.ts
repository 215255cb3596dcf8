// Root hooks of the UI suite (loaded through test/ui/.mocharc.json `require`): one code-server with
// the packaged VSIX in a fresh profile, opened on a fresh copy of examples/workspace (the records a
// user sees in the README: every rule it demonstrates is listed in examples/README.md), and one
// headless Chromium for the whole run. Tests share that workbench, so each starts from no open
// editor and asserts only on what its own flow changes. On a failed test
// a screenshot and the server log; at the end, no request may have left 127.0.0.1.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Context } from 'mocha';
import { freshArtifactsDir, saveFailureArtifacts } from '../../harness/artifacts';
import { launchBrowser, type BrowserSession } from '../../harness/browser';
import { runCleanups } from '../../harness/cleanup';
import { EXAMPLE_WORKSPACE } from '../../harness/paths';
import { copyWorkspace, createRunDir, type RunDir } from '../../harness/run-dir';
import { installExtension, startCodeServer, type CodeServer } from '../../harness/server';
import { ensureSetup } from '../../harness/setup';
import { packageExtension } from '../../harness/vsix';
import { step } from '../../harness/log';
import { Workbench } from './workbench';
import type { Page } from '../../harness/playwright-types';

interface UiSession {
  workbench: Workbench;
  server: CodeServer;
  browser: BrowserSession;
  artifacts: string;
  /** Absolute path of the run's copy of examples/workspace. */
  workspace: string;
  runDir: RunDir;
  /** Windows opened by `openWindow` and not closed yet: a failed test's screenshot shows them too. */
  windows: Map<string, Workbench>;
}

const SIDE_BAR_WIDTH = 500;
/** Hovers open below the pointer, so a hover on a field leaves the lines above it readable. */
const UI_USER_SETTINGS = { 'editor.hover.above': false };

function addUserSettings(runDir: RunDir, settings: Record<string, unknown>): void {
  const file = path.join(runDir.userData, 'User', 'settings.json');
  fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), ...settings }, null, 2));
}

// On globalThis: mocha may load this file once as a root-hook plugin and once from the tests.
const KEY = Symbol.for('legible.ui.session');
type SessionHolder = { [KEY]?: UiSession };

function current(): UiSession {
  const session = (globalThis as SessionHolder)[KEY];
  if (!session) throw new Error('the UI session is not running (are the root hooks in test/ui/.mocharc.json loaded?)');
  return session;
}

/** The workbench of this run, for tests. */
export function workbench(): Workbench {
  return current().workbench;
}

/** The run's workspace folder (a fresh copy of examples/workspace), to check files a flow created. */
export function workspaceFolder(): string {
  return current().workspace;
}

/** A new, empty folder in the run's folder, for a flow that needs a workspace of its own. */
export function scratchFolder(name: string): string {
  const folder = path.join(current().runDir.root, 'scratch', name);
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

/** A new page of the run's browser (its guard against requests off 127.0.0.1 included), for a page that is not the workbench. */
export async function newPage(): Promise<Page> {
  return current().browser.context.newPage();
}

/** Where the run's screenshots go. */
export function artifactsFolder(): string {
  return current().artifacts;
}

export interface UiWindow {
  readonly workbench: Workbench;
  close(): Promise<void>;
}

/**
 * Another workbench window of the same code-server, on `folder` (a new page of the same browser),
 * ready as the first one; its screenshots are named `<name>-NN-<step>.png`. The example workspace's
 * window stays as it was.
 */
export async function openWindow(folder: string, name: string): Promise<UiWindow> {
  const session = current();
  const page = await session.browser.context.newPage();
  const workbench = new Workbench(page, session.artifacts, `${name}-`);
  session.windows.set(name, workbench);
  const close = async () => {
    session.windows.delete(name);
    await page.close();
  };
  try {
    await page.goto(`${session.server.origin}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded' });
    await workbench.waitReady();
    await workbench.resizeSideBar(SIDE_BAR_WIDTH);
    await workbench.screenshot('window ready');
  } catch (error) {
    await close();
    throw error;
  }
  return { workbench, close };
}

export const mochaHooks = {
  async beforeAll(this: Context): Promise<void> {
    this.timeout(600_000); // A cold setup builds code-server.
    await ensureSetup();
    const artifacts = freshArtifactsDir('ui');
    const runDir = createRunDir('ui');
    const workspace = copyWorkspace(runDir, EXAMPLE_WORKSPACE);
    addUserSettings(runDir, UI_USER_SETTINGS);
    const vsix = await packageExtension(path.join(runDir.root, 'legible.vsix'));
    const installed = step('install the VSIX into a fresh profile');
    await installExtension(runDir, vsix);
    installed();
    const started = step('code-server');
    const server = await startCodeServer({ runDir, workspace });
    started(server.origin);
    const browser = await launchBrowser(runDir);
    browser.context.setDefaultTimeout(15_000); // Per step; waitReady allows more for the first load.
    const workbench = new Workbench(browser.page, artifacts);
    (globalThis as SessionHolder)[KEY] = { workbench, server, browser, artifacts, workspace, runDir, windows: new Map() };
    const ready = step('workbench ready');
    // The first page load fetches the whole workbench: a loaded machine needs far more than a step's 15 s.
    await browser.page.goto(server.url, { waitUntil: 'domcontentloaded', timeout: 90_000 });
    await workbench.waitReady();
    // Wide enough that tree rows show their title and their `status · risk · door` description.
    await workbench.resizeSideBar(SIDE_BAR_WIDTH);
    await workbench.screenshot('workbench ready');
    ready();
  },

  async afterEach(this: Context): Promise<void> {
    const session = (globalThis as SessionHolder)[KEY];
    const test = this.currentTest;
    if (!session || !test || test.state !== 'failed') return;
    const saved = await saveFailureArtifacts(session.artifacts, test.fullTitle(), session.browser.page, session.server.logPath);
    for (const [name, window] of session.windows) saved.push(...(await saveFailureArtifacts(session.artifacts, `${name} window ${test.fullTitle()}`, window.page, undefined)));
    console.error(`      saved: ${saved.map((file) => path.relative(process.cwd(), file)).join(', ')}`);
  },

  async afterAll(this: Context): Promise<void> {
    this.timeout(60_000);
    const session = (globalThis as SessionHolder)[KEY];
    const offHost = session ? [...session.browser.offHostRequests] : [];
    delete (globalThis as SessionHolder)[KEY];
    await runCleanups();
    if (offHost.length) throw new Error(`requests left 127.0.0.1 (aborted):\n  ${offHost.join('\n  ')}`);
  },
};
