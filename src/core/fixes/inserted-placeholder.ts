import { LineIndex, type Range } from '../text/position';
import { applyEditsAt, type TextEdit } from './text-edit';

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
  const applied = applyEditsAt(text, edits);
  if ('problem' in applied) return undefined;
  const { text: after, inserted } = applied;
  for (const match of after.matchAll(PLACEHOLDER_LINE)) {
    const start = (match.index ?? 0) + match[1].length;
    const end = start + match[3].length;
    if (inserted.some((span) => start >= span.start && end <= span.end)) return new LineIndex(after).range(start, end);
  }
  return undefined;
}
