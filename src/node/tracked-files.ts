import { relativePath } from '../core/port/paths';
import { NodeGitRepository } from './git-repository';
import { findRepository } from './repository';

/**
 * The files git tracks below `folder` (absolute, '/'-separated), relative to it: the code files
 * `governs` and citations are about, for the CLI and the editor alike. The folder may lie below the
 * repository's root (a monorepo's `.legible.json`, a workspace folder inside a repository).
 * Undefined without git, outside a repository, when git cannot answer or lists nothing there: the
 * caller walks the folder instead.
 */
export async function trackedFilesBelow(folder: string, env: NodeJS.ProcessEnv = process.env): Promise<readonly string[] | undefined> {
  return listing(await below(folder, env, (repository) => repository.trackedFiles()));
}

/**
 * No file at all: git knows nothing of the folder (it lies in an ignored folder of the repository
 * above it, or is new and empty): a walk of the folder lists what is there instead.
 */
function listing(files: readonly string[] | undefined): readonly string[] | undefined {
  return files?.length ? files : undefined;
}

/**
 * The same with the untracked files git does not ignore: the editor's code list, where a file just
 * written is governed before it is `git add`ed.
 */
export async function workingFilesBelow(folder: string, env: NodeJS.ProcessEnv = process.env): Promise<readonly string[] | undefined> {
  return listing(await below(folder, env, (repository) => repository.workingFiles()));
}

/**
 * The tracked files below `folder` (relative to it) holding a line that matches `pattern` (POSIX
 * extended, case ignored), found by `git grep`: the files a citation scan needs to read. Undefined
 * when git cannot tell (the caller reads every file).
 */
export async function filesMatchingBelow(folder: string, pattern: string, env: NodeJS.ProcessEnv = process.env): Promise<readonly string[] | undefined> {
  return below(folder, env, (repository) => repository.filesMatching(pattern));
}

async function below(folder: string, env: NodeJS.ProcessEnv, list: (repository: NodeGitRepository) => Promise<readonly string[] | undefined>): Promise<readonly string[] | undefined> {
  const repository = await findRepository(folder);
  if (!repository) return undefined;
  const files = await list(new NodeGitRepository(repository.root, env));
  const relative = relativePath(repository.root, folder);
  if (!files || relative === '.' || relative === '') return files;
  const prefix = `${relative}/`;
  return files.filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length));
}
