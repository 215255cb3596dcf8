import { close, closeSync, constants, fstat, fstatSync, lstatSync, open, openSync, promises as fs, read, readSync, type Stats } from 'node:fs';
import type { DirectoryEntry, EntryKind, FileStat, FileSystemPort } from '../core/port/file-system';

function kindOf(entry: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryKind {
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  return 'other';
}

const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

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
}

/** Blocking reads slower than this on average (over about the last 16) are too slow for the host's thread. */
export const SLOW_READS_MS = 1;
/** One blocking read this slow is enough. */
export const STALLED_READ_MS = 50;
/** Weight of the newest read in the running average. */
const AVERAGE_WEIGHT = 1 / 16;

/** The core's port on Node's fs: lstat (never follows a final link), O_EXCL for atomic creation. */
export class NodeFileSystem implements FileSystemPort {
  private mode: ReadMode;
  private readonly clock: () => number;
  private averageReadMs = 0;

  constructor(options: NodeFileSystemOptions = {}) {
    this.mode = options.reads ?? 'thread-pool';
    this.clock = options.clock ?? (() => performance.now());
  }

  /** `blocking`, `thread-pool`, or `adaptive` until a slow read turned it to `thread-pool`. */
  get reads(): ReadMode {
    return this.mode;
  }

  async readFile(path: string): Promise<Uint8Array> {
    // Only regular files: opening a FIFO named *.md would block forever.
    const handle = await fs.open(path, READ_FLAGS);
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new Error('not a regular file');
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }

  readBounded(path: string, maxBytes: number): Promise<{ bytes: Uint8Array; size: number }> {
    if (this.mode === 'thread-pool') return readBoundedAsync(path, maxBytes);
    return Promise.resolve().then(() => {
      if (this.mode === 'blocking') return readBoundedSync(path, maxBytes);
      const started = this.clock();
      try {
        return readBoundedSync(path, maxBytes);
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
    const handle = await fs.open(path, READ_FLAGS);
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
    const entries = await fs.readdir(path, { withFileTypes: true });
    return entries.map((entry) => ({ name: entry.name, kind: kindOf(entry) }));
  }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const stat: Stats = this.mode === 'blocking' ? lstatSync(path) : await fs.lstat(path);
      return { kind: kindOf(stat), size: stat.size, mtime: stat.mtimeMs };
    } catch {
      return undefined;
    }
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    await fs.writeFile(path, data);
  }

  async createExclusive(path: string, data: Uint8Array): Promise<boolean> {
    try {
      await fs.writeFile(path, data, { flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }

  async delete(path: string): Promise<void> {
    await fs.rm(path, { force: true });
  }

  async realPath(path: string): Promise<string | undefined> {
    try {
      return await fs.realpath(path);
    } catch {
      return undefined;
    }
  }
}

function readBoundedSync(path: string, maxBytes: number): { bytes: Uint8Array; size: number } {
  const fd = openSync(path, READ_FLAGS);
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
function readBoundedAsync(path: string, maxBytes: number): Promise<{ bytes: Uint8Array; size: number }> {
  return new Promise((resolve, reject) => {
    open(path, READ_FLAGS, (openError, fd) => {
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
