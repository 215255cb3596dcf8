import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { joinPath } from '../core/port/paths';
import { discoverFolders, USUAL_FOLDERS } from '../core/workspace/discover-folders';
import { findRecordFolders } from '../core/workspace/find-record-folders';
import { DecisionWorkspace } from '../core/workspace/decision-workspace';
import { CONFIG_FILE, loadConfig, type LoadedConfig } from '../core/workspace/load-config';
import { configuredFolderProblems } from '../core/workspace/folder-problems';
import { re2RegexEngine } from '../node/re2-regex-engine';
import { UsageError } from './args';
import { displayPath, type CliContext } from './context';
import { toPortable } from '../node/portable-path';
import { NodeFileSystem } from '../node/node-file-system';
import type { LintCache } from './scan/lint-cache';
import { scanInWorkers, workerCount } from './scan/parallel-scan';
import { findMarkedFolder, mayAdopt, processBounds, type SearchBounds } from '../node/root-search';
import type { FileResult } from './scan/worker-protocol';

export interface OpenedWorkspace {
  /** Confined to the root: nothing outside it is read, listed, looked up or written (see the port). */
  readonly fs: NodeFileSystem;
  /** Absolute, '/'-separated. */
  readonly root: string;
  readonly loaded: LoadedConfig;
  /** The configured or discovered decisions folders that exist, absolute. */
  readonly folders: readonly string[];
}

/** What marks a workspace root. */
const ROOT_MARKERS = [CONFIG_FILE, '.git'];
/** Every file read from a root, each of which must be the user's when the root is a folder above the start. */
const ROOT_FILES = [...ROOT_MARKERS, '.adr-dir', '.log4brains.yml'];

/**
 * The workspace root is the nearest folder, from the current one upwards, that holds `.legible.json`
 * or `.git`. So `legible` behaves the same from any subfolder of a checkout, and never reads a
 * configuration from above the repository. The search looks in the user's home but never above it,
 * and passes over a marker in a folder others may write to (`/tmp/.legible.json`), with a warning.
 * Without either, see `rootWithoutMarker`.
 */
export async function findRoot(fs: NodeFileSystem, cwd: string, bounds: SearchBounds = processBounds()): Promise<string> {
  return (await findMarkedFolder(fs, cwd, ROOT_MARKERS, bounds)) ?? rootWithoutMarker(fs, cwd, bounds);
}

/**
 * The root of a folder that is no repository (no `.git`, no `.legible.json` above it): the folder
 * itself, unless the command runs inside a decisions folder's path. Run in `proj/docs` or
 * `proj/docs/decisions`, the root is `proj`: the path already ends with (the start of) a usual
 * decisions folder, and taking `proj/docs` as the root would write `proj/docs/docs/decisions`.
 * A folder that itself holds a usual decisions folder is the root, whatever its name. The folder
 * above is taken only as the search would take it: not above the home, not one others write to
 * (`/tmp/docs` keeps its own root: `/tmp/.adr-dir` is anyone's).
 */
export async function rootWithoutMarker(fs: NodeFileSystem, start: string, bounds: SearchBounds = processBounds()): Promise<string> {
  for (const usual of USUAL_FOLDERS) if ((await fs.stat(joinPath(start, usual)))?.kind === 'directory') return start;
  const segments = start.split('/');
  let strip = 0;
  for (const usual of USUAL_FOLDERS) {
    const parts = usual.split('/');
    // The longest tail of `start` that is a head of a usual folder: `docs`, `docs/architecture`…
    for (let n = Math.min(parts.length, segments.length - 1); n > strip; n--) {
      if (parts.slice(0, n).join('/') === segments.slice(-n).join('/')) {
        strip = n;
        break;
      }
    }
  }
  const above = strip ? segments.slice(0, -strip).join('/') || '/' : start;
  return (await mayAdopt(above, start, ROOT_FILES, bounds)) ? above : start;
}

/**
 * Where the root search starts: the first path named on the command line (its folder, for a file),
 * so `legible lint other/repo` reads other/repo's `.legible.json`; else the current folder.
 */
async function startFolder(fs: NodeFileSystem, cwd: string, paths: readonly string[]): Promise<string> {
  if (!paths.length) return cwd;
  const first = toPortable(resolve(cwd, paths[0]));
  const found = await fs.stat(first);
  if (found?.kind === 'directory') return first;
  return found ? toPortable(dirname(first)) : cwd;
}

/** The workspace root of one path named on the command line (see findRoot), or of the current folder. */
export async function rootOf(context: CliContext, path: string | undefined, bounds: SearchBounds = processBounds((message) => context.warn(message))): Promise<string> {
  const looking = new NodeFileSystem({ reads: 'blocking' });
  return findRoot(looking, await startFolder(looking, context.cwd, path === undefined ? [] : [path]), bounds);
}

/**
 * Loads `.legible.json` (its settings are the user's: the CLI runs on their checkout, so it is
 * trusted) and finds the decisions folders. Configuration problems are warnings: a broken file must
 * not stop a CI run. The files themselves are not trusted: from here on every access goes through a
 * port confined to the root, so no link in the repository leads Legible anywhere else.
 */
export async function openWorkspace(context: CliContext, paths: readonly string[] = [], known?: string): Promise<OpenedWorkspace> {
  // `known`: the root already found for these paths (lint's grouping by workspace), not searched twice.
  const root = known ?? (await rootOf(context, paths[0]));
  const fs = new NodeFileSystem({ reads: 'blocking', root });
  const loaded = await loadConfig(fs, root, { trusted: true, regexEngine: re2RegexEngine });
  const where = displayPath(context.cwd, joinPath(root, CONFIG_FILE));
  for (const problem of loaded.problems) context.warn(`${where}: ${problem.message}`);
  const linksOut: string[] = [];
  const folders = await discoverFolders(fs, root, loaded.config, {
    onLinkOutside: (link) => {
      linksOut.push(link);
      context.warn(`${displayPath(context.cwd, joinPath(root, link))} is a symbolic link that leads outside the repository: the decisions folders through it are not read.`);
    },
  });
  for (const problem of configuredFolderProblems(root, loaded.config.folders, folders, linksOut)) context.warn(`${where}: ${problem}`);
  return { fs, root, loaded, folders };
}

