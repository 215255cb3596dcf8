/**
 * The inline text of legacy records, read line by line: Markdown reduced to words, the ids a text
 * names, a status clause ("superseded by ADR-0057", "Accepted. We revisit in Q3."), lists of people.
 * Every pattern is bounded and linear in the line, so a hostile line costs what a short one does.
 */
import { parseRecordName } from '../numbering/record-name';
import { knownStatusWords } from './legacy-status';
import { beforeQuery, isExternalLink } from '../text/link-target';

/** The longest part of a line any pattern sees: a 1 MB line costs what 4 KB does. */
export const MAX_LINE = 4096;

// An id: ADR-0007, ADR 10, RFC0012, or a bare number of 4+ digits that is not the year of a date
// ("superseded by ADR-0009 on 2021-03-04").
const ID_IN_TEXT = /\b(?:(ADR|RFC|EXIT)[-\s]?(\d{1,12})|(\d{4,12}))\b(?!-\d{1,2}-\d{1,2}\b)/gi;
// A link's whole text as an id: `ADR-0012`, `ADR 12`, `0012`.
const WHOLE_ID = /^(?:(?:ADR|RFC|EXIT)[-\s]?\d{1,12}|\d{4,12})$/i;
// Blanks bounded too: `\(\s*` before `(?:\s+"…")?\s*\)` backtracked through a long run of them.
const LINK = /\[([^\]]{0,500})\]\(\s{0,40}<?([^)\s>]{0,2000})>?(?:\s{1,40}"[^"]{0,500}")?\s{0,40}\)/g;
const REF_LINK = /\[([^\]]{0,500})\]\[[^\]]{0,200}\]/g;
const CODE_SPAN = /`{1,3}([^`]{0,2000})`{1,3}/g;
const EMPHASIS = /\*\*|__|(?<![\w*])\*(?!\s)|(?<!\w)_(?!\s)/g;
// "supersedes" and "superseded by" (group 1 set for "supersedes"), also as adr-tools spells them
// ("Supercedes", "Superceded by") and as a key ("Superseded-by:").
const SUPERSESSION = /\bsuper[sc]ede(?:(s)|d[\s-]{1,4}by)\b/gi;
// After a comma, what makes it a list's: another id or link, `and` / `or` / `&` allowed before it.
const LIST_GOES_ON = /^,\s{0,4}(?:(?:and|or|&)\s{1,4})?(?:\[|(?:ADR|RFC|EXIT)[-\s]?\d|\d{4})/i;
const SUPERSESSION_FIRST = new RegExp(`^${SUPERSESSION.source}`, 'i');
// adr-tools' link line, as its own `_adr_links` reads it: "<link type> [<title>](<file>)", alone on
// its line under `## Status`; MADR 2 and log4brains write the same as a bullet under `## Links`.
// Every part is bounded, and the type's words cannot run into the link: linear in the line.
const TYPED_LINK = /^(?:[-*+]\s{1,4})?([A-Za-z][A-Za-z' -]{0,40}?)\s{1,4}\[[^\]]{0,500}\]\(\s{0,40}<?([^)\s>]{1,2000})>?\s{0,40}\)\s{0,4}[.;]?$/;

export interface Line {
  readonly text: string;
  readonly start: number;
  /** The line was longer than MAX_LINE: its text is cut, so no value is read from it. */
  readonly cut: boolean;
}

export function* linesOf(text: string, from: number, limit: number): Generator<Line> {
  // A BOM is not part of the first line's text (it would hide a `# Title`).
  let at = from === 0 && text.charCodeAt(0) === 0xfeff ? 1 : from;
  let count = 0;
  while (at < text.length && count++ < limit) {
    let end = at;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const cut = end - at > MAX_LINE;
    yield { text: cut ? text.slice(at, at + MAX_LINE) : text.slice(at, end), start: at, cut };
    if (text.charCodeAt(end) === 13) end++;
    if (text.charCodeAt(end) === 10) end++;
    at = end;
  }
}

/** Inline Markdown reduced to its text: links and code spans keep their words, emphasis goes. */
export function plainText(value: string): string {
  return withoutComments(value)
    .replace(LINK, '$1')
    .replace(REF_LINK, '$1')
    .replace(CODE_SPAN, '$1')
    .replace(EMPHASIS, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Ids a text names: a link to a record file (`[ADR014](./adr014-x.md)`) names that one, and the words the others. */
export function idsIn(value: string): string[] {
  const ids: string[] = [];
  const seen = new Set<number>();
  const add = (prefix: string | undefined, digits: string): void => {
    const number = Number(digits);
    if (seen.has(number)) return;
    seen.add(number);
    const padded = digits.length >= 4 ? digits : digits.padStart(4, '0');
    ids.push(prefix ? `${prefix.toUpperCase()}-${padded}` : padded);
  };
  // A link to a record file names that record, whatever its text: a title ("[2. Use OAuth 2.0]",
  // "[Move to Java 2021]") whose numbers are no ids. Its text only gives the spelling of the file's
  // own number (`[ADR-0012](0012-x.md)`). A link to anything else names a record only when its
  // text is an id and nothing more (`[ADR-0012](#adr-0012)`, not `[OAuth per RFC 6749](https://…)`).
  const words = value.replace(LINK, (_all, text: string, target: string) => {
    const path = beforeQuery(target);
    const name = parseRecordName(path.slice(path.lastIndexOf('/') + 1));
    if (!name) return WHOLE_ID.test(text.trim()) ? ` ${text} ` : ' ';
    const spelled = [...text.matchAll(ID_IN_TEXT)].find((match) => Number(match[2] ?? match[3]) === name.number);
    return ` ${spelled ? spelled[0] : name.digits.padStart(4, '0')} `;
  });
  for (const match of words.matchAll(ID_IN_TEXT)) {
    if (match[1]) add(match[1], match[2]);
    else add(undefined, match[3]);
  }
  return ids;
}

export interface Supersession {
  readonly supersedes: string[];
  readonly supersededBy: string[];
}

/**
 * What a text says a record supersedes and is superseded by: the ids that follow "supersedes" or
 * "superseded by", up to the end of that clause, never an id before the words ("See ADR 07, which is
 * superseded by this one" names no successor, "ADR 12 supersedes this one" nothing superseded). A
 * clause ends at `;`, `,`, `|`, the end of a sentence, a bracket it did not open, or the next such
 * words; a link's text and target are inside it.
 */
export function supersessionIn(value: string): Supersession {
  const supersedes: string[] = [];
  const supersededBy: string[] = [];
  const text = value.length > MAX_LINE ? value.slice(0, MAX_LINE) : value;
  const found = [...text.matchAll(SUPERSESSION)];
  found.forEach((match, i) => {
    const from = match.index + match[0].length;
    const to = clauseEnd(text, from, i + 1 < found.length ? found[i + 1].index : text.length);
    append(match[1] ? supersedes : supersededBy, idsIn(text.slice(from, to)));
  });
  return { supersedes, supersededBy };
}

/**
 * Where the clause that starts at `from` ends: one pass, brackets and parentheses counted. A comma
 * followed by another id or link continues a list ("superseded by ADR-0003, ADR-0004 and
 * [ADR-0005](…)"); any other ends the clause ("superseded by ADR-0003, which …").
 */
function clauseEnd(text: string, from: number, limit: number): number {
  let brackets = 0;
  let parens = 0;
  for (let at = from; at < limit; at++) {
    const c = text.charAt(at);
    if (c === '[') brackets++;
    else if (c === '(') parens++;
    else if (c === ']') {
      if (!brackets) return at;
      brackets--;
    } else if (c === ')') {
      if (!parens) return at;
      parens--;
    } else if (c === ',' && !brackets && !parens && LIST_GOES_ON.test(text.slice(at, at + 24))) {
      continue;
    } else if (!brackets && !parens && (c === ';' || c === ',' || c === '|' || (c === '.' && (at + 1 >= text.length || /\s/.test(text.charAt(at + 1)))))) return at;
  }
  return limit;
}

export interface TypedLink {
  /** What the link says of the other record, in Legible's terms; any other adr-tools link type ("Amends", "Clarified by", "Refined by") is `related`. */
  readonly kind: 'supersedes' | 'superseded-by' | 'related';
  /** The linked record's id, as the link text spells it when that names the same number, else the file name's digits. */
  readonly id: string;
}

/**
 * A typed link to another record on a line of its own: "Supersedes [2. Use BOM](0002-use-bom.md)",
 * "Amended by [3. Third](0003-third.md)" (adr-tools), "- Refined by [ADR-0005](0005-x.md)" (MADR 2).
 * Only a link to a record file of the repository counts; a web page is no record.
 */
export function typedLink(line: string): TypedLink | undefined {
  const match = line.length > MAX_LINE ? null : TYPED_LINK.exec(line);
  if (!match || isExternalLink(match[2])) return undefined;
  const target = beforeQuery(match[2]);
  const name = parseRecordName(target.slice(target.lastIndexOf('/') + 1));
  if (!name) return undefined;
  const id = idsIn(line.slice(match[1].length)).find((candidate) => Number(candidate.replace(/^\D+/, '')) === name.number);
  if (id === undefined) return undefined;
  const type = SUPERSESSION_FIRST.exec(match[1].trim());
  return { kind: !type || type[0].length !== match[1].trim().length ? 'related' : type[1] ? 'supersedes' : 'superseded-by', id };
}

export interface ParsedStatus {
  /** The status word, lower-cased, as written (not yet mapped to a vocabulary). */
  readonly word?: string;
  readonly note?: string;
  readonly supersedes: string[];
  readonly supersededBy: string[];
}

/** Splits "superseded by ADR-0057", "accepted; supersedes ADR-0045" or "Accepted. We revisit in Q3." */
export function parseLegacyStatus(raw: string, custom?: Readonly<Record<string, string>>): ParsedStatus {
  const written = withoutComments(raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw).trim();
  const text = plainText(written);
  // A template's "[draft | proposed | …]" or "{proposed | rejected}" is no status at all.
  if (/^[[{].*\|/.test(text) || /^[[{].*\|/.test(written)) return { supersedes: [], supersededBy: [] };
  const { supersedes, supersededBy } = supersessionIn(written);
  const lower = text.toLowerCase();
  // "Supersedes ADR-0002, ADR-0003" says what this record replaces, not what became of it.
  if (SUPERSESSION_FIRST.exec(lower)?.[1]) return { supersedes, supersededBy };
  let word = knownStatusWords(custom).find((known) => lower.startsWith(known) && !/[\p{L}\p{N}]/u.test(lower.charAt(known.length)));
  // An unknown status is its first words up to punctuation ("Superseded by …" ends at "by").
  if (word === undefined) word = beforeBy(lower.split(/[;,.:([]/)[0]).trim().split(/\s+/).slice(0, 3).join(' ') || undefined;
  if (word === undefined) return { supersedes, supersededBy };
  const rest = text.slice(word.length).replace(/^[\s.:;,!–—-]+/, '').replace(/^\((.*)\)$/, '$1').trim();
  // The supersession clause is read into links, not kept as a note.
  const note = rest && !/^by\b/i.test(rest) && !SUPERSESSION_FIRST.test(rest) ? rest : undefined;
  return { word, note, supersedes, supersededBy };
}

/** "superseded by [ADR-0057](0057-x.md)" in the frontmatter and again in the body: one successor, its first spelling. */
export function uniqueIds(ids: string[]): string[] {
  const seen = new Set<number>();
  return ids.filter((id) => {
    const number = Number(id.replace(/^\D+/, ''));
    if (seen.has(number)) return false;
    seen.add(number);
    return true;
  });
}

/** People, tags and ids a record lists: a 1 MB line of names must neither overflow the stack nor fill the index. */
export const MAX_LIST = 256;

export function append(list: string[], items: readonly string[]): void {
  for (const item of items) {
    if (list.length >= MAX_LIST) return;
    list.push(item);
  }
}

/** HTML comments removed in one pass (a pattern with a lazy body is quadratic on many `<!--`); an unclosed one runs to the end. */
export function withoutComments(text: string): string {
  let at = text.indexOf('<!--');
  if (at < 0) return text;
  let out = '';
  let from = 0;
  while (at >= 0) {
    out += text.slice(from, at);
    const end = text.indexOf('-->', at + 4);
    if (end < 0) return out;
    from = end + 3;
    at = text.indexOf('<!--', from);
  }
  return out + text.slice(from);
}

/** A template's prompt (`{list everyone involved}`, `[names | roles]`), not a value; a link is a value. */
export function isTemplateText(value: string): boolean {
  return /^\{.*\}$/.test(value) || /^\[[^\]]*\](?!\()/.test(value);
}

export function splitPeople(value: string): string[] {
  return value
    .split(/,|;|\band\b/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** `text` up to a word "by" (`/\s+by\b.*$/` was quadratic on a long run of blanks). */
export function beforeBy(text: string): string {
  const at = text.search(/\sby\b/);
  return at === -1 ? text : text.slice(0, at).trimEnd();
}
