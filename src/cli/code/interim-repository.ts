import type { RepositoryPort } from '../../core/port/repository';
import { runGit } from '../../node/git-process';

/**
 * INTERIM, to be replaced at merge by the Node adapter of the repository port
 * (src/node/git-repository.ts, written on the `affected` branch): only `trackedFiles`, which the
 * code features need. `git ls-files -z` in the workspace root lists the tracked files below it,
 * relative to it, NUL-separated (no quoting of unusual names); its output is a list, so it gets a
 * bound of its own (64 MB, 30 s: some 500,000 paths), not runGit's 64 KB.
 */
const LS_FILES_BOUNDS = { maxOutputBytes: 64 * 1024 * 1024, timeoutMs: 30_000 };

export function interimRepository(workTree: string, env: NodeJS.ProcessEnv): RepositoryPort {
  return {
    async trackedFiles() {
      const out = await runGit(['ls-files', '-z'], workTree, env, LS_FILES_BOUNDS);
      return out === undefined ? undefined : out.split('\0').filter((path) => path !== '');
    },
    changedFiles: async () => undefined,
    filesAt: async () => undefined,
    textAt: async () => undefined,
  };
}
