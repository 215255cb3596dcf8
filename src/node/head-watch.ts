import { watch, type FSWatcher } from 'node:fs';
import { joinPath } from '../core/port/paths';

/** The files in git's own folder whose change means HEAD or a branch moved (the extension watches the same). */
const TOP = new Set(['HEAD', 'packed-refs']);

/**
 * Calls `moved` when HEAD or a branch moves in git's folder `gitDir`: a commit, a checkout, a pull,
 * a reset. logs/HEAD grows on every move of HEAD; HEAD, packed-refs and refs/heads cover a
 * repository without reflogs. A folder that cannot be watched is left out (the history stays as
 * last read). For the Node front-ends without an editor's watcher (the language server, the MCP
 * server); `moved` is called once per event, the caller waits for the files to settle.
 */
export function watchGitHead(gitDir: string, moved: () => void): { dispose(): void } {
  const watchers: FSWatcher[] = [];
  const follow = (folder: string, recursive: boolean, accept: (name: string) => boolean) => {
    try {
      const watcher = watch(folder, { recursive, persistent: false }, (_event, name) => {
        if (name && accept(name.toString())) moved();
      });
      watcher.on('error', () => watcher.close());
      watchers.push(watcher);
    } catch {
      // Missing (no reflog, no branch yet) or not watchable.
    }
  };
  follow(gitDir, false, (name) => TOP.has(name));
  follow(joinPath(gitDir, 'logs'), false, (name) => name === 'HEAD');
  follow(joinPath(gitDir, 'refs', 'heads'), true, (name) => !name.endsWith('.lock'));
  return { dispose: () => watchers.splice(0).forEach((watcher) => watcher.close()) };
}
