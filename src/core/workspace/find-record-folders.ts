import type { FileSystemPort } from '../port/file-system';
import { isMarkdownPath, joinPath } from '../port/paths';
import { parseRecordName } from '../numbering/record-name';
import { SKIPPED_FOLDERS } from '../code/code-files';

/** A folder that holds records by their names, as a suggestion for where the decisions are. */
export interface RecordFolder {
  /** Workspace-relative (`.` for the workspace folder itself). */
  readonly folder: string;
  /** Markdown files named as records are (`0007-use-postgres.md`, `2020-09-24-…`): the grammar of record-name.ts. */
  readonly records: number;
  /** The first few of those names, sorted, to recognise the folder by. */
  readonly sample: readonly string[];
}

export interface FindRecordFoldersOptions {
  /** How deep below the workspace folder to look (1: its own subfolders). */
  readonly maxDepth?: number;
  /** The most folders listed: a large repository is looked through only this far. */
  readonly maxFolders?: number;
  /** The fewest record names that make a folder a candidate: one numbered file is often a chapter. */
  readonly minRecords?: number;
}

const LISTINGS_AT_ONCE = 16;
const SAMPLE = 3;

/**
 * The folders of a workspace whose Markdown files are named as records, most records first: where
 * the decisions are when no usual folder, hint file or `.legible.json` says (rust-lang/rfcs keeps
 * its RFCs in `text/`). Asked only when the user looks for a folder (Configure Folder, a command
 * that found none); never chosen silently, since a numbered chapter folder looks the same.
 *
 * Breadth-first and bounded (depth, folders listed); hidden folders, dependencies and build output
 * (SKIPPED_FOLDERS) are not entered, and symbolic links are not followed, so a loop or a link out
 * of the workspace is never walked. Listings go out several at a time: on vscode.workspace.fs each
 * is a round trip.
 */
export async function findRecordFolders(fs: FileSystemPort, root: string, options: FindRecordFoldersOptions = {}): Promise<RecordFolder[]> {
  const { maxDepth = 4, maxFolders = 2_000, minRecords = 2 } = options;
  const found: RecordFolder[] = [];
  let level: string[] = ['.'];
  let listed = 0;
  for (let depth = 0; depth <= maxDepth && level.length; depth++) {
    const next: string[] = [];
    for (let i = 0; i < level.length && listed < maxFolders; i += LISTINGS_AT_ONCE) {
      const batch = level.slice(i, Math.min(i + LISTINGS_AT_ONCE, i + maxFolders - listed));
      listed += batch.length;
      const listings = await Promise.all(batch.map((folder) => fs.readDirectory(folder === '.' ? root : joinPath(root, folder)).catch(() => [])));
      listings.forEach((entries, j) => {
        const folder = batch[j];
        const names: string[] = [];
        for (const entry of entries) {
          if (entry.kind === 'file' && isMarkdownPath(entry.name) && parseRecordName(entry.name)) names.push(entry.name);
          else if (entry.kind === 'directory' && !entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) next.push(folder === '.' ? entry.name : `${folder}/${entry.name}`);
        }
        if (names.length >= minRecords) found.push({ folder, records: names.length, sample: names.sort(byName).slice(0, SAMPLE) });
      });
    }
    level = next.sort(byName);
  }
  return found.sort((a, b) => b.records - a.records || byName(a.folder, b.folder));
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
