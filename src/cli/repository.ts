import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { joinPath } from '../core/port/paths';
import { toPortable } from './context';
import type { NodeFileSystem } from './node-file-system';

/** The git repository a workspace lies in. */
export interface Repository {
  /** The folder holding `.git`, absolute and '/'-separated: where GitHub resolves a file path. */
  readonly root: string;
  /**
   * Git's own folder for this work tree (`.git`, or where a worktree's or submodule's `.git` file
   * points), when it is a real folder; undefined when `.git` is a link or unreadable.
   */
  readonly gitDir?: string;
}

/**
 * The nearest folder, from `from` upwards, holding `.git` (a folder, or a file in a worktree or
 * submodule). Undefined outside a repository. A `.legible.json` can sit below it (a monorepo), so
 * this is not always the workspace root.
 */
export async function findRepository(fs: NodeFileSystem, from: string): Promise<Repository | undefined> {
  for (let dir = from; ; ) {
    const dotGit = joinPath(dir, '.git');
    const found = await fs.stat(dotGit);
    if (found) return { root: dir, gitDir: found.kind === 'directory' ? dotGit : found.kind === 'file' ? await linkedGitDir(fs, dir, dotGit) : undefined };
    const parent = toPortable(dirname(dir));
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** A `.git` file says `gitdir: <path>`, absolute or relative to the work tree. */
async function linkedGitDir(fs: NodeFileSystem, root: string, dotGit: string): Promise<string | undefined> {
  const text = await readFile(dotGit, 'utf8').catch(() => '');
  // A line scan: `^gitdir:\s*(.+?)\s*$` was quadratic on a long run of blanks in a crafted `.git` file.
  const path = text.split(/\r?\n/).find((line) => line.startsWith('gitdir:'))?.slice('gitdir:'.length).trim();
  if (!path) return undefined;
  const gitDir = toPortable(resolve(root, path));
  return (await fs.stat(gitDir))?.kind === 'directory' ? gitDir : undefined;
}
