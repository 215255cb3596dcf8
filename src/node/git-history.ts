import type * as ChildProcess from 'node:child_process';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { LOG_ARGS, LOG_ARGS_WITHOUT_LINES, GitLogReader } from '../core/evidence/git-log';
import { emptyHistory, foldCommit, historyFromJson, mergeHistories, type History } from '../core/evidence/history';
import { mailmapProblems } from '../core/evidence/mailmap';
import { findExecutable, nodeExecutableSearch } from './find-executable';
import { gitEnvironment, runGitReporting } from './git-process';

/** Bounds on the one `git log` pass: a history is large, never endless. */
export interface HistoryBounds {
  readonly timeoutMs: number;
  /** Output beyond this stops git: the history read so far is not used. */
  readonly maxBytes: number;
}

export const HISTORY_BOUNDS: HistoryBounds = { timeoutMs: 300_000, maxBytes: 4 * 1024 * 1024 * 1024 };

export interface HistoryRequest {
  /** The work tree's top folder (holding `.git`), absolute. */
  readonly root: string;
  /** Unix seconds: the window start the counts are folded with (Evidence.windowStart). */
  readonly windowStart: number;
  readonly maxFilesPerCommit: number;
  readonly env?: NodeJS.ProcessEnv;
  /**
   * The commit the history ends at (a ref `refProblem` accepts, checked by the caller): `affected
   * --head <ref>` reads the branch it reports on, whatever is checked out. Default HEAD.
   */
  readonly ref?: string;
  /** A file to keep the folded history in between runs (CLI), keyed by HEAD. */
  readonly cacheFile?: string;
  /** The history of an earlier call (editor): reused when HEAD has not moved, updated in place when it has (the caller keeps the answer, not this). */
  readonly previous?: ReadHistory;
  readonly bounds?: HistoryBounds;
  /** Stops the `git log` pass (git is killed; the answer is a problem): for a caller that no longer needs the history. */
  readonly signal?: AbortSignal;
  /**
   * False: git counts no lines (LOG_ARGS_WITHOUT_LINES), every count of lines is 0, and the
   * history is not written to `cacheFile` (a later run would take it for a whole one).
   */
  readonly lines?: boolean;
}

export interface ReadHistory {
  readonly history: History;
  /** The commit the history reaches; undefined in a repository with no commit yet. */
  readonly head?: string;
  /** What the reader should know: a shallow clone, a `.mailmap` line git skips, an empty repository. */
  readonly notes: readonly string[];
  /** How the history was had: read whole, updated from `old..HEAD`, or reused. */
  readonly how: 'full' | 'incremental' | 'cached' | 'empty';
  readonly maxFilesPerCommit: number;
  /** False when lines were not counted (`lines: false`): every added and removed count is 0. */
  readonly lines?: false;
}

export type HistoryResult = ReadHistory | { readonly problem: string; readonly missing: boolean };

const READ_ONLY = { GIT_OPTIONAL_LOCKS: '0' };

/**
 * The repository's history folded for evidence: from the cache when HEAD has not moved, else the
 * cache updated with `old..HEAD` alone (when the old HEAD is still an ancestor), else one whole
 * `git log` pass, streamed. Only the local repository is read.
 */
export async function readHistory(request: HistoryRequest): Promise<HistoryResult> {
  const env = request.env ?? process.env;
  const { root } = request;
  const git = (args: string[]) => runGitReporting(['-c', 'core.fsmonitor=false', ...args], root, env, { env: READ_ONLY });
  // One question for all three (fewer processes: the update after a commit is mostly their
  // start-up). It fails where HEAD names no commit yet (an empty repository): then apart.
  const tip = `${request.ref ?? 'HEAD'}^{commit}`;
  const asked = await git(['rev-parse', '--is-inside-work-tree', '--is-shallow-repository', '--verify', '--quiet', tip]);
  const inside = asked.ok ? asked : await git(['rev-parse', '--is-inside-work-tree', '--is-shallow-repository']);
  if (!inside.ok) return { problem: inside.problem, missing: inside.missing };
  const answers = inside.stdout.split('\n');
  const isShallow = answers[1]?.trim() === 'true';
  const notes: string[] = [];
  const mailmap = await fsp.readFile(path.join(root, '.mailmap'), 'utf8').catch(() => undefined);
  for (const problem of mailmap === undefined ? [] : mailmapProblems(mailmap).slice(0, 20)) {
    notes.push(`.mailmap line ${problem.line} is not a form git reads ("${problem.text}"): git skips it, so the commits it meant to join stay apart.`);
  }
  const headRun = asked.ok ? undefined : await git(['rev-parse', '--verify', '--quiet', tip]);
  const head = headRun === undefined ? answers[2]?.trim() || undefined : headRun.ok ? headRun.stdout.trim() : undefined;
  if (!head) {
    return { history: emptyHistory(request.windowStart), notes: [...notes, 'the repository has no commit yet: there is no history to read.'], how: 'empty', maxFilesPerCommit: request.maxFilesPerCommit };
  }

  const previous = request.previous ?? (request.cacheFile ? await loadCache(request.cacheFile) : undefined);
  const usable = previous && previous.history.windowStart === request.windowStart && previous.maxFilesPerCommit === request.maxFilesPerCommit && previous.head ? previous : undefined;
  let result: ReadHistory | HistoryResult | undefined;
  if (usable?.head === head) result = { ...usable, notes, how: 'cached' };
  else if (usable?.head && (await git(['merge-base', '--is-ancestor', usable.head, head])).ok) {
    const newer = await foldLog(root, env, [`${usable.head}..${head}`], request);
    if ('problem' in newer) return newer;
    result = { history: mergeHistories(newer, usable.history), head, notes, how: 'incremental', maxFilesPerCommit: request.maxFilesPerCommit };
  }
  if (!result) {
    const full = await foldLog(root, env, [head], request);
    if ('problem' in full) return full;
    result = { history: full, head, notes, how: 'full', maxFilesPerCommit: request.maxFilesPerCommit };
  }
  if (isShallow && 'history' in result) {
    const since = result.history.oldest === undefined ? 'its first commit' : new Date(result.history.oldest * 1000).toISOString().slice(0, 10);
    notes.push(`this is a shallow clone: its history, and so the evidence, starts at ${since}. (git fetch --unshallow reads all of it.)`);
  }
  if (request.lines === false && 'history' in result && result.how !== 'cached') result = { ...result, lines: false };
  else if (request.cacheFile && 'history' in result && result.how !== 'cached') await saveCache(request.cacheFile, result);
  return result;
}

