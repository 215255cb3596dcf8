import picomatch from 'picomatch/posix';
import { compileGlob } from '../config/glob';
import type { CompiledPattern, RegexEngine } from '../port/regex-engine';

/**
 * One repository-relative glob of `governs` or `code.include`/`code.exclude`, read as .gitignore
 * reads a line: a glob without `/` (but a trailing one) matches a name at any depth; one with a `/`
 * is anchored at the repository root; a trailing `/` matches folders only; a matched folder
 * matches everything in it; a leading `!` excludes what earlier globs of the list matched.
 *
 * The glob itself goes through config/glob.ts (picomatch, RE2 when it could backtrack); the
 * depth, folder and `!` readings are done here by testing names and folder paths, not by
 * wrapping the glob in a leading and a trailing `**`, which would add unbounded repetitions (and RE2) to every
 * glob, and lookahead to every `!`.
 */
export interface RepositoryGlob {
  /** As written, `!` included. */
  readonly written: string;
  readonly exclude: boolean;
  /** Matched against each name (file and folders) when the glob has no inner `/`; else against paths. */
  readonly byName: boolean;
  readonly foldersOnly: boolean;
  readonly pattern: CompiledPattern;
  /**
   * The first path segment every match starts with, when the glob fixes it (`services/**` →
   * `services`): lets one pass over 100,000 files test only the globs that can match a file.
   * Lower case (matching ignores case).
   */
  readonly firstSegment?: string;
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
  if (glob.startsWith('./')) glob = glob.slice(2);
  const foldersOnly = glob.endsWith('/');
  if (foldersOnly) glob = glob.replace(/\/+$/, '');
  if (glob === '' || glob.startsWith('!')) return { problem: 'names no file', kind: 'invalid' };
  const compiled = compileGlob(glob, engine);
  if ('error' in compiled) return { problem: `is not used: ${compiled.error}`, kind: 'invalid' };
  const byName = !glob.includes('/');
  return { glob: { written, exclude, byName, foldersOnly, pattern: compiled.pattern, firstSegment: byName ? undefined : literalFirstSegment(glob) } };
}

function literalFirstSegment(glob: string): string | undefined {
  const first = glob.slice(0, glob.indexOf('/'));
  if (first === '') return undefined;
  const scan = picomatch.scan(first);
  return scan.isGlob ? undefined : first.toLowerCase();
}

/**
 * The ancestors of a path and its names, computed once per file and shared by every glob tested
 * against it: `a/b/c.ts` → folders `a`, `a/b`; names `a`, `b`, `c.ts`.
 */
export class PathParts {
  readonly folders: string[] = [];
  readonly names: string[];
  readonly firstSegment: string;

  constructor(readonly path: string) {
    this.names = path.split('/');
    for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) this.folders.push(path.slice(0, i));
    this.firstSegment = this.names[0].toLowerCase();
  }
}

/** True when the glob (its `!` aside) matches the file: itself, or a folder it lies in. */
export function globMatches(glob: RepositoryGlob, parts: PathParts): boolean {
  const { pattern } = glob;
  const last = parts.names.length - 1;
  if (glob.byName) {
    for (let i = glob.foldersOnly ? last - 1 : last; i >= 0; i--) if (pattern.test(parts.names[i])) return true;
    return false;
  }
  if (glob.firstSegment !== undefined && glob.firstSegment !== parts.firstSegment) return false;
  if (!glob.foldersOnly && pattern.test(parts.path)) return true;
  for (const folder of parts.folders) if (pattern.test(folder)) return true;
  return false;
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
