import type { CompiledPattern, RegexEngine } from '../port/regex-engine';
import { compileRepositoryPattern } from '../text/repository-pattern';

/**
 * What counts as an unfilled template value: a value that is only `<…>` (Legible's templates) or
 * `{…}` (MADR's), or that contains TODO, TBD, FIXME or ???.
 */
export const DEFAULT_PLACEHOLDER_PATTERN = '^\\s*(?:<[^<>\\n]*>|\\{[^{}\\n]*\\})\\s*$|\\b(?:TODO|TBD|FIXME)\\b|\\?\\?\\?';

const MAX_LENGTH = 200;

/**
 * The placeholder pattern. The shipped default is ours and runs on JavaScript's engine (nothing to
 * load on activation); any other text comes from a repository and runs on the linear-time engine.
 */
export function compilePlaceholderPattern(source: string, engine?: RegexEngine): { pattern?: CompiledPattern; error?: string } {
  if (source === DEFAULT_PLACEHOLDER_PATTERN) return { pattern: new RegExp(source) };
  const compiled = compileRepositoryPattern(source, engine, MAX_LENGTH);
  return 'pattern' in compiled ? { pattern: compiled.pattern } : { error: compiled.error };
}
