import { isOutsideWorkspace, type FileSystemPort } from '../port/file-system';
import { isInside, joinPath, relativePath } from '../port/paths';

/** Where a configured path lies: inside (the absolute path), or outside, with the link that leads out when one does. */
export type Containment = { readonly path: string } | { readonly outside: true; readonly link?: string };

/**
 * A workspace-relative path from configuration, if it stays inside the workspace — as written and,
 * where the file system can tell, after symbolic links are resolved (`docs` → `/etc` is refused).
 * A confined port refuses such a path itself; the comparison of real paths covers one that is not.
 */
export async function containedPath(fs: FileSystemPort, root: string, relative: string): Promise<string | undefined> {
  const found = await containment(fs, root, relative);
  return 'path' in found ? found.path : undefined;
}

/** As `containedPath`, telling which link (workspace-relative) leads out, when the port knows. */
export async function containment(fs: FileSystemPort, root: string, relative: string): Promise<Containment> {
  const path = joinPath(root, relative);
  if (!isInside(root, path)) return { outside: true };
  if (!fs.realPath) return { path };
  try {
    const [realRoot, realPath] = await Promise.all([fs.realPath(root), fs.realPath(path)]);
    if (realRoot && realPath && !isInside(realRoot, realPath)) return { outside: true, link: relative };
  } catch (error) {
    if (isOutsideWorkspace(error)) return { outside: true, link: error.link && isInside(root, error.link) ? relativePath(root, error.link) : relative };
    throw error;
  }
  return { path };
}
