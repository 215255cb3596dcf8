import { dirname, normalizePath, relativePath } from '../port/paths';
import type { FrontmatterCursor } from './frontmatter-cursor';
import { folderEntries, MAX_PATH_ITEMS, type PathItem } from './governs-values';

/**
 * What the editor offers in `artifacts` (an exit plan's, or a decision's `knowledge-exit-path`):
 * the repository's files as links from the record's folder, as reference-resolves reads them
 * (`../runbooks/ledger.md`), so a completed link resolves. From the same code file list the
 * front-end supplies for `governs`.
 */

/** True when the cursor is on an entry of an `artifacts` list: the place for links to files. */
export function isArtifactsCursor(cursor: FrontmatterCursor): boolean {
  if (cursor.kind !== 'item' || cursor.key !== 'artifacts') return false;
  return cursor.path.length === 0 ? cursor.recordType === 'exit-plan' : cursor.path.length === 1 && cursor.path[0] === 'knowledge-exit-path';
}

/**
 * The folders and files in the folder the typed link points into, written from the record's
 * folder: `../` first while the folder is below the repository's top (the way up), then folders,
 * then files, each once. A URL or an absolute path gets nothing: it is not a file of the list.
 * `files` are relative to `root`; `recordPath` is the record's absolute path.
 */
export function artifactPathItems(typed: string, files: readonly string[], root: string, recordPath: string): PathItem[] {
  if (/^[a-z][a-z0-9+.-]*:/i.test(typed) || typed.startsWith('/')) return [];
  const written = typed.slice(0, typed.lastIndexOf('/') + 1);
  const from = relativePath(root, dirname(recordPath));
  if (from === '..' || from.startsWith('../')) return [];
  // The folder the typed part names, from the repository's top ('.': the top itself); above it, nothing.
  const target = normalizePath(`${from}/${written}`);
  if (target === '..' || target.startsWith('../')) return [];
  const folder = target === '.' ? '' : `${target}/`;
  const recordName = recordPath.slice(recordPath.lastIndexOf('/') + 1);
  // Not the record itself: its knowledge is written down somewhere else.
  const own = folder === (from === '.' ? '' : `${from}/`);
  const entries = folderEntries(files, folder).filter((entry) => !(own && !entry.folder && entry.name === recordName));
  // The way up, while the typed link is still climbing (`../../`), and not above the top.
  const climbing = /^(\.\/)?(\.\.\/)*$/.test(written);
  const up = folder === '' || !climbing ? [] : [{ value: `${written}../`, folder: true }];
  return [...up, ...entries.map((entry) => ({ value: written + entry.name, folder: entry.folder }))].slice(0, MAX_PATH_ITEMS);
}
