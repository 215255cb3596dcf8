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

/** Bounds on one git run. The defaults fit a one-line answer (`user.name`); file lists ask for more. */
export interface GitRunOptions {
  /** Output beyond this many bytes stops git and fails the run. */
  readonly maxBytes?: number;
  readonly timeoutMs?: number;
  /** Added to the environment (after the redirections are dropped). */
  readonly env?: Readonly<Record<string, string>>;
}

/** What one git run gave: its output, or why there is none (git missing, a failure and its first line of stderr). */
export type GitRun = { readonly ok: true; readonly stdout: string } | { readonly ok: false; readonly missing: boolean; readonly problem: string };

/**
 * Runs git in `workTree` and returns its stdout, or undefined when git is not installed (on PATH,
 * outside the repository and the current folder), fails, takes over 5 s or prints over 64 KB.
 * Git is started by its absolute path, never through a shell, so nothing in the repository is run
 * in its place and no argument is parsed twice.
 */
export async function runGit(args: readonly string[], workTree: string, env: NodeJS.ProcessEnv = process.env, options: GitRunOptions = {}): Promise<string | undefined> {
  const ran = await runGitReporting(args, workTree, env, options);
  return ran.ok ? ran.stdout : undefined;
}

/** As `runGit`, telling why a run gave nothing: the commands that need git say so. */
export async function runGitReporting(args: readonly string[], workTree: string, env: NodeJS.ProcessEnv = process.env, options: GitRunOptions = {}): Promise<GitRun> {
  const ran = await runGitProcess(args, workTree, env, options, 'utf8');
  return ran.ok ? { ok: true, stdout: ran.stdout as string } : ran;
}

/** What a run of git with bytes out gave: its output, or why there is none. */
export type GitBytesRun = { readonly ok: true; readonly stdout: Buffer } | { readonly ok: false; readonly missing: boolean; readonly problem: string };

/**
 * As `runGitReporting`, with `input` written to git's standard input and the output kept as bytes:
 * for `git cat-file --batch`, whose answers are sized in bytes, contents included.
 */
export async function runGitBytes(args: readonly string[], workTree: string, input: string, env: NodeJS.ProcessEnv = process.env, options: GitRunOptions = {}): Promise<GitBytesRun> {
  const ran = await runGitProcess(args, workTree, env, options, 'buffer', input);
  return ran.ok ? { ok: true, stdout: ran.stdout as Buffer } : ran;
}

/** One git process: found on PATH, its environment fenced, bounded in bytes and time, `input` on its stdin. */
async function runGitProcess(args: readonly string[], workTree: string, env: NodeJS.ProcessEnv, options: GitRunOptions, encoding: 'utf8' | 'buffer', input?: string): Promise<{ readonly ok: true; readonly stdout: string | Buffer } | { readonly ok: false; readonly missing: boolean; readonly problem: string }> {
  const git = await findExecutable('git', nodeExecutableSearch([workTree], env));
  if (git === undefined) return { ok: false, missing: true, problem: 'git is not installed (no git on PATH)' };
  // node:child_process is required here, on the first git run: the extension's activation does not load it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { execFile } = require('node:child_process') as typeof ChildProcess;
  const maxBytes = options.maxBytes ?? MAX_OUTPUT_BYTES;
  const timeout = options.timeoutMs ?? TIMEOUT_MS;
  return new Promise((resolve) => {
    try {
      const runEnv = { ...gitEnvironment(env, workTree), ...options.env };
      const child = execFile(git, args, { cwd: workTree, env: runEnv, encoding, timeout, maxBuffer: maxBytes, windowsHide: true, shell: false }, (error, stdout, stderr) => {
        if (!error) return resolve({ ok: true, stdout });
        resolve({ ok: false, missing: false, problem: failure(error, String(stderr), maxBytes, timeout) });
      });
      if (input === undefined) return;
      // git may stop reading (a failure, the bound): a write after that is no error of ours.
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(input);
    } catch (error) {
      resolve({ ok: false, missing: false, problem: (error as Error).message });
    }
  });
}

/** Why a git run failed, in one line: the bound it passed, or git's first line of stderr. */
function failure(error: ChildProcess.ExecFileException, stderr: string, maxBytes: number, timeout: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return `git printed more than ${Math.round(maxBytes / 1024 / 1024) || 1} MB`;
  if (error.killed) return `git took longer than ${Math.round(timeout / 1000)} s`;
  return stderr.trim().split(/\r?\n/)[0] || error.message;
}
