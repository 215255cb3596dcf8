import { parseDocument, stringify } from 'yaml';

/**
 * A string written as a YAML scalar that reads back as exactly that string: plain when safe,
 * quoted when YAML would read it as something else (`0007`, `yes`, `Fix #42: yes`).
 */
export function yamlString(value: string): string {
  const plain = stringify(value, { lineWidth: 0, version: '1.2' }).replace(/\n$/, '');
  if (!plain.includes('\n') && readsBack(plain, value)) return plain;
  return JSON.stringify(value);
}

/** A string as an entry of a one-line flow list (`[a, b]`): quoted also when it holds `,`, `[`, `]`, `{` or `}`. */
export function flowString(value: string): string {
  const plain = yamlString(value);
  return /[,[\]{}]/.test(plain) && !/^["']/.test(plain) ? JSON.stringify(value) : plain;
}

/**
 * How a prose answer is written: a folded block scalar (`key: >-`, the text on the lines below,
 * indented). Inside it YAML reads every character as text — `: `, ` #`, quotes, a leading `-`,
 * `|`, `>`, `&`, `*`, `!`, `%`, `@` — and `-` strips the final line break.
 */
export const PROSE_BLOCK = '>-';

/**
 * The content lines of a folded block (`key: >-` above them) that read back as exactly `lines`
 * joined by spaces — as YAML joins the lines of a plain value — each at `indent` (deeper than the
 * key). Undefined when no block can hold them: a line that is empty, starts with a blank (the
 * block's indentation would swallow it) or holds a line break. yamlString quotes those.
 */
export function foldedLines(lines: readonly string[], indent: string): string[] | undefined {
  if (!lines.length || lines.some((line) => line === '' || /^[ \t]|[\n\r]/.test(line))) return undefined;
  const written = lines.map((line) => `  ${line}\n`).join('');
  return readsBack(`${PROSE_BLOCK}\n${written}`, lines.join(' ')) ? lines.map((line) => `${indent}${line}`) : undefined;
}

function readsBack(written: string, value: string): boolean {
  const read = readValue(written);
  return read.ok && read.value === value;
}

/** What `v: <written>` gives: the value, when YAML reads it without an error or a warning (an unknown `!tag`). */
function readValue(written: string): { ok: boolean; value?: unknown } {
  try {
    const doc = parseDocument(`v: ${written}`, { version: '1.2' });
    if (doc.errors.length || doc.warnings.length) return { ok: false };
    return { ok: true, value: (doc.toJS() as { v?: unknown } | null)?.v };
  } catch {
    return { ok: false };
  }
}

const STARTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^-(?:[ \t]|$)/, "starts with '- ', which YAML reads as a list item"],
  [/^\?(?:[ \t]|$)/, "starts with '? ', which YAML reads as a key"],
  [/^["']/, 'starts with a quote, so YAML expects the whole answer inside quotes'],
  [/^[|>]/, "starts with '$&', which YAML reads as the start of a block"],
  [/^&/, "starts with '&', which YAML reads as an anchor name"],
  [/^\*/, "starts with '*', which YAML reads as a reference to an anchor"],
  [/^!/, "starts with '!', which YAML reads as a type tag"],
  [/^\[/, "starts with '[', which YAML reads as a list"],
  [/^\{/, "starts with '{', which YAML reads as a mapping"],
  [/^#/, "starts with '#', which YAML reads as a comment"],
  [/^[@`%,\]}]/, "starts with '$&', which YAML does not allow at the start of plain text"],
  [/:[ \t]/, "contains ': ', which YAML reads as the start of another key"],
  [/:$/, "ends with ':', which YAML reads as a key"],
  [/[ \t]#/, "contains ' #', after which YAML reads the rest of the line as a comment"],
];

/**
 * Why the lines of an answer, written plain after `key: ` (the first on the key's line, the rest
 * indented below it), do not read back as their text joined by spaces; undefined when they do.
 * In words a writer understands: which character does it, and what YAML takes it for.
 */
export function plainTrouble(lines: readonly string[]): string | undefined {
  const text = lines.join(' ');
  const { ok, value } = readValue(`${lines.join('\n  ')}\n`);
  if (ok && value === text) return undefined;
  if (lines.length === 1 && closeQuote(text) !== undefined) return 'opens a quote that never closes';
  for (const [pattern, reason] of STARTS) {
    const match = pattern.exec(text);
    if (match) return reason.replace('$&', match[0]);
  }
  if (ok && (typeof value === 'number' || typeof value === 'boolean' || value === null)) return `is read by YAML as ${value === null ? 'nothing (null)' : `the ${typeof value} ${String(value)}`}, not as text`;
  return 'is not read by YAML as it is written';
}

/** True when the lines of an answer, written plain after `key: `, are not YAML at all (rather than read as something else). */
export function breaksPlain(lines: readonly string[]): boolean {
  return !readValue(`${lines.join('\n  ')}\n`).ok;
}

/**
 * The answer with the quote it opens closed at the end of the line (`"Sign webhooks` →
 * `"Sign webhooks"`), when that makes it read as text; undefined for any other answer.
 */
export function closeQuote(text: string): string | undefined {
  const quote = text.charAt(0);
  if (quote !== '"' && quote !== "'") return undefined;
  const read = readValue(`${text}${quote}\n`);
  return read.ok && typeof read.value === 'string' ? `${text}${quote}` : undefined;
}
