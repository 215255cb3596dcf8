import type { DecisionDocument } from './decision-document';
import type { Span } from '../parse/frontmatter-fence';
import type { NodeLocation } from '../parse/yaml-frontmatter';

// The spans of a frontmatter value that rules underline, fixes replace and snippets select: one
// place, so a diagnostic, its fix and a tab stop agree on where an answer starts and ends.

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** The value's span without the line breaks and blank lines a block scalar or mapping carries at its end. */
export function trimmedValue(doc: DecisionDocument, location: NodeLocation): Span {
  const { start } = location.value;
  let end = location.value.end;
  while (end > start && isSpace(doc.text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/**
 * The text of a block scalar (`>-` and the answer on the lines below): what the author wrote, not
 * the header and the line breaks. Undefined for any other value, or a block with no text.
 */
export function blockContent(doc: DecisionDocument, value: Span): Span | undefined {
  const header = doc.text.charAt(value.start);
  if (header !== '>' && header !== '|') return undefined;
  let start = doc.lines.lineEnd(doc.lines.position(value.start).line);
  let end = value.end;
  while (start < end && /\s/.test(doc.text.charAt(start))) start++;
  while (end > start && /\s/.test(doc.text.charAt(end - 1))) end--;
  return end > start ? { start, end } : undefined;
}
