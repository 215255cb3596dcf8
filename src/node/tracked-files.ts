import { relativePath } from '../core/port/paths';
import { NodeGitRepository } from './git-repository';
import { findRepository } from './repository';

/**
 * The files git tracks below `folder` (absolute, '/'-separated), relative to it: the code files
 * `governs` and citations are about, for the CLI and the editor alike. The folder may lie below the
 * repository's root (a monorepo's `.legible.json`, a workspace folder inside a repository).
 * Undefined without git, outside a repository, or when git cannot answer: the caller walks the
 * folder instead.
 */
export async function trackedFilesBelow(folder: string, env: NodeJS.ProcessEnv = process.env): Promise<readonly string[] | undefined> {
  const repository = await findRepository(folder);
  if (!repository) return undefined;
  const tracked = await new NodeGitRepository(repository.root, env).trackedFiles();
  const below = relativePath(repository.root, folder);
  if (!tracked || below === '.' || below === '') return tracked;
  const prefix = `${below}/`;
  return tracked.filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length));
}
