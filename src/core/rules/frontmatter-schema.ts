import type { ErrorObject } from 'ajv';
import { nearest } from '../text/nearest';
import { escapeSegment, pointerOf, pointerPath } from '../text/json-pointer';
import { RECORD_TYPES, isRecordType, type RecordType } from '../schema/schema-registry';
import { displayPath, fieldInfo } from '../schema/field-info';
import type { DocumentRule, DocumentRuleContext } from './rule';
import { field, question, spanAt } from './rule-helpers';
import { placeholderPointers, underPlaceholder } from '../document/placeholder-pointers';
import { listOr } from '../text/word-list';

/** Every schema error, on the exact key (missing) or value (wrong), in words that ask the field's question. */
export const frontmatterSchema: DocumentRule = {
  id: 'frontmatter-schema',
  description: 'Frontmatter fields are present and valid for the record type (required, vocabulary, dates, ids).',
  defaultSeverity: 'error',
  scope: 'document',
  check(context) {
    const { doc } = context;
    if (!doc.legible || !doc.data) return;
    const type = doc.data.type;
    if (!isRecordType(type)) {
      reportType(context, type);
      return;
    }
    const placeholders = placeholderPointers(doc, context.config.placeholder);
    const errors = validate(context, type, doc.data);
    const seen = new Set<string>();
    for (const error of errors) {
      // `if` errors only say "must match then"; the `then` branch reports the real problem, and a
      // `propertyNames` error only says a name is invalid; the one beside it says which and why.
      if (error.keyword === 'if' || error.keyword === 'propertyNames') continue;
      const keyName = error.propertyName;
      if (keyName !== undefined) {
        describeKeyName(context, type, error, `${error.instancePath}/${escapeSegment(keyName)}`, keyName);
        continue;
      }
      const pointer = error.keyword === 'required' ? `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}` : error.instancePath;
      // An unfilled placeholder is the placeholder rule's finding, not a second one here; a value on
      // a line YAML warns about (`&:`, an unknown `!tag`) is frontmatter-malformed's.
      if (underPlaceholder(pointer, placeholders) || onTroubledLine(doc, pointer)) continue;
      // A malformed date fails both `format` and `pattern`: one finding says it, not two.
      const key = `${error.keyword === 'pattern' ? 'format' : error.keyword}:${pointer}`;
      if (seen.has(key)) continue;
      seen.add(key);
      describe(context, type, error, pointer);
    }
  },
};

/** True when YAML reported a problem on the line of the value at `pointer` (it parsed, with a warning). */
function onTroubledLine(doc: DocumentRuleContext['doc'], pointer: string): boolean {
  const problems = doc.yaml?.problems;
  if (!problems?.length) return false;
  const location = doc.yaml?.locations.get(pointer);
  const at = location?.key?.start ?? location?.value.start;
  if (at === undefined) return false;
  const line = doc.lines.position(at).line;
  return problems.some((problem) => doc.lines.position(problem.span.start).line === line);
}

/**
 * Validates the parsed data as ordinary objects. The parser's objects have no prototype (a
 * `__proto__` key stays a key), but ajv compares list items (uniqueItems) and constants with
 * fast-deep-equal, which calls `valueOf` and `toString` on objects: it throws on a prototype-less
 * one (`deciders: [{name: a}, {name: b}]`) and on one with its own key of that name
 * (`owners: [{toString: x}, {}]`). Such keys mean nothing in a record: if the first pass throws,
 * the second validates without them.
 */
function validate(context: DocumentRuleContext, type: RecordType, data: Record<string, unknown>): ErrorObject[] {
  try {
    // Only objects inside lists reach fast-deep-equal; without any (nearly every record) the data
    // is validated as parsed, without a copy.
    return context.validator.validateRecord(type, objectInList(data, false, 0) ? ordinary(data, false) : data);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return context.validator.validateRecord(type, ordinary(data, true));
  }
}

/** True when a list, at any depth, holds an object (which ajv may compare with fast-deep-equal). */
function objectInList(value: unknown, inList: boolean, depth: number): boolean {
  if (depth > 64) return true;
  if (Array.isArray(value)) return value.some((item) => objectInList(item, true, depth + 1));
  if (value === null || typeof value !== 'object') return false;
  if (inList) return true;
  for (const key in value) if (objectInList((value as Record<string, unknown>)[key], false, depth + 1)) return true;
  return false;
}

/**
 * A copy with Object.prototype: every key an own property (`__proto__` by defineProperty, so it never
 * becomes a prototype; ajv's ownProperties keeps `required` to own keys). Depth is bounded by the parser's limits.
 */
function ordinary(value: unknown, withoutMethodNames: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => ordinary(item, withoutMethodNames));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (withoutMethodNames && (key === 'valueOf' || key === 'toString')) continue;
    const item = ordinary((value as Record<string, unknown>)[key], withoutMethodNames);
    // Assignment is the fast way; only `__proto__` would set the prototype instead of a key.
    if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out;
}

