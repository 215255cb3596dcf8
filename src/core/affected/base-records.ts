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
  const removed = removedPaths(changed);
  const files: string[] = [];
  for (const folder of folders) {
    if (!isInside(repoRoot, folder)) continue;
    const relative = relativePath(repoRoot, folder);
    const listed = await repository.filesAt(ref, relative === '' || relative === '.' ? undefined : relative);
    if (listed === undefined) return undefined;
    for (const path of listed) if (!removed.has(path)) files.push(joinPath(repoRoot, path));
  }
  return { ref, files: [...new Set(files)], added: new Set(addedPaths(changed).map((path) => joinPath(repoRoot, path))) };
}
