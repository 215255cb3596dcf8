import type { FileSystemPort } from '../port/file-system';
import { joinPath, relativePath } from '../port/paths';
import { matchesAny } from '../config/glob';

export interface CollectOptions {
  readonly ignore: readonly RegExp[];
  /** How deep below the folder to look (categories are subfolders in MADR). */
  readonly maxDepth?: number;
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
  const stack: Array<{ path: string; depth: number }> = [{ path: folder, depth: 0 }];
  while (stack.length) {
    const { path, depth } = stack.pop()!;
    const real = (await fs.realPath?.(path)) ?? path;
    if (visited.has(real)) continue;
    visited.add(real);
    let entries;
    try {
      entries = await fs.readDirectory(path);
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = joinPath(path, entry.name);
      let kind = entry.kind;
      if (kind === 'symlink') kind = (await resolveLink(fs, child, visited)) ?? 'other';
      if (kind === 'directory' && depth < maxDepth) stack.push({ path: child, depth: depth + 1 });
      else if (kind === 'file' && /\.md$/i.test(entry.name) && !matchesAny(relativePath(folder, child), options.ignore)) files.push(child);
    }
  }
  return files.sort();
}

async function resolveLink(fs: FileSystemPort, path: string, visited: ReadonlySet<string>): Promise<'file' | 'directory' | undefined> {
  const real = await fs.realPath?.(path);
  if (!real || visited.has(real)) return undefined;
  const stat = await fs.stat(real);
  return stat?.kind === 'file' || stat?.kind === 'directory' ? stat.kind : undefined;
}
