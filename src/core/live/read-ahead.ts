import { LISTED_AS_FILE, type DirectoryEntry, type FileSystemPort, type SeenAsFile } from '../port/file-system';
import { isMarkdownPath, joinPath } from '../port/paths';
import { DEFAULT_LIMITS } from '../parse/limits';
import { READ_AHEAD } from '../workspace/decision-workspace';

type Bounded = { bytes: Uint8Array; size: number };

/**
 * The file system of a first load, reading the records of a likely decisions folder before the
 * load knows it needs them. On vscode.workspace.fs (the web worker host, a remote) every read is a
 * round trip, and the first diagnostics wait for three in a row: `.legible.json`, the records, their
 * links. The usual folders are listed beside the configuration's read (load-folders.ts); the
 * Markdown files a listing names as regular files are read here as soon as it comes, beside that
 * read too, so the records are in hand when the configuration says where they are.
 *
 * A read ahead is handed to the load's own read of that path once, when it asks no more than was
 * read (the configuration may allow fewer bytes, or more: then storage is asked again); `drop`
 * forgets the ones nobody asked for. Every other call goes to the port as it is. The reads go
 * through the port's own `readBounded`, so containment is the port's, as for any read.
 */
export class ReadAheadPort implements FileSystemPort {
  private readonly ahead = new Map<string, Promise<Bounded>>();
  /** Hinted reads not handed over yet: each is handed over twice, to the first load's early index and to its index. */
  private readonly hints = new Set<string>();
  private started = 0;
  private open = true;

  // The port's optional calls, as the port has them: a wrapper must not take away what it can do
  // (realPath is containment's) nor pretend to more.
  readonly readFileHead?: FileSystemPort['readFileHead'];
  readonly createDirectory?: FileSystemPort['createDirectory'];
  readonly realPath?: FileSystemPort['realPath'];
  readonly readBounded?: FileSystemPort['readBounded'];

  constructor(private readonly fs: FileSystemPort) {
    if (fs.readFileHead) this.readFileHead = (path, maxBytes) => fs.readFileHead!(path, maxBytes);
    if (fs.createDirectory) this.createDirectory = (path) => fs.createDirectory!(path);
    if (fs.realPath) this.realPath = (path) => fs.realPath!(path);
    // Without a bounded read there is nothing to read ahead with, and nothing to hand over.
    if (fs.readBounded) this.readBounded = (path, maxBytes, seen) => this.handOver(path, maxBytes, seen);
  }

  /** Reads ahead the Markdown files `entries` (a listing of `folder`) names as regular files, up to the limit. */
  listed(folder: string, entries: readonly DirectoryEntry[]): void {
    this.read(entries.filter((entry) => entry.kind === 'file').map((entry) => joinPath(folder, entry.name)));
  }

  /**
   * Reads ahead the records the folder's last load read (LoadHints), before any listing: taken as
   * regular files on that load's word. One that is gone since fails, and the load, which reads only
   * what its own listing names, never asks for it.
   */
  hinted(paths: readonly string[]): void {
    this.read(paths);
    for (const path of paths) if (this.ahead.has(path)) this.hints.add(path);
  }

  /** The hinted records read: those whose read ahead came back (one gone since did not). */
  async hintedRead(): Promise<string[]> {
    const paths = [...this.hints];
    const read = await Promise.all(paths.map((path) => this.ahead.get(path)?.then(() => true, () => false) ?? false));
    return paths.filter((path, i) => read[i] && this.hints.has(path));
  }

  private read(paths: readonly string[]): void {
    const fs = this.fs;
    if (!this.open || !fs.readBounded) return;
    for (const path of paths) {
      // No more than a scan keeps in flight itself: a folder of large files costs no more memory
      // before the configuration is known than the scan's own reads would.
      if (this.started >= READ_AHEAD) return;
      if (!isMarkdownPath(path) || this.ahead.has(path)) continue;
      const read = fs.readBounded(path, DEFAULT_LIMITS.maxFileBytes, LISTED_AS_FILE);
      // Nothing may reject unheard: a failed read ahead is asked again, by the load, when it needs the file.
      read.catch(() => undefined);
      this.ahead.set(path, read);
      this.started++;
    }
  }

  /** The reads ahead nobody asked for are forgotten, and none starts any more. */
  drop(): void {
    this.open = false;
    this.ahead.clear();
    this.hints.clear();
  }

  private async handOver(path: string, maxBytes: number, seen?: SeenAsFile): Promise<Bounded> {
    const ahead = this.ahead.get(path);
    if (ahead) {
      if (!this.hints.delete(path)) this.ahead.delete(path);
      const read = await ahead.catch(() => undefined);
      // Whole, or at least as much as asked: the same answer storage would give now.
      if (read && (read.size <= read.bytes.length || maxBytes <= read.bytes.length)) return { bytes: read.bytes.subarray(0, Math.min(maxBytes, read.bytes.length)), size: read.size };
    }
    return this.fs.readBounded!(path, maxBytes, seen);
  }

  readFile(path: string): Promise<Uint8Array> {
    return this.fs.readFile(path);
  }

  readDirectory(path: string): Promise<DirectoryEntry[]> {
    return this.fs.readDirectory(path);
  }

  stat(path: string) {
    return this.fs.stat(path);
  }

  writeFile(path: string, data: Uint8Array): Promise<void> {
    return this.fs.writeFile(path, data);
  }

  createExclusive(path: string, data: Uint8Array): Promise<boolean> {
    return this.fs.createExclusive(path, data);
  }

  delete(path: string): Promise<void> {
    return this.fs.delete(path);
  }
}
