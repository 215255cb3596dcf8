/**
 * What Legible asks of the repository's version control, for the features that tie decisions to
 * code (`governs`, citations, `explain`, `affected`, number collisions). The core never runs git:
 * the Node adapter answers with `git` run by argument arrays, bounded output and a time limit; a
 * front-end without git (a virtual workspace, a folder that is no repository) gives no port, and
 * the features that need one say so.
 *
 * Paths are repository-relative with `/` separators, as git prints them (never absolute, never
 * with `..`). Every method answers undefined when git cannot (not a repository, a ref that does
 * not exist, output over the bound, a time-out): the caller reports that, never a partial list.
 */
export interface RepositoryPort {
  /** The tracked files of the working tree (`git ls-files`), in git's order. */
  trackedFiles(): Promise<readonly string[] | undefined>;
  /**
   * The files changed between the merge base of `base` and `head` (or the working tree, uncommitted
   * changes included, when `head` is undefined), renames followed.
   */
  changedFiles(base: string, head?: string): Promise<readonly ChangedFile[] | undefined>;
  /** The files at `ref` under `folder` (repository-relative; the whole tree when undefined). */
  filesAt(ref: string, folder?: string): Promise<readonly string[] | undefined>;
  /** The text of `path` at `ref`, undefined when it does not exist there or is over `maxBytes`. */
  textAt(ref: string, path: string, maxBytes: number): Promise<string | undefined>;
}

export type ChangeKind = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed';

export interface ChangedFile {
  readonly kind: ChangeKind;
  /** The path after the change (for a deletion, the path that was deleted). */
  readonly path: string;
  /** For a rename or copy: the path before it. */
  readonly from?: string;
}

/**
 * A ref as a user may give it to `--base`/`--head`: a branch, tag, `HEAD~2`, `origin/main`, a
 * commit. Refused: anything git would read as an option (`--output=x`), whitespace and control
 * characters, and the characters git forbids in ref names (`..` aside, which is a range, not a
 * ref). The adapter passes refs after `--end-of-options` too; this check makes the refusal a
 * message instead of a git error.
 */
export function refProblem(ref: string): string | undefined {
  if (ref.length === 0) return 'is empty';
  if (ref.length > 256) return 'is longer than 256 characters';
  if (ref.startsWith('-')) return 'starts with "-", which git would read as an option';
  // `HEAD~2`, `main^`, `v1^2~3`: ancestry suffixes are allowed at the end only.
  const name = ref.replace(/(?:[~^]\d*)+$/, '');
  // eslint-disable-next-line no-control-regex
  if (name.length === 0 || /[\u0000-\u0020\u007f~^:?*[\\]/.test(name)) return 'contains a character git does not allow in a ref';
  if (ref.includes('..') || ref.includes('@{') || ref.endsWith('.') || ref.endsWith('/') || ref.endsWith('.lock')) return 'is not a ref git accepts';
  if (/[$`;|&<>(){}'"]/.test(ref)) return 'contains a shell character';
  return undefined;
}
