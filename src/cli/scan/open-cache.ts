import { createHash } from 'node:crypto';
import { lstat, mkdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { isOutsideWorkspace } from '../../core/port/file-system';
import { dirname, isInside, joinPath } from '../../core/port/paths';
import type { CliContext } from '../context';
import { displayPath } from '../context';
import { toPortable } from '../../node/portable-path';
import type { OpenedWorkspace } from '../open-workspace';
import { findRepository } from '../../node/repository';
import { VERSION } from '../version';
import { LintCache } from './lint-cache';

/** How `--cache-location`'s help names the default. */
export const DEFAULT_CACHE_HELP = '.git/legible/, else $XDG_CACHE_HOME/legible or ~/.cache/legible';

/** One cache file per workspace root: a monorepo's workspaces, or two checkouts, never share one. */
function cacheFileName(root: string): string {
  return `lint-cache-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.json`;
}

/** The user's cache folder: $XDG_CACHE_HOME (when absolute, as the spec asks), else ~/.cache (%LOCALAPPDATA% on Windows). */
function userCacheHome(env: NodeJS.ProcessEnv): string {
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return env.XDG_CACHE_HOME;
  if (process.platform === 'win32' && env.LOCALAPPDATA) return env.LOCALAPPDATA;
  return resolve(homedir(), '.cache');
}

/**
 * Where the cache lives by default: outside the work tree, so `--cache` never leaves an untracked
 * file for `git status` or a commit to pick up. In git's own folder when the workspace is in a
 * repository (it goes when the clone goes), else in the user's cache folder.
 */
async function defaultFolder(opened: OpenedWorkspace, env: NodeJS.ProcessEnv): Promise<string> {
  const repository = await findRepository(opened.root);
  return repository?.gitDir ? joinPath(repository.gitDir, 'legible') : joinPath(toPortable(userCacheHome(env)), 'legible');
}

/**
 * Creates the default cache folder, and refuses it when it is a symbolic link (or not a folder):
 * written through a link, the cache could land anywhere, overwriting whatever it names. Inside the
 * workspace (`.git/legible`, or a cache home that lies in the checkout) it is created through the
 * confined port, so no folder on the way can be a link out of the repository either.
 */
async function ownFolder(folder: string, opened: OpenedWorkspace): Promise<string | undefined> {
  if (isInside(opened.root, folder)) {
    try {
      await opened.fs.createDirectory(folder);
    } catch (error) {
      if (isOutsideWorkspace(error)) return `${error.link ?? folder} is a symbolic link`;
    }
  } else await mkdir(folder, { recursive: true, mode: 0o700 }).catch(() => undefined);
  const found = await lstat(folder).catch(() => undefined);
  if (!found) return `the folder ${folder} could not be created`;
  if (found.isSymbolicLink()) return `${folder} is a symbolic link`;
  if (!found.isDirectory()) return `${folder} is not a folder`;
  return undefined;
}

/** True when `--cache-location` names a folder (one that exists, or a path ending in a separator), which holds a cache file per workspace. */
export async function namesFolder(given: string, context: Pick<CliContext, 'cwd'>): Promise<boolean> {
  return /[\\/]$/.test(given) || stat(toPortable(resolve(context.cwd, given))).then((s) => s.isDirectory(), () => false);
}

/**
 * `--cache-location`, as ESLint reads it: a folder (one that exists, or a path ending in a
 * separator) gets the cache file inside it; anything else is the file itself. Outside the
 * repository the user chose the place, so a link there is followed; inside it, the repository's
 * links are not trusted: a location whose folder leads outside is refused (the cache file itself
 * is never written through a link: see LintCache).
 */
async function givenLocation(given: string, opened: OpenedWorkspace, context: CliContext): Promise<string | { problem: string }> {
  const path = toPortable(resolve(context.cwd, given));
  const file = (await namesFolder(given, context)) ? joinPath(path, cacheFileName(opened.root)) : path;
  if (isInside(opened.root, file)) {
    try {
      await opened.fs.realPath(dirname(file));
    } catch (error) {
      if (isOutsideWorkspace(error)) return { problem: `${displayPath(context.cwd, error.link ?? path)} is a symbolic link that leads outside the repository` };
      throw error;
    }
  }
  return file;
}

/**
 * The lint cache of a workspace, keyed on what results depend on besides the files themselves.
 * Undefined, with a warning, when the default folder is unsafe: the lint then runs without it.
 * Read, unless `read` is false: the caller then calls `read()` before using it.
 */
export async function openCache(opened: OpenedWorkspace, today: string, location: string | undefined, context: CliContext, { read = true }: { readonly read?: boolean } = {}): Promise<LintCache | undefined> {
  let path: string;
  if (location !== undefined) {
    const given = await givenLocation(location, opened, context);
    if (typeof given !== 'string') {
      context.warn(`--cache is not used: ${given.problem}; name another place with --cache-location.`);
      return undefined;
    }
    path = given;
  } else {
    const folder = await defaultFolder(opened, context.env);
    const problem = await ownFolder(folder, opened);
    if (problem) {
      context.warn(`--cache is not used: ${problem}; name another place with --cache-location.`);
      return undefined;
    }
    path = joinPath(folder, cacheFileName(opened.root));
  }
  // The running bundle's size and time: a rebuilt Legible (new rules) never reuses old results.
  const self = await stat(process.argv[1] ?? '').then((s) => `${s.size}:${s.mtimeMs}`, () => '');
  // The configuration and schema extensions as loadConfig read them (confined, size-limited): never read twice.
  const key = LintCache.key([VERSION, self, today, ...opened.loaded.sources]);
  const options = { shown: displayPath(context.cwd, path), root: opened.root };
  // Unread, for a scan that reads it once the files' times are being taken (scanWorkspace).
  return read ? LintCache.load(path, key, options) : LintCache.unread(path, key, options);
}
