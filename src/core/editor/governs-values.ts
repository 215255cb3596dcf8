import { compileRepositoryGlob, globMatches, listMatches, PathParts, type RepositoryGlob } from '../code/repository-globs';
import type { RegexEngine } from '../port/regex-engine';
import { plural } from '../text/plural';
import { escapeMarkdown } from './field-words';
import { frontmatterCursor, type FrontmatterCursor } from './frontmatter-cursor';
import { isArtifactsCursor } from './artifact-values';

/**
 * What the editor offers in a record's `governs` list: the repository's folders and files to
 * complete a glob with, and on hover how many files a glob matches (or, for a `!` exclusion, takes
 * out). Both read the code file list the front-end supplies (repository-relative, as the live code
 * view lists it), so a front-end asks for that list only where it is needed.
 */

/** The most folders and files offered at once: a folder of 10,000 files lists its first ones. */
export const MAX_PATH_ITEMS = 200;
/** Files named in a hover. */
const FILES_SHOWN = 5;

/** True when the cursor is on a value of the root `governs` list: the place for code paths. */
export function isGovernsCursor(cursor: FrontmatterCursor): boolean {
  return cursor.kind !== 'key' ? cursor.key === 'governs' && cursor.path.length === 0 : cursor.path.length === 1 && cursor.path[0] === 'governs' && !cursor.hasColon;
}

/** For a front-end: whether completion or hover at `offset` needs the code file list (`governs`, `artifacts`). */
export function wantsCodeFiles(text: string, offset: number): boolean {
  const cursor = frontmatterCursor(text, offset);
  return cursor !== undefined && (isGovernsCursor(cursor) || isArtifactsCursor(cursor));
}

export interface PathItem {
  /** Repository-relative; a folder ends with `/`. `!` kept when the typed glob starts with it. */
  readonly value: string;
  readonly folder: boolean;
}

/**
 * The folders and files inside the folder the typed text is in (`services/pay` → the entries of
 * `services/`), folders first, each once. A typed `!` is kept in front (an exclusion), `./` dropped.
 */
export function governsPathItems(typed: string, files: readonly string[]): PathItem[] {
  const bang = typed.startsWith('!') ? '!' : '';
  const path = typed.slice(bang.length).replace(/^\.\//, '');
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  return folderEntries(files, folder).map((entry) => ({ value: bang + folder + entry.name, folder: entry.folder }));
}

/**
 * The entries of `folder` ('' or ending with `/`) in a repository-relative file list: its
 * subfolders (ending with `/`) sorted, then its files sorted, each once, at most MAX_PATH_ITEMS
 * (a folder of 10,000 files lists its first ones). Names are relative to `folder`.
 */
export function folderEntries(files: readonly string[], folder: string): Array<{ readonly name: string; readonly folder: boolean }> {
  const folders = new Set<string>();
  const names = new Set<string>();
  for (const file of files) {
    if (!file.startsWith(folder)) continue;
    const slash = file.indexOf('/', folder.length);
    if (slash === -1) names.add(file.slice(folder.length));
    else folders.add(file.slice(folder.length, slash + 1));
    if (folders.size + names.size >= MAX_PATH_ITEMS * 4) break;
  }
  const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b));
  return [...sorted(folders).map((name) => ({ name, folder: true })), ...sorted(names).map((name) => ({ name, folder: false }))].slice(0, MAX_PATH_ITEMS);
}

/**
 * The hover of one `governs` glob: how many of the files it matches (a few named), or for a `!`
 * exclusion how many it takes out of those the globs before it match; a glob never followed says
 * why. `globs`: the record's list in order, the hovered one included.
 */
export function governsGlobMarkdown(glob: string, globs: readonly string[], files: readonly string[], engine?: RegexEngine): string {
  const compiled = compileRepositoryGlob(glob, engine);
  if ('problem' in compiled) return `\`${code(glob)}\` ${escapeMarkdown(compiled.problem)}: it matches nothing.`;
  const self = compiled.glob;
  const position = globs.indexOf(glob);
  const before: RepositoryGlob[] = [];
  for (const written of position === -1 ? globs.filter((g) => g !== glob) : globs.slice(0, position)) {
    const result = compileRepositoryGlob(written, engine);
    if ('glob' in result) before.push(result.glob);
  }
  const matched: string[] = [];
  let count = 0;
  for (const file of files) {
    const parts = new PathParts(file);
    if (!globMatches(self, parts) || (self.exclude && !listMatches(before, parts))) continue;
    count++;
    if (matched.length < FILES_SHOWN) matched.push(file);
  }
  const shown = matched.map((file) => `- \`${code(file)}\``).join('\n');
  const more = count > matched.length ? `\n- … and ${plural(count - matched.length, 'more file')}` : '';
  if (self.exclude) {
    if (!count) return `\`${code(glob)}\` takes no file out of those the globs before it match.`;
    return `\`${code(glob)}\` takes ${plural(count, 'file')} out of those the globs before it match:\n\n${shown}${more}`;
  }
  if (!count) return `\`${code(glob)}\` matches no file of the repository: has the code moved, and is the decision still in force?`;
  return `\`${code(glob)}\` matches ${plural(count, 'file')}:\n\n${shown}${more}`;
}

function code(text: string): string {
  return text.replace(/`/g, "'");
}
