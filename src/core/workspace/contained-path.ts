import type { FileSystemPort } from '../port/file-system';
import { isInside, joinPath } from '../port/paths';

/**
 * A workspace-relative path from configuration, if it stays inside the workspace — as written and,
 * where the file system can tell, after symbolic links are resolved (`docs` → `/etc` is refused).
 */
export async function containedPath(fs: FileSystemPort, root: string, relative: string): Promise<string | undefined> {
  const path = joinPath(root, relative);
  if (!isInside(root, path)) return undefined;
  if (!fs.realPath) return path;
  const [realRoot, realPath] = await Promise.all([fs.realPath(root), fs.realPath(path)]);
  if (realRoot && realPath && !isInside(realRoot, realPath)) return undefined;
  return path;
}
