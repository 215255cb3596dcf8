import type { ChangedFile, ChangeKind, RepositoryPort } from '../core/port/repository';
import { refProblem } from '../core/port/repository';
import { runGitBytes, runGitReporting, type GitRun, type GitRunOptions } from './git-process';
import type { TreeFile } from '../core/port/tree-snapshot';
import { isMarkdownPath } from '../core/port/paths';
import { ADDED_LOG_FORMAT, addedDates } from '../core/migrate/added-dates';

/**
 * File lists are large (200,000 tracked files, 20 MB of names): their own bounds, far above the
 * 64 KB and 5 s that fit `user.name`, and still a bound, so a repository cannot make Legible read
 * without end.
 */
const LIST_BOUNDS: GitRunOptions = {
  maxBytes: 64 * 1024 * 1024,
  timeoutMs: 30_000,
  // A read-only run: no index lock taken for a stat refresh, so a `git commit` beside it never fails.
  env: { GIT_OPTIONAL_LOCKS: '0' },
};

/**
 * The repository's own configuration can name a program git runs while it looks at the work tree
 * (`core.fsmonitor`, a file-system monitor hook): off, Legible only lists names. External diff
 * drivers and text conversions are off per command (`--no-ext-diff --no-textconv`).
 */
const NO_PROGRAMS = ['-c', 'core.fsmonitor=false'];

/** `--end-of-options` arrived in git 2.24; an older git gets refs that `refProblem` already checked. */
const END_OF_OPTIONS_SINCE = [2, 24];

/**
 * The repository port on Node: `git` run in the repository's root by argument arrays (never a
 * shell), with `-z` output (names with spaces, quotes or newlines read exactly), bounded in bytes
 * and time. Every ref given by a user is checked by `refProblem` and passed after
 * `--end-of-options`, so `--output=x` can never be read as an option. `problem` says why the last
 * answer was undefined, for the command to print.
 */
export class NodeGitRepository implements RepositoryPort {
  /**
   * Why the last method that answered undefined did: git missing, a ref refused, git's first line
   * of stderr. Kept through later answers, so questions asked side by side cannot wipe it.
   */
  problem: string | undefined;
  /** True when the last undefined answer was for want of git. */
  missing = false;
  /**
   * Set when `mergeBase` found both refs but no commit they share: in a shallow clone (whose history
   * stops before they part; fetch it), or in branches with no history in common.
   */
  noCommonCommit: 'shallow' | 'unrelated' | undefined;
  private endOfOptions: Promise<boolean> | undefined;

