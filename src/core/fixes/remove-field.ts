import type { DecisionDocument } from '../document/decision-document';
import { displayPath } from '../schema/field-info';
import { afterEntry, startsLine } from './frontmatter-edits';
import { toTextEdits, type FixAction } from './text-edit';

/**
 * Removes a field's lines — its key, its value and any comment after it — from a block mapping:
 * for an optional field left empty (`plan:`), which says nothing that leaving it out does not.
 * No fix when the key does not start its own line (a flow mapping, `- key:` in a list).
 */
export function removeFieldFix(doc: DecisionDocument, pointer: string): FixAction | undefined {
  const location = doc.yaml?.locations.get(pointer);
  if (!location?.key || !startsLine(doc, location.key.start)) return undefined;
  const start = doc.lines.lineStart(doc.lines.position(location.key.start).line);
  const end = afterEntry(doc, location);
  if (end <= start) return undefined;
  return { title: `Remove the empty \`${displayPath(pointer)}\``, edits: toTextEdits(doc.lines, [{ start, end, text: '' }]), isPreferred: true, path: doc.path };
}
