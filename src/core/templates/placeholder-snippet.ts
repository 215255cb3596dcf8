import type { DecisionDocument } from '../document/decision-document';
import { blockContent, trimmedValue } from '../document/value-spans';
import type { CompiledPattern } from '../port/regex-engine';
import { placeholderPointers } from '../document/placeholder-pointers';

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/**
 * A written record as a snippet whose tab stops are its placeholders, in order: each frontmatter
 * value still a placeholder, then each body line that is one (the section prompts). Everything else
 * is the text as it is. For a record written by editing a template (Supersede: carried values,
 * links), where no snippet was rendered alongside the text.
 */
export function placeholderSnippet(doc: DecisionDocument, placeholder: CompiledPattern): string {
  const stops: Array<{ start: number; end: number }> = [];
  for (const pointer of placeholderPointers(doc, placeholder).keys()) {
    const location = doc.yaml?.locations.get(pointer);
    if (!location) continue;
    // A folded block's stop is its question, never the `>-` header: what is typed there stays prose.
    const span = blockContent(doc, location.value) ?? trimmedValue(doc, location);
    if (span.end > span.start) stops.push(span);
  }
  const body = doc.block.kind === 'closed' ? doc.bodyStart : 0;
  const lineBreak = /\r\n|\r|\n/g;
  let start = body;
  while (start < doc.text.length) {
    lineBreak.lastIndex = start;
    const found = lineBreak.exec(doc.text);
    const end = found ? found.index : doc.text.length;
    const line = doc.text.slice(start, end);
    const content = line.trim();
    // A heading that mentions TODO is a title, not a prompt.
    if (content && !content.startsWith('#') && placeholder.test(content)) {
      const lead = line.length - line.trimStart().length;
      stops.push({ start: start + lead, end: start + lead + content.length });
    }
    start = found ? found.index + found[0].length : doc.text.length;
  }
  stops.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  let number = 0;
  for (const stop of stops) {
    if (stop.start < at) continue;
    out += `${escapeSnippet(doc.text.slice(at, stop.start))}\${${++number}:${escapeSnippet(doc.text.slice(stop.start, stop.end))}}`;
    at = stop.end;
  }
  return `${out}${escapeSnippet(doc.text.slice(at))}$0`;
}
