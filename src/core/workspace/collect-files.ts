import type { CompiledPattern } from '../port/regex-engine';
import type { FileSystemPort } from '../port/file-system';
import { joinPath, relativePath } from '../port/paths';
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
}

/**
 * The decision files below a folder: `.md` regular files not ignored, sorted. Symbolic links are
 * followed only to files and folders not yet visited (by real path), so a link loop ends at once,
 * and FIFOs, sockets and devices are never opened (a read of a FIFO would block forever).
 */
export async function collectDecisionFiles(fs: FileSystemPort, folder: string, options: CollectOptions): Promise<string[]> {
  const files: string[] = [];
  const visited = new Set<string>();
  const maxDepth = options.maxDepth ?? 6;
  const linkedFiles: Array<{ path: string; real: string }> = [];
  const stack: Array<{ path: string; depth: number }> = [{ path: folder, depth: 0 }];
  // Folders reached through a link wait until every real folder is walked: a record is then listed
  // under its real path (the one an editor opens), not under a link that happened to come first.
  const viaLinks: Array<{ path: string; depth: number }> = [];
  while (stack.length || viaLinks.length) {
    const { path, depth } = (stack.length ? stack : viaLinks).pop()!;
    const real = (await fs.realPath?.(path)) ?? path;
    if (visited.has(real)) continue;
    visited.add(real);
    let entries;
    try {
      entries = await fs.readDirectory(path);
    } catch {
      continue;
    }
    // A folder that numbers its records says what a record is: a file with an id.
    const numbered = !options.recordsWithoutId && entries.some((e) => e.kind !== 'directory' && parseRecordName(e.name) !== undefined);
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = joinPath(path, entry.name);
      let kind = entry.kind;
      const linked = kind === 'symlink';
      if (linked) kind = (await resolveLink(fs, child, visited)) ?? 'other';
      if (kind === 'directory' && depth < maxDepth) {
        // `3392-some-rfc/` holds a record's attachments, not records.
        if (!options.recordsWithoutId && parseRecordName(`${entry.name}.md`) !== undefined) continue;
        (linked ? viaLinks : stack).push({ path: child, depth: depth + 1 });
      } else if (kind === 'file' && /\.md$/i.test(entry.name) && !matchesAny(relativePath(folder, child), options.ignore)) {
        if (numbered && parseRecordName(entry.name) === undefined) continue;
        if (linked) linkedFiles.push({ path: child, real: (await fs.realPath?.(child)) ?? child });
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

async function resolveLink(fs: FileSystemPort, path: string, visited: ReadonlySet<string>): Promise<'file' | 'directory' | undefined> {
  const real = await fs.realPath?.(path);
  if (!real || visited.has(real)) return undefined;
  const stat = await fs.stat(real);
  return stat?.kind === 'file' || stat?.kind === 'directory' ? stat.kind : undefined;
}
