import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeAtomically } from '../../node/atomic-write';
import type { FileResult } from './worker-protocol';
import type { FileCitations } from '../../core/code/citations';
import type { Finding } from '../../core/rules/rule';
import { entryFromStore, storedEntry, type StoredEntry } from './stored-entry';

/**
 * A record as the file keeps it, one array per record (a warm lint parses 10,000 of them): its
 * name (its path relative to the workspace root, or absolute outside it), size and modification
 * time, whether its body was linted, its entry (see StoredEntry) and its findings.
 */
type CachedFile = [name: string, size: number, mtime: number, body: boolean, entry: StoredEntry, findings: readonly Finding[]];

export interface CacheOptions {
  /** The location as messages show it (default: as given). */
  readonly shown?: string;
  /** The workspace root: the file names its records relative to it. */
  readonly root?: string;
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
  /** The folders the stored entries name by index (StoredEntry.folder). */
  readonly folders: readonly string[];
  readonly files: readonly CachedFile[];
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
  private readonly folderIndexes = new Map<string, number>();
  private folders: string[] = [];
  /** By name (CachedFile's first value). */
  private readonly files = new Map<string, CachedFile>();
  /** The workspace root and a slash: a record's name is its path without it. */
  private readonly prefix: string | undefined;
  private code: Record<string, CachedCode> = Object.create(null);
  private codeTree: CachedCodeTree | undefined;
  private loading: Promise<void> | undefined;

  private constructor(
    readonly location: string,
    private readonly key: string,
    /** The location as messages show it. */
    readonly shown: string,
    root: string | undefined,
  ) {
    this.prefix = root === undefined ? undefined : `${root.replace(/\/+$/, '')}/`;
  }