/** One streamed `git log` over `range`, folded as it arrives. */
async function foldLog(root: string, env: NodeJS.ProcessEnv, range: readonly string[], request: HistoryRequest): Promise<History | { problem: string; missing: boolean }> {
  const gitPath = await findExecutable('git', nodeExecutableSearch([root], env));
  if (gitPath === undefined) return { problem: 'git is not installed (no git on PATH)', missing: true };
  const history = emptyHistory(request.windowStart);
  const lines = request.lines !== false;
  const reader = new GitLogReader(request.maxFilesPerCommit, (commit) => foldCommit(history, commit), lines);
  const bounds = request.bounds ?? HISTORY_BOUNDS;
  // Loaded on the first history read: the extension's activation does not load child_process.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { spawn } = require('node:child_process') as typeof ChildProcess;
  return new Promise((resolve) => {
    let bytes = 0;
    let failure: string | undefined;
    let stderr = '';
    const child = spawn(gitPath, ['-c', 'core.fsmonitor=false', '-c', 'log.showSignature=false', ...(lines ? LOG_ARGS : LOG_ARGS_WITHOUT_LINES), ...range, '--'], {
      cwd: root,
      env: { ...gitEnvironment(env, root), ...READ_ONLY },
      shell: false,
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: request.signal,
    });
    const timer = setTimeout(() => stop(`git log took longer than ${Math.round(bounds.timeoutMs / 1000)} s`), bounds.timeoutMs);
    const stop = (why: string) => {
      failure ??= why;
      child.kill();
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      if (failure) return;
      bytes += text.length;
      if (bytes > bounds.maxBytes) return stop(`git log printed more than ${Math.round(bounds.maxBytes / 1024 / 1024)} MB`);
      reader.push(text);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      if (stderr.length < 4096) stderr += text;
    });
    child.on('error', (error) => stop(error.message));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure) return resolve({ problem: failure, missing: false });
      if (code !== 0) return resolve({ problem: stderr.trim().split(/\r?\n/)[0] || `git log ended with code ${code}`, missing: false });
      reader.end();
      resolve(history);
    });
  });
}

interface CacheFile {
  readonly head: string;
  readonly maxFilesPerCommit: number;
  readonly history: History;
}

async function loadCache(file: string): Promise<ReadHistory | undefined> {
  try {
    const text = await fsp.readFile(file, 'utf8');
    const parsed = historyFromJson(text) as unknown as CacheFile | undefined;
    if (!parsed || typeof parsed.head !== 'string' || typeof parsed.maxFilesPerCommit !== 'number' || !parsed.history || parsed.history.version !== 1) return undefined;
    return { history: parsed.history, head: parsed.head, notes: [], how: 'cached', maxFilesPerCommit: parsed.maxFilesPerCommit };
  } catch {
    // Missing, unreadable or of another shape: the history is read again.
    return undefined;
  }
}

/** Written beside and renamed into place, so a run stopped half-way never leaves half a cache. */
async function saveCache(file: string, read: ReadHistory): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await fsp.mkdir(path.dirname(file), { recursive: true });
    await fsp.writeFile(temporary, JSON.stringify({ head: read.head, maxFilesPerCommit: read.maxFilesPerCommit, history: read.history } satisfies Partial<CacheFile>));
    await fsp.rename(temporary, file);
  } catch {
    // A cache that cannot be written costs the next run time, not this run its result.
    await fsp.rm(temporary, { force: true }).catch(() => undefined);
  }
}
