/**
 * Text from a repository (file names, titles, owners, links, and messages that quote them) printed
 * where a terminal, a CI log or a Markdown reader interprets it. A control character there is not
 * text but an instruction: ESC and C1 start ANSI and OSC sequences (clear the screen, set the
 * window title, hide a line), CR and LF start a new line that can forge a GitHub annotation
 * (`::error …`) or a fake summary, and the bidi controls reorder what the reader sees.
 *
 * Each such character is replaced by a visible escape: a backslash, `u` and four lowercase hex
 * digits, as JSON writes them (ESC is shown as `\u001b`). The replacement holds no control
 * character, so applying a function twice changes nothing more. Backslashes are left alone: the
 * output is for reading, not for parsing back.
 *
 * Replaced: C0 (U+0000–U+001F), DEL (U+007F), C1 (U+0080–U+009F), the Arabic letter mark U+061C,
 * the marks U+200E/U+200F, the line and paragraph separators U+2028/U+2029 (some viewers break
 * lines there), the embeddings and overrides U+202A–U+202E and the isolates U+2066–U+2069.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_KEEPING_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
/** Outside ASCII, so JSON.stringify leaves them raw; C0 it escapes itself. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

function escape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * A one-line field shown exactly (a file path, an id): every control character escaped, tab, CR
 * and LF included, so a name with a newline in it shows as `\u000a` on its one line.
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, escape);
}

/**
 * Prose on one line (a title, a name, a message): a line break and the blanks around it fold to one
 * space, as a paragraph reads; tabs become spaces; every other control character is escaped.
 */
export function printableLine(text: string): string {
  // Split, then trimmed: `[ \t]*[\r\n]+[ \t]*` took quadratic time on a long run of tabs.
  const lines = text.split(/[\r\n]+/);
  const folded = lines.length === 1 ? text : lines.map((line, i) => trimBlanks(line, i > 0, i < lines.length - 1)).join(' ');
  return printable(folded.replace(/\t/g, ' ').trim());
}

/** `line` without the spaces and tabs at its start and/or end. */
function trimBlanks(line: string, start: boolean, end: boolean): string {
  let from = 0;
  let to = line.length;
  if (start) while (from < to && (line.charCodeAt(from) === 32 || line.charCodeAt(from) === 9)) from++;
  if (end) while (to > from && (line.charCodeAt(to - 1) === 32 || line.charCodeAt(to - 1) === 9)) to--;
  return line.slice(from, to);
}

/**
 * Text whose format escapes line breaks itself (GitHub's workflow commands turn CR and LF into
 * `%0D`/`%0A`): tab, CR and LF kept, every other control character escaped.
 */
export function printableKeepingBreaks(text: string): string {
  return text.replace(UNSAFE_KEEPING_BREAKS, escape);
}

/**
 * JSON text made safe to print without changing what it parses to: JSON.stringify escapes C0 but
 * writes DEL, C1 and the bidi controls raw; outside strings JSON holds only ASCII, so each of them
 * can become its `\uXXXX` escape and the parsed value stays exactly the same.
 */
export function printableJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, escape);
}
