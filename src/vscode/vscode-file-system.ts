import * as vscode from 'vscode';
// The only Node file access in the extension: O_EXCL creation, realpath and reading a file's head
// have no vscode.workspace.fs equivalent (its writeFile always overwrites), and all matter for safety.
// eslint-disable-next-line no-restricted-imports
import { constants as fsConstants, promises as nodeFs } from 'node:fs';
import type { DirectoryEntry, EntryKind, FileStat, FileSystemPort } from '../core/port/file-system';

/** Core paths are `scheme://authority/path` with the path not percent-encoded, so '/' arithmetic works. */
export function toCorePath(uri: vscode.Uri): string {
  return `${uri.scheme}://${uri.authority}${uri.path}`;
}

export function toUri(path: string): vscode.Uri {
  const match = /^([a-zA-Z][\w+.-]*):\/\/([^/]*)(.*)$/.exec(path);
  if (!match) return vscode.Uri.file(path);
  return vscode.Uri.from({ scheme: match[1], authority: match[2], path: match[3] || '/' });
}

function kindOf(type: vscode.FileType): EntryKind {
  // A link to a folder is walked (the walk is depth-bounded); to a file, read.
  if (type & vscode.FileType.Directory) return 'directory';
  if (type & vscode.FileType.File) return 'file';
  if (type & vscode.FileType.SymbolicLink) return 'symlink';
  return 'other';
}

/** The core's port on vscode.workspace.fs, so remote and virtual workspaces work as local ones. */
export class VscodeFileSystem implements FileSystemPort {
  async readFile(path: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(toUri(path));
  }

  /** Only on disk: vscode.workspace.fs has no partial read, and a 50 MB file must not be read whole. */
  async readFileHead(path: string, maxBytes: number): Promise<Uint8Array> {
    const uri = toUri(path);
    if (uri.scheme !== 'file') return (await this.readFile(path)).subarray(0, maxBytes);
    // Non-blocking open and a regular-file check: a FIFO named *.md must never block the host.
    const handle = await nodeFs.open(uri.fsPath, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
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
    const entries = await vscode.workspace.fs.readDirectory(toUri(path));
    return entries.map(([name, type]) => ({ name, kind: kindOf(type) }));
  }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const stat = await vscode.workspace.fs.stat(toUri(path));
      return { kind: kindOf(stat.type), size: stat.size, mtime: stat.mtime };
    } catch {
      return undefined;
    }
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    await vscode.workspace.fs.writeFile(toUri(path), data);
  }

  async createExclusive(path: string, data: Uint8Array): Promise<boolean> {
    const uri = toUri(path);
    if (uri.scheme === 'file') {
      try {
        await nodeFs.writeFile(uri.fsPath, data, { flag: 'wx' });
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw error;
      }
    }
    // Other file systems offer no exclusive create; the reservation protocol still prevents most races.
    if (await this.stat(path)) return false;
    await vscode.workspace.fs.writeFile(uri, data);
    return true;
  }

  async delete(path: string): Promise<void> {
    try {
      await vscode.workspace.fs.delete(toUri(path), { useTrash: false });
    } catch (error) {
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) throw error;
    }
  }

  async realPath(path: string): Promise<string | undefined> {
    const uri = toUri(path);
    if (uri.scheme !== 'file') return undefined;
    try {
      return toCorePath(vscode.Uri.file(await nodeFs.realpath(uri.fsPath)));
    } catch {
      return undefined;
    }
  }
}
