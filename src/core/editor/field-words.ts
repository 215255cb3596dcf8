import { childFields, fieldInfo, type FieldInfo } from '../schema/field-info';
import { DEFS_SCHEMA, RECORD_TYPES, type JsonSchema, type RecordType } from '../schema/schema-registry';

/**
 * What completion and hover say about a field, taken from the schemas through field-info: the
 * title, the question, whether it is required, and the vocabulary with its descriptions.
 */

const COMMON = ((DEFS_SCHEMA.definitions as Record<string, JsonSchema> | undefined)?.common ?? {}) as JsonSchema;
const DECISION_ID_PATTERN = ((DEFS_SCHEMA.definitions as Record<string, JsonSchema> | undefined)?.['decision-id']?.pattern ?? '') as string;

/** A field of the `common` definition (the fields every type carries), for records with no type yet. */
function commonFieldInfo(name: string): FieldInfo | undefined {
  const properties = (COMMON.properties ?? {}) as Record<string, JsonSchema>;
  if (!Object.prototype.hasOwnProperty.call(properties, name)) return undefined;
  const schema = properties[name];
  return {
    name,
    schema,
    title: schema.title as string | undefined,
    description: schema.description as string | undefined,
    enum: schema.enum as unknown[] | undefined,
    enumDescriptions: schema.enumDescriptions as string[] | undefined,
    placeholder: schema['x-placeholder'] as string | undefined,
    recommended: schema['x-recommended'] === true,
    required: ((COMMON.required ?? []) as string[]).includes(name),
    prose: schema['x-prose'] === true && schema.type !== 'array' && schema.type !== 'object',
    kind: schema.type === 'array' ? 'array' : schema.type === 'object' ? 'object' : 'scalar',
  };
}

/** The root keys that every record type has, in the schema's order: what a record without a type is offered. */
function commonRootFields(): FieldInfo[] {
  const shared = RECORD_TYPES.map((type) => new Set(childFields(type, []).map((f) => f.name)));
  return Object.keys((COMMON.properties ?? {}) as object)
    .filter((name) => shared.every((names) => names.has(name)))
    .map((name) => commonFieldInfo(name))
    .filter((info): info is FieldInfo => info !== undefined);
}

/**
 * The type whose schema describes the mapping at `path`: the record's own, or, in a record that
 * declares none yet, the first type where `path` is a mapping (`risk:` is one in ADRs and RFCs).
 */
export function schemaTypeFor(type: RecordType | undefined, path: readonly string[]): RecordType | undefined {
  return type ?? RECORD_TYPES.find((candidate) => fieldInfo(candidate, path)?.kind === 'object');
}

/** The fields a mapping at `path` may hold; `type` undefined when the record does not say yet. */
export function editorChildFields(type: RecordType | undefined, path: readonly string[]): FieldInfo[] {
  if (type) return childFields(type, path);
  if (!path.length) return commonRootFields();
  const guess = schemaTypeFor(undefined, path);
  return guess ? childFields(guess, path) : [];
}

/** What the schema says of the field at `path`, with the `type` field's own vocabulary. */
export function editorFieldInfo(type: RecordType | undefined, path: readonly string[]): FieldInfo | undefined {
  if (path.length === 1 && path[0] === 'type') {
    const common = commonFieldInfo('type');
    const own = type ? fieldInfo(type, path) : undefined;
    return own && common ? { ...own, enum: common.enum, enumDescriptions: common.enumDescriptions } : common;
  }
  if (type) return fieldInfo(type, path);
  if (path.length === 1) return commonFieldInfo(path[0]);
  const guess = schemaTypeFor(undefined, path.slice(0, -1));
  return guess ? fieldInfo(guess, path) : undefined;
}

/** What a field's values are, beyond a closed vocabulary: references, people or dates. */
export type ValueSort = 'id' | 'person' | 'date' | 'text';

export function valueSort(info: FieldInfo): ValueSort {
  const items = (info.kind === 'array' ? info.schema.items : info.schema) as JsonSchema | undefined;
  const ref = typeof items?.$ref === 'string' ? items.$ref : '';
  if (ref.endsWith('/person')) return 'person';
  if (ref.endsWith('/decision-id') || (DECISION_ID_PATTERN && items?.pattern === DECISION_ID_PATTERN)) return 'id';
  if (items?.format === 'date' || ref.endsWith('/date')) return 'date';
  return 'text';
}

/** Inline Markdown characters (emphasis, code, links, HTML, table pipes) are shown as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|]/g, '\\$&');
}

/** `Required`, `Recommended` or `Optional`: the schema's `required` and `x-recommended`. */
function necessity(info: FieldInfo): string {
  return info.required ? 'Required' : info.recommended ? 'Recommended' : 'Optional';
}

/** The field's vocabulary as a Markdown list: each value with its description. */
function vocabularyMarkdown(info: FieldInfo): string {
  return (info.enum ?? []).map((value, i) => `- \`${String(value)}\`${info.enumDescriptions?.[i] ? ` — ${escapeMarkdown(info.enumDescriptions[i])}` : ''}`).join('\n');
}

/** A field's hover and completion documentation: title, question, necessity (the question carries any condition), vocabulary. */
export function fieldMarkdown(info: FieldInfo): string {
  const parts = [`**${escapeMarkdown(info.title ?? info.name)}** (\`${info.name}\`) · ${necessity(info)}`];
  if (info.description) parts.push(escapeMarkdown(info.description));
  if (info.enum?.length) parts.push(vocabularyMarkdown(info));
  return parts.join('\n\n');
}

/** The description of one value of a closed vocabulary, if the field has it. */
export function valueDescription(info: FieldInfo, value: string): string | undefined {
  const i = (info.enum ?? []).findIndex((v) => String(v) === value);
  return i < 0 ? undefined : (info.enumDescriptions?.[i] ?? '');
}
