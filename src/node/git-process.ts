import type * as ChildProcess from 'node:child_process';
import * as path from 'node:path';
import { findExecutable, nodeExecutableSearch } from './find-executable';

/**
 * Variables that point git at another repository, index or object store than the one in the
 * folder it runs in. A git hook, `git rebase --exec` or `git submodule foreach` sets some of them
 * for the commands it starts; kept, they would make git answer for that repository instead of the
 * one Legible writes into. The user's own configuration choices (`GIT_CONFIG_GLOBAL`,
 * `GIT_CONFIG_NOSYSTEM`, `GIT_CONFIG_COUNT`…, `HOME`, `XDG_CONFIG_HOME`) stay: they are where a
 * name is meant to come from, and no repository can set them.
 */
const REDIRECTS = new Set([
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_COMMON_DIR',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_NAMESPACE',
  'GIT_PREFIX',
  'GIT_DISCOVERY_ACROSS_FILESYSTEM',
  'GIT_CEILING_DIRECTORIES',
  'GIT_CONFIG',
]);

/** Output beyond this is no user name: git is stopped rather than read on. */
const MAX_OUTPUT_BYTES = 64 * 1024;
const TIMEOUT_MS = 5000;

/**
 * The environment git runs with: the caller's, without the redirections above, and with the
 * repository search fenced at `workTree` (`GIT_CEILING_DIRECTORIES` is its parent), so git reads
 * the repository Legible found and never one it passed over, such as a `.git` planted in `/tmp`
 * above a folder that has none. No prompt ever waits for a terminal.
 */
export function gitEnvironment(env: NodeJS.ProcessEnv, workTree: string, platform: NodeJS.Platform = process.platform): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) if (!REDIRECTS.has(platform === 'win32' ? key.toUpperCase() : key)) out[key] = value;
  out.GIT_CEILING_DIRECTORIES = (platform === 'win32' ? path.win32 : path.posix).dirname(workTree);
  out.GIT_TERMINAL_PROMPT = '0';
  return out;
}

/** A call's own bounds, for output that is a list rather than a name (`ls-files`). */
export interface GitBounds {
  readonly maxOutputBytes?: number;
  readonly timeoutMs?: number;
}

/**
 * Runs git in `workTree` and returns its stdout, or undefined when git is not installed (on PATH,
 * outside the repository and the current folder), fails, takes over 5 s or prints over 64 KB
 * (or the caller's own `bounds`).
 * Git is started by its absolute path, never through a shell, so nothing in the repository is run
 * in its place and no argument is parsed twice.
 */
export async function runGit(args: readonly string[], workTree: string, env: NodeJS.ProcessEnv = process.env, bounds: GitBounds = {}): Promise<string | undefined> {
  const git = await findExecutable('git', nodeExecutableSearch([workTree], env));
  if (git === undefined) return undefined;
  // node:child_process is required here, on the first git run: the extension's activation does not load it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { execFile } = require('node:child_process') as typeof ChildProcess;
  return new Promise((resolve) => {
    try {
      execFile(git, args, { cwd: workTree, env: gitEnvironment(env, workTree), encoding: 'utf8', timeout: bounds.timeoutMs ?? TIMEOUT_MS, maxBuffer: bounds.maxOutputBytes ?? MAX_OUTPUT_BYTES, windowsHide: true, shell: false }, (error, stdout) => resolve(error ? undefined : stdout));
    } catch {
      resolve(undefined);
    }
  });
}
