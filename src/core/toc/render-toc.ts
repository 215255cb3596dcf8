import type { DecisionEntry } from '../index/decision-entry';
import { formatId } from '../index/ids';
import { markdownCell as cell, markdownHref as link } from '../text/markdown-text';

export const TOC_START = '<!-- legible:index:start -->';
export const TOC_END = '<!-- legible:index:end -->';

/** A Markdown table of the records, sorted by number, with links relative to `indexFolder`. */
export function renderToc(entries: readonly DecisionEntry[], indexFolder: string): string {
  const sorted = [...entries].sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || a.path.localeCompare(b.path));
  const rows = sorted.map((e) => {
    const id = e.number === undefined ? e.id : formatId(e.type, e.number, e.id.length);
    const door = e.door ?? '';
    return `| [${cell(id)}](${link(indexFolder, e.path)}) | ${cell(e.title)} | ${cell(e.status ?? '')} | ${cell(e.risk ?? '')} | ${cell(door)} | ${cell(e.owners.join(', '))} |`;
  });
  return [TOC_START, '| Id | Title | Status | Risk | Door | Owners |', '| --- | --- | --- | --- | --- | --- |', ...rows, TOC_END].join('\n');
}

/**
 * Puts the table between the markers, keeping every hand-written line around them; appends it
 * (after a heading, in a new file) when there are no markers yet. Running it twice changes nothing.
 */
export function updateToc(existing: string | undefined, table: string, heading = '# Decision records'): string {
  if (existing === undefined || existing.trim() === '') return `${heading}\n\n${table}\n`;
  const start = existing.indexOf(TOC_START);
  const end = existing.indexOf(TOC_END, start + 1);
  if (start !== -1 && end !== -1) return existing.slice(0, start) + table + existing.slice(end + TOC_END.length);
  return `${existing.trimEnd()}\n\n${table}\n`;
}

/**
 * The index file's new text from its old one (as read, a byte order mark kept as U+FEFF), or
 * undefined when the table is already current: the file's own line endings and its byte order
 * mark stay as they were. What `legible index` and the editor's Generate Index both write.
 */
export function nextTocFileText(existing: string | undefined, table: string): string | undefined {
  const bom = existing?.startsWith('\ufeff') ? '\ufeff' : '';
  const crlf = existing?.includes('\r\n') ?? false;
  const body = existing?.slice(bom.length).replace(/\r\n/g, '\n');
  let text = updateToc(body, table);
  if (crlf) text = text.replace(/\n/g, '\r\n');
  text = bom + text;
  return text === existing ? undefined : text;
}
