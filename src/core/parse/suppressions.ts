/**
 * `<!-- legible-disable rule-a, rule-b -->` anywhere in a file turns those rules off for it;
 * `<!-- legible-disable -->` turns every rule off.
 */

/** One `legible-disable` comment: where it starts and ends, and its list of rule ids as written (untrimmed). */
export interface Directive {
  readonly start: number;
  readonly end: number;
  readonly list?: { readonly start: number; readonly text: string };
}

const KEYWORD = 'legible-disable';
/** The longest rule list read in one comment, its blanks included. */
const MAX_LIST = 400;

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

/** Characters a rule list may hold: letters, digits, `_`, `-`, `,` and blanks. */
function isListChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 44 || isBlank(c);
}

/**
 * The file's `legible-disable` comments, found by a scan that reads each character a bounded
 * number of times (the pattern it replaces, `<!--\s*legible-disable(?:\s+([\w\s,-]{0,400}?))?\s*-->`,
 * took minutes on a comment of 20,000 tabs).
 */
export function disableDirectives(text: string): Directive[] {
  const out: Directive[] = [];
  for (let at = text.indexOf(KEYWORD); at !== -1; at = text.indexOf(KEYWORD, at + KEYWORD.length)) {
    let open = at;
    while (open > 0 && isBlank(text.charCodeAt(open - 1))) open--;
    if (!text.startsWith('<!--', open - 4)) continue;
    const after = at + KEYWORD.length;
    // The list runs to the first `-->`; a list must be set off from the keyword by a blank.
    let close = after;
    while (close < text.length && close - after <= MAX_LIST + 2 && !text.startsWith('-->', close) && isListChar(text.charCodeAt(close))) close++;
    if (!text.startsWith('-->', close)) continue;
    const raw = text.slice(after, close);
    if (raw.trim() && !isBlank(text.charCodeAt(after))) continue;
    let first = after;
    while (first < close && isBlank(text.charCodeAt(first))) first++;
    out.push({ start: open - 4, end: close + 3, list: first < close ? { start: first, text: text.slice(first, close) } : undefined });
  }
  return out;
}

/** The rules a file turns off: a plain list (entries are cached as JSON), or 'all'. */
export type Suppressed = readonly string[] | 'all';

export function disabledRules(text: string): Suppressed {
  // Cheap exit: nearly every file has no directive.
  if (!text.includes(KEYWORD)) return [];
  const rules = new Set<string>();
  for (const directive of disableDirectives(text)) {
    if (!directive.list?.text.trim()) return 'all';
    for (const id of directive.list.text.split(/[\s,]+/)) if (id) rules.add(id);
  }
  return [...rules];
}

export function isDisabled(disabled: Suppressed, ruleId: string): boolean {
  return disabled === 'all' || disabled.includes(ruleId);
}
