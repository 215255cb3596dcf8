import { childFields, fieldInfo, schemaSections, type FieldInfo } from '../schema/field-info';
import type { RecordType } from '../schema/schema-registry';
import { statusesOf } from '../schema/statuses';
import type { Answers } from './record-questions';
import { templateFields } from './template-fields';
import { PROSE_BLOCK, flowString, yamlString } from './yaml-scalar';

/**
 * New records are rendered from the schema: the fields it requires given what is known (see
 * template-fields.ts), in the schema's order, each unfilled value a placeholder that asks the
 * field's question. The same walk gives plain text (CLI) and a snippet with tab stops (the editor),
 * so they cannot drift apart.
 */
export interface TemplateInput {
  readonly type: RecordType;
  readonly title: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly owners?: readonly string[];
  /** Body headings (from the configuration); defaults to the schema's sections. */
  readonly sections?: readonly string[];
  /** The first questions' answers (`reversibility.door`, `risk.level`…): written as values, and they decide which fields follow. */
  readonly answers?: Answers;
}

export interface RenderedTemplate {
  readonly text: string;
  /** The same record as a VS Code snippet: each placeholder is a tab stop, in order. */
  readonly snippet: string;
}

/** The text a placeholder shows: the question, without a trailing condition in parentheses. */
export function placeholderText(info: FieldInfo): string {
  const text = info.placeholder ?? info.description ?? info.title ?? info.name;
  return withoutCondition(text.trim()).trim();
}

/** `text` without a last `(required …)` or `(always …)`; a pattern with `\s*` on both sides was quadratic on a long run of blanks. */
function withoutCondition(text: string): string {
  if (!text.endsWith(')')) return text;
  const open = text.lastIndexOf('(');
  const inside = text.slice(open + 1, -1);
  return open !== -1 && /^(?:required|always)/i.test(inside) && !inside.includes(')') ? text.slice(0, open) : text;
}

