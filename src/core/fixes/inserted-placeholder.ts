import { LineIndex, type Range } from '../text/position';
import type { TextEdit } from './text-edit';

/**
 * A line whose value is only a template placeholder: after `key: `, after `- `, or alone (the line
 * of a `>-` block), quoted or not. Group 1 is everything before the placeholder, group 3 the
 * placeholder. `- Ana <ana@example.org>` is a value, and `<!-- legible-disable … -->` a comment,
 * not a placeholder.
 */
const PLACEHOLDER_LINE = /^([ \t]*(?:-[ \t]+|[^\s#:'"<][^:#<\n]*:[ \t]+)?(["']?))(<(?!!)[^<>\n]*>)\2[ \t]*\r?$/gm;

/**
 * Where the first placeholder a fix inserts lands once its edits are applied to `text` (the
 * document they were computed on): the editor selects it, so typing the answer replaces it.
 * Undefined when the fix inserts none (a corrected value, a disabled rule) or its edits overlap.
 */
export function insertedPlaceholder(text: string, edits: readonly TextEdit[]): Range | undefined {
  const lines = new LineIndex(text);
  const spans = edits
    .map((edit, order) => ({ start: lines.offset(edit.range.start), end: lines.offset(edit.range.end), text: edit.newText, order }))
    .sort((a, b) => a.start - b.start || a.order - b.order);
  // The text after the edits, and where each edit's new text sits in it.
  let after = '';
  let at = 0;
  const inserted: Array<{ start: number; end: number }> = [];
  for (const span of spans) {
    if (span.start < at || span.end < span.start) return undefined;
    after += text.slice(at, span.start);
    inserted.push({ start: after.length, end: after.length + span.text.length });
    after += span.text;
    at = span.end;
  }
  after += text.slice(at);
  for (const match of after.matchAll(PLACEHOLDER_LINE)) {
    const start = (match.index ?? 0) + match[1].length;
    const end = start + match[3].length;
    if (inserted.some((span) => start >= span.start && end <= span.end)) return new LineIndex(after).range(start, end);
  }
  return undefined;
}
