import { walkFiles } from '../core/code/walk-files';
import type { FileSystemPort } from '../core/port/file-system';
import { relativePath } from '../core/port/paths';
import type { RepositoryPort } from '../core/port/repository';
import { NodeGitRepository } from './git-repository';
import { findRepository } from './repository';

/** The files `governs` is matched against, and whether the list is whole. */
export interface WorkspaceFiles {
  /** Relative to the workspace root, '/'-separated. */
  readonly files: readonly string[];
  /** False when a walk stopped at its bound (no git to ask): later files are not listed. */
  readonly complete: boolean;
}

/**
 * The files of the workspace as git tracks them, relative to the workspace root (which may lie
 * below the repository's: a monorepo's `.legible.json`); without git, or outside a repository, the
 * files a walk finds (no links followed, dependencies and build output left out). Shared by the
 * CLI's lint and explain and by the MCP server, so they agree on what a decision governs.
 */
export async function workspaceFiles(fs: FileSystemPort, root: string, env: NodeJS.ProcessEnv): Promise<WorkspaceFiles> {
  const repository = await findRepository(root);
  if (repository) {
    const tracked = await trackedBelow(new NodeGitRepository(repository.root, env), relativePath(repository.root, root));
    if (tracked) return { files: tracked, complete: true };
  }
  return walkFiles(fs, root);
}

/** The repository's tracked files (repository-relative) below `folder`, relative to it. */
async function trackedBelow(repository: RepositoryPort, folder: string): Promise<readonly string[] | undefined> {
  const tracked = await repository.trackedFiles();
  if (!tracked || folder === '.') return tracked;
  const prefix = `${folder}/`;
  return tracked.filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length));
}
