// fs.promises, which Node loads on first use: importing node:fs/promises would load it on activation.
import { promises as fsp } from 'node:fs';
import { resolve } from 'node:path';
import { joinPath } from '../core/port/paths';
import { toPortable } from './portable-path';
import { NodeFileSystem } from './node-file-system';
import { findMarkedFolder, processBounds, type SearchBounds } from './root-search';

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
 * this is not always the workspace root — which is why this looks above it, with a port of its own.
 * Bounded as the workspace root's search is: not above the home, and never a `.git` in a folder
 * others may write to (`/tmp/.git` would get the lint cache).
 */
export async function findRepository(from: string, fs = new NodeFileSystem(), bounds: SearchBounds = processBounds()): Promise<Repository | undefined> {
  const dir = await findMarkedFolder(fs, from, ['.git'], bounds);
  if (dir === undefined) return undefined;
  const dotGit = joinPath(dir, '.git');
  const found = await fs.stat(dotGit);
  return { root: dir, gitDir: found?.kind === 'directory' ? dotGit : found?.kind === 'file' ? await linkedGitDir(fs, dir, dotGit) : undefined };
}

/** A `.git` file says `gitdir: <path>`, absolute or relative to the work tree. */
async function linkedGitDir(fs: NodeFileSystem, root: string, dotGit: string): Promise<string | undefined> {
  const text = await fsp.readFile(dotGit, 'utf8').catch(() => '');
  // A line scan: `^gitdir:\s*(.+?)\s*$` was quadratic on a long run of blanks in a crafted `.git` file.
  const path = text.split(/\r?\n/).find((line) => line.startsWith('gitdir:'))?.slice('gitdir:'.length).trim();
  if (!path) return undefined;
  const gitDir = toPortable(resolve(root, path));
  return (await fs.stat(gitDir))?.kind === 'directory' ? gitDir : undefined;
}
