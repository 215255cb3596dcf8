import { walkFiles } from '../core/code/walk-files';
import type { FileSystemPort } from '../core/port/file-system';
import { trackedFilesBelow } from './tracked-files';

/** The files `governs` is matched against, and whether the list is whole. */
export interface WorkspaceFiles {
  /** Relative to the workspace root, '/'-separated. */
  readonly files: readonly string[];
  /** False when a walk stopped at its bound (no git to ask): later files are not listed. */
  readonly complete: boolean;
  /**
   * True when git listed them: the repository tracks files in the workspace; false when git
   * answered that it tracks none there (the files are a walk's); absent when git could not be
   * asked (see historyRepository).
   */
  readonly tracked?: boolean;
}

/**
 * The files of the workspace as git tracks them, relative to the workspace root (which may lie
 * below the repository's: a monorepo's `.legible.json`); without git, or outside a repository, the
 * files a walk finds (no links followed, dependencies and build output left out). Shared by the
 * CLI's lint and explain and by the MCP server, so they agree on what a decision governs.
 */
export async function workspaceFiles(fs: FileSystemPort, root: string, env: NodeJS.ProcessEnv): Promise<WorkspaceFiles> {
  const tracked = await trackedFilesBelow(root, env);
  if (tracked?.length) return { files: tracked, complete: true, tracked: true };
  const walked = await walkFiles(fs, root);
  return tracked ? { ...walked, tracked: false } : walked;
}
