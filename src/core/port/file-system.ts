/**
 * The only way the core touches storage. The CLI implements it on Node's fs, the extension on
 * vscode.workspace.fs, tests on an in-memory map. Paths are '/'-separated strings (file paths or
 * URI strings); the core only joins and splits them.
 */
export type EntryKind = 'file' | 'directory' | 'symlink' | 'other';

export interface DirectoryEntry {
  readonly name: string;
  readonly kind: EntryKind;
}

export interface FileStat {
  readonly kind: EntryKind;
  readonly size: number;
  readonly mtime: number;
}

export interface FileSystemPort {
  readFile(path: string): Promise<Uint8Array>;
  /** The first bytes of a file, without reading the rest (a 50 MB file must not be read whole). */
  readFileHead?(path: string, maxBytes: number): Promise<Uint8Array>;
  /**
   * A regular file's size and at most its first `maxBytes` bytes, in one open: what a scan of
   * thousands of records needs, without a separate stat. Rejects for anything but a regular file.
   */
  readBounded?(path: string, maxBytes: number): Promise<{ bytes: Uint8Array; size: number }>;
  readDirectory(path: string): Promise<DirectoryEntry[]>;
  /** undefined when nothing is there. Does not follow a final symlink. */
  stat(path: string): Promise<FileStat | undefined>;
  /** Writes, replacing what is there. */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Creates only if nothing exists at the path; false when something does. Must be atomic. */
  createExclusive(path: string, data: Uint8Array): Promise<boolean>;
  delete(path: string): Promise<void>;
  /** The canonical path with links resolved, for containment and loop checks; undefined if missing. */
  realPath?(path: string): Promise<string | undefined>;
}
