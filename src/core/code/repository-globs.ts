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
   * What some name of every matching path must be, when a segment fixes it: the last segment's
   * name (`README.md`) or extension (`.go` for `*.go`), else any literal segment (`mod05` in
   * `**` + `/mod05/handler*`), lower case. Each segment is matched by one name of the path, so a glob
   * with no literal prefix is tried only on paths holding such a name.
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
  const split = glob.split('/').filter((part, i, all) => part !== '' || i === all.length - 1);
  // `**/name` is `name` in .gitignore's reading (a name at any depth): matched name by name, without the automaton.
  const parts = split.length === 2 && split[0] === '**' && split[1] !== '**' && split[1] !== '' ? [split[1]] : split;
  if (parts.some((part) => count(part, '{') !== count(part, '}'))) return { problem: 'is not used: a {…} alternative may not hold a /; write one glob for each', kind: 'invalid' };
  const segments: Array<CompiledPattern | null> = [];
  const words = parts.map(literal);
  let usesEngine = false;
  for (const [i, part] of parts.entries()) {
    if (part === '**') {
      if (segments[segments.length - 1] !== null) segments.push(null);
      continue;
    }
    const word = words[i];
    const stars = word === undefined ? StarPattern.of(part) : undefined;
    if (word !== undefined || stars) {
      segments.push(word !== undefined ? new LiteralPattern(part, word) : stars!);
      continue;
    }
    const compiled = compileGlob(part, engine);
    if ('error' in compiled) return { problem: `is not used: ${compiled.error}`, kind: 'invalid' };
    usesEngine ||= !(compiled.pattern instanceof RegExp);
    segments.push(compiled.pattern);
  }
  const byName = parts.length === 1;
  const literals: string[] = [];
  if (!byName) for (const word of words) {
    if (word === undefined) break;
    literals.push(word);
  }
  const last = parts[parts.length - 1];
  const lastWord = words[words.length - 1];
  const extension = /^\*(\.[A-Za-z0-9_-]+)$/.exec(last)?.[1];
  const innerWord = byName ? undefined : words.find((word) => word !== undefined);
  const lastName = lastWord !== undefined ? { name: lastWord } : extension !== undefined ? { extension: extension.toLowerCase() } : innerWord !== undefined ? { name: innerWord } : undefined;
  return { glob: { written, exclude, byName, foldersOnly, segments, usesEngine, firstSegment: literals[0], literalPrefix: literals.length ? literals.join('/') : undefined, lastName } };
}

/**
 * A segment of literal characters and two or more `*` (`*05.*`, `*-handler-*.ts`), matched by
 * finding its literal pieces in order: linear time (one `indexOf` per piece, the first at the start,
 * the last at the end), so it needs neither RE2 (whose every call crosses into native code: 20
 * such globs over 100,000 files were 95 seconds) nor a backtracking regular expression. Case is
 * ignored and `*` matches a leading dot, as config/glob.ts matches.
 */
export class StarPattern implements CompiledPattern {
  private readonly first: string;
  private readonly last: string;
  private readonly middle: string[];

  private constructor(readonly source: string) {
    const pieces = source.toLowerCase().split('*');
    this.first = pieces[0];
    this.last = pieces[pieces.length - 1];
    this.middle = pieces.slice(1, -1).filter((piece) => piece !== '');
  }

  /** The pattern for a segment of literals and two or more `*`; undefined for any other segment. */
  static of(segment: string): StarPattern | undefined {
    return /^[^?[\]{}()!+@\\]*$/.test(segment) && count(segment, '*') >= 2 ? new StarPattern(segment) : undefined;
  }

  test(value: string): boolean {
    return this.testLower(value.toLowerCase());
  }

  /** `name` already in lower case (PathParts.lowerNames): no copy per test. */
  testLower(name: string): boolean {
    const { first, last } = this;
    if (name.length < first.length + last.length || !name.startsWith(first) || !name.endsWith(last)) return false;
    let at = first.length;
    const end = name.length - last.length;
    for (const piece of this.middle) {
      const found = name.indexOf(piece, at);
      if (found === -1 || found + piece.length > end) return false;
      at = found + piece.length;
    }
    return true;
  }
}

/**
 * A segment with no glob character (`services`, `ledger.ts`): a name compared whole, ignoring case.
 * Most segments of `governs` are such names: compiling each through picomatch took 8% of
 * `affected`'s main thread on the bench's 1,000 records (one CPU profile).
 */
