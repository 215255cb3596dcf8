import { promises as fs, constants } from 'node:fs';
import type { DirectoryEntry, EntryKind, FileStat, FileSystemPort } from '../core/port/file-system';

function kindOf(entry: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryKind {
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  return 'other';
}

/** The core's port on Node's fs: lstat (never follows a final link), O_EXCL for atomic creation. */
export class NodeFileSystem implements FileSystemPort {
  async readFile(path: string): Promise<Uint8Array> {
    // Only regular files: opening a FIFO named *.md would block forever.
    const handle = await fs.open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new Error('not a regular file');
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }

  async readFileHead(path: string, maxBytes: number): Promise<Uint8Array> {
    const handle = await fs.open(path, constants.O_RDONLY | constants.O_NONBLOCK);
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
      const stat = await fs.lstat(path);
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
