import type { CodeSettings } from '../config/config';
import type { FileSystemPort } from '../port/file-system';
import { listMatches, PathParts } from './repository-globs';

/** Folders never scanned for citations: dependencies, build output, version control. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'bower_components', 'dist', 'out', 'build', 'target', 'coverage', '.git']);

/** A file larger than this is not scanned (a bundle, a data dump, a minified library). */
export const MAX_CODE_FILE_BYTES = 1024 * 1024;
/** NUL in this head of a file marks it binary, as git decides (its FIRST_FEW_BYTES): git grep -I skips the same files. */
const BINARY_PROBE_BYTES = 8000;

/**
 * The tracked files whose citations `lint` checks: outside the decisions folders (their ids are
 * references the record rules check), outside the skipped folders at any depth, then
 * `code.include` (when set) and `code.exclude`. Paths repository-relative; `decisionsFolders` too.
 */
export function codeFilesToScan(tracked: readonly string[], settings: CodeSettings, decisionsFolders: readonly string[]): string[] {
  const folders = decisionsFolders.map((folder) => (folder === '' ? '' : `${folder}/`));
  const filtered = settings.include !== undefined || settings.exclude.length > 0;
  const out: string[] = [];
  // Whether a folder is left out is decided once per folder: git lists a folder's files together.
  let lastFolder: string | undefined;
  let leftOut = false;
  for (const file of tracked) {
    const folder = file.slice(0, file.lastIndexOf('/') + 1);
    if (folder !== lastFolder) {
      lastFolder = folder;
      leftOut = folders.some((decisions) => decisions === '' || folder.startsWith(decisions)) || inSkippedFolder(folder);
    }
    if (leftOut) continue;
    if (filtered) {
      const parts = new PathParts(file);
      if (settings.include && !listMatches(settings.include, parts)) continue;
      if (settings.exclude.length && listMatches(settings.exclude, parts)) continue;
    }
    out.push(file);
  }
  return out;
}

/** True when a name of `folder` ('' or ending in '/') is one of SKIPPED_FOLDERS. */
function inSkippedFolder(folder: string): boolean {
  for (let start = 0, end = folder.indexOf('/'); end !== -1; start = end + 1, end = folder.indexOf('/', start)) {
    if (SKIPPED_FOLDERS.has(folder.slice(start, end))) return true;
  }
  return false;
}

export type CodeText = { readonly text: string } | { readonly skipped: 'large' | 'binary' | 'unreadable' };

const decoder = new TextDecoder('utf-8');

/**
 * A code file's text, read through the workspace's confined port: a link leading outside is
 * refused by the port (and a loop has no real path), a file over 1 MB is skipped after reading
 * at most 1 MB of it, a binary one (NUL in its first 8,000 bytes) is skipped. Invalid UTF-8 is read with
 * U+FFFD: an id is ASCII, and a Latin-1 comment must not hide the citations around it.
 */
export async function readCodeText(fs: FileSystemPort, path: string): Promise<CodeText> {
  try {
    let bytes: Uint8Array;
    let size: number;
    if (fs.readBounded) ({ bytes, size } = await fs.readBounded(path, MAX_CODE_FILE_BYTES));
    else {
      const found = await fs.stat(path);
      if (!found || found.kind !== 'file') return { skipped: 'unreadable' };
      size = found.size;
      if (size > MAX_CODE_FILE_BYTES) return { skipped: 'large' };
      bytes = await fs.readFile(path);
    }
    if (size > MAX_CODE_FILE_BYTES) return { skipped: 'large' };
    if (bytes.subarray(0, BINARY_PROBE_BYTES).indexOf(0) !== -1) return { skipped: 'binary' };
    return { text: decoder.decode(bytes) };
  } catch {
    // Gone since it was listed, a directory, a link out of the workspace (OutsideWorkspaceError), a loop.
    return { skipped: 'unreadable' };
  }
}