function reportType(context: DocumentRuleContext, value: unknown): void {
  const { doc } = context;
  const expected = RECORD_TYPES.join(', ');
  if (value === undefined) {
    context.report({
      message: `\`type\` is missing: is this an ADR, an RFC or an exit plan? (One of ${expected}.)`,
      span: spanAt(doc, '', 'key'),
      fix: { kind: 'add-fields', pointer: '', fields: ['type'] },
    });
    return;
  }
  const suggestions = typeof value === 'string' ? nearest(value, RECORD_TYPES) : [];
  context.report({
    message: `\`type\` is ${JSON.stringify(value)}; expected one of ${expected}.${suggestions.length ? ` Did you mean "${suggestions[0]}"?` : ''} Is this an ADR, an RFC or an exit plan?`,
    span: spanAt(doc, '/type'),
    fix: { kind: 'replace-value', pointer: '/type', suggestions: suggestions.length ? suggestions : RECORD_TYPES, ...(suggestions.length === 1 && { safe: true }) },
  });
}

function describe(context: DocumentRuleContext, type: RecordType, error: ErrorObject, pointer: string): void {
  const { doc } = context;
  const ask = question(type, pointer);
  const name = field(pointer);
  const params = error.params as Record<string, unknown>;
  const value = valueAt(doc.data, pointer);
  const shown = JSON.stringify(value);
  switch (error.keyword) {
    case 'required': {
      const parent = error.instancePath;
      context.report({
        message: `${name} is missing. ${ask}`.trim(),
        span: spanAt(doc, parent, 'key'),
        fix: { kind: 'add-fields', pointer: parent, fields: [String(params.missingProperty)] },
      });
      return;
    }
    case 'enum':
    case 'const': {
      const allowed = ((params.allowedValues as unknown[]) ?? [params.allowedValue]).map(String);
      const suggestions = typeof value === 'string' ? nearest(value, allowed) : [];
      context.report({
        message: `${name} is ${shown}; expected ${listOr(allowed)}.${suggestions.length ? ` Did you mean "${suggestions[0]}"?` : ''} ${ask}`.trim(),
        span: spanAt(doc, pointer),
        // A typo with exactly one word it can be is safe to correct unasked; a choice among several is not.
        fix: { kind: 'replace-value', pointer, suggestions: suggestions.length ? suggestions : allowed, ...(suggestions.length === 1 && { safe: true }) },
      });
      return;
    }
    case 'type': {
      if (value === null) {
        reportNull(context, type, pointer, String(params.type).split(',').includes('string'));
        return;
      }
      const expected = String(params.type).split(',').map((t) => (t === 'array' ? 'a list' : t === 'object' ? 'a mapping of fields' : t === 'integer' ? 'an integer' : `a ${t}`));
      const got = Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : `the ${typeof value} ${shown}`;
      // `title: 2026`, `reduces-risk: true`, `reduces-risk: [draft] a, b`: text YAML took for a
      // number, a boolean, a list or a mapping; quoted, it is text again.
      const scalar = typeof value === 'number' || typeof value === 'boolean';
      const asText = String(params.type).split(',').includes('string') ? plainValueLine(doc, pointer, !scalar) : undefined;
      context.report({
        message: `${name} should be ${expected.join(' or ')}, not ${got}.${asText !== undefined ? ' Quote it, or write it as a block, to keep it as text.' : ''} ${ask}`.trim(),
        span: spanAt(doc, pointer),
        // The digits as typed are the only text they can be: safe for `lint --fix`; a list or a
        // mapping on one line may be meant as one, which is the author's to say.
        ...(asText !== undefined && { fix: { kind: 'write-as-text', line: asText, block: fieldInfo(type, schemaPath(pointer))?.prose ?? false, ...(scalar && { safe: true }) } }),
      });
      return;
    }
    case 'minItems':
    case 'minLength':
      // `deciders: []`, `title: ""`: said like an emptied field, and an optional one may go.
      reportNull(context, type, pointer, false);
      return;
    case 'uniqueItems':
      context.report({ message: `${name} names the same entry twice. ${ask}`.trim(), span: spanAt(doc, pointer) });
      return;
    case 'format':
    case 'pattern':
      context.report({ message: `${name} is ${shown}, which is not ${formatName(type, pointer, String(params.format ?? ''))}. ${ask}`.trim(), span: spanAt(doc, pointer) });
      return;
    default:
      context.report({ message: `${name} ${error.message ?? 'is invalid'}. ${ask}`.trim(), span: spanAt(doc, pointer) });
  }
}

/**
 * A field whose value YAML reads as nothing. Left empty (`plan:`, or only a comment after it): an
 * optional one may simply be left out, so the message says so and the fix removes its line (safe:
 * an empty value says nothing the absent key does not); a required one asks its question. Text
 * YAML reads as nothing — `~`, `null`, an anchor alone (`&ops`), a sentence that starts with `#`
 * and a word (`#1 cause of outages`) — gets the write-as-text fix instead.
 */
