import type { DecisionDocument } from '../document/decision-document';
import { toTextEdits, type FixAction } from './text-edit';

/**
 * A key written twice in one mapping (two branches merged, a field pasted again): the repeated one
 * removed with the lines that belong to it — those indented under it — so the value read stays
 * the one read now, the first. `line` is the document line of the repeated key; it must start its line.
 */
export function removeRepeatedKeyFix(doc: DecisionDocument, line: number, name: string): FixAction | undefined {
  if (doc.block.kind !== 'closed' || line >= doc.lines.lineCount) return undefined;
  const indent = (text: string): number => /^ */.exec(text)![0].length;
  const own = doc.lines.lineText(line);
  const column = indent(own);
  if (own.charAt(column) === '-' || own.charAt(column) === '\t') return undefined;
  const close = doc.lines.position(doc.block.close.start).line;
  let last = line;
  for (let next = line + 1; next < close; next++) {
    const text = doc.lines.lineText(next);
    if (text.trim() === '') continue;
    if (indent(text) <= column) break;
    last = next;
  }
  const start = doc.lines.lineStart(line);
  const end = last + 1 < doc.lines.lineCount ? doc.lines.lineStart(last + 1) : doc.text.length;
  return { title: `Remove the repeated \`${name}\` (the first one is what is read)`, edits: toTextEdits(doc.lines, [{ start, end, text: '' }]), isPreferred: true, path: doc.path };
}
