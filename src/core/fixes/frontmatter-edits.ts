import { pointerOf, pointerPath } from '../text/json-pointer';
import type { DecisionDocument } from '../document/decision-document';
import type { NodeLocation } from '../parse/yaml-frontmatter';
import { trimmedValue } from '../document/value-spans';
import { childFields } from '../schema/field-info';
import type { RecordType } from '../schema/schema-registry';

/**
 * Where new frontmatter keys go, and at which indentation, worked out from the parsed YAML's
 * source locations: the fixes edit the text the author wrote, never a re-serialised copy of it.
 */


export function valueAt(data: unknown, path: readonly string[]): unknown {
  let node = data;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function has(mapping: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(mapping, key);
}

/** The start of the line after the one holding `offset` (the end of the text on the last line). */
export function lineAfter(doc: DecisionDocument, offset: number): number {
  const line = doc.lines.position(offset).line;
  return line + 1 < doc.lines.lineCount ? doc.lines.lineStart(line + 1) : doc.text.length;
}

/**
 * Where a new line can go after an entry: the start of the line after its value's last line. A
 * block scalar that keeps its trailing blank lines (`|+`) owns them, so the new line goes after them.
 */
export function afterEntry(doc: DecisionDocument, location: NodeLocation): number {
  const value = location.value;
  if (/^[|>][1-9]?\+|^[|>]\+/.test(doc.text.slice(value.start, value.start + 3))) {
    const endsLine = value.end > value.start && (doc.text.charCodeAt(value.end - 1) === 10 || doc.text.charCodeAt(value.end - 1) === 13);
    return endsLine ? value.end : lineAfter(doc, value.end);
  }
  const trimmed = trimmedValue(doc, location);
  const last = trimmed.end > trimmed.start ? trimmed.end - 1 : (location.key?.end ?? value.start);
  return lineAfter(doc, last);
}

export function column(doc: DecisionDocument, offset: number): number {
  return doc.lines.position(offset).character;
}

/** True when only indentation precedes the offset on its line (a key that starts its own line). */
export function startsLine(doc: DecisionDocument, offset: number): boolean {
  const { line } = doc.lines.position(offset);
  return doc.text.slice(doc.lines.lineStart(line), offset).trim() === '';
}

/** True when the value at the location is written as a flow collection (`{…}` or `[…]`). */
export function isFlow(doc: DecisionDocument, location: NodeLocation): boolean {
  const first = doc.text.charAt(location.value.start);
  return first === '{' || first === '[';
}

/**
 * One level of the file's indentation: how far the children of a top-level mapping sit from its key
 * (two spaces unless the file uses another width).
 */
export function indentUnit(doc: DecisionDocument): string {
  let unit = 0;
  for (const [pointer, location] of doc.yaml?.locations ?? []) {
    const path = pointerPath(pointer);
    if (path.length !== 2 || !location.key) continue;
    const parent = doc.yaml?.locations.get(pointerOf(path.slice(0, 1)));
    if (!parent?.key || !startsLine(doc, location.key.start)) continue;
    const width = column(doc, location.key.start) - column(doc, parent.key.start);
    if (width > 0 && (unit === 0 || width < unit)) unit = width;
  }
  return ' '.repeat(unit || 2);
}

export interface KeyInsertion {
  /** Where the new key's lines go: always the start of a line. */
  readonly offset: number;
  /** The indentation of the mapping's keys. */
  readonly indent: string;
}

/**
 * Where a new key goes in the block mapping at `parentPath`: after the nearest key before it in the
 * schema's order, else before the nearest one after it, else at the end of the mapping (before the
 * closing fence for the root). Undefined when the mapping is a flow mapping (`{level: high}`), is not
 * a mapping, or cannot be found: no fix is better than a wrong one.
 */
export function keyInsertion(doc: DecisionDocument, type: RecordType, parentPath: readonly string[], name: string): KeyInsertion | undefined {
  const block = doc.block;
  const children = blockChildren(doc, parentPath);
  if (block.kind !== 'closed' || !children) return undefined;
  const indent = ' '.repeat(column(doc, children[0].key.start));
  const located = new Map(children.map((child) => [child.name, child]));
  const order = childFields(type, parentPath).map((info) => info.name);
  const at = order.indexOf(name);
  if (at >= 0) {
    for (let i = at - 1; i >= 0; i--) {
      const before = located.get(order[i]);
      if (before) return { offset: afterEntry(doc, before), indent };
    }
    for (let i = at + 1; i < order.length; i++) {
      const after = located.get(order[i]);
      if (after) return { offset: doc.lines.lineStart(doc.lines.position(after.key.start).line), indent };
    }
  }
  if (!parentPath.length) return { offset: block.close.start, indent };
  const last = children.reduce((a, b) => (b.key.start > a.key.start ? b : a));
  return { offset: afterEntry(doc, last), indent };
}

/** The indentation of the keys of the block mapping at `path`; undefined when it is not one. */
export function mappingIndent(doc: DecisionDocument, path: readonly string[]): string | undefined {
  const children = blockChildren(doc, path);
  return children ? ' '.repeat(column(doc, children[0].key.start)) : undefined;
}

type KeyedLocation = NodeLocation & { readonly name: string; readonly key: NonNullable<NodeLocation['key']> };

/**
 * The located keys of the block mapping at `path`, in source order; undefined when the value there is
 * a flow mapping, not a mapping, empty, or has a key that does not start its own line.
 */
function blockChildren(doc: DecisionDocument, path: readonly string[]): KeyedLocation[] | undefined {
  if (!doc.yaml || !doc.data) return undefined;
  const mapping = path.length ? valueAt(doc.data, path) : doc.data;
  const location = doc.yaml.locations.get(pointerOf(path));
  if (!isMapping(mapping) || !location || isFlow(doc, location)) return undefined;
  const children: KeyedLocation[] = [];
  for (const name of Object.keys(mapping)) {
    const child = doc.yaml.locations.get(pointerOf([...path, name]));
    if (!child?.key || !startsLine(doc, child.key.start)) return undefined;
    children.push({ ...child, name, key: child.key });
  }
  return children.length ? children.sort((a, b) => a.key.start - b.key.start) : undefined;
}
