import type { DecisionDocument } from '../document/decision-document';
import type { Span } from '../parse/frontmatter-fence';
import { blockContent } from '../document/value-spans';
import { displayPath, fieldInfo } from '../schema/field-info';
import type { RecordType } from '../schema/schema-registry';

/**
 * The span to underline for a pointer: the value when it has text, else its key, else the opening
 * fence. The root mapping has no key: its "key" is the opening fence, not the whole frontmatter.
 */
export function spanAt(doc: DecisionDocument, pointer: string, prefer: 'value' | 'key' = 'value'): Span {
  const location = doc.yaml?.locations.get(pointer);
  if (location && !(pointer === '' && prefer === 'key')) {
    const value = location.value.end > location.value.start ? location.value : undefined;
    const chosen = prefer === 'key' ? (location.key ?? value) : (value && (blockContent(doc, value) ?? value)) ?? location.key;
    if (chosen) return chosen;
  }
  return openingFence(doc);
}

export function openingFence(doc: DecisionDocument): Span {
  if (doc.block.kind === 'closed' || doc.block.kind === 'unclosed') return doc.block.open;
  return { start: 0, end: doc.lines.lineEnd(0) };
}

/** `field.path`: the question it exists to answer — every message about a field says both. */
export function question(type: RecordType | undefined, pointer: string): string {
  const segments = pointer.split('/').slice(1).filter((s) => !/^\d+$/.test(s));
  const info = type ? fieldInfo(type, segments) : undefined;
  return info?.description ?? '';
}

export function field(pointer: string): string {
  return `\`${displayPath(pointer)}\``;
}

export function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}


