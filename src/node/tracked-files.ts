import { relativePath } from '../core/port/paths';
import { NodeGitRepository } from './git-repository';
import { findRepository, type Repository } from './repository';

/**
 * The files git tracks below `folder` (absolute, '/'-separated), relative to it: the code files
 * `governs` and citations are about, for the CLI and the editor alike. The folder may lie below the
 * repository's root (a monorepo's `.legible.json`, a workspace folder inside a repository).
 * Undefined without git, outside a repository, or when git cannot answer; empty when git tracks
 * nothing there (an ignored or new folder). Either way the caller walks the folder instead.
 */
export async function trackedFilesBelow(folder: string, env: NodeJS.ProcessEnv = process.env): Promise<readonly string[] | undefined> {
  return below(folder, env, (repository) => repository.trackedFiles());
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
 * Of files and folders (relative to `folder`) that appeared after `workingFilesBelow` listed it,
 * the files it would list now, at or below them: the editor adds a file the user creates, not one
 * git ignores (a log, a local build). Undefined when git cannot answer: the caller keeps them all.
 */
export async function workingFilesAt(folder: string, paths: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<readonly string[] | undefined> {
  if (!paths.length) return [];
  return below(folder, env, (repository, prefix) => repository.workingFilesAt(paths.map((path) => prefix + path)));
}

/**
 * Of paths below `folder` (relative to it), the files there that git ignores: a log or a local
 * build, which no decision governs. Undefined when git cannot answer.
 */
export async function ignoredFilesAt(folder: string, paths: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<readonly string[] | undefined> {
  if (!paths.length) return [];
  return below(folder, env, (repository, prefix) => repository.ignoredFilesAt(paths.map((path) => prefix + path)));
}

/** `list` asked of the repository holding `folder`, its paths made relative to `folder` (`prefix`: the folder's own, from the root). */
async function below(folder: string, env: NodeJS.ProcessEnv, list: (repository: NodeGitRepository, prefix: string) => Promise<readonly string[] | undefined>): Promise<readonly string[] | undefined> {
  const repository = await findRepository(folder);
  if (!repository) return undefined;
  const relative = relativePath(repository.root, folder);
  const prefix = relative === '.' || relative === '' ? '' : `${relative}/`;
  const files = await list(new NodeGitRepository(repository.root, env), prefix);
  if (!files || !prefix) return files;
  return files.filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length));
}

/**
 * The repository whose history is the folder's: the one holding it, unless the folder lies below
 * its root and it tracks no file there (an ignored or untracked folder: a cache, a build output,
 * a checkout of something else). That repository's history says nothing about the folder's code or
 * people, so the evidence says why it has none instead of reading it. `tracksFolder`: asked only
 * below the root, whether the caller's own listing of the folder found tracked files there
 * (`trackedFilesBelow` listed some) or that git tracks none there (it listed none), so git need
 * not list them again; undefined when the listing cannot tell (no git answered it).
 */
export async function historyRepository(folder: string, env: NodeJS.ProcessEnv = process.env, tracksFolder?: () => Promise<boolean | undefined>): Promise<Repository | { readonly problem: string }> {
  const repository = await findRepository(folder);
  if (!repository) return { problem: 'the workspace is not in a git repository' };
  const relative = relativePath(repository.root, folder);
  if (relative === '.' || relative === '') return repository;
  const untracked = { problem: `the git repository at ${repository.root} tracks no file in the workspace (an ignored or untracked folder)` };
  const known = await tracksFolder?.();
  if (known !== undefined) return known ? repository : untracked;
  const tracked = await new NodeGitRepository(repository.root, env).trackedFiles();
  const prefix = `${relative}/`;
  return tracked && !tracked.some((path) => path.startsWith(prefix)) ? untracked : repository;
}
