import { close, closeSync, constants, fstat, fstatSync, lstatSync, open, openSync, promises as fs, read, readSync, type Stats } from 'node:fs';
import type { DirectoryEntry, EntryKind, FileStat, FileSystemPort } from '../core/port/file-system';

function kindOf(entry: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryKind {
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  return 'other';
}

const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

export interface NodeFileSystemOptions {
  /**
   * Blocking calls for the scan's reads and stats. Right for a batch process (the CLI, its workers):
   * nothing else waits on its event loop, and each awaited call through the thread pool costs
   * more than the read itself. Never in the extension host.
   */
  readonly sync?: boolean;
}

/** The core's port on Node's fs: lstat (never follows a final link), O_EXCL for atomic creation. */
export class NodeFileSystem implements FileSystemPort {
  private readonly sync: boolean;

  constructor(options: NodeFileSystemOptions = {}) {
    this.sync = options.sync === true;
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
    if (this.sync) return Promise.resolve().then(() => readBoundedSync(path, maxBytes));
    return readBoundedAsync(path, maxBytes);
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
      const stat: Stats = this.sync ? lstatSync(path) : await fs.lstat(path);
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
