import { gatherCodeFacts, type CodeFacts, type CodeInput } from '../../core/code/code-facts';
import type { LintCache } from '../scan/lint-cache';
import type { DecisionIndex } from '../../core/index/decision-index';
import { re2RegexEngine } from '../../node/re2-regex-engine';
import { displayPath, type CliContext } from '../context';
import { joinPath } from '../../core/port/paths';
import type { OpenedWorkspace } from '../open-workspace';
import { workspaceFiles as listWorkspaceFiles, type WorkspaceFiles } from '../../node/workspace-files';
import { gitCitationSearch } from './git-citation-search';

/** One listing per opened workspace: `lint` asks for it for the code and for the history alike. */
const listings = new WeakMap<OpenedWorkspace, Promise<WorkspaceFiles>>();

/** The workspace's files (git's tracked files, else a walk), listed once per opened workspace. */
export function workspaceListing(opened: OpenedWorkspace, context: CliContext): Promise<WorkspaceFiles> {
  let listing = listings.get(opened);
  if (!listing) {
    listing = listWorkspaceFiles(opened.fs, opened.root, context.env).then((listed) => {
      if (!listed.complete) context.warn(`${displayPath(context.cwd, opened.root)} holds more than ${listed.files.length} files and is no git repository: only the first ${listed.files.length} are matched against governs and scanned for citations.`);
      return listed;
    });
    listings.set(opened, listing);
  }
  return listing;
}

/** The workspace's files (git's tracked files, else a walk), with a warning when the walk stopped at its bound. */
export async function workspaceFiles(opened: OpenedWorkspace, context: CliContext): Promise<readonly string[]> {
  return (await workspaceListing(opened, context)).files;
}

export interface CodeScanOptions {
  /** Files to scan for citations (repository-relative); default every code file; `[]` none. */
  readonly scan?: readonly string[];
  /**
   * `lint --cache`: in a git repository, a code file unchanged since the tree of the last run is
   * not searched again; elsewhere, one with the same size and modification time is not read again.
   */
  readonly cache?: LintCache;
}

function cacheHooks(opened: OpenedWorkspace, cache: LintCache): Pick<CodeInput, 'cached' | 'fresh'> {
  const stats = new Map<string, { size: number; mtime: number }>();
  return {
    async cached(path, forms) {
      const found = await opened.fs.stat(joinPath(opened.root, path)).catch(() => undefined);
      if (found?.kind !== 'file') return undefined;
      stats.set(path, found);
      return cache.getCode(path, found.size, found.mtime, forms);
    },
    fresh(path, forms, citations) {
      const found = stats.get(path);
      if (found) cache.setCode(path, found.size, found.mtime, forms, citations);
    },
  };
}

/** `governs` matched and code scanned for `lint` and `explain`, with the CLI's file system and RE2. */
export async function scanCode(opened: OpenedWorkspace, index: DecisionIndex, context: CliContext, options: CodeScanOptions = {}): Promise<CodeFacts> {
  const listing = await workspaceListing(opened, context);
  const facts = await gatherCodeFacts({
    index,
    config: opened.loaded.config,
    root: opened.root,
    tracked: listing.files,
    folders: opened.folders,
    fs: opened.fs,
    regexEngine: re2RegexEngine,
    scan: options.scan,
    // When git listed the files, git grep finds the lines that may cite a record: no file is read
    // here. Not when they were walked (no git, or a workspace git ignores): git grep searches only
    // what git tracks, and would find nothing in them.
    search: listing.tracked === true ? gitCitationSearch({ root: opened.root, folders: opened.folders, env: context.env }, options.cache) : undefined,
    ...(options.cache && cacheHooks(opened, options.cache)),
  });
  options.cache?.retainCode(new Set(facts.files));
  for (const [path, found] of facts.citations) {
    if (found.total > found.citations.length) context.warn(`${displayPath(context.cwd, joinPath(opened.root, path))} cites records ${found.total} times; only the first ${found.citations.length} citations are checked.`);
  }
  return facts;
}
