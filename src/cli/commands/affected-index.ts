import { legacyOptionsAt } from '../../core/config/folder-settings';
import { parseDecisionDocument } from '../../core/document/decision-document';
import { buildEntry } from '../../core/index/build-entry';
import { DecisionWorkspace } from '../../core/workspace/decision-workspace';
import type { FileSystemPort } from '../../core/port/file-system';
import type { LintCache } from '../scan/lint-cache';
import type { OpenedWorkspace } from '../open-workspace';

/** What the index needs of an opened workspace (any file-system port: tests give an in-memory one). */
export type RecordsToIndex = Pick<OpenedWorkspace, 'root' | 'loaded' | 'folders'> & { readonly fs: FileSystemPort };

/** Records parsed between two turns of the event loop: git's output pipes are drained in between. */
const BATCH = 4;

/**
 * The decisions folders' records as index entries, and nothing else: each file's frontmatter
 * parsed into its entry (as `DecisionWorkspace.updateFrontmatter` builds it), no rule run, on this
 * thread. `affected` reads the entries alone, and meanwhile git works on the diff and the history
 * in processes of their own: a lint's findings and worker threads would only compete with them.
 * In path order, as a scan without workers indexes them. With `cache` (`lint --cache`'s), a record
 * whose size and modification time are unchanged keeps the entry that lint built; nothing is
 * written to the cache (an entry without its findings is not a lint's result).
 */
export async function indexRecords(opened: RecordsToIndex, today: string, cache?: LintCache): Promise<DecisionWorkspace> {
  const workspace = new DecisionWorkspace({ fs: opened.fs, root: opened.root, folders: opened.folders, config: opened.loaded.config, validator: opened.loaded.validator, today });
  const { config } = opened.loaded;
  const files = [...new Set(await workspace.listFiles())].sort();
  for (let i = 0; i < files.length; i++) {
    const path = files[i];
    const found = cache && (await opened.fs.stat(path).catch(() => undefined));
    const cached = found ? cache.get(path, found.size, found.mtime, false) : undefined;
    if (cached) workspace.index.set(cached.entry);
    else {
      const read = await workspace.read(path);
      const folder = workspace.folderOf(path) ?? path.slice(0, path.lastIndexOf('/'));
      const doc = parseDecisionDocument(path, read.text, config.limits, read.problem, legacyOptionsAt(config, opened.root, folder));
      workspace.index.set(buildEntry(doc, folder, config.placeholder));
    }
    // Blocking reads resolve as microtasks: without a turn of the event loop, a git process
    // writing more than a pipe holds (the history) would wait for the whole index.
    if (i % BATCH === BATCH - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  return workspace;
}
