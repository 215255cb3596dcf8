import { dirname, isInside, joinPath, relativePath } from '../port/paths';
import type { ChangedFile, RepositoryPort } from '../port/repository';
import { recordNameOf } from '../numbering/record-name';
import type { BaseRecords } from '../rules/rule';

/**
 * The paths this branch added: new files, copies, and renames that give a record a new number or
 * folder (`0011-x.md` → `0012-x.md` takes 12; `0012-x.md` → `0012-y.md` keeps its number).
 */
export function addedPaths(changed: readonly ChangedFile[]): string[] {
  return changed
    .filter((file) => file.kind === 'added' || file.kind === 'copied' || (file.kind === 'renamed' && (file.from === undefined || dirname(file.from) !== dirname(file.path) || recordNameOf(file.from)?.number !== recordNameOf(file.path)?.number)))
    .map((file) => file.path);
}

/** The paths this branch takes away: deleted, or renamed from. After the merge they are gone. */
export function removedPaths(changed: readonly ChangedFile[]): Set<string> {
  return new Set(changed.flatMap((file) => (file.kind === 'deleted' ? [file.path] : file.kind === 'renamed' && file.from !== undefined ? [file.from] : [])));
}

/**
 * What the base-scoped rules compare with: the files at the tip of `ref` in each decisions folder
 * (one `filesAt` per folder), and what this branch added since the merge base (`changed`, from
 * `changedFiles`). `repoRoot` and `folders` are absolute; the port speaks repository-relative.
 * Undefined when git cannot list a folder at `ref`.
 */
export async function readBaseRecords(repository: RepositoryPort, ref: string, changed: readonly ChangedFile[], repoRoot: string, folders: readonly string[]): Promise<BaseRecords | undefined> {
  const listed = await listBaseFolders(repository, ref, repoRoot, folders);
  return listed && baseRecords(ref, listed, changed, repoRoot);
}

/**
 * The files at the tip of `ref` in each decisions folder, repository-relative (the folders listed
 * side by side): what `baseRecords` needs from git, which does not wait for the diff. Undefined
 * when git cannot list a folder at `ref`.
 */
export async function listBaseFolders(repository: RepositoryPort, ref: string, repoRoot: string, folders: readonly string[]): Promise<readonly string[] | undefined> {
  const listed = await Promise.all(
    folders
      .filter((folder) => isInside(repoRoot, folder))
      .map((folder) => {
        const relative = relativePath(repoRoot, folder);
        return repository.filesAt(ref, relative === '' || relative === '.' ? undefined : relative);
      }),
  );
  return listed.some((files) => files === undefined) ? undefined : listed.flatMap((files) => files!);
}

/** The base's records once this branch's removals are taken out (absolute), and what it added. */
export function baseRecords(ref: string, listed: readonly string[], changed: readonly ChangedFile[], repoRoot: string): BaseRecords {
  const removed = removedPaths(changed);
  const files = listed.filter((path) => !removed.has(path)).map((path) => joinPath(repoRoot, path));
  return { ref, files: [...new Set(files)], added: new Set(addedPaths(changed).map((path) => joinPath(repoRoot, path))) };
}
