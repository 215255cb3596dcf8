import type { ResolvedConfig } from '../config/config';
import type { DirectoryEntry } from '../port/file-system';
import { CONFIG_FILE, loadConfig, type LoadedConfig } from '../workspace/load-config';
import { configuredFolderProblems } from '../workspace/folder-problems';
import { discoverFolders, folderLookup } from '../workspace/discover-folders';
import type { LiveLog, LiveSettings, LiveWorkspaceOptions, LoadHints } from './live-options';
import { isInside, joinPath, relativePath } from '../port/paths';
import { READ_AHEAD } from '../workspace/decision-workspace';
import { ReadAheadPort } from './read-ahead';

/** What a load reads before any record: the configuration, with the front-end's settings over it, and the decisions folders. */
export interface LoadedFolders {
  readonly loaded: LoadedConfig;
  readonly config: ResolvedConfig;
  /** Absolute decisions folders. */
  readonly folders: string[];
  /**
   * What is wrong with the configuration, as a person reads it: `.legible.json`'s problems, and
   * the folders it names (else the front-end's settings) that are missing or outside the workspace.
   */
  readonly problems: readonly string[];
  /** The folders' listings already asked for (see FolderLookup.listing). */
  readonly listing: (path: string) => Promise<DirectoryEntry[]> | undefined;
  /** The load's file system: the records of the folders listed early are read ahead (`drop` once the records are read). */
  readonly fs: ReadAheadPort;
}

/**
 * The first steps of a load: `.legible.json` (and its schema extensions) and the decisions folders.
 * Discovery's look-ups, and the listing of the folders it may find, start beside the
 * configuration's read, not after it: on vscode.workspace.fs
 * (the web worker host, a remote) each is a round trip, and the first diagnostics wait for them.
 * When `.legible.json` names its folders, the look-ups already made of those are used, the others
 * are left unused. The records of the listed folders are read ahead too (read-ahead.ts). A first
 * load (`first`) with the last session's hints reads `.legible.json` without a look and the
 * records that load read before any listing: each of its two steps then costs one round trip, not two.
 */
export async function loadFolders(options: LiveWorkspaceOptions, settings: LiveSettings, log: LiveLog, first = false): Promise<LoadedFolders> {
  const { fs, root, name } = options;
  const ahead = new ReadAheadPort(fs);
  const hints = first ? validHints(options.hints?.read(), root) : undefined;
  if (hints) ahead.hinted(hints.records);
  const lookup = folderLookup(fs, root, (folder, entries) => ahead.listed(folder, entries));
  lookup.prefetch(settings.folders);
  const loaded = await loadConfig(fs, root, { trusted: options.trusted?.() ?? true, regexEngine: options.regexEngine, seenAsFile: hints?.configFile });
  options.trace?.('config');
  const config: ResolvedConfig = {
    ...loaded.config,
    folders: loaded.config.folders.length ? loaded.config.folders : (settings.folders ?? []),
    severities: { ...loaded.config.severities, ...settings.severities },
  };
  for (const problem of loaded.problems) log.warn(`${name}: ${problem.message}`);
  const linksOut: string[] = [];
  const folders = await discoverFolders(fs, root, config, {
    lookup,
    onLinkOutside: (link) => {
      linksOut.push(link);
      log.warn(`${name}: ${link} is a symbolic link that leads outside the workspace folder: the decisions folders through it are not read.`);
    },
  });
  // The folders `.legible.json` names (else the front-end's settings), as `legible lint` checks them.
  const where = loaded.config.folders.length ? CONFIG_FILE : 'the folders setting';
  const folderProblems = configuredFolderProblems(root, config.folders, folders, linksOut).map((problem) => `${where}: ${problem}`);
  for (const problem of folderProblems) log.warn(`${name}: ${problem}`);
  options.trace?.('folders');
  const problems = [...loaded.problems.map((problem) => `${CONFIG_FILE}: ${problem.message}`), ...folderProblems];
  return { loaded, config, folders, problems, listing: (path) => lookup.listing(path), fs: ahead };
}

/** What this load found, for the next session's first load (see LoadHints): the first records it read. */
export function loadHints(root: string, loaded: LoadedConfig, records: readonly string[]): LoadHints {
  // Bytes were read: a regular file (an empty one has nothing worth a hint).
  return { configFile: loaded.found || loaded.sources[0].length > 0, records: records.slice(0, READ_AHEAD).map((path) => relativePath(root, path)) };
}

/**
 * The stored hints as absolute paths inside the folder, or undefined when they are not hints (the
 * store is the front-end's, and may hold anything an older version or a person put there).
 */
function validHints(stored: LoadHints | undefined, root: string): LoadHints | undefined {
  if (typeof stored !== 'object' || stored === null || !Array.isArray(stored.records)) return undefined;
  const records = stored.records
    .filter((relative): relative is string => typeof relative === 'string' && relative !== '' && !relative.startsWith('/'))
    .map((relative) => joinPath(root, relative))
    .filter((path) => isInside(root, path))
    .slice(0, READ_AHEAD);
  return { configFile: stored.configFile === true, records };
}
