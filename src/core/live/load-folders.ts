import type { ResolvedConfig } from '../config/config';
import type { DirectoryEntry } from '../port/file-system';
import { CONFIG_FILE, loadConfig, type LoadedConfig } from '../workspace/load-config';
import { configuredFolderProblems } from '../workspace/folder-problems';
import { discoverFolders, folderLookup } from '../workspace/discover-folders';
import type { LiveLog, LiveSettings, LiveWorkspaceOptions } from './live-options';
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
 * are left unused. The records of the listed folders are read ahead too (read-ahead.ts).
 */
export async function loadFolders(options: LiveWorkspaceOptions, settings: LiveSettings, log: LiveLog): Promise<LoadedFolders> {
  const { fs, root, name } = options;
  const ahead = new ReadAheadPort(fs);
  const lookup = folderLookup(fs, root, (folder, entries) => ahead.listed(folder, entries));
  lookup.prefetch(settings.folders);
  const loaded = await loadConfig(fs, root, { trusted: options.trusted?.() ?? true, regexEngine: options.regexEngine });
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
