import { DEFS_SCHEMA, RECORD_SCHEMAS, type JsonSchema, type RecordType } from './schema-registry';
import { pointerPath } from '../text/json-pointer';

/** What the schema says about one field: used for messages, hovers, completions and templates. */
export interface FieldInfo {
  readonly name: string;
  readonly schema: JsonSchema;
  readonly title?: string;
  /** The question the field answers. */
  readonly description?: string;
  readonly enum?: readonly unknown[];
  readonly enumDescriptions?: readonly string[];
  readonly placeholder?: string;
  readonly recommended: boolean;
  readonly required: boolean;
  /**
   * The answer is sentences (`x-prose` in the schema): templates and fixes write it as a folded
   * block (`>-`, the text on the next line), where any sentence — colons, `#`, quotes — is text.
   */
  readonly prose: boolean;
  readonly kind: 'object' | 'array' | 'scalar';
}

const DEFS_ID = String(DEFS_SCHEMA.$id ?? '');

function resolveRef(schema: JsonSchema, root: JsonSchema): { schema: JsonSchema; root: JsonSchema } {
  let current = schema;
  let currentRoot = root;
  for (let hops = 0; hops < 16 && typeof current.$ref === 'string'; hops++) {
    const [file, pointer = ''] = current.$ref.split('#');
    if (file) currentRoot = file.endsWith('defs.schema.json') || file === DEFS_ID ? DEFS_SCHEMA : currentRoot;
    current = pointer.split('/').filter(Boolean).reduce<JsonSchema>((node, part) => (node?.[decodeURIComponent(part)] as JsonSchema) ?? {}, currentRoot);
  }
  return { schema: current, root: currentRoot };
}

function propertiesOf(schema: JsonSchema, root: JsonSchema): Map<string, { schema: JsonSchema; root: JsonSchema }> {
  const out = new Map<string, { schema: JsonSchema; root: JsonSchema }>();
  const visit = (node: JsonSchema, nodeRoot: JsonSchema, depth: number): void => {
    if (depth > 8) return;
    const resolved = resolveRef(node, nodeRoot);
    const properties = resolved.schema.properties as Record<string, JsonSchema> | undefined;
    for (const [name, value] of Object.entries(properties ?? {})) if (!out.has(name)) out.set(name, { schema: value, root: resolved.root });
    for (const sub of (resolved.schema.allOf as JsonSchema[] | undefined) ?? []) visit(sub, resolved.root, depth + 1);
  };
  visit(schema, root, 0);
  return out;
}

function requiredOf(schema: JsonSchema, root: JsonSchema): Set<string> {
  const resolved = resolveRef(schema, root).schema;
  const names = new Set<string>((resolved.required as string[] | undefined) ?? []);
  for (const sub of (resolved.allOf as JsonSchema[] | undefined) ?? []) for (const name of requiredOf(sub, root)) names.add(name);
  return names;
}

function toInfo(name: string, raw: JsonSchema, root: JsonSchema, required: boolean): FieldInfo {
  const { schema } = resolveRef(raw, root);
  const merged = { ...schema, ...raw };
  const type = merged.type;
  const kind = type === 'object' || merged.properties ? 'object' : type === 'array' ? 'array' : 'scalar';
  const itemSchema = kind === 'array' && merged.items ? resolveRef(merged.items as JsonSchema, root).schema : undefined;
  return {
    name,
    schema: merged,
    title: merged.title as string | undefined,
    description: merged.description as string | undefined,
    enum: (merged.enum ?? itemSchema?.enum) as unknown[] | undefined,
    enumDescriptions: (merged.enumDescriptions ?? itemSchema?.enumDescriptions) as string[] | undefined,
    placeholder: merged['x-placeholder'] as string | undefined,
    recommended: merged['x-recommended'] === true,
    required,
    prose: merged['x-prose'] === true && kind === 'scalar',
    kind,
  };
}

function walk(type: RecordType, path: readonly string[]): { schema: JsonSchema; root: JsonSchema } | undefined {
  let node: { schema: JsonSchema; root: JsonSchema } = { schema: RECORD_SCHEMAS[type], root: RECORD_SCHEMAS[type] };
  for (const segment of path) {
    const resolved = resolveRef(node.schema, node.root);
    if (/^\d+$/.test(segment) && resolved.schema.items) {
      node = { schema: resolved.schema.items as JsonSchema, root: resolved.root };
      continue;
    }
    const next = propertiesOf(resolved.schema, resolved.root).get(segment);
    if (!next) return undefined;
    node = next;
  }
  return node;
}

/** Info for the field at a path of keys (`['risk', 'level']`); undefined for unknown keys. */
export function fieldInfo(type: RecordType, path: readonly string[]): FieldInfo | undefined {
  if (!path.length) return undefined;
  const parent = walk(type, path.slice(0, -1));
  const self = walk(type, path);
  if (!parent || !self) return undefined;
  const name = path[path.length - 1];
  const required = requiredOf(parent.schema, parent.root).has(name);
  return toInfo(name, self.schema, self.root, required);
}

/** The fields an object at `path` may hold, in the schema's (template) order. */
export function childFields(type: RecordType, path: readonly string[]): FieldInfo[] {
  const node = walk(type, path);
  if (!node) return [];
  const resolved = resolveRef(node.schema, node.root);
  const required = requiredOf(resolved.schema, resolved.root);
  return [...propertiesOf(resolved.schema, resolved.root)].map(([name, value]) => toInfo(name, value.schema, value.root, required.has(name)));
}

/** Body sections of a type, from the schema's `x-sections`. */
export function schemaSections(type: RecordType): Array<{ heading: string; prompt: string }> {
  return ((RECORD_SCHEMAS[type] as JsonSchema)['x-sections'] as Array<{ heading: string; prompt: string }> | undefined) ?? [];
}

/** Dotted display name for a JSON Pointer: `/risk/level` → `risk.level`, `/owners/0` → `owners[0]`. */
export function displayPath(pointer: string | readonly string[]): string {
  const parts = typeof pointer === 'string' ? pointerPath(pointer) : pointer;
  return parts.reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}
