import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeAtomically } from '../../node/atomic-write';
import type { FileResult } from './worker-protocol';
import type { FileCitations } from '../../core/code/citations';

interface CachedFile {
  readonly size: number;
  readonly mtime: number;
  readonly body: boolean;
  readonly result: FileResult;
}

/** A code file's citations, valid while its size, time and the workspace's citation forms are unchanged. */
interface CachedCode {
  readonly size: number;
  readonly mtime: number;
  /** CitationForms.key: which prefixes cite which records changes what a scan finds. */
  readonly forms: string;
  readonly citations: FileCitations;
}

/**
 * In a git repository: the citations of the code files as they are in tree `tree` (HEAD's when
 * they were scanned), but for the files in `dirty`, which differed from it then (their results
 * are of the work tree, which may since have gone back to the tree). A later run re-scans only
 * what changed since `tree`, what is changed in the work tree, and `dirty`.
 */
export interface CachedCodeTree {
  /** What else the results depend on: the citation forms and the decisions folders left out. */
  readonly key: string;
  readonly tree: string;
  readonly dirty: readonly string[];
  /** Workspace-relative code file → its citations, for the files that cite something. */
  readonly citations: Readonly<Record<string, FileCitations>>;
}

interface CacheFile {
  readonly key: string;
  readonly files: Record<string, CachedFile>;
  /** Repository-relative code file → its citations (absent in caches written before code was scanned). */
  readonly code?: Record<string, CachedCode>;
  /** The code files' citations by git tree (a workspace in a git repository). */
  readonly codeTree?: CachedCodeTree;
}

/**
 * `legible lint --cache`: a file whose size and modification time are unchanged keeps its entry
 * and findings from the last run. The key covers everything else a result depends on — Legible's
 * version, the day (overdue rules), the configuration and schema extensions — so a change to any of
 * them starts afresh. Cross-file rules always run again (they are cheap and depend on every file).
 * A code file's citations are kept the same way (`getCode`), keyed on the citation forms too;
 * in a git repository, by the tree they were scanned at instead (`getCodeTree`): no file is looked at.
 */
export class LintCache {
  private dirty = false;

  private constructor(
    readonly location: string,
    /** The location as messages show it. */
    readonly shown: string,
    private readonly key: string,
    private readonly files: Record<string, CachedFile>,
    private readonly code: Record<string, CachedCode> = Object.create(null),
    private codeTree: CachedCodeTree | undefined = undefined,
  ) {}

  static key(parts: readonly (string | Uint8Array | undefined)[]): string {
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part ?? '\0').update('\0');
    return hash.digest('hex');
  }

  static async load(location: string, key: string, shown = location): Promise<LintCache> {
    try {
      const parsed = JSON.parse(await readCacheFile(location)) as CacheFile;
      if (parsed && parsed.key === key && parsed.files && typeof parsed.files === 'object') {
        const code = parsed.code && typeof parsed.code === 'object' ? Object.assign(Object.create(null), parsed.code) : undefined;
        return new LintCache(location, shown, key, parsed.files, code, validCodeTree(parsed.codeTree));
      }
    } catch {
      // Missing, unreadable or from another version: start afresh.
    }
    return new LintCache(location, shown, key, Object.create(null));
  }

  get(path: string, size: number, mtime: number, body: boolean): FileResult | undefined {
    const cached = this.files[path];
    return cached && cached.size === size && cached.mtime === mtime && (cached.body || !body) ? cached.result : undefined;
  }

  set(path: string, size: number, mtime: number, body: boolean, result: FileResult): void {
    this.files[path] = { size, mtime, body, result };
    this.dirty = true;
  }

  getCode(path: string, size: number, mtime: number, forms: string): FileCitations | undefined {
    const cached = this.code[path];
    return cached && cached.size === size && cached.mtime === mtime && cached.forms === forms ? cached.citations : undefined;
  }

  setCode(path: string, size: number, mtime: number, forms: string, citations: FileCitations): void {
    this.code[path] = { size, mtime, forms, citations };
    this.dirty = true;
  }

  /** The code files' citations by git tree, when kept for this `key` (CachedCodeTree.key). */
  getCodeTree(key: string): CachedCodeTree | undefined {
    return this.codeTree?.key === key ? this.codeTree : undefined;
  }

  /** Kept; a warm run that found everything as it was leaves the file as it is (not rewritten). */
  setCodeTree(codeTree: CachedCodeTree): void {
    if (this.codeTree && JSON.stringify(this.codeTree) === JSON.stringify(codeTree)) return;
    this.codeTree = codeTree;
    this.dirty = true;
  }

  /** Forgets code files no longer scanned. */
  retainCode(paths: ReadonlySet<string>): void {
    for (const path of Object.keys(this.code)) {
      if (!paths.has(path)) {
        delete this.code[path];
        this.dirty = true;
      }
    }
  }

  /** Forgets files that no longer exist, so the cache does not grow forever. */
  retain(paths: ReadonlySet<string>): void {
    for (const path of Object.keys(this.files)) {
      if (!paths.has(path)) {
        delete this.files[path];
        this.dirty = true;
      }
    }
  }

  /**
   * Written atomically, never through a link (see `writeAtomically`): a crash never leaves half a
   * cache behind, a link planted at a temporary name is never written through, and a link at the
   * cache's own name is replaced rather than followed.
   */
  async save(): Promise<void> {
    if (!this.dirty) return;
    await mkdir(dirname(this.location), { recursive: true });
    await writeAtomically(this.location, Buffer.from(JSON.stringify({ key: this.key, files: this.files, code: this.code, codeTree: this.codeTree } satisfies CacheFile)), { mode: 0o600 });
    this.dirty = false;
  }
}

/** A cache file is the user's to edit or break: a code tree of the wrong shape is not used. */
function validCodeTree(value: unknown): CachedCodeTree | undefined {
  const tree = value as CachedCodeTree | undefined;
  if (!tree || typeof tree !== 'object' || typeof tree.key !== 'string' || typeof tree.tree !== 'string') return undefined;
  if (!Array.isArray(tree.dirty) || !tree.dirty.every((path) => typeof path === 'string')) return undefined;
  if (!tree.citations || typeof tree.citations !== 'object' || Array.isArray(tree.citations)) return undefined;
  return { key: tree.key, tree: tree.tree, dirty: tree.dirty, citations: Object.assign(Object.create(null), tree.citations) };
}

/**
 * The cache file's text. Legible only ever writes a regular file there (`save` replaces a link), so
 * a link or anything else at the name was planted: it is not read (O_NOFOLLOW; O_NONBLOCK, so a
 * FIFO cannot hold the lint), and the lint starts afresh.
 */
async function readCacheFile(location: string): Promise<string> {
  const handle = await open(location, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0));
  try {
    if (!(await handle.stat()).isFile()) throw new Error('not a regular file');
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
