import type { DecisionEntry } from '../index/decision-entry';
import { compileGlob } from '../config/glob';
import type { CompiledPattern, RegexEngine } from '../port/regex-engine';
import { parseDecisionDocument } from '../document/decision-document';
import type { DecisionWorkspace } from '../workspace/decision-workspace';

/**
 * SEAM — the one thing `affected` asks about code: which decisions govern a file. The `governs`
 * field and its GovernsIndex (compiled once, one pass over the file list, issue 15 item 1) are
 * built elsewhere; at the merge the GovernsIndex implements this interface and replaces
 * `globGoverningLookup` below, and nothing else in `affected` changes.
 */
export interface GoverningLookup {
  /** The decisions whose `governs` globs match `path` (repository-relative, `/`-separated). */
  governing(path: string): readonly DecisionEntry[];
}

/**
 * The `governs` globs an entry carries, when its index entry has them (read structurally: the
 * field belongs to the GovernsIndex work). Undefined when the entry has none.
 */
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

interface CompiledGlob {
  readonly exclude: boolean;
  readonly patterns: readonly CompiledPattern[];
}

/**
 * A glob of `governs`, gitignore-style: `!` excludes, a name without wildcards names a file or
 * the folder holding it (`src/billing` is also `src/billing/**`). One that is absolute, holds a
 * `..` segment or does not compile is skipped, never followed (the GovernsIndex's rules report it).
 */
function compile(glob: string, engine: RegexEngine | undefined): CompiledGlob | undefined {
  const exclude = glob.startsWith('!');
  const body = (exclude ? glob.slice(1) : glob).replace(/^\.\//, '').replace(/\/+$/, '');
  if (!body || body.startsWith('/') || /^[A-Za-z]:/.test(body) || body.split('/').includes('..')) return undefined;
  const patterns: CompiledPattern[] = [];
  // A bare name may be a folder: `src/billing` holds `src/billing/**` too. A glob is taken as written.
  for (const source of /[*?[\]{}()!+@]/.test(body) ? [body] : [body, `${body}/**`]) {
    const compiled = compileGlob(source, engine);
    if ('pattern' in compiled) patterns.push(compiled.pattern);
  }
  return patterns.length ? { exclude, patterns } : undefined;
}

/**
 * The trivial lookup until the GovernsIndex arrives: each decision's globs compiled once; a path
 * is governed by a decision when its last matching glob includes it (gitignore's rule). Linear in
 * decisions × globs per path: fine for the few hundred paths of a pull request. A glob with more
 * than one unbounded wildcard (`**` + `*.sql`) needs the linear-time `engine` (RE2), as `ignore`
 * does; without one it is skipped.
 */
export function globGoverningLookup(entries: Iterable<DecisionEntry>, globsOf: (entry: DecisionEntry) => readonly string[] | undefined = entryGoverns, engine?: RegexEngine): GoverningLookup {
  const compiled: Array<{ entry: DecisionEntry; globs: readonly CompiledGlob[] }> = [];
  for (const entry of entries) {
    const globs = (globsOf(entry) ?? []).map((glob) => compile(glob, engine)).filter((glob): glob is CompiledGlob => glob !== undefined);
    if (globs.length) compiled.push({ entry, globs });
  }
  return {
    governing(path) {
      const out: DecisionEntry[] = [];
      for (const { entry, globs } of compiled) {
        let governed = false;
        for (const glob of globs) if (glob.patterns.some((pattern) => pattern.test(path))) governed = !glob.exclude;
        if (governed) out.push(entry);
      }
      return out;
    },
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
