/**
 * Runs the CLI the way a user does: as a bundled Node program in a folder of its own. The bundle is
 * built once per mocha process (into a temp folder, so a concurrent `npm run build` cannot swap
 * dist/cli.js under a running test), and each test works in a temp copy of a workspace.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { buildSidecars, bundlePlugins } from '../../../scripts/sidecars.mjs';
import { buildMap } from '../../../scripts/map-bundle.mjs';
import { capture, type Captured } from '../../harness/proc';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const EXAMPLES = path.join(REPO_ROOT, 'examples', 'workspace');
export const EXAMPLES_README = path.join(REPO_ROOT, 'examples', 'README.md');
export { REAL_WORLD } from '../support/real-world';
/** Every test lints on the same day; the examples hold for 2025-07-01 … 2027-09-29. */
export const TODAY = '2026-11-21';

let bundle: Promise<{ dir: string; cli: string }> | undefined;
const temps: string[] = [];

/** The same esbuild settings as scripts/build.mjs, for the CLI entry (and its sidecars) only. */
export function buildCli(): Promise<{ dir: string; cli: string }> {
  bundle ??= (async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'legible-cli-bundle-'));
    // One bundle per test process, removed when mocha exits.
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const cli = path.join(dir, 'cli.js');
    await build({
      entryPoints: [path.join(REPO_ROOT, 'src', 'cli', 'main.ts')],
      outfile: cli,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'error',
      banner: { js: '#!/usr/bin/env node' },
      plugins: bundlePlugins,
    });
    // The sidecars beside the bundle, as in dist/: RE2, remark, ajv's compiler.
    await buildSidecars(dir, { minify: false });
    // The decision map's script and style, which `report --format html` inlines.
    await buildMap(dir, { minify: false });
    return { dir, cli };
  })();
  return bundle;
}

export type RunResult = Captured;

export interface RunOptions {
  readonly cwd: string;
  /** Added to (or, with undefined, removed from) a clean environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** A clean environment: no colour settings, no user or system git configuration. */
export function baseEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, GIT_CONFIG_GLOBAL: path.join(home, 'no-gitconfig'), GIT_CONFIG_NOSYSTEM: '1' };
  for (const key of ['NO_COLOR', 'FORCE_COLOR', 'LEGIBLE_DEBUG', 'GIT_DIR', 'GIT_WORK_TREE']) delete env[key];
  return env;
}

export async function runCli(args: readonly string[], options: RunOptions): Promise<RunResult> {
  const { dir, cli } = await buildCli();
  // A home outside every test's folders: the root search never climbs above the home, so a home
  // that is the current folder would hide the workspace root from a run in one of its subfolders.
  const env = baseEnv(path.join(dir, 'home'));
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return capture(process.execPath, [cli, ...args], { cwd: options.cwd, env });
}

/** A fresh temp folder, removed by cleanupTemps(). */
export async function tempDir(prefix = 'legible-cli-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** A temp copy of the example workspace (its root, holding .legible.json). */
export async function copyExamples(): Promise<string> {
  const dir = await tempDir('legible-cli-ws-');
  await cp(EXAMPLES, dir, { recursive: true });
  return dir;
}

export async function cleanupTemps(): Promise<void> {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export const DECISIONS = path.join('docs', 'decisions');

/** The author and date of every commit a test makes: no user configuration, the same each run. */
const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_AUTHOR_DATE: '2026-11-21T09:00:00Z',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.com',
  GIT_COMMITTER_DATE: '2026-11-21T09:00:00Z',
};

/** Runs git in `cwd` with the clean environment and the scripted identity; returns its stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...baseEnv(cwd), ...GIT_IDENTITY }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Makes `dir` a git repository with everything in it committed, so `git status` starts clean;
 * `force`: paths added although ignored or usually left out (node_modules, dist).
 */
export function gitRepository(dir: string, options: { message?: string; force?: readonly string[] } = {}): void {
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'add', '--all');
  if (options.force?.length) git(dir, 'add', '--force', ...options.force);
  git(dir, 'commit', '--quiet', '--message', options.message ?? 'Decision records');
}

/** Every file below a folder with its bytes, for "nothing else changed" checks. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    out.set(path.relative(dir, full).split(path.sep).join('/'), (await readFile(full)).toString('base64'));
  }
  return out;
}

export async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

export { readFile, writeFile };

/** The README's table: example file (relative to the workspace) → the rules it is meant to trigger, and its prose. */
export async function exampleIntent(): Promise<Map<string, { rules: string[]; text: string }>> {
  const readme = await readFile(EXAMPLES_README, 'utf8');
  const rows = new Map<string, { rules: string[]; text: string }>();
  for (const line of readme.split('\n')) {
    const match = /^\|\s*`([^`]+\.md)`\s*\|([^|]*)\|(.*)\|\s*$/.exec(line);
    if (!match) continue;
    rows.set(match[1], { rules: [...match[2].matchAll(/`([a-z-]+)`/g)].map((m) => m[1]), text: match[3].trim() });
  }
  if (!rows.size) throw new Error(`no table rows found in ${EXAMPLES_README}`);
  return rows;
}
