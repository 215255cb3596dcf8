import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isInside, joinPath } from '../core/port/paths';
import { discoverFolders, USUAL_FOLDERS } from '../core/workspace/discover-folders';
import { DecisionWorkspace } from '../core/workspace/decision-workspace';
import { CONFIG_FILE, loadConfig, type LoadedConfig } from '../core/workspace/load-config';
import { UsageError } from './args';
import { displayPath, toPortable, type CliContext } from './context';
import { NodeFileSystem } from './node-file-system';

export interface OpenedWorkspace {
  readonly fs: NodeFileSystem;
  /** Absolute, '/'-separated. */
  readonly root: string;
  readonly loaded: LoadedConfig;
  /** The configured or discovered decisions folders that exist, absolute. */
  readonly folders: readonly string[];
}

/**
 * The workspace root is the nearest folder, from the current one upwards, that holds `.legible.json`
 * or `.git`; without either, the current folder. So `legible` behaves the same from any
 * subfolder of a checkout, and never reads a configuration from above the repository.
 */
export async function findRoot(fs: NodeFileSystem, cwd: string): Promise<string> {
  for (let dir = cwd; ; ) {
    if ((await fs.stat(joinPath(dir, CONFIG_FILE))) || (await fs.stat(joinPath(dir, '.git')))) return dir;
    const parent = toPortable(dirname(dir));
    if (parent === dir) return cwd;
    dir = parent;
  }
}

/**
 * Loads `.legible.json` (the CLI runs on the user's own checkout, so it is trusted) and finds the
 * decisions folders. Configuration problems are warnings: a broken file must not stop a CI run.
 */
export async function openWorkspace(context: CliContext): Promise<OpenedWorkspace> {
  const fs = new NodeFileSystem();
  const root = await findRoot(fs, context.cwd);
  const loaded = await loadConfig(fs, root, { trusted: true });
  const where = displayPath(context.cwd, joinPath(root, CONFIG_FILE));
  for (const problem of loaded.problems) context.warn(`${where}: ${problem.message}`);
  const folders = await discoverFolders(fs, root, loaded.config);
  for (const configured of loaded.config.folders) {
    const folder = joinPath(root, configured);
    if (!isInside(root, folder)) context.warn(`${where}: the folder ${configured} lies outside the workspace; ignored.`);
    else if (!folders.includes(folder)) context.warn(`${where}: the folder ${configured} does not exist.`);
  }
  return { fs, root, loaded, folders };
}

/** The folders to work on when the user named none; none at all is a usage error, not a silent pass. */
export function requireFolders(opened: OpenedWorkspace, context: CliContext, command: string): readonly string[] {
  if (opened.folders.length) return opened.folders;
  const looked = opened.loaded.config.folders.length ? opened.loaded.config.folders : ['.adr-dir', '.log4brains.yml', ...USUAL_FOLDERS];
  throw new UsageError(`no decisions folder found in ${displayPath(context.cwd, opened.root)} (looked for ${looked.join(', ')}); name one ('legible ${command} docs/adr') or set "folders" in ${CONFIG_FILE}`);
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

/** A workspace over the given folders, every file read and linted, ready for findings() and index. */
export async function scanWorkspace(opened: OpenedWorkspace, folders: readonly string[], today: string, extraFiles: readonly string[] = []): Promise<DecisionWorkspace> {
  const workspace = new DecisionWorkspace({ fs: opened.fs, root: opened.root, folders, config: opened.loaded.config, validator: opened.loaded.validator, today });
  const files = [...new Set([...(await workspace.listFiles()), ...extraFiles])].sort();
  await workspace.scan(files);
  return workspace;
}
