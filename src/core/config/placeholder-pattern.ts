import type { CompiledPattern, RegexEngine } from '../port/regex-engine';
import { compileRepositoryPattern } from '../text/repository-pattern';

/**
 * What counts as an unfilled template value: a value that is only `<…>` (Legible's templates) or
 * `{…}` (MADR's), or that contains TODO, TBD, FIXME or ???.
 */
export const DEFAULT_PLACEHOLDER_PATTERN = '^\\s*(?:<[^<>\\n]*>|\\{[^{}\\n]*\\})\\s*$|\\b(?:TODO|TBD|FIXME)\\b|\\?\\?\\?';

/** The default pattern, compiled once: for callers that have no configuration at hand (tests, defaults). */
export const DEFAULT_PLACEHOLDER: CompiledPattern = new RegExp(DEFAULT_PLACEHOLDER_PATTERN);

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

/**
 * The one question "is this value still a template placeholder?": an open question, never data.
 * The placeholder rules, the index (and through it the views, pickers, `list`, `report` and "what
 * if"), Set Status and Supersede all ask it here. Only text can be one: a number or a date is an answer.
 */
export function isPlaceholder(value: unknown, pattern: CompiledPattern): value is string {
  return typeof value === 'string' && pattern.test(value);
}
