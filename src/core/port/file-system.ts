/**
 * The only way the core touches storage. The CLI implements it on Node's fs, the extension on
 * vscode.workspace.fs, tests on an in-memory map. Paths are '/'-separated strings (file paths or
 * URI strings); the core only joins and splits them.
 *
 * Containment: an adapter made for a workspace root (every one the CLI and the extension use)
 * resolves symbolic links itself and refuses — rejects with `OutsideWorkspaceError` — any read,
 * write, folder listing or existence check whose real path lies outside the real root, without
 * looking at anything out there. Links that stay inside are followed as before. Writes never
 * follow a link out: new files are created exclusively, and a file is replaced through a temporary
 * file created exclusively in its own folder. A repository is untrusted input: a link in it must
 * not make Legible print, index or overwrite a file elsewhere on the machine.
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

/**
 * The caller listed the path as a regular file a moment ago (a folder walk), or the last load of
 * the folder read it as one (a live engine's LoadHints): a port that has to look before it reads,
 * to never open a FIFO or a device (vscode.workspace.fs has no non-blocking open), may take that
 * word and save the round trip.
 */
export interface SeenAsFile {
  readonly listedAsFile: true;
}

export const LISTED_AS_FILE: SeenAsFile = { listedAsFile: true };

export interface FileSystemPort {
  readFile(path: string): Promise<Uint8Array>;
  /** The first bytes of a file, without reading the rest (a 50 MB file must not be read whole). */
  readFileHead?(path: string, maxBytes: number): Promise<Uint8Array>;
  /**
   * A regular file's size and at most its first `maxBytes` bytes, in one open: what a scan of
   * thousands of records needs, without a separate stat. Rejects for anything but a regular file.
   */
  readBounded?(path: string, maxBytes: number, seen?: SeenAsFile): Promise<{ bytes: Uint8Array; size: number }>;
  readDirectory(path: string): Promise<DirectoryEntry[]>;
  /** undefined when nothing is there. Does not follow a final symlink. */
  stat(path: string): Promise<FileStat | undefined>;
  /** Writes, replacing what is there (atomically; a final link inside the workspace is written through to its target). */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Creates only if nothing exists at the path (a link counts); false when something does. Must be atomic. */
  createExclusive(path: string, data: Uint8Array): Promise<boolean>;
  /** Removes a file (a link itself, never its target). */
  delete(path: string): Promise<void>;
  /** Creates a folder and the missing ones above it; an existing folder (or link to one inside) is fine. */
  createDirectory?(path: string): Promise<void>;
  /**
   * The canonical path with links resolved, for containment and loop checks; undefined if missing
   * (or a link loop). Rejects with `OutsideWorkspaceError` when it leads outside the workspace.
   */
  realPath?(path: string): Promise<string | undefined>;
}

const OUTSIDE = 'ELEGIBLE_OUTSIDE';

/**
 * A path whose real location lies outside the workspace: refused before anything out there was
 * read, listed or even looked up. `link` is the symbolic link (inside the workspace) that led out,
 * when one did; a path that is outside as written has none.
 */
export class OutsideWorkspaceError extends Error {
  readonly code = OUTSIDE;

  constructor(
    readonly path: string,
    readonly link?: string,
  ) {
    super(link && link !== path ? `${path}: ${link} is a symbolic link that leads outside the workspace; Legible does not follow it` : link ? `${path} is a symbolic link that leads outside the workspace; Legible does not follow it` : `${path} lies outside the workspace`);
  }
}

/** True for an `OutsideWorkspaceError`, also one that crossed a bundle or thread boundary as a plain object. */
export function isOutsideWorkspace(error: unknown): error is OutsideWorkspaceError {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === OUTSIDE;
}
