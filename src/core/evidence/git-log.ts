/**
 * Reading the one `git log` pass that feeds every decision's evidence. The format is chosen so that
 * any name, email or path reads exactly: `-z` ends every path with NUL (spaces, quotes, newlines and
 * non-ASCII names need no unquoting) and gives a rename as two paths instead of `{a => b}`; the
 * commit header starts with the record separator (U+001E), which no numstat entry can start with,
 * and its fields are split by the unit separator (U+001F).
 */

/** The arguments after `git` (the adapter adds its bounds and `-c` settings in front). */
export const LOG_ARGS: readonly string[] = ['log', '--no-merges', '--numstat', '--use-mailmap', '-M', '-z', '--no-color', '--no-ext-diff', '--no-textconv', '--format=%x1e%H%x1f%aN%x1f%aE%x1f%at'];

/**
 * The same pass without line counts (`--name-status`): git compares trees but reads no file's
 * content, about half the work on a large history. For a caller that uses no line count
 * (`affected`): the history it gives has every count of lines 0 and must never be cached as whole.
 */
export const LOG_ARGS_WITHOUT_LINES: readonly string[] = LOG_ARGS.map((arg) => (arg === '--numstat' ? '--name-status' : arg));

/** One file a commit touched: its path after the commit, the path before a rename, its lines. */
export interface FileChange {
  readonly path: string;
  readonly from?: string;
  /** Lines added and removed; 0 for a binary file (numstat `-`), which `binary` marks. */
  readonly added: number;
  readonly removed: number;
  readonly binary?: true;
}

export interface LogCommit {
  readonly hash: string;
  /** The author's name and email after `.mailmap`. */
  readonly name: string;
  readonly email: string;
  /** Author time, Unix seconds. */
  readonly time: number;
  /** The files, unless the commit touched more than the cap: then empty and `skipped` holds the count. */
  readonly files: readonly FileChange[];
  readonly skipped?: number;
}

/**
 * A streaming reader of `LOG_ARGS` output: text goes in by `push` as git prints it (any chunking),
 * whole commits come out through `onCommit` in git's order (newest first). A commit touching more
 * than `maxFiles` files (a vendored import, a mass reformat) is counted, not attributed: its
 * author did not come to know 100,000 files.
 */
export class GitLogReader {
  private rest = '';
  private current: { hash: string; name: string; email: string; time: number; files: FileChange[]; count: number } | undefined;
  /** A rename entry waits for its two paths. */
  private pending: { added: number; removed: number; binary: boolean; from?: string } | undefined;
  /** Without line counts: a status entry (`M`, `R100`) waits for its path, or its two. */
  private status: { paths: number; from?: string } | undefined;

  constructor(
    private readonly maxFiles: number,
    private readonly onCommit: (commit: LogCommit) => void,
    /** False for `LOG_ARGS_WITHOUT_LINES` output: entries are `--name-status`'s, every line count 0. */
    private readonly lines = true,
  ) {}

  push(text: string): void {
    const tokens = (this.rest + text).split('\0');
    this.rest = tokens.pop() ?? '';
    for (const token of tokens) this.token(token);
  }

  /** The end of output: the last commit is complete. */
  end(): void {
    if (this.rest) this.token(this.rest);
    this.rest = '';
    this.flush();
  }

  private token(raw: string): void {
    if (this.status) return this.statusPath(raw);
    if (this.pending) {
      if (this.pending.from === undefined) {
        this.pending.from = raw;
        return;
      }
      const { added, removed, binary, from } = this.pending;
      this.pending = undefined;
      this.file({ path: raw, from, added, removed, ...(binary && { binary: true as const }) });
      return;
    }
    // A numstat entry never starts with a newline or the record separator: git prints one newline
    // between a header and its first entry, and none between commits.
    const token = raw.charCodeAt(0) === 10 ? raw.replace(/^\n+/, '') : raw;
    if (token.startsWith('\u001e')) return this.header(token.slice(1));
    if (token === '') return;
    if (!this.lines) {
      // A status letter, with a similarity score after R (rename) and C (copy), which name two paths.
      if (/^[ACDMRTUXB][0-9]*$/.test(token)) this.status = { paths: token[0] === 'R' || token[0] === 'C' ? 2 : 1 };
      return;
    }
    const tab = token.indexOf('\t');
    const tab2 = token.indexOf('\t', tab + 1);
    if (tab < 0 || tab2 < 0) return; // not an entry git prints: ignored rather than misattributed
    const a = token.slice(0, tab);
    const r = token.slice(tab + 1, tab2);
    const binary = a === '-' || r === '-';
    const added = binary ? 0 : Number(a) || 0;
    const removed = binary ? 0 : Number(r) || 0;
    const path = token.slice(tab2 + 1);
    if (path === '') this.pending = { added, removed, binary };
    else this.file({ path, added, removed, ...(binary && { binary: true as const }) });
  }

  private statusPath(path: string): void {
    const status = this.status!;
    if (status.paths === 2 && status.from === undefined) {
      status.from = path;
      return;
    }
    this.status = undefined;
    this.file({ path, ...(status.from !== undefined && { from: status.from }), added: 0, removed: 0 });
  }

  private header(text: string): void {
    this.flush();
    const fields = text.split('\u001f');
    // The hash is first and the time last; a name holding U+001F keeps it (the email cannot).
    const hash = fields[0] ?? '';
    const time = Number(fields[fields.length - 1]);
    const email = fields.length >= 4 ? fields[fields.length - 2] : '';
    const name = fields.length >= 4 ? fields.slice(1, -2).join('\u001f') : '';
    this.current = { hash, name, email, time: Number.isFinite(time) ? time : 0, files: [], count: 0 };
  }

  private file(change: FileChange): void {
    const commit = this.current;
    if (!commit) return;
    commit.count++;
    if (commit.count <= this.maxFiles) commit.files.push(change);
  }

  private flush(): void {
    const commit = this.current;
    this.current = undefined;
    this.pending = undefined;
    this.status = undefined;
    if (!commit) return;
    const over = commit.count > this.maxFiles;
    this.onCommit({ hash: commit.hash, name: commit.name, email: commit.email, time: commit.time, files: over ? [] : commit.files, ...(over && { skipped: commit.count }) });
  }
}

/** Reads a whole `LOG_ARGS` output (or, `lines` false, `LOG_ARGS_WITHOUT_LINES`'s) at once (tests, small repositories). */
export function readGitLog(text: string, maxFiles: number, lines = true): LogCommit[] {
  const commits: LogCommit[] = [];
  const reader = new GitLogReader(maxFiles, (commit) => commits.push(commit), lines);
  reader.push(text);
  reader.end();
  return commits;
}
