import { renderFieldSnippet, renderTemplate } from './render-template';
import { RECORD_TYPES, type RecordType } from '../schema/schema-registry';
import { fieldInfo } from '../schema/field-info';
import { typeLabel } from '../views/decision-groups';

export interface SnippetDefinition {
  readonly prefix: string;
  readonly body: string[];
  readonly description: string;
}

const TITLE = 'LEGIBLE_TITLE_TOKEN';
const DATE = '0000-00-00';

/** Shifts every tab stop by one, so the title can be the first. */
function shiftStops(body: string): string {
  return body.replace(/\$\{(\d+)([:|])/g, (_, n: string, sep: string) => `\${${Number(n) + 1}${sep}`);
}

function recordSnippet(type: RecordType): SnippetDefinition {
  const { snippet } = renderTemplate({ type, title: TITLE, date: DATE });
  const body = shiftStops(snippet)
    .replace(`title: ${TITLE}`, 'title: ${1:Title}')
    .replace(`# ${TITLE}`, '# ${1}')
    .replace(`date: ${DATE}`, 'date: $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE');
  const noun = typeLabel(type).replace(/s$/, '');
  return { prefix: type, body: body.split('\n'), description: `Legible: a new ${noun}, every field a question to answer` };
}

const STRUCTURES = ['reversibility', 'risk', 'business-tradeoff', 'knowledge-exit-path'];

function structureSnippet(name: string): SnippetDefinition {
  const info = fieldInfo('adr', [name]);
  return { prefix: name, body: renderFieldSnippet('adr', [name]), description: `Legible: ${name} — ${info?.description ?? ''}`.trim() };
}

/** The contributed snippets, generated from the schemas (and checked against them by a test). */
export function buildSnippets(): Record<string, SnippetDefinition> {
  const out: Record<string, SnippetDefinition> = {};
  for (const type of RECORD_TYPES) out[`Legible ${type}`] = recordSnippet(type);
  for (const name of STRUCTURES) out[`Legible ${name}`] = structureSnippet(name);
  return out;
}

export function snippetsFileText(): string {
  return `${JSON.stringify(buildSnippets(), null, 2)}\n`;
}