interface Writer {
  value(info: FieldInfo): string;
  item(info: FieldInfo): string;
  /** A placeholder written as it is, in a body paragraph or a `>-` block. */
  prose(text: string): string;
  /** Known text written as it is (a snippet must escape `$`, `}` and `\\` in it). */
  literal(text: string): string;
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** An element of a snippet choice (`${1|a,b|}`): there `,`, `|` and `\\` are escaped, and nothing else is. */
function escapeChoice(text: string): string {
  return text.replace(/[,|\\]/g, '\\$&');
}

/** Plain text: every unfilled value a `<question>` placeholder, closed vocabularies as `<a | b>`. */
function textWriter(): Writer {
  const choice = (info: FieldInfo): string | undefined => (info.enum?.length ? `<${info.enum.join(' | ')}>` : undefined);
  return {
    value: (info) => yamlString(choice(info) ?? `<${placeholderText(info)}>`),
    item: (info) => yamlString(choice(info) ?? `<${placeholderText(info)}>`),
    prose: (text) => `<${text}>`,
    literal: (text) => text,
  };
}

function snippetWriter(): Writer {
  let stop = 0;
  const next = (info: FieldInfo): string => {
    stop++;
    // A closed vocabulary is a choice whose first element is its placeholder: the values drop down
    // at the tab stop, and a stop left alone stays an open question for the placeholder rule (a
    // choice that started on its first value would silently decide it).
    if (info.enum?.length) {
      const choices = [yamlString(`<${info.enum.join(' | ')}>`), ...info.enum.map((value) => yamlString(String(value)))];
      return `\${${stop}|${choices.map(escapeChoice).join(',')}|}`;
    }
    return `\${${stop}:${escapeSnippet(yamlString(`<${placeholderText(info)}>`))}}`;
  };
  return {
    value: next,
    item: next,
    prose: (text) => `\${${++stop}:${escapeSnippet(`<${text}>`)}}`,
    literal: escapeSnippet,
  };
}

/**
 * True when a fix that adds a structure (and a structure's snippet) writes the field: required or
 * recommended. A new record writes fewer (`templateFields`): its author is asked the rest by
 * completion, while a fix that adds `risk:` to a record in review may as well ask all of it.
 */
export function inTemplate(info: FieldInfo): boolean {
  return info.required || info.recommended;
}

/** Values already known, by dotted path (`knowledge-exit-path.holders`): a YAML scalar as written, or a list of strings. */
export type FixedValues = Readonly<Record<string, string | readonly string[]>>;

export interface FieldLinesOptions {
  /** Indentation of the field's own key line. */
  readonly indent?: string;
  /** One level of indentation for its children and list items (the file's own: two or four spaces). */
  readonly unit?: string;
  /** Values to write instead of placeholders; a fixed key is written even when the template would leave it out. */
  readonly fixed?: FixedValues;
}

interface Walk {
  readonly type: RecordType;
  readonly unit: string;
  readonly writer: Writer;
  readonly fixed: FixedValues;
  /** Which children of a mapping are written (with their dotted path); the template's by default. */
  readonly include?: (info: FieldInfo, key: string) => boolean;
}

function hasFixed(walk: Walk, key: string): boolean {
  return Object.keys(walk.fixed).some((fixed) => fixed === key || fixed.startsWith(`${key}.`));
}

function renderField(walk: Walk, path: readonly string[], info: FieldInfo, indent: string, out: string[]): void {
  const key = path.join('.');
  const given = walk.fixed[key];
  if (given !== undefined) {
    if (typeof given === 'string') out.push(`${indent}${info.name}: ${walk.writer.literal(given)}`);
    else out.push(`${indent}${info.name}:`, ...given.map((v) => `${indent}${walk.unit}- ${walk.writer.literal(yamlString(v))}`));
    return;
  }
  if (info.kind === 'object') {
    out.push(`${indent}${info.name}:`);
    renderFields(walk, path, `${indent}${walk.unit}`, out);
  } else if (info.kind === 'array') {
    out.push(`${indent}${info.name}:`, `${indent}${walk.unit}- ${walk.writer.item(info)}`);
  } else if (info.prose && !info.enum?.length) {
    // A sentence is an answer whatever it holds (`: `, ` #`, quotes, a leading `-`): written as a
    // folded block, on its own line below the key, YAML reads every character as text.
    out.push(`${indent}${info.name}: ${PROSE_BLOCK}`, `${indent}${walk.unit}${walk.writer.prose(placeholderText(info))}`);
  } else {
    out.push(`${indent}${info.name}: ${walk.writer.value(info)}`);
  }
}

function renderFields(walk: Walk, path: readonly string[], indent: string, out: string[]): void {
  for (const info of childFields(walk.type, path)) {
    const childPath = [...path, info.name];
    const key = childPath.join('.');
    if ((walk.include ?? inTemplate)(info, key) || hasFixed(walk, key)) renderField(walk, childPath, info, indent, out);
  }
}

/**
 * The lines of one field as a new record's template writes it: its key with a placeholder that asks
 * its question, or, for a mapping, its required and recommended children. Quick fixes that add a
 * missing field or structure use this, so every fix writes a field the same way.
 * Empty when the schema does not know the field.
 */
export function renderFieldLines(type: RecordType, path: readonly string[], options: FieldLinesOptions = {}): string[] {
  const info = fieldInfo(type, path);
  if (!info) return [];
  const out: string[] = [];
  renderField({ type, unit: options.unit ?? '  ', writer: textWriter(), fixed: options.fixed ?? {} }, path, info, options.indent ?? '', out);
  return out;
}

/**
 * The same lines as a snippet, each placeholder a tab stop in order: what completing a key in the
 * frontmatter inserts. With `requiredOnly`, a mapping gets only its required children.
 */
export function renderFieldSnippet(type: RecordType, path: readonly string[], options: FieldLinesOptions & { readonly requiredOnly?: boolean } = {}): string[] {
  const info = fieldInfo(type, path);
  if (!info) return [];
  const out: string[] = [];
  const include = options.requiredOnly ? (child: FieldInfo): boolean => child.required : undefined;
  renderField({ type, unit: options.unit ?? '  ', writer: snippetWriter(), fixed: options.fixed ?? {}, include }, path, info, options.indent ?? '', out);
  return out;
}

/** The placeholder paragraph under a body section: the schema's prompt for it, or a question built from the heading. */
export function sectionPrompt(type: RecordType, heading: string): string {
  const prompt = schemaSections(type).find((s) => s.heading.toLowerCase() === heading.toLowerCase())?.prompt;
  return prompt ?? `What belongs under ${heading}?`;
}

/** What a new record knows before anyone fills it in, by dotted path, as written. */
function knownValues(input: TemplateInput): FixedValues {
  const fixed: Record<string, string[] | string> = {
    type: input.type,
    title: yamlString(input.title),
    status: String(statusesOf(input.type)[0] ?? 'proposed'),
    date: input.date,
  };
  if (input.owners?.length) fixed.owners = [...input.owners];
  for (const [key, value] of Object.entries(input.answers ?? {})) fixed[key] = yamlString(value);
  return fixed;
}

function render(input: TemplateInput, writer: Writer, fixed: FixedValues, fields: ReadonlySet<string>): string {
  const lines = ['---'];
  renderFields({ type: input.type, unit: '  ', writer, fixed, include: (_, key) => fields.has(key) }, [], '', lines);
  lines.push('---', '', `# ${writer.literal(input.title)}`);
  for (const heading of input.sections ?? schemaSections(input.type).map((s) => s.heading)) {
    lines.push('', `## ${writer.literal(heading)}`, '', writer.prose(sectionPrompt(input.type, heading)));
  }
  return `${lines.join('\n')}\n`;
}

export function renderTemplate(input: TemplateInput): RenderedTemplate {
  const fixed = knownValues(input);
  const fields = templateFields(input.type, fixed);
  return { text: render(input, textWriter(), fixed, fields), snippet: render(input, snippetWriter(), fixed, fields).replace(/\n$/, '\n$0') };
}

/**
 * A repository's own template: `{{title}}`, `{{date}}`, `{{id}}`, `{{type}}` and `{{owner}}` are
 * filled in. In the frontmatter, a title or owner that is a whole YAML value (`title: {{title}}`,
 * `- {{owner}}`, `owners: [{{owner}}]`) is written so it reads back exactly, whatever it holds
 * (`Fix #42: yes`, `O'Brien, Pat`); elsewhere (a heading, the body) it is the plain text.
 */
export function renderCustomTemplate(source: string, values: { title: string; date: string; id: string; type: RecordType; owner?: string }): string {
  const fill = (name: string) => String(values[name as keyof typeof values] ?? '');
  const text = (name: string) => (name === 'title' || name === 'owner' ? fill(name) : undefined);
  const parts = source.split(/(\r\n|\r|\n)/);
  // The frontmatter's lines: from a first line `---` to the next `---` (parts alternate line, break).
  const fenced = parts[0]?.trimEnd() === '---';
  let inFrontmatter = false;
  return parts
    .map((line, i) => {
      if (i % 2 === 1) return line;
      if (fenced && line.trimEnd() === '---') {
        inFrontmatter = i === 0;
        return line;
      }
      if (inFrontmatter) {
        const whole = /^([ \t]*(?:[\w-]+:|-)[ \t]*)\{\{\s*(title|date|id|type|owner)\s*\}\}([ \t]*)$/.exec(line);
        if (whole) return `${whole[1]}${text(whole[2]) !== undefined ? yamlString(fill(whole[2])) : fill(whole[2])}${whole[3]}`;
        // An entry of a one-line flow list: `owners: [{{owner}}, bo]`. One pass over the line, so a
        // value that holds `{{title}}` is never filled in again.
        const flow = /^[ \t]*[\w-]+:[ \t]*\[[^\]]*\][ \t]*$/.test(line);
        return line.replace(/\{\{\s*(title|date|id|type|owner)\s*\}\}/g, (token: string, name: string, at: number) => {
          const entry = flow && text(name) !== undefined && /[[,][ \t]*$/.test(line.slice(0, at)) && /^[ \t]*[,\]]/.test(line.slice(at + token.length));
          return entry ? flowString(fill(name)) : fill(name);
        });
      }
      return line.replace(/\{\{\s*(title|date|id|type|owner)\s*\}\}/g, (_, name: string) => fill(name));
    })
    .join('');
}
