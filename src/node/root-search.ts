// fs.promises, which Node loads on first use: importing node:fs/promises would load it on activation.
import { promises as fsp } from 'node:fs';
import type * as Os from 'node:os';
import { dirname, isAbsolute } from 'node:path';
import { isInside, joinPath } from '../core/port/paths';
import { toPortable } from './portable-path';
import type { NodeFileSystem } from './node-file-system';

/**
 * How far the search for a workspace's or repository's root may climb, and what it may adopt on
 * the way. A folder above the start is someone else's until shown otherwise: `/tmp/.legible.json`
 * planted by another user must not become the configuration of `/tmp/x/repo`, which has no `.git`.
 */
export interface SearchBounds {
  /** The user's home, '/'-separated: searched, never climbed above (when the start lies inside it). */
  readonly home?: string;
  readonly platform: NodeJS.Platform;
  /** The current user's id; undefined where there is none (Windows). */
  readonly uid?: number;
  /** Told about each marker ignored because of where it lies. */
  readonly warn?: (message: string) => void;
}

/** The bounds of this process: its user's home and id. */
export function processBounds(warn?: (message: string) => void): SearchBounds {
  // node:os is required here, on the first search: the extension's activation does not load it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const home = (require('node:os') as typeof Os).homedir();
  return { home: home && isAbsolute(home) ? toPortable(home) : undefined, platform: process.platform, uid: process.getuid?.(), warn };
}

/** The folders the search looks in: `start`, then each parent, up to the home (inclusive) when `start` lies in it, else up to the file system's root. */
export function foldersUpward(start: string, bounds: Pick<SearchBounds, 'home' | 'platform'>): string[] {
  const key = (path: string) => (bounds.platform === 'win32' || bounds.platform === 'darwin' ? path.toLowerCase() : path);
  const home = bounds.home !== undefined && isInside(key(bounds.home), key(start)) ? key(bounds.home).replace(/\/+$/, '') || '/' : undefined;
  const out: string[] = [];
  for (let dir = start; ; ) {
    out.push(dir);
    if (home !== undefined && key(dir).replace(/\/+$/, '') === home) return out;
    const parent = toPortable(dirname(dir));
    if (parent === dir) return out;
    dir = parent;
  }
}

/** What lstat and stat tell about ownership and permissions. */
export interface Ownership {
  readonly mode: number;
  readonly uid: number;
}

const WORLD_WRITABLE = 0o002;
const STICKY = 0o1000;

/**
 * Why a marker file in a folder may have been put there by someone other than the user, or
 * undefined when only the user, the folder's owner or root could have. A folder every user may
 * write to (`/tmp`, `/var/tmp`, `/dev/shm`, any `chmod 1777` folder) holds what anyone left there;
 * in a folder shared with a group, a file owned by a third user came from that user. Windows
 * reports no owner and made-up permission bits (its access lists decide), so there only the home
 * and the first `.git` bound the search.
 */
export function sharedReason(folder: Ownership, marker: Ownership | undefined, bounds: Pick<SearchBounds, 'platform' | 'uid'>): string | undefined {
  if (bounds.platform === 'win32') return undefined;
  if (folder.mode & WORLD_WRITABLE) return folder.mode & STICKY ? 'a shared temporary folder (every user may write to it)' : 'a folder every user may write to';
  if (marker && bounds.uid !== undefined && ![bounds.uid, 0, folder.uid].includes(marker.uid)) return `a folder shared with others, and the file belongs to another user (uid ${marker.uid})`;
  return undefined;
}

/**
 * `sharedReason` on the disk. The folder by stat, following links: what matters is who may write
 * into the folder itself (`/tmp` may be a link to `/private/tmp`, and a link's own bits are always
 * 777). The marker by lstat: a planted link is the planter's.
 */
export async function sharedFolderProblem(dir: string, markers: readonly string[], bounds: SearchBounds): Promise<{ marker: string; reason: string } | undefined> {
  const folder = await fsp.stat(dir).catch(() => undefined);
  if (!folder) return undefined;
  for (const name of markers) {
    const marker = await fsp.lstat(joinPath(dir, name)).catch(() => undefined);
    if (!marker) continue;
    const reason = sharedReason(folder, marker, bounds);
    if (reason) return { marker: joinPath(dir, name), reason };
  }
  return undefined;
}

/**
 * The nearest folder, from `start` upwards within the bounds, holding one of `markers` (lstat: a
 * link counts, as the file system port sees it). A marker in a folder above `start` that others may
 * have written is ignored with a warning, and the search goes on above it; `start` itself is the
 * user's choice.
 */
export async function findMarkedFolder(fs: NodeFileSystem, start: string, markers: readonly string[], bounds: SearchBounds): Promise<string | undefined> {
  for (const dir of foldersUpward(start, bounds)) {
    const present: string[] = [];
    for (const name of markers) if (await fs.stat(joinPath(dir, name))) present.push(name);
    if (!present.length) continue;
    const problem = dir === start ? undefined : await sharedFolderProblem(dir, present, bounds);
    if (!problem) return dir;
    bounds.warn?.(`ignored ${problem.marker}: it lies in ${problem.reason}, so anyone could have put it there. Is it yours? Put it in the repository itself.`);
  }
  return undefined;
}

/** Whether the search may take `dir` (a folder above `start`) as a root: within the bounds, and no folder others write to. */
export async function mayAdopt(dir: string, start: string, markers: readonly string[], bounds: SearchBounds): Promise<boolean> {
  if (dir === start) return true;
  if (!foldersUpward(start, bounds).includes(dir)) return false;
  const folder = await fsp.stat(dir).catch(() => undefined);
  if (!folder || sharedReason(folder, undefined, bounds)) return false;
  return !(await sharedFolderProblem(dir, markers, bounds));
}
