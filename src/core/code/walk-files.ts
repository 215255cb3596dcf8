import type { FileSystemPort } from '../port/file-system';
import { joinPath } from '../port/paths';
import { SKIPPED_FOLDERS } from './code-files';

/** The most files a walk lists: past it, the list stops (and says so), as a bounded git output would. */
export const MAX_WALKED_FILES = 500_000;

/**
 * The files below `root`, repository-relative, for a folder that is no git repository: what
 * `git ls-files` would answer. Symbolic links are not followed (git does not either), so a link
 * loop or a link out of the workspace is never entered; dependencies and build output
 * (SKIPPED_FOLDERS) are not entered either. Breadth-first, sorted per folder; bounded.
 */
export async function walkFiles(fs: FileSystemPort, root: string, max = MAX_WALKED_FILES): Promise<{ files: string[]; complete: boolean }> {
  const files: string[] = [];
  const queue: string[] = [''];
  while (queue.length) {
    const folder = queue.shift()!;
    const entries = await fs.readDirectory(folder ? joinPath(root, folder) : root).catch(() => []);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.kind === 'directory' && !SKIPPED_FOLDERS.has(entry.name)) queue.push(path);
      else if (entry.kind === 'file') {
        if (files.length >= max) return { files, complete: false };
        files.push(path);
      }
    }
  }
  return { files, complete: true };
}
