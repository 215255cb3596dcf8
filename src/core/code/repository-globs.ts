import picomatch from 'picomatch/posix';
import { compileGlob } from '../config/glob';
import type { CompiledPattern, RegexEngine } from '../port/regex-engine';

/**
 * One repository-relative glob of `governs` or `code.include`/`code.exclude`, read as .gitignore
 * reads a line: a glob without `/` (but a trailing one) matches a name at any depth; one with a `/`
 * is anchored at the repository root; a trailing `/` matches folders only; a matched folder
 * matches everything in it; a leading `!` excludes what earlier globs of the list matched.
 *
 * The glob is compiled segment by segment (`services`, `**`, `*.ts`), each segment through
 * config/glob.ts (picomatch; RE2 only for a segment that could backtrack, such as `*a*b*`), and
 * the segments are matched against a path's names by a small automaton where `**` takes any run
 * of names. So the usual globs (`services/**` + `/*.ts`) run on JavaScript's engine in linear time
 * and take no room in RE2's fixed heap, `!` is read here rather than compiled into lookahead, and
 * folders are matched on the way down instead of by wrapping the glob in more `**`.
 */
export interface RepositoryGlob {
  /** As written, `!` included. */
  readonly written: string;
  readonly exclude: boolean;
  /** Matched against each name (file and folders) when the glob has no inner `/`; else against paths. */
  readonly byName: boolean;
  readonly foldersOnly: boolean;
  /** One pattern per `/`-separated segment; `null` for `**`. */
  readonly segments: ReadonlyArray<CompiledPattern | null>;
  /** True when some segment runs on the linear-time engine (RE2), whose heap is bounded. */
  readonly usesEngine: boolean;
  /**
   * The first path segment every match starts with, when the glob fixes it (`services/**` →
   * `services`): lets one pass over 100,000 files test only the globs that can match a file.
   * Lower case (matching ignores case).
   */
  readonly firstSegment?: string;
  /**
   * The leading segments the glob writes literally (`services/payments` for
   * `services/payments/**` + `/*.ts`), lower case: every match lies at or below it.
   */
  readonly literalPrefix?: string;
  /**
   * What some name of every matching path must be, when the last segment fixes it: that name
   * (`README.md`), or its extension (`.go` for `*.go`), lower case. A match is that file or a
   * folder of that name above it, so a glob with no literal prefix (`**` + `/README.md`, `*.go`) is
   * tried only on paths holding such a name.
   */
  readonly lastName?: { readonly name: string } | { readonly extension: string };
}

export type GlobResult = { readonly glob: RepositoryGlob } | { readonly problem: string; readonly kind: 'escapes' | 'invalid' };

/**
 * Compiles one glob, or says why it is never followed: absolute (`/etc/**`, `C:/x`, `~/x`), with a
 * `..` segment (it would leave the repository, or mean something git never lists), or refused by
 * the glob compiler (too long, needs lookahead RE2 cannot run, backtracks without RE2).
 */
export function compileRepositoryGlob(written: string, engine?: RegexEngine): GlobResult {
  const exclude = written.startsWith('!');
  let glob = (exclude ? written.slice(1) : written).trim();
  if (glob === '') return { problem: 'is empty', kind: 'invalid' };
  const slashed = glob.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed) || slashed.startsWith('~')) return { problem: 'is absolute: a glob names files by their path in the repository (services/payments/**)', kind: 'escapes' };
  if (slashed.split('/').some((segment) => segment === '..')) return { problem: 'contains "..": a glob may not leave the repository', kind: 'escapes' };
  if (glob.length > 200) return { problem: 'is not used: longer than 200 characters', kind: 'invalid' };
  if (glob.startsWith('./')) glob = glob.slice(2);
  const foldersOnly = glob.endsWith('/');
  if (foldersOnly) glob = glob.replace(/\/+$/, '');
  if (glob === '' || glob.startsWith('!')) return { problem: 'names no file', kind: 'invalid' };
  const parts = glob.split('/').filter((part, i, all) => part !== '' || i === all.length - 1);
  if (parts.some((part) => count(part, '{') !== count(part, '}'))) return { problem: 'is not used: a {…} alternative may not hold a /; write one glob for each', kind: 'invalid' };
  const segments: Array<CompiledPattern | null> = [];
  let usesEngine = false;
  for (const part of parts) {
    if (part === '**') {
      if (segments[segments.length - 1] !== null) segments.push(null);
      continue;
    }
    const compiled = compileGlob(part, engine);
    if ('error' in compiled) return { problem: `is not used: ${compiled.error}`, kind: 'invalid' };
    usesEngine ||= !(compiled.pattern instanceof RegExp);
    segments.push(compiled.pattern);
  }
  const byName = parts.length === 1;
  const literals: string[] = [];
  if (!byName) for (const part of parts) {
    const word = literal(part);
    if (word === undefined) break;
    literals.push(word);
  }
  const last = parts[parts.length - 1];
  const lastWord = literal(last);
  const extension = /^\*(\.[A-Za-z0-9_-]+)$/.exec(last)?.[1];
  const lastName = lastWord !== undefined ? { name: lastWord } : extension !== undefined ? { extension: extension.toLowerCase() } : undefined;
  return { glob: { written, exclude, byName, foldersOnly, segments, usesEngine, firstSegment: literals[0], literalPrefix: literals.length ? literals.join('/') : undefined, lastName } };
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function literal(segment: string): string | undefined {
  return segment === '' || picomatch.scan(segment).isGlob ? undefined : segment.toLowerCase();
}

