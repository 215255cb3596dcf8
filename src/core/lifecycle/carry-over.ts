import { parseDecisionDocument, type DecisionDocument } from '../document/decision-document';
import { afterEntry, indentUnit, isMapping, keyInsertion, startsLine, valueAt } from '../fixes/frontmatter-edits';
import { lineEnding } from '../fixes/text-edit';
import type { Limits } from '../parse/limits';
import type { CompiledPattern } from '../port/regex-engine';
import { isPlaceholder } from '../config/placeholder-pattern';
import { displayPath } from '../schema/field-info';
import type { RecordType } from '../schema/schema-registry';
import { pointerOf } from '../text/json-pointer';
import { yamlString } from '../templates/yaml-scalar';

/**
 * What a successor inherits from the record it supersedes: who is accountable and who decided, who
 * knows it and who will take over, how risky the ground is, how it is filed and what it relates to.
 * Not the answers that belong to the new decision itself: its door, its mitigation, its tradeoff.
 */
export const CARRIED_FIELDS: ReadonlyArray<readonly string[]> = [
  ['owners'],
  ['deciders'],
  ['related'],
  ['tags'],
  ['risk', 'level'],
  ['risk', 'blast-radius'],
  ['knowledge-exit-path', 'holders'],
  ['knowledge-exit-path', 'successors'],
];

/** A carried value as YAML scalars, each written so it reads back as it was: a list's items, or one value. */
type Carried = { readonly path: readonly string[]; readonly items: readonly string[] } | { readonly path: readonly string[]; readonly scalar: string };

export interface CarryOverResult {
  readonly text: string;
  /** The fields carried over, as messages name them (`risk.level`). */
  readonly carried: readonly string[];
  /** Fields the old record answers but the new text has no clean place for (a flow mapping, say). */
  readonly skipped: readonly string[];
}

export interface CarryOverOptions {
  readonly type: RecordType;
  readonly limits: Limits;
}

/**
 * The values of `old` that its successor inherits, but for the fields in `except` (`owners`, when
 * the user named the new record's owner). Placeholders are open questions, not data: they
 * are never carried (the new record keeps its own question there). A value is written as it reads:
 * a string through `yamlString`, a number (`related: [0007]`) as the record wrote it.
 */
export function carriedValues(old: DecisionDocument, placeholder: CompiledPattern, except: readonly string[] = []): Carried[] {
  const out: Carried[] = [];
  const written = (value: unknown, pointer: string): string | undefined => {
    if (typeof value === 'string') return value.trim() && !isPlaceholder(value, placeholder) ? yamlString(value) : undefined;
    if (typeof value !== 'number') return undefined;
    const location = old.yaml?.locations.get(pointer)?.value;
    const source = location ? old.text.slice(location.start, location.end).trim() : '';
    return /^\d+$/.test(source) ? source : String(value);
  };
  for (const path of CARRIED_FIELDS) {
    if (except.includes(path.join('.'))) continue;
    const pointer = pointerOf(path);
    const value = valueAt(old.data, path);
    if (path.length === 2 && path[0] === 'risk') {
      const scalar = written(value, pointer);
      if (scalar !== undefined) out.push({ path, scalar });
      continue;
    }
    const items = (Array.isArray(value) ? value.map((item, i) => written(item, `${pointer}/${i}`)) : [written(value, pointer)]).filter((item): item is string => item !== undefined);
    if (items.length) out.push({ path, items });
  }
  return out;
}

/**
 * `text` (a new record) with the carried values in place of what it says there: a field the template
 * wrote (with a placeholder) is rewritten, one it left out is added where the schema orders it.
 * Lists are written as block lists, at the file's own indentation; every other line stays as it was.
 */
export function withCarried(path: string, text: string, values: readonly Carried[], options: CarryOverOptions): CarryOverResult {
  const carried: string[] = [];
  const skipped: string[] = [];
  let current = text;
  for (const value of values) {
    const doc = parseDecisionDocument(path, current, options.limits);
    const edit = fieldEdit(doc, value, options.type);
    const name = displayPath(value.path);
    if (!edit) {
      skipped.push(name);
      continue;
    }
    current = current.slice(0, edit.start) + edit.text + current.slice(edit.end);
    carried.push(name);
  }
  return { text: current, carried, skipped };
}

function fieldLines(name: string, value: Carried, indent: string, unit: string, eol: string): string {
  if ('scalar' in value) return `${indent}${name}: ${value.scalar}${eol}`;
  return `${indent}${name}:${eol}${value.items.map((item) => `${indent}${unit}- ${item}${eol}`).join('')}`;
}

/** The one edit that writes the field: the whole entry replaced, or new lines inserted. */
function fieldEdit(doc: DecisionDocument, value: Carried, type: RecordType): { start: number; end: number; text: string } | undefined {
  if (!doc.yaml || !doc.data || doc.block.kind !== 'closed') return undefined;
  const eol = lineEnding(doc.text);
  const unit = indentUnit(doc);
  const name = value.path[value.path.length - 1];
  const parentPath = value.path.slice(0, -1);
  const location = doc.yaml.locations.get(pointerOf(value.path));
  if (location) {
    // A key inside a flow mapping (`risk: {level: …}`) has no lines of its own to rewrite.
    if (!location.key || !startsLine(doc, location.key.start)) return undefined;
    const start = doc.lines.lineStart(doc.lines.position(location.key.start).line);
    const indent = doc.text.slice(start, location.key.start);
    const end = afterEntry(doc, location);
    // The entry's last line may end the text without a line break: the rewrite then ends the same way.
    const lines = fieldLines(name, value, indent, unit, eol);
    return { start, end, text: end === doc.text.length && !/[\r\n]$/.test(doc.text) ? lines.slice(0, -eol.length) : lines };
  }
  const parent = parentPath.length ? valueAt(doc.data, parentPath) : doc.data;
  if (isMapping(parent)) {
    const at = keyInsertion(doc, type, parentPath, name);
    return at ? { start: at.offset, end: at.offset, text: fieldLines(name, value, at.indent, unit, eol) } : undefined;
  }
  // The parent mapping itself is missing (a custom template without `risk:`): add both.
  if (parentPath.length !== 1 || parent !== undefined) return undefined;
  const at = keyInsertion(doc, type, [], parentPath[0]);
  return at ? { start: at.offset, end: at.offset, text: `${at.indent}${parentPath[0]}:${eol}${fieldLines(name, value, `${at.indent}${unit}`, unit, eol)}` } : undefined;
}
