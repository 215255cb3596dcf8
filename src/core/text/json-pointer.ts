/** JSON Pointers (RFC 6901), as ajv's instancePath and the frontmatter's locations map write them. */

/** One key as a pointer segment: `~` → `~0`, `/` → `~1` (nearly every key has neither). */
export function escapeSegment(segment: string): string {
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

/** `/knowledge-exit-path/successors` → `['knowledge-exit-path', 'successors']`. */
export function pointerPath(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `['risk', 'level']` → `/risk/level`. */
export function pointerOf(path: readonly string[]): string {
  return path.map((part) => `/${escapeSegment(part)}`).join('');
}
