import * as vscode from 'vscode';
import type { DirectoryEntry, EntryKind, FileStat, FileSystemPort } from '../core/port/file-system';
import { NodeFileSystem } from '../cli/node-file-system';

// On disk, the CLI's Node port does what vscode.workspace.fs cannot: O_EXCL creation (its
// writeFile always overwrites), realpath, and reading a file's head. All three matter for safety.
const onDisk = new NodeFileSystem({ reads: 'adaptive' });

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
    return onDisk.readFileHead(uri.fsPath, maxBytes);
  }

  /** On disk: size and bytes in one open. Elsewhere: a stat, then the file. */
  async readBounded(path: string, maxBytes: number): Promise<{ bytes: Uint8Array; size: number }> {
    const uri = toUri(path);
    if (uri.scheme === 'file') return onDisk.readBounded(uri.fsPath, maxBytes);
    const stat = await vscode.workspace.fs.stat(uri);
    if (!(stat.type & vscode.FileType.File)) throw new Error('not a regular file');
    return { bytes: (await vscode.workspace.fs.readFile(uri)).subarray(0, maxBytes), size: stat.size };
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
    if (uri.scheme === 'file') return onDisk.createExclusive(uri.fsPath, data);
    // vscode.workspace.fs.writeFile always replaces. What a provider does refuse atomically is a
    // rename onto an existing file: write a hidden file beside, then move it into place.
    if (await this.stat(path)) return false;
    const name = `.legible-new-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    const temporary = vscode.Uri.joinPath(uri, '..', name);
    await vscode.workspace.fs.writeFile(temporary, data);
    try {
      await vscode.workspace.fs.rename(temporary, uri, { overwrite: false });
      return true;
    } catch (error) {
      await this.delete(toCorePath(temporary));
      if (await this.stat(path)) return false;
      throw error;
    }
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
    const real = await onDisk.realPath(uri.fsPath);
    return real === undefined ? undefined : toCorePath(vscode.Uri.file(real));
  }
}