  /** `root`: the work tree's top folder (holding `.git`), absolute. */
  constructor(
    readonly root: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** True when git runs here and sees a work tree; else `problem` and `missing` say why. */
  async available(): Promise<boolean> {
    // `git --version` (for --end-of-options) beside it: the first ref question need not wait for it.
    const [inside] = await Promise.all([this.git(['rev-parse', '--is-inside-work-tree']), this.eoo()]);
    return inside?.trim() === 'true';
  }

  async trackedFiles(): Promise<readonly string[] | undefined> {
    const out = await this.git(['ls-files', '-z', '--full-name']);
    return out === undefined ? undefined : splitNul(out);
  }

  /**
   * The tracked files and the untracked ones git does not ignore: what the editor shows of the
   * code, a file written and not yet `git add`ed included.
   */
  async workingFiles(): Promise<readonly string[] | undefined> {
    return this.workingFilesAt();
  }

  /**
   * `workingFiles` at or below the given repository-relative paths alone (files or folders, taken
   * literally): of files that appeared since the list was made, those it would hold now (not the
   * ones git ignores). Asked in runs of at most PATHSPEC_BYTES of arguments.
   */
  async workingFilesAt(paths?: readonly string[]): Promise<readonly string[] | undefined> {
    return this.listAt(['ls-files', '-z', '--full-name', '--cached', '--others', '--exclude-standard'], paths);
  }

  /** Of the given repository-relative paths (files or folders, literally), the files there that git ignores. */
  async ignoredFilesAt(paths: readonly string[]): Promise<readonly string[] | undefined> {
    return this.listAt(['ls-files', '-z', '--full-name', '--others', '--ignored', '--exclude-standard'], paths);
  }

  /** `ls-files` with `args`, at the given paths only when there are some (in runs of at most PATHSPEC_BYTES). */
  private async listAt(args: readonly string[], paths?: readonly string[]): Promise<readonly string[] | undefined> {
    if (paths === undefined) {
      const out = await this.git(args);
      return out === undefined ? undefined : splitNul(out);
    }
    const found: string[] = [];
    for (const run of pathspecRuns(paths)) {
      const out = await this.git([...args, '--', ...run]);
      if (out === undefined) return undefined;
      found.push(...splitNul(out));
    }
    return found;
  }

  /**
   * Without `head`: the merge base against the working tree — staged and unstaged changes, and
   * untracked files that are not ignored (as added): a record written and not yet `git add`ed is
   * part of the branch the user is about to push.
   */
  async changedFiles(base: string, head?: string): Promise<readonly ChangedFile[] | undefined> {
    const mergeBase = await this.mergeBase(base, head ?? 'HEAD');
    return mergeBase === undefined ? undefined : this.changedSince(mergeBase, head);
  }

  /**
   * `changedFiles` from a merge base already known (a commit id from `mergeBase`). Without `head`,
   * one `git diff` from the merge base to the working tree covers the commits and the uncommitted
   * changes (renames followed); the untracked files, which no diff lists, come from `git ls-files`
   * run beside it.
   */
  async changedSince(mergeBase: string, head?: string): Promise<readonly ChangedFile[] | undefined> {
    if (!(await this.acceptable(mergeBase)) || (head !== undefined && !(await this.acceptable(head)))) return undefined;
    const eoo = await this.eoo();
    const [diff, untracked] = await Promise.all([
      this.git(['diff', '--name-status', '-z', '-M', '--no-ext-diff', '--no-textconv', '--no-color', ...eoo, mergeBase, ...(head === undefined ? [] : [head]), '--']),
      head === undefined ? this.git(['ls-files', '-z', '--others', '--exclude-standard', '--full-name']) : '',
    ]);
    if (diff === undefined || untracked === undefined) return undefined;
    const changed = parseNameStatus(diff);
    if (head !== undefined) return changed;
    const seen = new Set(changed.map((file) => file.path));
    return [...changed, ...splitNul(untracked).filter((path) => !seen.has(path)).map((path): ChangedFile => ({ kind: 'added', path }))];
  }

  async filesAt(ref: string, folder?: string): Promise<readonly string[] | undefined> {
    if (!(await this.acceptable(ref))) return undefined;
    const eoo = await this.eoo();
    // After --end-of-options, ls-tree reads `--` as a path: none is given. Without it (git < 2.24),
    // a folder named like an option is written `./-x`.
    const paths = folder === undefined ? [] : [eoo.length || !folder.startsWith('-') ? folder : `./${folder}`];
    const out = await this.git(['ls-tree', '-r', '--name-only', '--full-tree', '-z', ...eoo, ref, ...paths]);
    return out === undefined ? undefined : splitNul(out);
  }

  async textAt(ref: string, path: string, maxBytes: number): Promise<string | undefined> {
    if (!(await this.acceptable(ref))) return undefined;
    const object = `${ref}:${path}`;
    const size = await this.git(['cat-file', '-s', ...(await this.eoo()), object]);
    if (size === undefined || !(Number(size.trim()) <= maxBytes)) return undefined;
    return this.git(['cat-file', 'blob', ...(await this.eoo()), object], { ...LIST_BOUNDS, maxBytes: maxBytes + 1 });
  }

  /**
   * The files of `ref`'s tree under `folders` (repository-relative; the whole tree when empty), the
   * Markdown files among them read when no larger than `maxFileBytes`: one `ls-tree`, then one
   * `cat-file --batch` for every blob to read. Undefined when git cannot answer.
   */
  async treeAt(ref: string, folders: readonly string[], maxFileBytes: number): Promise<TreeFile[] | undefined> {
    if (!(await this.acceptable(ref))) return undefined;
    const eoo = await this.eoo();
    const paths = folders.map((folder) => (eoo.length || !folder.startsWith('-') ? folder : `./${folder}`));
    const out = await this.git(['ls-tree', '-r', '-l', '-z', '--full-tree', ...eoo, ref, ...paths]);
    if (out === undefined) return undefined;
    const files = parseLongTree(out);
    const wanted = files.filter((file) => file.kind === 'file' && file.size <= maxFileBytes && isMarkdownPath(file.path));
    if (!wanted.length) return files;
    const total = wanted.reduce((sum, file) => sum + file.size + file.object.length + 64, 0);
    const ran = await runGitBytes([...NO_PROGRAMS, 'cat-file', '--batch'], this.root, `${wanted.map((file) => file.object).join('\n')}\n`, this.env, { ...LIST_BOUNDS, maxBytes: total + 1 });
    if (!ran.ok) {
      this.fail(ran.problem, ran.missing);
      return undefined;
    }
    const contents = parseBatch(ran.stdout);
    return files.map(({ object, ...file }) => {
      const bytes = contents.get(object);
      return bytes === undefined ? file : { ...file, bytes };
    });
  }

  /** The merge base of `base` and `head`, as a commit id. */
  /**
   * The day each of `paths` (repository-relative) was first committed, renames followed (see
   * addedDates): one log of the Markdown files' adds and renames, so a record moved in from another
   * folder is followed too. Undefined when git cannot answer within the bounds.
   */
  async addedDates(paths: readonly string[]): Promise<Map<string, string> | undefined> {
    if (!paths.length) return new Map();
    const out = await this.git(['log', '-z', '--date=short', `--format=${ADDED_LOG_FORMAT}`, '--name-status', '-M', '--diff-filter=AR', '--no-ext-diff', '--no-textconv', '--', ':(top,glob,icase)**/*.md']);
    return out === undefined ? undefined : addedDates(out, paths);
  }

  async mergeBase(base: string, head: string): Promise<string | undefined> {
    if (!(await this.acceptable(base)) || !(await this.acceptable(head))) return undefined;
    const out = await this.git(['merge-base', ...(await this.eoo()), base, head]);
    if (out === undefined && !this.missing) await this.explainNoMergeBase(base, head);
    const id = out?.trim();
    if (id !== undefined && !/^[0-9a-f]{40,64}$/.test(id)) {
      this.fail(`git merge-base gave no commit for ${base} and ${head}`);
      return undefined;
    }
    return id;
  }

  /**
   * git merge-base says nothing when it finds no common commit (exit 1, no message): say which ref
   * git does not know, else why two known refs share no commit. Both refs passed `acceptable`.
   */
  private async explainNoMergeBase(base: string, head: string): Promise<void> {
    const commit = (ref: string) => runGitReporting([...NO_PROGRAMS, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`], this.root, this.env, LIST_BOUNDS);
    const [baseCommit, headCommit, shallow] = await Promise.all([commit(base), commit(head), runGitReporting(['rev-parse', '--is-shallow-repository'], this.root, this.env, LIST_BOUNDS)]);
    const unknown = !baseCommit.ok ? base : !headCommit.ok ? head : undefined;
    if (unknown !== undefined) return this.fail(`${unknown} names no commit in this repository`);
    this.noCommonCommit = shallow.ok && shallow.stdout.trim() === 'true' ? 'shallow' : 'unrelated';
    this.fail(this.noCommonCommit === 'shallow' ? `${base} and ${head} meet in no commit of this shallow clone: its history stops before they part` : `${base} and ${head} have no commit in common: their histories are unrelated`);
  }

  private async acceptable(ref: string): Promise<boolean> {
    const problem = refProblem(ref);
    if (problem === undefined) return true;
    this.fail(`the ref ${JSON.stringify(ref)} ${problem}`);
    return false;
  }

  /** `--end-of-options` when this git knows it. */
  private async eoo(): Promise<string[]> {
    this.endOfOptions ??= runGitReporting(['--version'], this.root, this.env).then((ran) => ran.ok && supportsEndOfOptions(ran.stdout));
    return (await this.endOfOptions) ? ['--end-of-options'] : [];
  }

  private async git(args: readonly string[], bounds: GitRunOptions = LIST_BOUNDS): Promise<string | undefined> {
    const ran: GitRun = await runGitReporting([...NO_PROGRAMS, ...args], this.root, this.env, bounds);
    if (ran.ok) return ran.stdout;
    this.fail(ran.problem, ran.missing);
    return undefined;
  }

  private fail(problem: string, missing = false): void {
    this.problem = problem;
    this.missing = missing;
  }
}

/** `git version 2.39.5` (or `2.45.1.windows.1`): true from 2.24 on; an unreadable version, false. */
export function supportsEndOfOptions(version: string): boolean {
  const match = /(\d+)\.(\d+)/.exec(version);
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > END_OF_OPTIONS_SINCE[0] || (major === END_OF_OPTIONS_SINCE[0] && minor >= END_OF_OPTIONS_SINCE[1]);
}

function splitNul(out: string): string[] {
  const parts = out.split('\0');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

const KINDS: Record<string, ChangeKind> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied', T: 'type-changed' };

/**
 * `git diff --name-status -z`: a status (`M`, `R100`, …) then its path, NUL-separated; a rename or
 * copy has two paths, before and after. Unmerged (`U`) and unknown (`X`) entries are read as
 * modified: the file is part of the change either way.
 */
export function parseNameStatus(out: string): ChangedFile[] {
  const parts = splitNul(out);
  const files: ChangedFile[] = [];
  for (let i = 0; i < parts.length; ) {
    const status = parts[i++];
    const kind = KINDS[status.charAt(0)] ?? 'modified';
    if (kind === 'renamed' || kind === 'copied') {
      const from = parts[i++];
      const path = parts[i++];
      if (path !== undefined) files.push({ kind, path, from });
    } else {
      const path = parts[i++];
      if (path !== undefined) files.push({ kind, path });
    }
  }
  return files;
}

/** The arguments of one git run at most (a command line is bounded: 32 KB on Windows). */
const PATHSPEC_BYTES = 24 * 1024;

/**
 * Repository-relative paths as literal pathspecs from the top (`:(top,literal)`: no glob, no
 * magic, whatever the name holds), in runs that each fit on one command line.
 */
export function pathspecRuns(paths: readonly string[]): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let bytes = 0;
  for (const path of paths) {
    const spec = `:(top,literal)${path}`;
    if (run.length && bytes + spec.length > PATHSPEC_BYTES) {
      runs.push(run);
      run = [];
      bytes = 0;
    }
    run.push(spec);
    bytes += spec.length + 1;
  }
  if (run.length) runs.push(run);
  return runs;
}

/**
 * `git ls-tree -r -l -z`: `<mode> <type> <object> <size>\t<path>` per entry, NUL-separated (the
 * size right-aligned, `-` for a submodule). A link (mode 120000) is a `symlink`, a submodule `other`.
 */
export function parseLongTree(out: string): Array<TreeFile & { readonly object: string }> {
  const files: Array<TreeFile & { readonly object: string }> = [];
  for (const entry of splitNul(out)) {
    const tab = entry.indexOf('\t');
    const [mode, type, object, size] = entry.slice(0, tab).split(/ +/);
    if (tab < 0 || object === undefined) continue;
    const kind = type !== 'blob' ? 'other' : mode === '120000' ? 'symlink' : 'file';
    files.push({ path: entry.slice(tab + 1), kind, size: Number(size) || 0, object });
  }
  return files;
}

/** `git cat-file --batch`: `<object> <type> <size>\n<content>\n` per object asked (`<object> missing\n` for none). */
export function parseBatch(out: Buffer): Map<string, Uint8Array> {
  const contents = new Map<string, Uint8Array>();
  let at = 0;
  while (at < out.length) {
    const newline = out.indexOf(10, at);
    if (newline < 0) break;
    const [object, type, size] = out.subarray(at, newline).toString('latin1').split(' ');
    at = newline + 1;
    if (type === 'missing' || size === undefined) continue;
    const length = Number(size);
    contents.set(object, new Uint8Array(out.buffer, out.byteOffset + at, Math.min(length, out.length - at)));
    at += length + 1;
  }
  return contents;
}
