import picomatch from 'picomatch/posix';
import type { CompiledPattern, RegexEngine } from '../port/regex-engine';
import { compileRepositoryPattern } from '../text/repository-pattern';

/** The longest glob `ignore` accepts (the configuration schema's `maxLength` too). */
export const MAX_GLOB_LENGTH = 200;

/**
 * picomatch's glob syntax: `*` and `?` within a segment, `**` across segments, `{a,b}`, `[abc]`.
 * Every name matches whatever its case, and `*` matches a leading dot too (`_*.md`, `.*` hide
 * what they say).
 */
const OPTIONS: picomatch.PicomatchOptions = { dot: true, nocase: true };

let guardsFound: readonly string[] | undefined;

/**
 * picomatch's lookaheads that keep `*` from matching an empty segment or a `.` or `..` segment.
 * The names and relative paths Legible matches (from its own directory walk) never have either,
 * so without them a glob matches the same names, and RE2, which has no lookahead, can run it.
 * Asked on the first glob compiled, not on import: the bundles load picomatch then (scripts/sidecars.mjs).
 */
function guards(): readonly string[] {
  if (!guardsFound) {
    const chars = picomatch.constants.globChars(false);
    guardsFound = [chars.NO_DOTS, chars.NO_DOTS_SLASH, chars.NO_DOT_SLASH, chars.NO_DOT, chars.ONE_CHAR];
  }
  return guardsFound;
}

/** Unbounded repetitions (`*`, `+`, `{n,}`) in a regular expression, outside character classes and escapes. */
export function unboundedRepetitions(source: string): number {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '*' || c === '+') count++;
    else if (c === '{') {
      let j = i + 1;
      while (j < source.length && source.charCodeAt(j) >= 48 && source.charCodeAt(j) <= 57) j++;
      if (j > i + 1 && source[j] === ',' && source[j + 1] === '}') count++;
    }
  }
  return count;
}

/**
 * A glob of `ignore`, compiled so that matching it costs linear time whatever the glob: picomatch
 * turns it into a regular expression; one with a single unbounded repetition (`*-template.md`,
 * `runbooks/**`, and 40 stars in a row, which picomatch folds into one) cannot backtrack past
 * linear time and runs on JavaScript's engine, with nothing to load; any other (`*a*a*a*b` takes
 * JavaScript's engine minutes on a 100-character name) runs on the linear-time engine (RE2), or
 * is refused without one. A glob that needs lookahead (`!(x)`, a leading `!`) is refused: RE2
 * cannot run it.
 */
export function compileGlob(glob: string, engine?: RegexEngine): { pattern: CompiledPattern } | { error: string } {
  if (glob.length > MAX_GLOB_LENGTH) return { error: `longer than ${MAX_GLOB_LENGTH} characters` };
  let regExp: RegExp;
  try {
    regExp = picomatch.makeRe(glob, OPTIONS);
  } catch (error) {
    return { error: (error as Error).message };
  }
  let source = regExp.source;
  for (const guard of guards()) source = source.split(guard).join('');
  if (unboundedRepetitions(source) <= 1 && !/\(\?[=!<]/.test(source)) return { pattern: regExp };
  return compileRepositoryPattern(source, engine, Infinity, 'i');
}

/** A glob of Legible's own (the default `ignore`), compiled without an engine: it must have one `*` at most (it throws otherwise). */
export function globPattern(glob: string): CompiledPattern {
  const compiled = compileGlob(glob);
  if ('error' in compiled) throw new Error(`the shipped glob ${glob} does not compile: ${compiled.error}`);
  return compiled.pattern;
}

/** True when one of the globs matches the file's name or its path relative to the workspace root. */
export function matchesAny(relativePath: string, globs: readonly CompiledPattern[]): boolean {
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  return globs.some((glob) => glob.test(name) || glob.test(relativePath));
}
