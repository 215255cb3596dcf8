import type { HistoryReader, HistorySnapshot } from '../core/live/live-evidence';
import { relativePath } from '../core/port/paths';
import { readHistory, type ReadHistory } from './git-history';
import { historyRepository } from './tracked-files';
import { toPortable } from './portable-path';

/** Where a folder's history comes from: its repository, found again on each read. */
export interface HistorySource {
  readonly read: HistoryReader;
  /** Git's own folder of the repository last read (to watch HEAD move); undefined before or without one. */
  gitDir(): string | undefined;
}

/**
 * The editor's history reader for a folder on disk: the repository holding the folder is looked
 * up on each read (a `git init` or a clone inside the folder is seen on the next one), and the
 * history read before is handed back to update only while it is the same repository's.
 */
export function historySource(folder: string, env: NodeJS.ProcessEnv = process.env): HistorySource {
  let repository: { root: string; gitDir?: string } | undefined;
  const read: HistoryReader = async (request) => {
    const found = await historyRepository(toPortable(folder), env);
    if ('problem' in found) {
      repository = undefined;
      return found;
    }
    const same = repository?.root === found.root;
    repository = found;
    const previous = same ? (request.previous as ReadHistory | undefined) : undefined;
    const result = await readHistory({ root: found.root, windowStart: request.windowStart, maxFilesPerCommit: request.maxFilesPerCommit, previous, env });
    if ('problem' in result) return { problem: result.problem };
    const prefix = relativePath(found.root, toPortable(folder));
    return { ...result, prefix: prefix === '.' || prefix === '' ? '' : `${prefix}/` } satisfies HistorySnapshot;
  };
  return { read, gitDir: () => repository?.gitDir };
}
