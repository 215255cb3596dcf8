import { close, closeSync, constants, fstat, fstatSync, lstatSync, open, openSync, promises as fs, read, readSync, type Stats } from 'node:fs';
import { ContainedResolver } from '../core/port/contained-resolver';
import type { DirectoryEntry, EntryKind, FileStat, FileSystemPort } from '../core/port/file-system';
import { basename, dirname, normalizePath } from '../core/port/paths';
import { writeAtomically } from './atomic-write';
import { statOnWorker } from './stat-worker';

function kindOf(entry: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryKind {
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  return 'other';
}

const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;
/** Undefined on Windows: there each read resolves the whole path (links included) before it opens. */
const NO_FOLLOW: number | undefined = constants.O_NOFOLLOW;
/** Opens a file of the workspace: a final link makes the open fail (ELOOP), so it is resolved first. */
const CONTAINED_READ_FLAGS = READ_FLAGS | (NO_FOLLOW ?? 0);
/**
 * How long a folder's resolved real path is trusted. A scan resolves each folder about once; a
 * checkout that turns a folder into a link is seen within this time, and writes never use it.
 */
const FOLDER_CACHE_MS = 1000;

/**
 * How the scan's reads (and, blocking, its stats) are made:
 * - `blocking`: for a batch process (the CLI, its workers). Nothing else waits on its event loop,
 *   and each awaited call through the thread pool costs more than the read itself.
 * - `thread-pool`: every call asynchronous, through Node's thread pool.
 * - `adaptive`: for the extension host, whose scan runs in slices of a few milliseconds. A record
 *   read from the page cache takes ~10 µs blocking, while an asynchronous read (open, fstat, read,
 *   close: four thread-pool round trips) costs the host's thread several times that on a 2-core
 *   machine. So reads block while they are quick, and go through the thread pool for good once
 *   storage proves slow (a cold disk, a network mount): reads that average over a millisecond, or
 *   one read that stalls. A single hiccup (a GC pause, the thread descheduled) does not count.
 */
export type ReadMode = 'blocking' | 'thread-pool' | 'adaptive';

export interface NodeFileSystemOptions {
  readonly reads?: ReadMode;
  /** Milliseconds, for timing the adaptive mode's reads (tests pass their own). */
  readonly clock?: () => number;
  /**
   * The workspace root ('/'-separated) the port is confined to: every access whose real path lies
   * outside it is refused with `OutsideWorkspaceError` (see the port). Without it the port reaches
   * the whole machine: only for finding the root itself, and for paths the user named outside it.
   */
  readonly root?: string;
}

/** From this many paths on, `statMany` takes them on a thread of its own: below it, the thread's start costs more than it frees. */
export const STAT_THREAD_MIN = 2000;

/** Blocking reads slower than this on average (over about the last 16) are too slow for the host's thread. */
export const SLOW_READS_MS = 1;
/** One blocking read this slow is enough. */
export const STALLED_READ_MS = 50;
/** Weight of the newest read in the running average. */
const AVERAGE_WEIGHT = 1 / 16;

/**
 * The core's port on Node's fs: lstat (never follows a final link), O_EXCL for atomic creation.
 * Given a root, it is confined to it: links are resolved by `ContainedResolver` (one lookup per
 * folder, cached for a moment), files are opened by their real path with O_NOFOLLOW, and writes go
 * through `writeAtomically`, so no link in the repository leads a read or a write out of it.
 */
export class NodeFileSystem implements FileSystemPort {
  private mode: ReadMode;
  private readonly clock: () => number;
  private averageReadMs = 0;
  /** Set when confined; resolves once, to the resolver with the root's real path. */
  private resolver: Promise<ContainedResolver> | undefined;
  private readonly folders = new Map<string, string>();
  private foldersSince = 0;

  constructor(options: NodeFileSystemOptions = {}) {
    this.mode = options.reads ?? 'thread-pool';
    this.clock = options.clock ?? (() => performance.now());
    const root = options.root === undefined ? undefined : normalizePath(options.root);
    if (root !== undefined) {
      this.resolver = fs.realpath(root).then(
        (real) => new ContainedResolver(root, toSlashes(real), DISK_LINKS),
        () => new ContainedResolver(root, root, DISK_LINKS),
      );
    }
  }

  /** `blocking`, `thread-pool`, or `adaptive` until a slow read turned it to `thread-pool`. */
  get reads(): ReadMode {
    return this.mode;
  }

  async readFile(path: string): Promise<Uint8Array> {
    // Only regular files: opening a FIFO named *.md would block forever.
    const handle = await this.openContained(path);
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new Error('not a regular file');
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }

  readBounded(path: string, maxBytes: number): Promise<{ bytes: Uint8Array; size: number }> {
    if (!this.resolver) return this.readBoundedAt(path, maxBytes, READ_FLAGS);
    if (NO_FOLLOW === undefined) return this.realFile(path).then((real) => this.readBoundedAt(real, maxBytes, READ_FLAGS));
    // The folder's real path is usually known: one Map lookup, then an open that refuses a final link.
    const known = this.knownFolder(dirname(path));
    const direct = known === undefined ? this.realFolder(dirname(path), false, path).then((folder) => this.readBoundedAt(inFolder(folder, path), maxBytes, CONTAINED_READ_FLAGS)) : this.readBoundedAt(inFolder(known, path), maxBytes, CONTAINED_READ_FLAGS);
    return direct.catch(async (error) => {
      if (!isFinalLink(error)) throw error;
      return this.readBoundedAt(await this.realFile(path), maxBytes, CONTAINED_READ_FLAGS);
    });
  }

  private readBoundedAt(path: string, maxBytes: number, flags: number): Promise<{ bytes: Uint8Array; size: number }> {
    if (this.mode === 'thread-pool') return readBoundedAsync(path, maxBytes, flags);
    return Promise.resolve().then(() => {
      if (this.mode === 'blocking') return readBoundedSync(path, maxBytes, flags);
      const started = this.clock();
      try {
        return readBoundedSync(path, maxBytes, flags);
      } finally {
        this.timed(this.clock() - started);
      }
    });
  }

  private timed(ms: number): void {
    this.averageReadMs += (ms - this.averageReadMs) * AVERAGE_WEIGHT;
    if (ms >= STALLED_READ_MS || this.averageReadMs > SLOW_READS_MS) this.mode = 'thread-pool';
  }

  async readFileHead(path: string, maxBytes: number): Promise<Uint8Array> {
    const handle = await this.openContained(path);
    try {
      if (!(await handle.stat()).isFile()) throw new Error('not a regular file');
      const buffer = new Uint8Array(maxBytes);
      const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    const entries = await fs.readdir(this.resolver ? await this.realFolder(path, false, path, 'scandir') : path, { withFileTypes: true });
    return entries.map((entry) => ({ name: entry.name, kind: kindOf(entry) }));
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const at = await this.statPath(path);
    if (at === undefined) return undefined;
    try {
      const stat: Stats = this.mode === 'blocking' ? lstatSync(at) : await fs.lstat(at);
      return { kind: kindOf(stat), size: stat.size, mtime: stat.mtimeMs };
    } catch {
      return undefined;
    }
  }

  /**
   * `stat` of each path, in order; undefined also where `stat` refuses (a link out of the
   * workspace). With blocking reads and many paths, on a thread of its own (see `statOnWorker`):
   * the caller starts it, does its own work, then awaits the answer.
   */
  async statMany(paths: readonly string[]): Promise<(FileStat | undefined)[]> {
    const each = () => Promise.all(paths.map((path) => this.stat(path).catch(() => undefined)));
    if (this.mode !== 'blocking' || paths.length < STAT_THREAD_MIN) return each();
    // Each folder is resolved once and then known: no turn of the event loop per path.
    const resolver = await this.resolver;
    const located: (string | undefined)[] = [];
    for (const path of paths) located.push(this.knownStatPath(resolver, path) ?? (await this.statPath(path).catch(() => undefined)));
    const asked = located.filter((at): at is string => at !== undefined);
    const found = await statOnWorker(asked).catch(() => undefined);
    if (!found) return each();
    let next = 0;
    return located.map((at) => (at === undefined ? undefined : found[next++]));
  }

  /** Where `stat` looks: the path under its folder's real path when confined; undefined when that folder cannot be resolved. */
  private async statPath(path: string): Promise<string | undefined> {
    const resolver = await this.resolver;
    const known = this.knownStatPath(resolver, path);
    if (known !== undefined) return known;
    const folder = await this.realFolder(dirname(path)).catch(missingAsUndefined);
    return folder === undefined ? undefined : inFolder(folder, path);
  }

  /** `statPath` when it needs no look-up (unconfined, the root, or a folder resolved a moment ago); undefined otherwise. */
  private knownStatPath(resolver: ContainedResolver | undefined, path: string): string | undefined {
    if (!resolver) return path;
    if (isRoot(resolver, path)) return resolver.realRoot;
    const folder = this.knownFolder(dirname(path));
    return folder === undefined ? undefined : inFolder(folder, path);
  }

  /**
   * Replaces the file atomically (see `writeAtomically`), keeping its permissions. Confined, a final
   * link is written through only to its target inside the workspace, and the folders are resolved
   * afresh: a write never trusts the cache.
   */
  async writeFile(path: string, data: Uint8Array): Promise<void> {
    if (!this.resolver) {
      await fs.writeFile(path, data);
      return;
    }
    let at = inFolder(await this.realFolder(dirname(path), true, path), path);
    let found = await fs.lstat(at).catch(() => undefined);
    if (found?.isSymbolicLink()) {
      at = await this.realFile(path);
      found = await fs.lstat(at).catch(() => undefined);
    }
    if (found && !found.isFile()) throw new Error(`${path} is not a regular file`);
    await writeAtomically(at, data, { mode: found?.mode });
  }

  async createExclusive(path: string, data: Uint8Array): Promise<boolean> {
    // O_CREAT | O_EXCL never follows a final link: a link at the name is "something there".
    const at = this.resolver ? inFolder(await this.realFolder(dirname(path), true, path), path) : path;
    try {
      await fs.writeFile(at, data, { flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }

  async delete(path: string): Promise<void> {
    // rm removes a link itself, never what it points at.
    const at = this.resolver ? await this.realFolder(dirname(path), true).then((folder) => inFolder(folder, path), missingAsUndefined) : path;
    if (at !== undefined) await fs.rm(at, { force: true });
  }

  /** Folders are made one at a time inside real folders: never through a link that leads out. */
  async createDirectory(path: string): Promise<void> {
    if (!this.resolver) {
      await fs.mkdir(path, { recursive: true });
      return;
    }
    const real = await (await this.resolver).resolve(path, { followLast: true, create: true });
    if (real === undefined) throw enoent(path, 'mkdir');
    if (!(await fs.lstat(real)).isDirectory()) throw new Error(`${path} is not a folder`);
  }

  async realPath(path: string): Promise<string | undefined> {
    if (this.resolver) return (await this.resolver).resolve(path, { followLast: true });
    try {
      return toSlashes(await fs.realpath(path));
    } catch {
      return undefined;
    }
  }

  /** The real path of a folder of the workspace, from the cache unless `fresh`. Rejects when missing or outside. */
  private async realFolder(folder: string, fresh = false, asked = folder, syscall = 'open'): Promise<string> {
    const known = fresh ? undefined : this.knownFolder(folder);
    if (known !== undefined) return known;
    const real = await (await this.resolver!).resolve(folder, { followLast: true });
    if (real === undefined) throw enoent(asked, syscall);
    this.folders.set(folder, real);
    return real;
  }

  private knownFolder(folder: string): string | undefined {
    const now = performance.now();
    if (now - this.foldersSince > FOLDER_CACHE_MS) {
      this.folders.clear();
      this.foldersSince = now;
    }
    return this.folders.get(folder);
  }

  /** The real path of a file whose last name is a link (inside the workspace, or the read is refused). */
  private async realFile(path: string): Promise<string> {
    const real = await (await this.resolver!).resolve(path, { followLast: true });
    if (real === undefined) throw enoent(path);
    return real;
  }

  /** Opens a regular file for reading, confined as `readBounded` is. */
  private async openContained(path: string): Promise<fs.FileHandle> {
    if (!this.resolver) return fs.open(path, READ_FLAGS);
    if (NO_FOLLOW === undefined) return fs.open(await this.realFile(path), READ_FLAGS);
    try {
      return await fs.open(inFolder(await this.realFolder(dirname(path), false, path), path), CONTAINED_READ_FLAGS);
    } catch (error) {
      if (!isFinalLink(error)) throw error;
      return fs.open(await this.realFile(path), CONTAINED_READ_FLAGS);
    }
  }
}

/** The resolver's questions, answered on disk. */
const DISK_LINKS = {
  async kindOf(path: string): Promise<EntryKind | undefined> {
    try {
      return kindOf(await fs.lstat(path));
    } catch {
      return undefined;
    }
  },
  readLink: (path: string) => fs.readlink(path),
  async makeDirectory(path: string): Promise<void> {
    await fs.mkdir(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  },
};

function isRoot(resolver: ContainedResolver, path: string): boolean {
  const normal = normalizePath(path);
  return normal === resolver.root || normal === resolver.realRoot;
}

function inFolder(realFolder: string, path: string): string {
  return realFolder.endsWith('/') ? `${realFolder}${basename(path)}` : `${realFolder}/${basename(path)}`;
}

/** An open with O_NOFOLLOW met a link (ELOOP; EMLINK on FreeBSD). Without O_NOFOLLOW (Windows), never. */
function isFinalLink(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return NO_FOLLOW !== undefined && (code === 'ELOOP' || code === 'EMLINK');
}

function missingAsUndefined(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return undefined;
  throw error;
}

/** As Node words it, so a missing folder reads the same confined or not. */
function enoent(path: string, syscall = 'open'): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOENT: no such file or directory, ${syscall} '${path}'`), { code: 'ENOENT', errno: -2, syscall, path });
}

function toSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}

function readBoundedSync(path: string, maxBytes: number, flags: number): { bytes: Uint8Array; size: number } {
  const fd = openSync(path, flags);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error('not a regular file');
    const bytes = new Uint8Array(Math.min(stat.size, maxBytes));
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return { bytes: bytes.subarray(0, filled), size: stat.size };
  } finally {
    closeSync(fd);
  }
}

/**
 * The same with callbacks: one promise per file instead of one per call (a FileHandle's open,
 * stat, read and close each cost a promise and a finalizer, more than the read of a 4 KB file).
 */
function readBoundedAsync(path: string, maxBytes: number, flags: number): Promise<{ bytes: Uint8Array; size: number }> {
  return new Promise((resolve, reject) => {
    open(path, flags, (openError, fd) => {
      if (openError) return reject(openError);
      const finish = (error: Error | null, result?: { bytes: Uint8Array; size: number }) =>
        close(fd, (closeError) => (error || closeError ? reject(error ?? closeError) : resolve(result!)));
      fstat(fd, (statError, stat) => {
        if (statError) return finish(statError);
        if (!stat.isFile()) return finish(new Error('not a regular file'));
        const bytes = new Uint8Array(Math.min(stat.size, maxBytes));
        const next = (filled: number): void => {
          if (filled >= bytes.length) return finish(null, { bytes, size: stat.size });
          read(fd, bytes, filled, bytes.length - filled, filled, (readError, count) => {
            if (readError) return finish(readError);
            if (count === 0) return finish(null, { bytes: bytes.subarray(0, filled), size: stat.size });
            next(filled + count);
          });
        };
        next(0);
      });
    });
  });
}