function reportNull(context: DocumentRuleContext, type: RecordType, pointer: string, text: boolean): void {
  const { doc } = context;
  const ask = question(type, pointer);
  const written = text ? afterKey(doc, pointer) : undefined;
  if (written && written.text !== '' && !/^#(?:[\s#]|$)/.test(written.text)) {
    const comment = written.text.startsWith('#');
    context.report({
      message: comment
        ? `${field(pointer)} is empty: YAML reads this answer, which starts with '#', as a comment. Quote it, or write it as a block, to keep it as text. ${ask}`.trim()
        : `${field(pointer)} should be text, not ${JSON.stringify(written.text)}, which YAML reads as empty. Quote it, or write it as a block, to keep it as text. ${ask}`.trim(),
      span: spanAt(doc, pointer),
      // A `#` and a word may still be a comment written tightly: the author says which.
      fix: { kind: 'write-as-text', line: written.line, block: fieldInfo(type, schemaPath(pointer))?.prose ?? false, ...(!comment && { safe: true }) },
    });
    return;
  }
  const optional = canLeaveOut(context, type, pointer);
  context.report({
    message: optional ? `${field(pointer)} is empty. ${ask} Answer it, or remove the line: the field is optional.`.replace(/\s+/g, ' ') : `${field(pointer)} is empty. ${ask}`.trim(),
    span: spanAt(doc, pointer),
    ...(optional && { fix: { kind: 'remove-field', pointer, safe: true } }),
  });
}

/** True when the record is as valid without the key as with it empty: no requirement names it, and its mapping keeps other keys. */
function canLeaveOut(context: DocumentRuleContext, type: RecordType, pointer: string): boolean {
  const path = pointerPath(pointer);
  const data = context.doc.data;
  if (!data || !path.length || path.some((segment) => /^\d+$/.test(segment))) return false;
  const parent = path.length > 1 ? valueAt(data, pointerOf(path.slice(0, -1))) : data;
  if (!parent || typeof parent !== 'object' || Array.isArray(parent) || Object.keys(parent).length < 2) return false;
  const without = withoutKey(data, path);
  return !validate(context, type, without).some((error) => error.keyword === 'required' && `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}` === pointer);
}

/** A copy of the data without the key at `path` (only the mappings along the path are copied). */
function withoutKey(data: Record<string, unknown>, path: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = Object.assign(Object.create(null), data);
  if (path.length === 1) delete copy[path[0]];
  else copy[path[0]] = withoutKey(data[path[0]] as Record<string, unknown>, path.slice(1));
  return copy;
}

/**
 * The document line of the key whose one-line value is at `pointer`: what write-as-text rewrites. A
 * plain scalar (`2026`), or with `flow`, a one-line flow list or mapping (`[draft] notes`, `{x}`).
 */
function plainValueLine(doc: DocumentRuleContext['doc'], pointer: string, flow: boolean): number | undefined {
  const location = doc.yaml?.locations.get(pointer);
  const first = doc.text.charAt(location?.value.start ?? 0);
  if (!location?.key || location.value.end <= location.value.start || (flow ? !/^[[{]/.test(first) : /^["'|>[{&*!#]/.test(first))) return undefined;
  const line = doc.lines.position(location.key.start).line;
  return doc.lines.position(location.value.end).line === line ? line : undefined;
}

/** What follows `key:` on the key's line (blanks around it trimmed), and that line; undefined for a key not located. */
function afterKey(doc: DocumentRuleContext['doc'], pointer: string): { line: number; text: string } | undefined {
  const key = doc.yaml?.locations.get(pointer)?.key;
  if (!key) return undefined;
  const line = doc.lines.position(key.end).line;
  const rest = /^[ \t]*:(.*)$/.exec(doc.text.slice(key.end, doc.lines.lineEnd(line)));
  return rest ? { line, text: rest[1].trim() } : undefined;
}

function schemaPath(pointer: string): string[] {
  return pointerPath(pointer).filter((segment) => !/^\d+$/.test(segment));
}

/** A key whose name a schema extension's `propertyNames` refuses: said on the key, not its parent. */
function describeKeyName(context: DocumentRuleContext, type: RecordType, error: ErrorObject, pointer: string, keyName: string): void {
  const params = error.params as Record<string, unknown>;
  const why =
    error.keyword === 'pattern' ? `it must match ${String(params.pattern)}`
    : error.keyword === 'enum' ? `expected ${listOr(((params.allowedValues as unknown[]) ?? []).map(String))}`
    : (error.message ?? 'the schema does not allow it');
  context.report({
    message: `The key ${JSON.stringify(keyName)} in ${error.instancePath ? field(error.instancePath) : 'the frontmatter'} is not allowed: ${why}. Is it misspelled? ${question(type, error.instancePath)}`.trim(),
    span: spanAt(context.doc, pointer, 'key'),
  });
}

function formatName(type: RecordType, pointer: string, format: string): string {
  const info = fieldInfo(type, pointer.split('/').slice(1).filter((s) => !/^\d+$/.test(s)));
  if (format === 'date' || info?.schema.format === 'date' || /\\d\{4\}-/.test(String(info?.schema.pattern ?? ''))) return 'a real date written YYYY-MM-DD';
  if (/decision|supersede|related|plan/.test(displayPath(pointer))) return 'a decision id such as 0007 or ADR-0007';
  return 'in the expected form';
}


function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const part of pointerPath(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