/**
 * The names of a path, split once per file and shared by every glob tested against it:
 * `a/b/c.ts` → `a`, `b`, `c.ts`.
 */
export class PathParts {
  readonly names: string[];
  readonly firstSegment: string;

  constructor(readonly path: string) {
    this.names = path.split('/');
    this.firstSegment = this.names[0].toLowerCase();
  }
}

/** True when the glob (its `!` aside) matches the file: itself, or a folder it lies in. */
export function globMatches(glob: RepositoryGlob, parts: PathParts): boolean {
  const { names } = parts;
  if (glob.byName) {
    const pattern = glob.segments[0];
    if (pattern === null) return !glob.foldersOnly || names.length > 1;
    for (let i = glob.foldersOnly ? names.length - 2 : names.length - 1; i >= 0; i--) if (pattern.test(names[i])) return true;
    return false;
  }
  if (glob.firstSegment !== undefined && glob.firstSegment !== parts.firstSegment) return false;
  const segments = glob.segments;
  const end = segments.length;
  if (end > MAX_MASK_SEGMENTS) return matchesByList(glob, names);
  // The automaton's states as bits (bit s: segment s may match the next name): a glob has at most
  // a few segments, and one integer per name allocates nothing, where a list per name did (most of
  // the time of matching 1,000 records' globs against 100,000 files).
  const done = 2 ** end;
  let states = closureMask(1, segments);
  for (let k = 0; k < names.length; k++) {
    let next = 0;
    for (let state = 0, bit = 1; state < end; state++, bit *= 2) {
      if (!(states & bit)) continue;
      const segment = segments[state];
      if (segment === null) next |= bit;
      else if (segment.test(names[k])) next |= bit * 2;
    }
    states = closureMask(next, segments);
    if (!states) return false;
    // The first k + 1 names matched the whole glob: a folder (everything in it matches), or the file.
    if (states & done && (k + 1 < names.length || !glob.foldersOnly)) return true;
  }
  return false;
}

/** Bit masks hold the states of globs up to this many segments (a 200-character glob may have more). */
const MAX_MASK_SEGMENTS = 30;

/** `**` may match no name: reaching it (bit s) also reaches the segment after it. Transitions only go forward, so one pass. */
function closureMask(states: number, segments: ReadonlyArray<CompiledPattern | null>): number {
  let out = states;
  for (let state = 0, bit = 1; state < segments.length; state++, bit *= 2) if (out & bit && segments[state] === null) out |= bit * 2;
  return out;
}

/** The same automaton with its states in a list, for a glob of more segments than a mask holds. */
function matchesByList(glob: RepositoryGlob, names: readonly string[]): boolean {
  const segments = glob.segments;
  const end = segments.length;
  let states = closure([0], segments);
  for (let k = 0; k < names.length; k++) {
    const next: number[] = [];
    for (const state of states) {
      if (state === end) continue;
      const segment = segments[state];
      if (segment === null) next.push(state);
      else if (segment.test(names[k])) next.push(state + 1);
    }
    states = closure(next, segments);
    if (!states.length) return false;
    if (states.includes(end) && (k + 1 < names.length || !glob.foldersOnly)) return true;
  }
  return false;
}

function closure(states: readonly number[], segments: ReadonlyArray<CompiledPattern | null>): number[] {
  const out: number[] = [];
  for (let state of states) {
    for (;;) {
      if (!out.includes(state)) out.push(state);
      if (state >= segments.length || segments[state] !== null) break;
      state++;
    }
  }
  return out;
}

/**
 * A list of globs read as .gitignore reads its lines: the last glob that matches a file decides,
 * so `!` excludes what the globs before it matched (and a later glob can include it again).
 * `matched(i)` tells which globs matched, for per-glob counts.
 */
export function listMatches(globs: readonly RepositoryGlob[], parts: PathParts, matched?: (index: number) => void): boolean {
  let inside = false;
  for (let i = 0; i < globs.length; i++) {
    const glob = globs[i];
    // An exclusion only matters once something matched; a glob that would not change the answer
    // is still tested when its count is wanted.
    if (!matched && glob.exclude !== inside) continue;
    if (!globMatches(glob, parts)) continue;
    matched?.(i);
    inside = !glob.exclude;
  }
  return inside;
}
