import { isOutsideWorkspace, type DirectoryEntry, type FileSystemPort } from '../port/file-system';
import type { CompiledPattern } from '../port/regex-engine';
import { isMarkdownPath, joinPath, relativePath } from '../port/paths';
import { matchesAny } from '../config/glob';
import { parseRecordName } from '../numbering/record-name';

export interface CollectOptions {
  readonly ignore: readonly CompiledPattern[];
  /** How deep below the folder to look (categories are subfolders in MADR). */
  readonly maxDepth?: number;
  /**
   * Files without an id in a folder of numbered records (`PROTOTYPING.md` beside `0001-….md`), and
   * files in a record's own folder (`3392-some-rfc/diagram.md`), are not records unless this is set.
   */
  readonly recordsWithoutId?: boolean;
  /**
   * Told once of each symbolic link that leads outside the workspace and could be a record or a
   * folder of them (a name `ignore` does not hide: a record's, or one without an extension): it is
   * not followed, and nothing out there is looked at, not even whether the target exists.
   */
  readonly onLinkOutside?: (path: string) => void;
  /** A folder's listing already asked for (a load starts it beside the configuration's read), if there is one. */
  readonly listing?: (path: string) => Promise<DirectoryEntry[]> | undefined;
}

/**
 * The decision files below a folder: `.md` regular files not ignored, sorted. Symbolic links are
 * followed only to files and folders not yet visited (by real path), so a link loop ends at once,
 * and only inside the workspace (the port refuses the rest); FIFOs, sockets and devices are never
 * opened (a read of a FIFO would block forever).
 */
export async function collectDecisionFiles(fs: FileSystemPort, folder: string, options: CollectOptions): Promise<string[]> {
  const files: string[] = [];
  const visited = new Set<string>();
  const outside = new Set<string>();
  const leadsOut = (path: string) => {
    if (outside.has(path)) return;
    outside.add(path);
    options.onLinkOutside?.(path);
  };
  const maxDepth = options.maxDepth ?? 6;
  const linkedFiles: Array<{ path: string; real: string }> = [];
  const stack: Array<{ path: string; depth: number }> = [{ path: folder, depth: 0 }];
  // Folders reached through a link wait until every real folder is walked: a record is then listed
  // under its real path (the one an editor opens), not under a link that happened to come first.
  const viaLinks: Array<{ path: string; depth: number }> = [];
  while (stack.length || viaLinks.length) {
    const { path, depth } = (stack.length ? stack : viaLinks).pop()!;
    const real = await realPathOf(fs, path);
    if (real === OUTSIDE) {
      // A folder given outside the workspace as written is no link of the repository's: just not walked.
      if (path !== folder || (await isLinkOut(fs, path))) leadsOut(path);
      continue;
    }
    if (visited.has(real)) continue;
    visited.add(real);
    let entries;
    try {
      entries = await (options.listing?.(path) ?? fs.readDirectory(path));
    } catch {
      continue;
    }
    // A folder that numbers its records says what a record is: a file with an id.
    const numbered = !options.recordsWithoutId && entries.some((e) => e.kind !== 'directory' && parseRecordName(e.name) !== undefined);
    const wanted = (name: string, child: string) => !matchesAny(relativePath(folder, child), options.ignore) && !(numbered && parseRecordName(name) === undefined);
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = joinPath(path, entry.name);
      let kind: string = entry.kind;
      const linked = kind === 'symlink';
      if (linked) kind = (await resolveLink(fs, child, visited)) ?? 'other';
      if (kind === BROKEN) {
        // Named as a record, it is listed: its read fails, and that says so, once (file-readable).
        if (isMarkdownPath(entry.name) && wanted(entry.name, child)) files.push(child);
      } else if (kind === OUTSIDE) {
        // Nothing is known of the target, so the name says what it would be.
        const markdown = isMarkdownPath(entry.name);
        const ignored = matchesAny(relativePath(folder, child), options.ignore);
        if (!ignored && ((markdown && wanted(entry.name, child)) || (!markdown && !/\.[^./]+$/.test(entry.name)))) leadsOut(child);
      } else if (kind === 'directory' && depth < maxDepth) {
        // `3392-some-rfc/` holds a record's attachments, not records.
        if (!options.recordsWithoutId && parseRecordName(`${entry.name}.md`) !== undefined) continue;
        (linked ? viaLinks : stack).push({ path: child, depth: depth + 1 });
      } else if (kind === 'file' && isMarkdownPath(entry.name) && wanted(entry.name, child)) {
        if (linked) linkedFiles.push({ path: child, real: await realPathOf(fs, child) });
        else files.push(child);
      }
    }
  }
  // A link to a record that is already in the folder would index it twice.
  const present = new Set(files);
  for (const link of linkedFiles) {
    if (present.has(link.real)) continue;
    present.add(link.real);
    files.push(link.path);
  }
  return files.sort();
}

/** Not a path (paths are absolute): what `realPathOf` and `resolveLink` say of a link that leads out. */
const OUTSIDE = '\0outside';
/** Not a path either: what `resolveLink` says of a link that leads nowhere (a missing target, a loop). */
const BROKEN = '\0broken';

/** The real path (the path itself when the port cannot tell), or OUTSIDE when it leads out of the workspace. */
async function realPathOf(fs: FileSystemPort, path: string): Promise<string> {
  try {
    return (await fs.realPath?.(path)) ?? path;
  } catch (error) {
    if (isOutsideWorkspace(error)) return OUTSIDE;
    throw error;
  }
}

/** True when a link on the way (not the path as written) leads `path` out of the workspace. */
async function isLinkOut(fs: FileSystemPort, path: string): Promise<boolean> {
  try {
    await fs.realPath?.(path);
    return false;
  } catch (error) {
    return isOutsideWorkspace(error) && error.link !== undefined;
  }
}

async function resolveLink(fs: FileSystemPort, path: string, visited: ReadonlySet<string>): Promise<'file' | 'directory' | typeof OUTSIDE | typeof BROKEN | undefined> {
  let real: string | undefined;
  try {
    real = await fs.realPath?.(path);
  } catch (error) {
    if (isOutsideWorkspace(error)) return OUTSIDE;
    return undefined;
  }
  // The port found nothing there: the link's target is missing, or the link loops back on itself.
  if (real === undefined) return fs.realPath ? BROKEN : undefined;
  if (visited.has(real)) return undefined;
  const stat = await fs.stat(real);
  return stat?.kind === 'file' || stat?.kind === 'directory' ? stat.kind : undefined;
}
