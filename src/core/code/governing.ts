import type { DecisionEntry } from '../index/decision-entry';
import type { DecisionIndex } from '../index/decision-index';
import type { GovernsIndex } from './governs-index';
import type { RegexEngine } from '../port/regex-engine';
import { compileRepositoryGlob, listMatches, PathParts, type RepositoryGlob } from './repository-globs';
import { parseDecisionDocument } from '../document/decision-document';
import type { DecisionWorkspace } from '../workspace/decision-workspace';

/**
 * The one thing `affected` asks about code: which decisions govern a file. `lint` and `explain`
 * use the GovernsIndex (one pass over every tracked file); `affected` asks about the few files a
 * change touches, through `globGoverningLookup` below, which reads globs the same way.
 */
export interface GoverningLookup {
  /** The decisions whose `governs` globs match `path` (repository-relative, `/`-separated). */
  governing(path: string): readonly DecisionEntry[];
}

/** The `governs` globs an entry carries; undefined when it has none. */
export function entryGoverns(entry: DecisionEntry): readonly string[] | undefined {
  // The index entry's `governs` (GlobRef: the glob and where it is written); plain texts too, as
  // entries built by hand (tests) give them.
  const governs = entry.governs as ReadonlyArray<{ readonly glob: string } | string> | undefined;
  return governs?.length ? governs.map((ref) => (typeof ref === 'string' ? ref : ref.glob)) : undefined;
}

/** The `governs` list of a record's frontmatter data, when it is a list of texts. */
export function frontmatterGoverns(data: Record<string, unknown> | undefined): readonly string[] | undefined {
  const governs = data?.governs;
  if (typeof governs === 'string') return [governs];
  return Array.isArray(governs) ? governs.filter((glob): glob is string => typeof glob === 'string') : undefined;
}

/**
 * The lookup for the few hundred paths of a pull request: each decision's `governs` compiled once
 * by the same reader as the GovernsIndex's (core/code/repository-globs.ts: .gitignore's rules, the
 * last matching glob decides, `!` excludes, a glob never followed when absolute or holding `..`),
 * so `affected` and `lint` agree on what a decision governs. Linear in decisions × globs per path.
 */
export function globGoverningLookup(entries: Iterable<DecisionEntry>, globsOf: (entry: DecisionEntry) => readonly string[] | undefined = entryGoverns, engine?: RegexEngine): GoverningLookup {
  const compiled: Array<{ entry: DecisionEntry; globs: readonly RepositoryGlob[] }> = [];
  for (const entry of entries) {
    const globs = (globsOf(entry) ?? []).flatMap((glob) => {
      const result = compileRepositoryGlob(glob, engine);
      return 'glob' in result ? [result.glob] : [];
    });
    if (globs.length) compiled.push({ entry, globs });
  }
  return {
    governing(path) {
      const parts = new PathParts(path);
      return compiled.filter(({ globs }) => listMatches(globs, parts)).map(({ entry }) => entry);
    },
  };
}

/**
 * The lookup on a GovernsIndex (`affected`, which also needs the index for the evidence): a path
 * it has not matched is matched alone, the index left as it was (a changed path may be deleted or
 * renamed away), and its globs are compiled once.
 */
export function governsIndexLookup(governs: GovernsIndex, index: Pick<DecisionIndex, 'get'>): GoverningLookup {
  return {
    governing: (path) => governs.governingAlone(path).flatMap((record) => index.get(record) ?? []),
  };
}

/**
 * INTERIM, until the GovernsIndex fills the index entries: each record's `governs` read again from
 * its frontmatter (the index keeps no frontmatter data). One frontmatter parse per record, no
 * Markdown parse. Records without `governs` are left out.
 */
export async function governsFromRecords(workspace: DecisionWorkspace): Promise<Map<string, readonly string[]>> {
  const out = new Map<string, readonly string[]>();
  for (const entry of workspace.index.entries()) {
    const indexed = entryGoverns(entry);
    if (indexed) out.set(entry.path, indexed);
    // The index reads `governs` now (GlobRef): a record without it has none; a legacy one neither.
    if (indexed || entry.legacy || entry.governs) continue;
    const read = await workspace.read(entry.path);
    const governs = frontmatterGoverns(parseDecisionDocument(entry.path, read.text, workspace.options.config.limits, read.problem).data);
    if (governs?.length) out.set(entry.path, governs);
  }
  return out;
}