export class LiteralPattern implements CompiledPattern {
  constructor(
    readonly source: string,
    private readonly lower: string,
  ) {}

  test(value: string): boolean {
    return value.toLowerCase() === this.lower;
  }

  testLower(name: string): boolean {
    return name === this.lower;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/**
 * The segment in lower case when it names one name literally; undefined when picomatch reads
 * some character of it as a glob, or it escapes one (`a\*b`: picomatch matches `a*b`).
 */
function literal(segment: string): string | undefined {
  return segment === '' || segment.includes('\\') || picomatch.scan(segment).isGlob ? undefined : segment.toLowerCase();
}

/**
 * The names of a path, split once per file and shared by every glob tested against it:
 * `a/b/c.ts` → `a`, `b`, `c.ts`.
 */
export class PathParts {
  /** The names in lower case: every glob ignores case, so they are what patterns are tested on. */
  readonly lowerNames: string[];
  readonly firstSegment: string;
  private written: string[] | undefined;

  constructor(readonly path: string) {
    this.lowerNames = path.toLowerCase().split('/');
    this.firstSegment = this.lowerNames[0];
  }

  /** The names as written (split when first asked: matching does not need them). */
  get names(): string[] {
    return (this.written ??= this.path.split('/'));
  }
}

/**
 * One segment against one name (its index in the path), in lower case: picomatch's patterns are
 * compiled to ignore case (RE2's too), and a LiteralPattern or StarPattern compares lower-case text.
 */
function segmentMatches(segment: CompiledPattern, parts: PathParts, k: number): boolean {
  return segment instanceof LiteralPattern || segment instanceof StarPattern ? segment.testLower(parts.lowerNames[k]) : segment.test(parts.lowerNames[k]);
}

/**
 * For a glob without inner `/` (`byName`): whether some folder name of the path matches it, or
 * (`'file'`) the file's own name does; `globMatches` is the two together (the file's name only
 * when the glob is not for folders). Apart so that a pass over a sorted file list can ask the
 * folders once per folder.
 */
export function nameGlobMatches(glob: RepositoryGlob, parts: PathParts, which: 'folders' | 'file'): boolean {
  const pattern = glob.segments[0];
  const last = parts.lowerNames.length - 1;
  if (which === 'file') return pattern === null || segmentMatches(pattern, parts, last);
  if (pattern === null) return last > 0;
  for (let i = last - 1; i >= 0; i--) if (segmentMatches(pattern, parts, i)) return true;
  return false;
}

/** True when the glob (its `!` aside) matches the file: itself, or a folder it lies in. */
export function globMatches(glob: RepositoryGlob, parts: PathParts): boolean {
  const names = parts.lowerNames;
  if (glob.byName) {
    const pattern = glob.segments[0];
    if (pattern === null) return !glob.foldersOnly || names.length > 1;
    for (let i = glob.foldersOnly ? names.length - 2 : names.length - 1; i >= 0; i--) if (segmentMatches(pattern, parts, i)) return true;
    return false;
  }
  if (glob.firstSegment !== undefined && glob.firstSegment !== parts.firstSegment) return false;
  const segments = glob.segments;
  const end = segments.length;
  if (end > MAX_MASK_SEGMENTS) return matchesByList(glob, parts);
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
      else if (segmentMatches(segment, parts, k)) next |= bit * 2;
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
function matchesByList(glob: RepositoryGlob, parts: PathParts): boolean {
  const names = parts.lowerNames;
  const segments = glob.segments;
  const end = segments.length;
  let states = closure([0], segments);
  for (let k = 0; k < names.length; k++) {
    const next: number[] = [];
    for (const state of states) {
      if (state === end) continue;
      const segment = segments[state];
      if (segment === null) next.push(state);
      else if (segmentMatches(segment, parts, k)) next.push(state + 1);
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
 * `counts` (one per glob), when given, gains `delta` for each glob that matches: every glob is
 * then tested, for the per-glob counts of the GovernsIndex (an array, not a callback: this runs
 * millions of times in one pass over a large repository).
 */
export function listMatches(globs: readonly RepositoryGlob[], parts: PathParts, counts?: number[], delta = 1): boolean {
  let inside = false;
  for (let i = 0; i < globs.length; i++) {
    const glob = globs[i];
    // An exclusion only matters once something matched; a glob that would not change the answer
    // is still tested when its count is wanted.
    if (!counts && glob.exclude !== inside) continue;
    if (!globMatches(glob, parts)) continue;
    if (counts) counts[i] += delta;
    inside = !glob.exclude;
  }
  return inside;
}
