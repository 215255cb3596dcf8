import { lstatSync } from 'node:fs';
import { citationsInLines, type CitationForms, type FileCitations } from '../../core/code/citations';
import type { CodeSearch } from '../../core/code/code-facts';
import { MAX_CODE_FILE_BYTES } from '../../core/code/code-files';
import { joinPath, relativePath } from '../../core/port/paths';
import { GitCodeSearch } from '../../node/git-code-search';
import type { GrepFile } from '../../node/git-grep-lines';
import { LintCache } from '../scan/lint-cache';

/**
 * git grep's bounds: its output is read as it streams and only the matching lines of files up to
 * 1 MB are kept, so the bound on all it prints can be high; a minute is far above what a large
 * repository takes.
 */
const GREP_BOUNDS = { maxFileBytes: MAX_CODE_FILE_BYTES, maxBytes: 1024 * 1024 * 1024, timeoutMs: 60_000 };

/** The workspace searched: its root and decisions folders (absolute), git's environment. */
export interface SearchedWorkspace {
  readonly root: string;
  readonly folders: readonly string[];
  readonly env: NodeJS.ProcessEnv;
}

/**
 * The citation scan of `lint` in a git repository: one `git grep` for the citation forms' line
 * pattern finds every line that may cite a record (git reads the files, on every core), and the
 * core's scan reads those lines alone (`citationsInLines`), so what counts as a citation, and where
 * it is, is decided by the one grammar as when a file is read whole. A file over 1 MB is left out
 * after an lstat; git leaves out binary files.
 *
 * With `--cache`, the results are kept by HEAD's tree: a later run greps only the files that
 * changed since that tree (commits, staged and unstaged changes), and those that were changed
 * then. Undefined outside a git repository, or when git fails: the files are then read one by one.
 */
export function gitCitationSearch(opened: SearchedWorkspace, cache?: LintCache): (forms: CitationForms, files: readonly string[]) => Promise<CodeSearch | undefined> {
  return async (forms, files) => {
    const search = await GitCodeSearch.at(opened.root, opened.env);
    if (!search) return undefined;
    const exclude = opened.folders.map((folder) => relativePath(opened.root, folder)).filter((folder) => folder !== '.' && folder !== '' && !folder.startsWith('../'));
    const wanted = new Set(files);
    const key = LintCache.key([forms.key, ...[...exclude].sort()]);
    const tree = cache && (await search.headTree());
    // What the work tree changes now, against HEAD: kept as the next run's `dirty`.
    const dirtyNow = tree === undefined ? undefined : search.changed(tree);
    const prior = cache?.getCodeTree(key);
    const kept = new Map<string, FileCitations>();
    let paths: string[] | undefined;
    if (prior && tree !== undefined) {
      const [moved, dirty] = await Promise.all([prior.tree === tree ? [] : search.changed(prior.tree, tree), dirtyNow]);
      if (moved && dirty) {
        const stale = new Set([...moved, ...dirty, ...prior.dirty]);
        paths = files.filter((path) => stale.has(path));
        for (const path of Object.keys(prior.citations)) if (wanted.has(path) && !stale.has(path)) kept.set(path, prior.citations[path]);
      }
    }
    const grepped = await search.grep(forms.linePattern, { exclude, paths, bounds: GREP_BOUNDS });
    if (!grepped) return undefined;
    const { found, skipped } = readHits(grepped, opened.root, wanted, forms);
    const citations = new Map<string, FileCitations>();
    for (const path of files) {
      const cited = found.get(path) ?? kept.get(path);
      if (cited) citations.set(path, cited);
    }
    const dirty = await dirtyNow;
    if (cache && tree !== undefined && dirty) cache.setCodeTree({ key, tree, dirty, citations: Object.fromEntries(citations) });
    return { citations, skipped };
  };
}

/**
 * The citations of the files git grep found lines in, after an lstat leaves out those over 1 MB.
 * A plain lstat, not the confined port's (which resolves each folder's real path: seconds for a few
 * thousand files): git read these files already, and only their size is looked at.
 */
function readHits(grepped: ReadonlyMap<string, GrepFile>, root: string, wanted: ReadonlySet<string>, forms: CitationForms): { found: Map<string, FileCitations>; skipped: CodeSearch['skipped'] } {
  const skipped = { large: 0, binary: 0, unreadable: 0 };
  const found = new Map<string, FileCitations>();
  for (const [path, file] of grepped) {
    if (!wanted.has(path)) continue;
    if ('large' in file) {
      skipped.large++;
      continue;
    }
    const size = sizeOf(joinPath(root, path));
    if (size === undefined) skipped.unreadable++;
    else if (size > MAX_CODE_FILE_BYTES) skipped.large++;
    else {
      const cited = citationsInLines(file.lines, forms);
      if (cited.total) found.set(path, cited);
    }
  }
  return { found, skipped };
}

/** A regular file's size; undefined for anything else (a link, a folder) or a file gone since. */
function sizeOf(path: string): number | undefined {
  try {
    const stat = lstatSync(path);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}
