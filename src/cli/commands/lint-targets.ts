import { lstat, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { dirname, isInside, isMarkdownPath, relativePath } from '../../core/port/paths';
import { matchesAny } from '../../core/config/glob';
import { UsageError } from '../args';
import { displayPath, type CliContext } from '../context';
import { toPortable } from '../../node/portable-path';
import type { OpenedWorkspace } from '../open-workspace';

/** What `legible lint` indexes, and which of its findings it prints. */
export interface LintTargets {
  /** Decisions folders to index: every file in them is read, so cross-file rules see the siblings. */
  readonly folders: readonly string[];
  /** Markdown files named on the command line that the folder walk would skip (ignored names). */
  readonly extraFiles: readonly string[];
  /**
   * Other files named (a `.ts`, a `.py`): code, not records. `lint` checks their citations against
   * every record (the code rules); they are never read as a record.
   */
  readonly codeFiles: readonly string[];
  /**
   * The folders the user asked about: those named on the command line, else the configured or
   * discovered ones. One that holds no record is worth a warning (a typo, a misplaced folder),
   * whichever way it was named.
   */
  readonly askedFolders: readonly string[];
  /** True for a path whose findings are printed. */
  shows(path: string): boolean;
}

/**
 * Turns `legible lint [paths…]` into folders to index and a filter on what to print:
 * - no paths: the configured or discovered folders, everything printed;
 * - a folder inside a decisions folder (a MADR category): the decisions folder is indexed, only
 *   the named folder printed; a folder that holds decisions folders (`legible lint .`): those;
 *   any other folder is linted as a decisions folder of its own;
 * - a Markdown file: its decisions folder (or, outside any, its parent) is indexed so references
 *   resolve, and only the file's findings are printed;
 * - any other file is code: every decisions folder is indexed, and its citations are checked.
 */
export async function lintTargets(paths: readonly string[], opened: OpenedWorkspace, context: CliContext): Promise<LintTargets> {
  if (!paths.length) return { folders: opened.folders, extraFiles: [], codeFiles: [], askedFolders: opened.folders, shows: () => true };
  const folders = new Set<string>();
  const extraFiles: string[] = [];
  const codeFiles: string[] = [];
  const shownFolders: string[] = [];
  const shownFiles = new Set<string>();
  const decisionsFolderOf = (path: string) => opened.folders.filter((folder) => isInside(folder, path)).sort((a, b) => b.length - a.length)[0];
  for (const given of paths) {
    const path = toPortable(resolve(context.cwd, given));
    // The workspace comes from the first path; the port is confined to it, so a path in another
    // repository would be refused file by file: say so once.
    if (!isInside(opened.root, path)) throw new UsageError(`${given} lies outside the workspace of the first path (${displayPath(context.cwd, opened.root)}); lint each repository on its own`);
    // Node's stat follows a link the user named on purpose; one that leads nowhere (a missing
    // target, a loop) is linted as the folder's walk lists it: its read says what it is.
    const found = (await stat(path).catch(() => undefined)) ?? (await lstat(path).catch(() => undefined));
    if (found?.isDirectory()) {
      const inside = opened.folders.filter((folder) => isInside(path, folder));
      const owner = decisionsFolderOf(path);
      if (owner) folders.add(owner);
      else if (inside.length) inside.forEach((folder) => folders.add(folder));
      else folders.add(path);
      shownFolders.push(path);
    } else if (found?.isFile() && !isMarkdownPath(path)) {
      // Its citations resolve against every record: all the decisions folders are indexed.
      opened.folders.forEach((folder) => folders.add(folder));
      codeFiles.push(path);
      shownFiles.add(path);
    } else if (found?.isFile() || found?.isSymbolicLink()) {
      const folder = decisionsFolderOf(path) ?? dirname(path);
      folders.add(folder);
      if (matchesAny(relativePath(folder, path), opened.loaded.config.ignore)) {
        context.warn(`${displayPath(context.cwd, path)} is not linted: its name matches the "ignore" patterns (README, index, templates, …).`);
        continue;
      }
      extraFiles.push(path);
      shownFiles.add(path);
    } else {
      throw new UsageError(found ? `${given} is neither a file nor a folder` : `no such file or folder: ${given}`);
    }
  }
  return {
    folders: [...folders],
    extraFiles,
    codeFiles,
    askedFolders: shownFolders,
    shows: (path) => shownFiles.has(path) || shownFolders.some((folder) => isInside(folder, path)),
  };
}