  static key(parts: readonly (string | Uint8Array | undefined)[]): string {
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part ?? '\0').update('\0');
    return hash.digest('hex');
  }

  static async load(location: string, key: string, options: CacheOptions = {}): Promise<LintCache> {
    const cache = LintCache.unread(location, key, options);
    await cache.read();
    return cache;
  }

  /**
   * The cache at `location`, its file not read yet: `read()` reads it. A warm lint of 10,000 records
   * has its files' times taken on another thread (NodeFileSystem.statMany) while this one parses it.
   */
  static unread(location: string, key: string, { shown = location, root }: CacheOptions = {}): LintCache {
    return new LintCache(location, key, shown, root);
  }

  /** How the file names a record: relative to the workspace root when inside it. */
  private name(path: string): string {
    return this.prefix !== undefined && path.startsWith(this.prefix) ? path.slice(this.prefix.length) : path;
  }

  /** Reads the file once (later calls wait for that read); nothing is kept unless it is of this key. */
  read(): Promise<void> {
    this.loading ??= readCacheFile(this.location)
      .then((text) => this.adopt(JSON.parse(text) as CacheFile))
      .catch(() => undefined); // Missing, unreadable or not JSON: start afresh.
    return this.loading;
  }

  /** Used before `read()`, the cache would miss everything and then overwrite the file: a bug, said at once. */
  private mustBeRead(): void {
    if (!this.loading) throw new Error(`the lint cache ${this.shown} is used before it is read`);
  }

  private adopt(parsed: CacheFile): void {
    const folders = parsed && Array.isArray(parsed.folders) && parsed.folders.every((folder) => typeof folder === 'string') ? [...parsed.folders] : undefined;
    // From another version, for another configuration or day, or of another shape: start afresh.
    if (!parsed || parsed.key !== this.key || !folders || !Array.isArray(parsed.files)) return;
    this.folders = folders;
    folders.forEach((folder, index) => this.folderIndexes.set(folder, index));
    for (const file of parsed.files as readonly unknown[]) if (Array.isArray(file) && typeof file[0] === 'string') this.files.set(file[0], file as CachedFile);
    if (parsed.code && typeof parsed.code === 'object') this.code = Object.assign(Object.create(null), parsed.code);
    this.codeTree = validCodeTree(parsed.codeTree);
  }

  /** The entry and findings kept for `path`, when its size and time are unchanged (and its body was linted, when `body`). */
  get(path: string, size: number, mtime: number, body: boolean): FileResult | undefined {
    this.mustBeRead();
    const cached = this.files.get(this.name(path));
    if (!cached || cached[1] !== size || cached[2] !== mtime || (cached[3] !== true && body)) return undefined;
    const findings = cached[5];
    const entry = Array.isArray(findings) && findings.every(isFinding) ? entryFromStore(cached[4], path, this.folders) : undefined;
    return entry && { entry, findings };
  }

  set(path: string, size: number, mtime: number, body: boolean, result: FileResult): void {
    this.mustBeRead();
    const name = this.name(path);
    this.files.set(name, [name, size, mtime, body, storedEntry(result.entry, (folder) => this.folderIndex(folder)), result.findings]);
    this.dirty = true;
  }

  private folderIndex(folder: string): number {
    let index = this.folderIndexes.get(folder);
    if (index === undefined) {
      index = this.folders.push(folder) - 1;
      this.folderIndexes.set(folder, index);
    }
    return index;
  }

  getCode(path: string, size: number, mtime: number, forms: string): FileCitations | undefined {
    this.mustBeRead();
    const cached = this.code[path];
    return cached && cached.size === size && cached.mtime === mtime && cached.forms === forms ? cached.citations : undefined;
  }

  setCode(path: string, size: number, mtime: number, forms: string, citations: FileCitations): void {
    this.mustBeRead();
    this.code[path] = { size, mtime, forms, citations };
    this.dirty = true;
  }

  /** The code files' citations by git tree, when kept for this `key` (CachedCodeTree.key). */
  getCodeTree(key: string): CachedCodeTree | undefined {
    this.mustBeRead();
    return this.codeTree?.key === key ? this.codeTree : undefined;
  }

  /** Kept; a warm run that found everything as it was leaves the file as it is (not rewritten). */
  setCodeTree(codeTree: CachedCodeTree): void {
    this.mustBeRead();
    if (this.codeTree && JSON.stringify(this.codeTree) === JSON.stringify(codeTree)) return;
    this.codeTree = codeTree;
    this.dirty = true;
  }

  /** Forgets code files no longer scanned. */
  retainCode(paths: ReadonlySet<string>): void {
    this.mustBeRead();
    for (const path of Object.keys(this.code)) {
      if (!paths.has(path)) {
        delete this.code[path];
        this.dirty = true;
      }
    }
  }

  /** Forgets files that no longer exist, and folders no entry names any more, so the cache does not grow forever. */
  retain(paths: ReadonlySet<string>): void {
    this.mustBeRead();
    const names = new Set([...paths].map((path) => this.name(path)));
    for (const name of this.files.keys()) {
      if (!names.has(name)) {
        this.files.delete(name);
        this.dirty = true;
      }
    }
    const named = new Set([...this.files.values()].map((file) => file[4]?.folder));
    if (this.folders.every((_, index) => named.has(index))) return;
    const kept = this.folders.filter((_, index) => named.has(index));
    const renumbered = new Map(kept.map((folder, index) => [this.folderIndexes.get(folder), index]));
    for (const [name, file] of this.files) {
      const index = renumbered.get(file[4]?.folder);
      // An entry naming no folder of the table is dropped: it could never be read back.
      if (index === undefined) this.files.delete(name);
      else (file[4] as { folder: number }).folder = index;
    }
    this.folders.splice(0, this.folders.length, ...kept);
    this.folderIndexes.clear();
    kept.forEach((folder, index) => this.folderIndexes.set(folder, index));
    this.dirty = true;
  }

  /**
   * Written atomically, never through a link (see `writeAtomically`): a crash never leaves half a
   * cache behind, a link planted at a temporary name is never written through, and a link at the
   * cache's own name is replaced rather than followed.
   */
  async save(): Promise<void> {
    this.mustBeRead();
    if (!this.dirty) return;
    await mkdir(dirname(this.location), { recursive: true });
    await writeAtomically(this.location, Buffer.from(JSON.stringify({ key: this.key, folders: this.folders, files: [...this.files.values()], code: this.code, codeTree: this.codeTree } satisfies CacheFile)), { mode: 0o600 });
    this.dirty = false;
  }
}

const SEVERITIES: ReadonlySet<unknown> = new Set(['error', 'warning', 'info']);

const isPosition = (value: unknown): boolean => {
  const position = value as { line?: unknown; character?: unknown } | null;
  return typeof position === 'object' && position !== null && Number.isInteger(position.line) && Number.isInteger(position.character);
};

/** A path, a message and a range: what a finding and each of its related locations hold. */
function isLocated(value: unknown): boolean {
  const located = value as { path?: unknown; message?: unknown; range?: { start?: unknown; end?: unknown } | null } | null;
  if (typeof located !== 'object' || located === null || typeof located.path !== 'string' || typeof located.message !== 'string') return false;
  return typeof located.range === 'object' && located.range !== null && isPosition(located.range.start) && isPosition(located.range.end);
}

/**
 * A finding as every format prints it. A cache file is the user's to edit or break: a file whose
 * findings are not all of this shape is linted again, where one of another shape would stop the
 * lint in the formatter (exit 2).
 */
function isFinding(value: unknown): boolean {
  const finding = value as Partial<Record<keyof Finding, unknown>>;
  if (!isLocated(value) || typeof finding.ruleId !== 'string' || !SEVERITIES.has(finding.severity)) return false;
  return finding.related === undefined || (Array.isArray(finding.related) && finding.related.every(isLocated));
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
