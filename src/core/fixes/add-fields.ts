import type { DecisionDocument } from '../document/decision-document';
import { displayPath, fieldInfo } from '../schema/field-info';
import { isRecordType, RECORD_TYPES, type RecordType } from '../schema/schema-registry';
import { placeholderText, renderFieldLines, type FixedValues } from '../templates/render-template';
import { has, indentUnit, isMapping, keyInsertion, valueAt } from './frontmatter-edits';
import { pointerOf, pointerPath } from '../text/json-pointer';
import { lineEnding, toTextEdits, type FixAction, type OffsetEdit } from './text-edit';

const EXIT_PLAN_KEYS = ['holders', 'successors', 'scope', 'verification', 'decisions'];
const RFC_ONLY_STATUSES = ['draft', 'review', 'withdrawn', 'implemented'];

/**
 * Adds missing fields (a key, or a whole structure such as `risk:` with its required and
 * recommended children) where the template would have them, each value a placeholder that asks its
 * question. No fix when the parent is a flow mapping or cannot be located in the text.
 */
export function addFieldsFix(doc: DecisionDocument, pointer: string, fields: readonly string[]): FixAction[] {
  const parentPath = pointerPath(pointer);
  const type = doc.data?.type;
  if (!parentPath.length && fields.includes('type') && !isRecordType(type)) return addTypeFixes(doc);
  if (!isRecordType(type)) return [];
  const parent = parentPath.length ? valueAt(doc.data, parentPath) : doc.data;
  if (!isMapping(parent)) return [];
  const missing = fields.filter((name) => !has(parent, name));
  if (!missing.length) return [];
  const eol = lineEnding(doc.text);
  const unit = indentUnit(doc);
  const edits: OffsetEdit[] = [];
  for (const name of missing) {
    const at = keyInsertion(doc, type, parentPath, name);
    const path = [...parentPath, name];
    const lines = at ? renderFieldLines(type, path, { indent: at.indent, unit, fixed: knownValues(doc, type, path) }) : [];
    if (!at || !lines.length) return [];
    edits.push({ start: at.offset, end: at.offset, text: lines.map((line) => line + eol).join('') });
  }
  const names = missing.map((name) => `\`${displayPath(pointerOf([...parentPath, name]))}\``).join(', ');
  return [{ title: `Add ${names}`, edits: toTextEdits(doc.lines, edits), isPreferred: true, path: doc.path }];
}

/**
 * What the record already says that a new field should start from. `deciders` (asked for when a
 * one-way door has a single owner) starts with the owners and asks who else decided.
 */
function knownValues(doc: DecisionDocument, type: RecordType, path: readonly string[]): FixedValues {
  const info = fieldInfo(type, path);
  if (info && path.length === 1 && path[0] === 'deciders') {
    const owners = doc.data?.owners;
    const names = (Array.isArray(owners) ? owners : [owners]).filter((o): o is string => typeof o === 'string' && o.trim() !== '');
    if (names.length) return { deciders: [...names, `<${placeholderText(info)}>`] };
  }
  return {};
}

/** `type` is missing: one fix per record type, the likeliest one preferred. */
function addTypeFixes(doc: DecisionDocument): FixAction[] {
  const data = doc.data;
  if (!data) return [];
  const at = keyInsertion(doc, 'adr', [], 'type');
  if (!at) return [];
  const guess = guessType(data);
  const eol = lineEnding(doc.text);
  return RECORD_TYPES.map((type) => ({
    title: `Add \`type: ${type}\``,
    edits: toTextEdits(doc.lines, [{ start: at.offset, end: at.offset, text: `${at.indent}type: ${type}${eol}` }]),
    isPreferred: type === guess,
    path: doc.path,
  }));
}

function guessType(data: Record<string, unknown>): RecordType {
  if (EXIT_PLAN_KEYS.some((key) => has(data, key))) return 'exit-plan';
  if (typeof data.status === 'string' && RFC_ONLY_STATUSES.includes(data.status)) return 'rfc';
  return 'adr';
}
