/**
 * Regular expressions from a repository (placeholderPattern, `pattern` in schema extensions) are
 * untrusted: JavaScript's engine backtracks, and a shape like (a+)+ runs for minutes on 50
 * characters. Such shapes are refused before anything compiles them.
 */

// A group that is quantified and holds a quantifier or an alternative itself, at any depth —
// (a+)+, ((a+))+, (\w*)*, (a|a)+ — can backtrack for minutes on a short value. Repository patterns
// are untrusted, so such shapes are refused. A scan with a stack of groups, not a regex: a regex
// cannot see through nested parentheses.
export function hasNestedQuantifier(source: string): boolean {
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


/** Why a pattern is refused, or undefined when it is safe to compile. */
export function unsafeRegexReason(source: string, maxLength: number): string | undefined {
  if (source.length > maxLength) return `longer than ${maxLength} characters`;
  if (hasNestedQuantifier(source)) return 'a quantified group that repeats inside can backtrack catastrophically';
  if (/\\[1-9]|\\k</.test(source)) return 'back-references are not allowed';
  return undefined;
}
