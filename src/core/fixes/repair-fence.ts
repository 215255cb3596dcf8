import type { DecisionDocument } from '../document/decision-document';
import { lineEnding, toTextEdits, type FixAction } from './text-edit';

const HEADING = /^#{1,6}(?:[ \t]|$)/;

/**
 * The frontmatter's fences put right: the blank lines above a `---` that is meant to open it
 * removed (Markdown reads a `---` below a blank line as a rule, not as frontmatter), or a closing
 * `---` added before the first Markdown heading of a block that never closes. No fix when there
 * is no heading to close before: where the fields end is then the author's to say.
 */
export function repairFenceFix(doc: DecisionDocument): FixAction | undefined {
  const block = doc.block;
  if (block.kind === 'none' && block.displaced) {
    const start = doc.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return { title: 'Remove the blank lines before the frontmatter', edits: toTextEdits(doc.lines, [{ start, end: block.displaced.start, text: '' }]), isPreferred: true, path: doc.path };
  }
  if (block.kind !== 'unclosed' || block.fence !== 'yaml') return undefined;
  const first = doc.lines.position(block.open.start).line + 1;
  for (let line = first; line < doc.lines.lineCount; line++) {
    if (!HEADING.test(doc.lines.lineText(line))) continue;
    // The fence goes after the last field, above the blank lines that lead to the heading.
    let at = line;
    while (at > first && doc.lines.lineText(at - 1).trim() === '') at--;
    if (at === first) return undefined;
    const offset = doc.lines.lineStart(at);
    return { title: 'Close the frontmatter with `---` before the first heading', edits: toTextEdits(doc.lines, [{ start: offset, end: offset, text: `---${lineEnding(doc.text)}` }]), isPreferred: true, path: doc.path };
  }
  return undefined;
}
