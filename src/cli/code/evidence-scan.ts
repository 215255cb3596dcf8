import { Evidence } from '../../core/evidence/evidence';
import { relativePath } from '../../core/port/paths';
import type { LintCache } from '../scan/lint-cache';
import { readHistory, type ReadHistory } from '../../node/git-history';
import { historyRepository } from '../../node/tracked-files';
import type { CliContext } from '../context';
import { workspaceListing } from './code-scan';
import { forgetOtherHistories, historyCacheFile, historyShape } from './history-cache';
import type { OpenedWorkspace } from '../open-workspace';

export interface ReadEvidence {
  readonly evidence: Evidence;
  readonly read: ReadHistory;
  /** Lines for the reader: a shallow clone, a skipped `.mailmap` line, commits too large to attribute. */
  readonly notes: readonly string[];
}

export interface EvidenceOptions {
  /** With `--cache`: the history is kept beside the lint cache and brought up to HEAD on the next run. */
  readonly cache?: LintCache;
  /** Stops the history read: the answer is then a problem. */
  readonly signal?: AbortSignal;
  /** False when the caller uses no count of lines (`affected`): git reads no file's content. */
  readonly lines?: boolean;
  /** The commit the history ends at (`affected --head`); default HEAD. */
  readonly at?: string;
}

/**
 * The evidence of the workspace's repository: its history read once, joined with `people` and
 * seen from `today`. Undefined with why when there is no history to read (no git, no repository,
 * `signal` aborted).
 */
export async function readEvidence(opened: OpenedWorkspace, context: CliContext, today: string, { cache, signal, lines, at }: EvidenceOptions = {}): Promise<ReadEvidence | { readonly problem: string }> {
  // The code list of the same run tells whether git tracks files in the workspace, when that must be asked.
  const repository = await historyRepository(opened.root, context.env, async () => (await workspaceListing(opened, context)).tracked);
  if ('problem' in repository) return repository;
  const settings = opened.loaded.config.people;
  const cacheFile = cache && historyCacheFile(cache.location, await historyShape(repository));
  const result = await readHistory({
    root: repository.root,
    windowStart: Evidence.windowStart(settings, today),
    maxFilesPerCommit: settings.evidence.maxFilesPerCommit,
    env: context.env,
    cacheFile,
    signal,
    lines,
    ref: at,
  });
  if ('problem' in result) return { problem: result.problem };
  // Read afresh (and so written, when lines were counted): the other shapes' histories are stale.
  if (cache && cacheFile && result.how === 'full' && lines !== false) await forgetOtherHistories(cache.location, cacheFile);
  const folder = relativePath(repository.root, opened.root);
  const evidence = new Evidence(result.history, settings, today, folder === '.' || folder === '' ? '' : `${folder}/`);
  const notes = [...result.notes];
  const skipped = result.history.skipped;
  if (skipped.length) {
    const shown = skipped.slice(0, 5).map((commit) => `${commit.hash.slice(0, 10)} (${commit.files} files)`);
    notes.push(
      `${skipped.length === 1 ? '1 commit touches' : `${skipped.length} commits touch`} more than evidence.maxFilesPerCommit (${settings.evidence.maxFilesPerCommit}) files and ${skipped.length === 1 ? 'is' : 'are'} counted, not attributed: ${shown.join(', ')}${skipped.length > 5 ? ', …' : ''}.`,
    );
  }
  return { evidence, read: result, notes };
}
