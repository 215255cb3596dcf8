// A fresh folder per run: profile, extensions, XDG dirs, HOME and TMPDIR all live inside it,
// so code-server and Chromium write nothing into the real home folder or shared /tmp.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RUNS_DIR } from './paths';

export interface RunDir {
  root: string;
  userData: string;
  extensions: string;
  /** Default workspace folder of this run (empty unless seeded with `copyWorkspace`). */
  workspace: string;
  home: string;
  tmp: string;
  xdgConfig: string;
  xdgData: string;
  xdgCache: string;
  browserProfile: string;
  serverLog: string;
}

/** User settings that keep the 1.139 workbench quiet and offline (see docs/real-vscode-testing.md). */
export const QUIET_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  'json.schemaDownload.enable': false,
  // 1.139 defaults to afterDelay: a file would be written at a moment no test chose.
  'files.autoSave': 'off',
  // Ports that other processes on the machine open would otherwise show up as forwarded.
  'remote.autoForwardPorts': false,
};

const KEEP_RUNS = 8;
const OWNER_FILE = 'owner.pid';
/** Names the short temporary folder a run uses outside itself, so pruning removes it too. */
const OUTER_TMP_FILE = 'outer-tmp.path';
/**
 * Unix socket paths (Chromium's SingletonSocket under TMPDIR, code-server's IPC) must stay under
 * 108 bytes. In a deep checkout `<run>/tmp` is too long: then TMPDIR is a short folder in the
 * system's temporary folder instead, owned by the run and removed with it.
 */
const MAX_TMP_PATH = 48;
const SYSTEM_TMP = os.tmpdir();

function runTmp(root: string): string {
  const inside = path.join(root, 'tmp');
  if (inside.length <= MAX_TMP_PATH) return inside;
  const outer = fs.mkdtempSync(path.join(SYSTEM_TMP, 'legible-'));
  fs.writeFileSync(path.join(root, OUTER_TMP_FILE), outer);
  return outer;
}

export function createRunDir(name: string): RunDir {
  pruneOldRuns();
  // Short and unique: Unix socket paths under TMPDIR must stay below 108 characters.
  const root = fs.mkdtempSync(path.join(ensureDir(RUNS_DIR), `${name}-${Date.now().toString(36)}-`));
  const dir: RunDir = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    workspace: path.join(root, 'workspace'),
    home: path.join(root, 'home'),
    tmp: runTmp(root),
    xdgConfig: path.join(root, 'xdg', 'config'),
    xdgData: path.join(root, 'xdg', 'data'),
    xdgCache: path.join(root, 'xdg', 'cache'),
    browserProfile: path.join(root, 'chromium-profile'),
    serverLog: path.join(root, 'code-server.log'),
  };
  for (const folder of [dir.userData, dir.extensions, dir.workspace, dir.home, dir.tmp, dir.xdgConfig, dir.xdgData, dir.xdgCache, dir.browserProfile]) {
    fs.mkdirSync(folder, { recursive: true });
  }
  // Pruning skips a run whose owner is alive (an `npm start` may stay up for hours).
  fs.writeFileSync(path.join(root, OWNER_FILE), String(process.pid));
  const userSettings = path.join(dir.userData, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(userSettings), { recursive: true });
  fs.writeFileSync(userSettings, JSON.stringify(QUIET_USER_SETTINGS, null, 2));
  return dir;
}

/**
 * Makes the run's workbench put the extension in the browser's web worker host, as vscode.dev
 * does: the user setting `remote.extensionKind` (`web`, which pickRunningLocation honours for an
 * extension under development from the remote; `ui` would keep it on the remote). The in-host
 * payload adds `extensionDevelopmentKind: web`, what @vscode/test-web passes.
 */
export function runInWebWorkerHost(dir: RunDir, extensionId: string): void {
  const userSettings = path.join(dir.userData, 'User', 'settings.json');
  const settings = JSON.parse(fs.readFileSync(userSettings, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(userSettings, JSON.stringify({ ...settings, 'remote.extensionKind': { [extensionId]: ['web'] } }, null, 2));
}

/** Seeds the run's workspace with a copy, so tests may write files without touching the repo. */
export function copyWorkspace(dir: RunDir, from: string): string {
  fs.cpSync(from, dir.workspace, { recursive: true });
  return dir.workspace;
}

/** Environment for code-server and Chromium: everything they write stays in the run folder. */
export function isolatedEnv(dir: RunDir, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // npm lifecycle variables and an outer VS Code's IPC hooks must not leak into the server.
    if (/^(npm_|VSCODE_|ELECTRON_)/.test(key) || key === 'INIT_CWD' || key === 'NODE') continue;
    env[key] = value;
  }
  return {
    ...env,
    HOME: dir.home,
    TMPDIR: dir.tmp,
    XDG_CONFIG_HOME: dir.xdgConfig,
    XDG_DATA_HOME: dir.xdgData,
    XDG_CACHE_HOME: dir.xdgCache,
    XDG_RUNTIME_DIR: dir.tmp,
    // New records take their owner from `git config user.name`: only the run's own (empty) git
    // configuration counts, never the machine's, so what a test sees does not depend on the host.
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(dir.home, '.gitconfig'),
    ...extra,
  };
}

function ensureDir(folder: string): string {
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

function pruneOldRuns(): void {
  if (!fs.existsSync(RUNS_DIR)) return;
  const runs = fs.readdirSync(RUNS_DIR)
    .map((entry) => path.join(RUNS_DIR, entry))
    .map((folder) => ({ folder, mtime: fs.statSync(folder).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const run of runs.slice(KEEP_RUNS)) {
    if (ownerAlive(run.folder)) continue;
    const outer = path.join(run.folder, OUTER_TMP_FILE);
    if (fs.existsSync(outer)) fs.rmSync(fs.readFileSync(outer, 'utf8'), { recursive: true, force: true });
    fs.rmSync(run.folder, { recursive: true, force: true });
  }
}

function ownerAlive(folder: string): boolean {
  try {
    process.kill(Number(fs.readFileSync(path.join(folder, OWNER_FILE), 'utf8')), 0);
    return true;
  } catch {
    return false; // No owner file, or the owner is gone.
  }
}
