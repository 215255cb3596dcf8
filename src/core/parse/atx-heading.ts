/**
 * An ATX heading (`## Context ##`) read as CommonMark reads it, for the line scans (the heading
 * scan of body rules and the legacy reader): 1-6 `#`, then a space, a tab or the end; a closing
 * run of `#` after a space or tab is not part of the text. Written as a loop, not a pattern: a
 * lazy group before trailing white space is quadratic on a long line of spaces.
 * `line` starts at its first `#` (the caller has dealt with indentation).
 */
export function atxHeading(line: string): { depth: number; text: string } | undefined {
  let depth = 0;
  while (depth < line.length && line.charCodeAt(depth) === 35 /* # */) depth++;
  if (depth === 0 || depth > 6) return undefined;
  if (depth < line.length && !isSpace(line.charCodeAt(depth))) return undefined;
  let end = line.length;
  while (end > depth && isSpace(line.charCodeAt(end - 1))) end--;
  let hashes = end;
  while (hashes > depth && line.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes < end && (hashes === depth || isSpace(line.charCodeAt(hashes - 1)))) end = hashes;
  let start = depth;
  while (start < end && isSpace(line.charCodeAt(start))) start++;
  while (end > start && isSpace(line.charCodeAt(end - 1))) end--;
  return { depth, text: line.slice(start, end) };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}
