import { unsafeRegexReason } from '../text/safe-regex';

/**
 * What counts as an unfilled template value: a value that is only `<…>` (Legible's templates) or
 * `{…}` (MADR's), or that contains TODO, TBD, FIXME or ???.
 */
export const DEFAULT_PLACEHOLDER_PATTERN = '^\\s*(?:<[^<>\\n]*>|\\{[^{}\\n]*\\})\\s*$|\\b(?:TODO|TBD|FIXME)\\b|\\?\\?\\?';

export function compilePlaceholderPattern(source: string): { pattern?: RegExp; error?: string } {
  const unsafe = unsafeRegexReason(source, 200);
  if (unsafe) return { error: unsafe };
  try {
    return { pattern: new RegExp(source) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