/** The commands whose arguments are folders (or files) to work on, which an error may suggest. */
const FOLDER_COMMANDS: ReadonlySet<string> = new Set(['lint', 'list', 'index', 'report', 'migrate']);

/**
 * The folders to work on when the user named none; none at all is a usage error, not a silent
 * pass. The error names the folders whose files are named as records (rust-lang/rfcs keeps its
 * RFCs in `text/`), so the command to run next is in it.
 */
export async function requireFolders(opened: OpenedWorkspace, context: CliContext, command: string): Promise<readonly string[]> {
  if (opened.folders.length) return opened.folders;
  const looked = opened.loaded.config.folders.length ? opened.loaded.config.folders : ['.adr-dir', '.log4brains.yml', ...USUAL_FOLDERS];
  const where = `no decisions folder found in ${displayPath(context.cwd, opened.root)} (looked for ${looked.join(', ')})`;
  const found = await findRecordFolders(opened.fs, opened.root);
  // explain takes files, status and supersede a record: only these take folders to work on.
  const takesFolders = FOLDER_COMMANDS.has(command);
  if (!found.length) throw new UsageError(`${where}; ${takesFolders ? `name one ('legible ${command} docs/adr') or ` : ''}set "folders" in ${CONFIG_FILE}`);
  const shown = (folder: string) => displayPath(context.cwd, folder === '.' ? opened.root : joinPath(opened.root, folder));
  const listed = found.slice(0, 3).map(({ folder, records, sample }) => `${shown(folder)} (${records} files such as ${sample[0]})`);
  const more = found.length > 3 ? ` and ${found.length - 3} more` : '';
  const first = found[0].folder;
  throw new UsageError(`${where}. Files named as records are in ${listed.join(', ')}${more}: ${takesFolders ? `name the folder ('legible ${command} ${shown(first)}') or ` : ''}set "folders": ["${first}"] in ${CONFIG_FILE}`);
}

/** Folders named on the command line (each must exist), else the workspace's own. */
export async function chosenFolders(paths: readonly string[], opened: OpenedWorkspace, context: CliContext, command: string): Promise<readonly string[]> {
  if (!paths.length) return requireFolders(opened, context, command);
  const folders: string[] = [];
  for (const given of paths) {
    const folder = toPortable(resolve(context.cwd, given));
    const found = await stat(folder).catch(() => undefined);
    if (!found) throw new UsageError(`no such folder: ${given}`);
    if (!found.isDirectory()) throw new UsageError(`${given} is not a folder`);
    if (!folders.includes(folder)) folders.push(folder);
  }
  return folders;
}

export interface ScanOptions {
  readonly extraFiles?: readonly string[];
  /** False for `list` and `report`: the index needs the frontmatter only, no Markdown parse. */
  readonly body?: boolean;
  readonly cache?: LintCache;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * A workspace over the given folders, every file read and linted, ready for findings() and index.
 * Unchanged files come from the cache; the rest are spread over worker threads when there are
 * enough of them to pay for the workers' start-up.
 */
export async function scanWorkspace(opened: OpenedWorkspace, folders: readonly string[], today: string, options: ScanOptions = {}): Promise<DecisionWorkspace> {
  const body = options.body !== false;
  const workspace = new DecisionWorkspace({ fs: opened.fs, root: opened.root, folders, config: opened.loaded.config, validator: opened.loaded.validator, today });
  // A file named on the command line that the walk found to be a link out is the link's finding
  // (link-outside-repository), as when its folder is linted: it is not read as well.
  const listed = await workspace.listFiles();
  const files = [...new Set([...listed, ...(options.extraFiles ?? []).filter((path) => !workspace.isOutsideLink(path))])].sort();
  const { cache } = options;
  const stats = new Map<string, { size: number; mtime: number }>();
  const pending: string[] = [];
  if (cache) {
    // The files' times are taken (on another thread, for many files) while this one reads the cache.
    const taken = opened.fs.statMany(files).catch(() => files.map(() => undefined));
    await cache.read();
    const found = await taken;
    files.forEach((path, i) => {
      // A file named on the command line may lie outside the root: the read then says why it is not read.
      const stat = found[i];
      if (stat) {
        stats.set(path, stat);
        const cached = cache.get(path, stat.size, stat.mtime, body);
        if (cached) return workspace.adopt(cached.entry, cached.findings);
      }
      pending.push(path);
    });
  } else pending.push(...files);
  const remember = (path: string, result: FileResult) => {
    const found = stats.get(path);
    if (cache && found) cache.set(path, found.size, found.mtime, body, result);
  };
  const workers = workerCount(pending.length, options.env ?? process.env);
  if (workers >= 2) {
    for (const result of await scanInWorkers({ root: opened.root, folders, today, body, config: opened.loaded.source }, pending, workers)) {
      workspace.adopt(result.entry, result.findings);
      remember(result.entry.path, result);
    }
  } else {
    for (const path of pending) {
      const { entry } = await workspace.update(path, undefined, { body });
      remember(path, { entry, findings: workspace.fileFindings(path) });
    }
  }
  // Saved by the caller, which can tell the user when that fails.
  cache?.retain(new Set(files));
  return workspace;
}
