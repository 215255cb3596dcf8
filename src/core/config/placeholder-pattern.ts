/**
 * What counts as an unfilled template value: a value that is only `<…>` (Legible's templates) or
 * `{…}` (MADR's), or that contains TODO, TBD, FIXME or ???.
 */
export const DEFAULT_PLACEHOLDER_PATTERN = '^\\s*(?:<[^<>\\n]*>|\\{[^{}\\n]*\\})\\s*$|\\b(?:TODO|TBD|FIXME)\\b|\\?\\?\\?';

// A group that is quantified and holds a quantifier or an alternative itself, at any depth —
// (a+)+, ((a+))+, (\w*)*, (a|a)+ — can backtrack for minutes on a short value. Repository patterns
// are untrusted, so such shapes are refused. A scan with a stack of groups, not a regex: a regex
// cannot see through nested parentheses.
function hasNestedQuantifier(source: string): boolean {
  const groups: boolean[] = []; // per open group: does it repeat or branch inside?
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') groups.push(false);
    else if (c === ')') {
      const risky = groups.pop() ?? false;
      const quantified = /^\s*[+*{]/.test(source.slice(i + 1, i + 3));
      if (risky && quantified) return true;
      if (groups.length && (risky || quantified)) groups[groups.length - 1] = true;
    } else if ((c === '+' || c === '*' || c === '{' || c === '|') && groups.length) groups[groups.length - 1] = true;
  }
  return false;
}

export function compilePlaceholderPattern(source: string): { pattern?: RegExp; error?: string } {
  if (source.length > 200) return { error: 'longer than 200 characters' };
  if (hasNestedQuantifier(source)) return { error: 'a quantified group that repeats inside can backtrack catastrophically' };
  if (/\\\d/.test(source)) return { error: 'back-references are not allowed' };
  try {
    return { pattern: new RegExp(source) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
