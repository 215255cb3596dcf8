import { relativePath } from '../core/port/paths';
import { SKIPPED_FOLDERS } from '../core/code/code-files';
import { runGitReporting, type GitRunOptions } from './git-process';
import { grepLines, type GrepBounds, type GrepFile } from './git-grep-lines';
import { findRepository } from './repository';

/** As the file lists (git-repository.ts): a repository's worth of names, bounded still. */
const LIST_BOUNDS: GitRunOptions = { maxBytes: 64 * 1024 * 1024, timeoutMs: 30_000, env: { GIT_OPTIONAL_LOCKS: '0' } };
/** No program the repository's configuration names runs while git looks at the work tree. */
const NO_PROGRAMS = ['-c', 'core.fsmonitor=false'];
/**
 * The most paths one grep names (each on the command line): past it, or past the characters a
 * Windows command line holds, the whole folder is searched instead.
 */
const MAX_NAMED_PATHS = 1000;
const MAX_NAMED_CHARS = 24_000;

/** Characters a `glob` pathspec reads as patterns: a folder's own name is matched literally. */
function globLiteral(path: string): string {
  return path.replace(/[*?[\]\\]/g, '\\$&');
}

/**
 * The code of one folder of a git repository as git searches it: `git grep` over the tracked
 * files' working-tree text, and what changed since a tree. Paths in and out are relative to the
 * folder, which may lie below the repository's root (a monorepo's `.legible.json`).
 */
export class GitCodeSearch {
  private constructor(
    /** The repository's root (absolute, '/'-separated), where git runs. */
    readonly root: string,
    /** The folder's path in the repository, '' at its root, else ending in '/'. */
    private readonly prefix: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Undefined outside a git repository. */
  static async at(folder: string, env: NodeJS.ProcessEnv = process.env): Promise<GitCodeSearch | undefined> {
    const repository = await findRepository(folder);
    if (!repository) return undefined;
    const relative = relativePath(repository.root, folder);
    return new GitCodeSearch(repository.root, relative === '.' || relative === '' ? '' : `${relative}/`, env);
  }

  /**
   * Every line matching `pattern` (POSIX extended, case ignored) in the tracked text files below
   * the folder, as they are in the work tree, by file: one `git grep`, which reads the files on
   * every core, binary ones left out (NUL in the first 8,000 bytes, or so marked in
   * .gitattributes). `paths` names the files to search (all when absent, or when too many to name);
   * `exclude` names folders not to search, and dependencies and build output (SKIPPED_FOLDERS) are
   * never searched. Undefined when git cannot answer.
   */
  async grep(pattern: string, options: { readonly exclude?: readonly string[]; readonly paths?: readonly string[]; readonly bounds: GrepBounds }): Promise<Map<string, GrepFile> | undefined> {
    const named = options.paths && this.nameable(options.paths) ? options.paths.map((path) => `:(top,literal)${this.prefix}${path}`) : undefined;
    if (named && !named.length) return new Map();
    const pathspecs = named ?? this.pathspecs(options.exclude ?? []);
    const args = [
      ...NO_PROGRAMS,
      // Explicit output options: a user's grep.lineNumber, grep.column, grep.fullName, grep.patternType
      // or submodule.recurse would otherwise change what is printed or searched.
      'grep', '-n', '--no-column', '-z', '-I', '-i', '-E', '--no-color', '--full-name', '--no-recurse-submodules', '--no-textconv',
      '-e', pattern, '--', ...pathspecs,
    ];
    const found = await grepLines(args, this.root, this.env, options.bounds);
    return found && this.below(found);
  }

  /** What a search of the whole folder names after `--`: the folder, less `exclude` and SKIPPED_FOLDERS. */
  pathspecs(exclude: readonly string[]): string[] {
    return [
      this.prefix ? `:(top,literal)${this.prefix}` : ':(top)',
      ...exclude.map((folder) => `:(top,exclude,literal)${this.prefix}${folder}`),
      ...[...SKIPPED_FOLDERS].map((name) => `:(top,exclude,glob)${globLiteral(this.prefix)}**/${name}/**`),
    ];
  }

  private nameable(paths: readonly string[]): boolean {
    let chars = 0;
    for (const path of paths) chars += path.length + this.prefix.length + 16;
    return paths.length <= MAX_NAMED_PATHS && chars <= MAX_NAMED_CHARS;
  }

  /** The tree HEAD holds, as an id; undefined before the first commit or without git. */
  async headTree(): Promise<string | undefined> {
    const ran = await runGitReporting([...NO_PROGRAMS, 'rev-parse', '--verify', '--quiet', 'HEAD^{tree}'], this.root, this.env, LIST_BOUNDS);
    const id = ran.ok ? ran.stdout.trim() : '';
    return /^[0-9a-f]{40,64}$/.test(id) ? id : undefined;
  }

  /**
   * The files below the folder whose content differs between tree `from` (an id `headTree` gave)
   * and tree `to`, or the work tree (staged or not) without `to`: deleted, added and renamed files
   * by both names. Undefined when git cannot tell (the tree was pruned, no git).
   */
  async changed(from: string, to?: string): Promise<string[] | undefined> {
    const trees = [from, ...(to === undefined ? [] : [to])];
    if (!trees.every((tree) => /^[0-9a-f]{40,64}$/.test(tree))) return undefined;
    const ran = await runGitReporting([...NO_PROGRAMS, 'diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', '--no-color', ...trees, '--', this.prefix ? `:(top,literal)${this.prefix}` : ':(top)'], this.root, this.env, LIST_BOUNDS);
    if (!ran.ok) return undefined;
    return ran.stdout.split('\0').filter((path) => path.startsWith(this.prefix) && path.length > this.prefix.length).map((path) => path.slice(this.prefix.length));
  }

  private below<T>(found: Map<string, T>): Map<string, T> {
    if (!this.prefix) return found;
    const out = new Map<string, T>();
    for (const [path, value] of found) if (path.startsWith(this.prefix)) out.set(path.slice(this.prefix.length), value);
    return out;
  }
}
