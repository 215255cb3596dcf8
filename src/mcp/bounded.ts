import { closesFence, fenceOpening, type Fence } from '../core/parse/fence';

/**
 * The most characters of one answer: an agent's context is the budget, and a repository of
 * thousands of records must not spend it in one call (some clients refuse answers past ~25,000
 * tokens). Lists stop before the bound and say how many items were left out; a text is cut with
 * a note. About 15,000 tokens.
 */
export const MAX_ANSWER_CHARS = 60_000;

/** What a list answer says when items were left out. */
export interface Truncation {
  readonly shown: number;
  readonly total: number;
  readonly note: string;
}

/**
 * The leading items whose JSON fits in `budget` characters (at least none, at most `limit`), and
 * a note when some were left out, saying how to see them.
 */
export function fitList<T>(items: readonly T[], budget: number, limit: number, narrower: string): { items: T[]; truncated?: Truncation } {
  const out: T[] = [];
  let used = 2;
  for (const item of items) {
    if (out.length >= limit) break;
    const size = JSON.stringify(item).length + 1;
    if (used + size > budget) break;
    out.push(item);
    used += size;
  }
  if (out.length === items.length) return { items: out };
  const reason = out.length >= limit ? `the limit of ${limit}` : `the answer's bound of ${budget.toLocaleString('en')} characters`;
  return { items: out, truncated: { shown: out.length, total: items.length, note: `${items.length - out.length} of ${items.length} left out by ${reason}; ${narrower}.` } };
}

/**
 * A text cut to at most `max` characters as `measure` counts them (default: as written; for a text
 * inside JSON, its escaped length), with a note saying so (and how long it was).
 */
export function fitText(text: string, max: number, measure: (text: string) => number = (t) => t.length): { text: string; truncated?: string } {
  if (measure(text) <= max) return { text };
  // The longest prefix that fits: escapes make the measure grow faster than the prefix.
  let low = 0;
  let high = Math.min(text.length, max);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(text.slice(0, mid)) <= max) low = mid;
    else high = mid - 1;
  }
  // Never half a surrogate pair.
  let end = low;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return { text: text.slice(0, end), truncated: `cut at ${end.toLocaleString('en')} of ${text.length.toLocaleString('en')} characters` };
}

/**
 * A Markdown text of at most `max` characters, note included: cut (fitText) with an HTML comment
 * saying where and how long it was, after the code fence the cut left open is closed, so the note
 * reads as a note, not as code.
 */
export function fitMarkdown(text: string, max: number): string {
  if (text.length <= max) return text;
  let room = max;
  for (;;) {
    const cut = fitText(text, Math.max(0, room));
    const open = openFence(cut.text);
    const closing = open ? `\n${open.char.repeat(open.length)}` : '';
    const out = `${cut.text}${closing}\n\n<!-- legible: ${cut.truncated} -->\n`;
    if (out.length <= max || room <= 0) return out;
    room -= out.length - max;
  }
}

/** The fenced code block still open at the end of a Markdown text (CommonMark's fences at up to 3 spaces of indentation). */
function openFence(text: string): Fence | undefined {
  let open: Fence | undefined;
  for (const raw of text.split('\n')) {
    let indent = 0;
    while (indent < raw.length && raw.charCodeAt(indent) === 32) indent++;
    if (indent > 3) continue;
    const line = raw.slice(indent).replace(/\r$/, '');
    if (!open) open = fenceOpening(line);
    else if (closesFence(line, open)) open = undefined;
  }
  return open;
}

/** How long a text is inside a JSON answer. */
export const jsonLength = (text: string) => JSON.stringify(text).length;

/** A tool's answer: the data as JSON text, never longer than the bound (a last guard behind the tools' own). */
export function jsonAnswer(data: unknown, max = MAX_ANSWER_CHARS): { content: Array<{ type: 'text'; text: string }> } {
  const json = JSON.stringify(data);
  if (json.length <= max) return { content: [{ type: 'text', text: json }] };
  const note = `\n… answer cut at ${max.toLocaleString('en')} of ${json.length.toLocaleString('en')} characters: ask for less (a filter, fewer paths).`;
  return { content: [{ type: 'text', text: fitText(json, max - note.length).text + note }] };
}
