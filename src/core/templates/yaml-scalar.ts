import { parse, stringify } from 'yaml';

/**
 * A string written as a YAML scalar that reads back as exactly that string: plain when safe,
 * quoted when YAML would read it as something else (`0007`, `yes`, `Fix #42: yes`).
 */
export function yamlString(value: string): string {
  const plain = stringify(value, { lineWidth: 0, version: '1.2' }).replace(/\n$/, '');
  if (!plain.includes('\n') && readsBack(plain, value)) return plain;
  return JSON.stringify(value);
}

/**
 * How a prose answer is written: a folded block scalar (`key: >-`, the text on the lines below,
 * indented). Inside it YAML reads every character as text — `: `, ` #`, quotes, a leading `-`,
 * `|`, `>`, `&`, `*`, `!`, `%`, `@` — and `-` strips the final line break.
 */
export const PROSE_BLOCK = '>-';

/**
 * The content line of a folded block (`key: >-` above it) that reads back as exactly `text`, at
 * `indent` (deeper than the key): undefined when no block can hold it — text that starts with a
 * blank (the block's indentation would swallow it) or holds a line break. yamlString quotes those.
 */
export function yamlBlockLine(text: string, indent: string): string | undefined {
  if (text === '' || /^[ \t]|[\n\r]/.test(text)) return undefined;
  return readsBack(`${PROSE_BLOCK}\n  ${text}\n`, text) ? `${indent}${text}` : undefined;
}

function readsBack(written: string, value: string): boolean {
  try {
    return parse(`v: ${written}`, { version: '1.2' })?.v === value;
  } catch {
    return false;
  }
}
