import type { DirectoryEntry, EntryKind, FileStat, FileSystemPort } from './file-system';
import { normalizePath, relativePath } from './paths';

/** A file of a commit's tree (`git ls-tree -r`), with its content when it was read. */
export interface TreeFile {
  /** Repository-relative, `/`-separated. */
  readonly path: string;
  /** A blob is a `file`; a link (mode 120000) a `symlink`; a submodule `other`. */
  readonly kind: 'file' | 'symlink' | 'other';
  readonly size: number;
  /** The content, for the files that were read (records within the size bound). */
  readonly bytes?: Uint8Array;
}

/**
 * The files of a commit as a read-only file system at `repoRoot` (absolute): what `legible affected
 * --head <ref>` indexes, so the records it reports are the ones of `<ref>`, not of the checkout.
 * Folders are implied by the paths below them. A link is listed as one and never followed, as the
 * workspace's own listing does; a file whose content was not read (over the size bound) reads as
 * empty with its true size, so the reader reports it too large, as it would on disk.
 */
export class TreeSnapshotFileSystem implements FileSystemPort {
  private readonly files = new Map<string, TreeFile>();
  private readonly folders = new Map<string, Map<string, EntryKind>>();

  constructor(
    private readonly repoRoot: string,
    files: readonly TreeFile[],
  ) {
    this.folders.set('', new Map());
    for (const file of files) {
      this.files.set(file.path, file);
      let child = file.path;
      let kind: EntryKind = file.kind;
      for (let slash = child.lastIndexOf('/'); ; slash = child.lastIndexOf('/')) {
        const parent = slash < 0 ? '' : child.slice(0, slash);
        let entries = this.folders.get(parent);
        const known = entries !== undefined;
        if (!entries) this.folders.set(parent, (entries = new Map()));
        entries.set(child.slice(slash + 1), kind);
        if (known || slash < 0) break;
        child = parent;
        kind = 'directory';
      }
    }
  }

  /** Repository-relative; undefined outside the repository. */
  private relative(path: string): string | undefined {
    const relative = relativePath(this.repoRoot, normalizePath(path));
    if (relative === '..' || relative.startsWith('../')) return undefined;
    return relative === '.' ? '' : relative;
  }

  private file(path: string): TreeFile {
    const relative = this.relative(path);
    const file = relative === undefined ? undefined : this.files.get(relative);
    if (!file || file.kind !== 'file') throw Object.assign(new Error(`ENOENT: ${path} is no file of the commit's tree`), { code: 'ENOENT' });
    return file;
  }

  async readFile(path: string): Promise<Uint8Array> {
    return this.file(path).bytes ?? new Uint8Array();
  }

  async readBounded(path: string, maxBytes: number): Promise<{ bytes: Uint8Array; size: number }> {
    const file = this.file(path);
    const bytes = file.bytes ?? new Uint8Array();
    return { bytes: bytes.subarray(0, Math.min(maxBytes, bytes.length)), size: file.size };
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    const relative = this.relative(path);
    const entries = relative === undefined ? undefined : this.folders.get(relative);
    if (!entries) throw Object.assign(new Error(`ENOENT: ${path} is no folder of the commit's tree`), { code: 'ENOENT' });
    return [...entries].map(([name, kind]) => ({ name, kind }));
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const relative = this.relative(path);
    if (relative === undefined) return undefined;
    if (this.folders.has(relative)) return { kind: 'directory', size: 0, mtime: 0 };
    const file = this.files.get(relative);
    return file && { kind: file.kind, size: file.size, mtime: 0 };
  }

  async writeFile(path: string, _data: Uint8Array): Promise<void> {
    throw readOnly(path);
  }

  async createExclusive(path: string, _data: Uint8Array): Promise<boolean> {
    throw readOnly(path);
  }

  async delete(path: string): Promise<void> {
    throw readOnly(path);
  }
}

function readOnly(path: string): Error {
  return new Error(`${path}: a commit's tree is read-only`);
}
