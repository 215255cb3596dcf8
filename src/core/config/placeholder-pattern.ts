/**
 * What counts as an unfilled template value: a value that is only `<…>` (Legible's templates) or
 * `{…}` (MADR's), or that contains TODO, TBD, FIXME or ???.
 */
export const DEFAULT_PLACEHOLDER_PATTERN = '^\\s*(?:<[^<>\\n]*>|\\{[^{}\\n]*\\})\\s*$|\\b(?:TODO|TBD|FIXME)\\b|\\?\\?\\?';

// A group that is quantified and holds a quantifier itself — (a+)+, (\w*)*, (a|a)+ — can backtrack
// for minutes on a short value. Repository patterns are untrusted, so such shapes are refused.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]|\((?:[^()\\]|\\.)*\|(?:[^()\\]|\\.)*\)\s*[+*{]/;

export function compilePlaceholderPattern(source: string): { pattern?: RegExp; error?: string } {
  if (source.length > 200) return { error: 'longer than 200 characters' };
  if (NESTED_QUANTIFIER.test(source)) return { error: 'a quantified group that repeats inside can backtrack catastrophically' };
  if (/\\\d/.test(source)) return { error: 'back-references are not allowed' };
  try {
    return { pattern: new RegExp(source) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
