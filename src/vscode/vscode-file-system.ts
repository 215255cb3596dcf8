import * as vscode from 'vscode';
import { isOutsideWorkspace, OutsideWorkspaceError, type DirectoryEntry, type EntryKind, type FileStat, type FileSystemPort, type SeenAsFile } from '../core/port/file-system';
import { isInside } from '../core/port/paths';

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

/** A file: URI's path as the Node port takes it: '/'-separated, also on Windows. */
function diskPath(uri: vscode.Uri): string {
  return uri.fsPath.replace(/\\/g, '/');
}

/**
 * The file port on disk that `file:` URIs go through, confined to `root` (a disk path) when there
 * is one: src/node's, in Node's extension host (see HostAdapters.disk). The web worker host has
 * no disk: there every URI goes through vscode.workspace.fs.
 */
export type DiskPortFactory = (root: string | undefined) => Required<FileSystemPort>;

/**
 * The core's port on vscode.workspace.fs, so remote and virtual workspaces work as local ones.
 *
 * Made for a workspace folder, it is confined to it (see the port). On disk (`file:`), everything
 * goes through src/node's port confined to the folder: it resolves links itself, opens with
 * O_NOFOLLOW and creates files exclusively — what vscode.workspace.fs cannot do (its writeFile
 * always overwrites and follows links, and it has no realpath or partial read). In a virtual
 * workspace (a GitHub repository, a test's in-memory provider) links cannot be resolved: paths are
 * kept inside the folder as written, and whatever links the provider follows stay within its own
 * file system, which holds nothing of the machine.
 */
export class VscodeFileSystem implements FileSystemPort {
  private readonly root: string | undefined;
  /** The disk port for `file:` URIs: confined to the folder when there is one on disk; none on the web. */
  private readonly nodePort: Required<FileSystemPort> | undefined;
  private readonly confinedOnDisk: boolean;

  /**
   * Links resolved (and refused outside) on disk; in a virtual workspace the path itself when
   * something is there. Absent where there is no disk (the web worker host): nothing there can be
   * resolved, and the core then takes paths as written (one look-up fewer per folder and per link,
   * each a round trip).
   */
  readonly realPath?: (path: string) => Promise<string | undefined>;

  constructor(root?: vscode.Uri, disk?: DiskPortFactory) {
    this.root = root && toCorePath(root);
    this.confinedOnDisk = root?.scheme === 'file' && disk !== undefined;
    this.nodePort = disk?.(this.confinedOnDisk ? diskPath(root!) : undefined);
    if (this.nodePort) this.realPath = (path) => this.resolve(path);
  }

  /**
   * The URI of a core path. On disk the Node port decides (it knows the folder's real path too, so
   * a path `realPath` gave back is inside); elsewhere a path outside the folder as written is refused.
   */
  private uriOf(path: string): vscode.Uri {
    const uri = toUri(path);
    if (this.root !== undefined && !(this.confinedOnDisk && uri.scheme === 'file') && !isInside(this.root, path)) throw new OutsideWorkspaceError(path);
    return uri;
  }

  /** The disk path when the Node port handles this URI: on disk in a confined port. */
  private onDisk(uri: vscode.Uri): string | undefined {
    return this.confinedOnDisk && uri.scheme === 'file' ? diskPath(uri) : undefined;
  }

  /** The disk path of a `file:` URI when there is a disk port (confined or not): for what vscode.workspace.fs cannot do. */
  private anyDisk(uri: vscode.Uri): string | undefined {
    return this.nodePort && uri.scheme === 'file' ? diskPath(uri) : undefined;
  }

  /** A call to the Node port, its refusal told in core paths (`file:///…`) as every other path here. */
  private async disk<T>(call: (disk: Required<FileSystemPort>) => Promise<T>): Promise<T> {
    try {
      return await call(this.nodePort!);
    } catch (error) {
      if (!isOutsideWorkspace(error)) throw error;
      const core = (path: string) => toCorePath(vscode.Uri.file(path));
      throw new OutsideWorkspaceError(core(error.path), error.link === undefined ? undefined : core(error.link));
    }
  }

  async readFile(path: string): Promise<Uint8Array> {
    const uri = this.uriOf(path);
    const disk = this.onDisk(uri);
    return disk === undefined ? vscode.workspace.fs.readFile(uri) : this.disk((port) => port.readFile(disk));
  }

  /** Only on disk: vscode.workspace.fs has no partial read, and a 50 MB file must not be read whole. */
  async readFileHead(path: string, maxBytes: number): Promise<Uint8Array> {
    const disk = this.anyDisk(this.uriOf(path));
    if (disk === undefined) return (await this.readFile(path)).subarray(0, maxBytes);
    return this.disk((port) => port.readFileHead(disk, maxBytes));
  }

  /**
   * On disk: size and bytes in one open. Elsewhere: a stat, then the file (a FIFO must never be
   * opened), or, for a file a folder walk just listed as one, the file at once.
   */
  async readBounded(path: string, maxBytes: number, seen?: SeenAsFile): Promise<{ bytes: Uint8Array; size: number }> {
    const uri = this.uriOf(path);
    const disk = this.anyDisk(uri);
    if (disk !== undefined) return this.disk((port) => port.readBounded(disk, maxBytes));
    if (seen?.listedAsFile) {
      const bytes = await vscode.workspace.fs.readFile(uri);
      return { bytes: bytes.subarray(0, maxBytes), size: bytes.length };
    }
    const stat = await vscode.workspace.fs.stat(uri);
    if (!(stat.type & vscode.FileType.File)) throw new Error('not a regular file');
    return { bytes: (await vscode.workspace.fs.readFile(uri)).subarray(0, maxBytes), size: stat.size };
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    const uri = this.uriOf(path);
    const disk = this.onDisk(uri);
    if (disk !== undefined) return this.disk((port) => port.readDirectory(disk));
    const entries = await vscode.workspace.fs.readDirectory(uri);
    return entries.map(([name, type]) => ({ name, kind: kindOf(type) }));
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const uri = this.uriOf(path);
    const disk = this.onDisk(uri);
    if (disk !== undefined) return this.disk((port) => port.stat(disk));
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      return { kind: kindOf(stat.type), size: stat.size, mtime: stat.mtime };
    } catch {
      return undefined;
    }
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    const uri = this.uriOf(path);
    const disk = this.onDisk(uri);
    if (disk !== undefined) return this.disk((port) => port.writeFile(disk, data));
    await vscode.workspace.fs.writeFile(uri, data);
  }

  async createExclusive(path: string, data: Uint8Array): Promise<boolean> {
    const uri = this.uriOf(path);
    const disk = this.anyDisk(uri);
    if (disk !== undefined) return this.disk((port) => port.createExclusive(disk, data));
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
    const uri = this.uriOf(path);
    const disk = this.onDisk(uri);
    if (disk !== undefined) return this.disk((port) => port.delete(disk));
    try {
      await vscode.workspace.fs.delete(uri, { useTrash: false });
    } catch (error) {
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) throw error;
    }
  }

  async createDirectory(path: string): Promise<void> {
    const uri = this.uriOf(path);
    const disk = this.onDisk(uri);
    if (disk !== undefined) return this.disk((port) => port.createDirectory(disk));
    await vscode.workspace.fs.createDirectory(uri);
  }

  private async resolve(path: string): Promise<string | undefined> {
    const disk = this.anyDisk(this.uriOf(path));
    if (disk === undefined) return (await this.stat(path)) ? path : undefined;
    const real = await this.disk((port) => port.realPath(disk));
    return real === undefined ? undefined : toCorePath(vscode.Uri.file(real));
  }
}
