import { childFields, schemaSections, type FieldInfo } from '../schema/field-info';
import type { RecordType } from '../schema/schema-registry';
import { yamlString } from './yaml-scalar';

/**
 * New records are rendered from the schema: the required fields and the recommended ones, in the
 * schema's order, each unfilled value a placeholder that asks the field's question. The same walk
 * gives plain text (CLI) and a snippet with tab stops (the editor), so they cannot drift apart.
 */
export interface TemplateInput {
  readonly type: RecordType;
  readonly title: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly owners?: readonly string[];
  /** Body headings (from the configuration); defaults to the schema's sections. */
  readonly sections?: readonly string[];
}

export interface RenderedTemplate {
  readonly text: string;
  /** The same record as a VS Code snippet: each placeholder is a tab stop, in order. */
  readonly snippet: string;
}

/** The text a placeholder shows: the question, without a trailing condition in parentheses. */
export function placeholderText(info: FieldInfo): string {
  const text = info.placeholder ?? info.description ?? info.title ?? info.name;
  return text.replace(/\s*\((?:required|always)[^)]*\)\s*$/i, '').trim();
}

interface Writer {
  value(info: FieldInfo): string;
  item(info: FieldInfo): string;
  prose(text: string): string;
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

function textWriter(): Writer {
  const choice = (info: FieldInfo): string | undefined => (info.enum?.length ? `<${info.enum.join(' | ')}>` : undefined);
  return {
    value: (info) => yamlString(choice(info) ?? `<${placeholderText(info)}>`),
    item: (info) => yamlString(choice(info) ?? `<${placeholderText(info)}>`),
    prose: (text) => `<${text}>`,
  };
}

function snippetWriter(): Writer {
  let stop = 0;
  const next = (info: FieldInfo): string => {
    stop++;
    // Closed vocabularies stay placeholders too (not a choice that silently picks the first value):
    // an unfilled field must remain visible to the placeholder rule; completion offers the values.
    const text = info.enum?.length ? `<${info.enum.join(' | ')}>` : `<${placeholderText(info)}>`;
    return `\${${stop}:${escapeSnippet(yamlString(text))}}`;
  };
  return {
    value: next,
    item: next,
    prose: (text) => `\${${++stop}:${escapeSnippet(`<${text}>`)}}`,
  };
}

function included(info: FieldInfo): boolean {
  return info.required || info.recommended;
}

function renderFields(type: RecordType, path: string[], indent: string, writer: Writer, fixed: Record<string, string[] | string>, out: string[]): void {
  for (const info of childFields(type, path).filter(included)) {
    const key = [...path, info.name].join('.');
    const given = fixed[key];
    if (given !== undefined) {
      if (Array.isArray(given)) out.push(`${indent}${info.name}:`, ...given.map((v) => `${indent}  - ${yamlString(v)}`));
      else out.push(`${indent}${info.name}: ${given}`);
      continue;
    }
    if (info.kind === 'object') {
      out.push(`${indent}${info.name}:`);
      renderFields(type, [...path, info.name], `${indent}  `, writer, fixed, out);
    } else if (info.kind === 'array') {
      const itemInfo = { ...info, description: info.description } as FieldInfo;
      out.push(`${indent}${info.name}:`, `${indent}  - ${writer.item(itemInfo)}`);
    } else {
      out.push(`${indent}${info.name}: ${writer.value(info)}`);
    }
  }
}

function render(input: TemplateInput, writer: Writer): string {
  const statuses = childFields(input.type, []).find((f) => f.name === 'status')?.enum ?? [];
  const fixed: Record<string, string[] | string> = {
    type: input.type,
    title: yamlString(input.title),
    status: String(statuses[0] ?? 'proposed'),
    date: input.date,
  };
  if (input.owners?.length) fixed.owners = [...input.owners];
  const lines = ['---'];
  renderFields(input.type, [], '', writer, fixed, lines);
  lines.push('---', '', `# ${input.title}`);
  const prompts = new Map(schemaSections(input.type).map((s) => [s.heading.toLowerCase(), s.prompt]));
  for (const heading of input.sections ?? schemaSections(input.type).map((s) => s.heading)) {
    lines.push('', `## ${heading}`, '', writer.prose(prompts.get(heading.toLowerCase()) ?? `What belongs under ${heading}?`));
  }
  return `${lines.join('\n')}\n`;
}

export function renderTemplate(input: TemplateInput): RenderedTemplate {
  return { text: render(input, textWriter()), snippet: render(input, snippetWriter()).replace(/\n$/, '\n$0') };
}

/** A repository's own template: `{{title}}`, `{{date}}`, `{{id}}`, `{{type}}` and `{{owner}}` are filled in. */
export function renderCustomTemplate(source: string, values: { title: string; date: string; id: string; type: RecordType; owner?: string }): string {
  return source.replace(/\{\{\s*(title|date|id|type|owner)\s*\}\}/g, (_, key: string) => {
    if (key === 'title') return yamlString(values.title);
    return String(values[key as keyof typeof values] ?? '');
  });
}
