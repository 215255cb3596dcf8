import type { CompiledPattern, RegexEngine } from '../port/regex-engine';
import { MAX_PATTERN_SIZE, patternSize } from './pattern-size';

/**
 * Without an engine (the pure core on its own, as in unit tests of rules) a repository pattern is
 * refused rather than run on JavaScript's engine: that engine is what hangs, and the CLI and the
 * extension always supply RE2, so only an embedder that forgot to would see this.
 */
export const NO_ENGINE = 'no linear-time regular expression engine is available to run it';

/** The longest `pattern` or `patternProperties` key a repository schema may hold. */
export const MAX_SCHEMA_PATTERN_LENGTH = 500;

/** A repository-supplied pattern compiled on the linear-time engine, or why it cannot be. */
export function compileRepositoryPattern(source: string, engine: RegexEngine | undefined, maxLength: number, flags = 'u'): { pattern: CompiledPattern } | { error: string } {
  // A cap on the text as well: the engine's time is linear in the value, its memory grows with the pattern.
  if (source.length > maxLength) return { error: `longer than ${maxLength} characters` };
  // Measured before RE2 sees it: a pattern too large for RE2 takes seconds to fail, and fails again on a fresh engine.
  const size = patternSize(source);
  if (size > MAX_PATTERN_SIZE) return { error: `its repetitions make it too large to run in linear time (about ${size} steps per character, at most ${MAX_PATTERN_SIZE}); could a count be smaller?` };
  if (!engine) return { error: NO_ENGINE };
  try {
    return { pattern: engine.compile(source, flags) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
