/**
 * Reads what a record written for another tool carries: MADR frontmatter (status, date,
 * decision-makers/deciders), Docusaurus/Jekyll frontmatter (title, `[superseded]` markers),
 * adr-tools/Nygard `## Status` sections and `Date:` lines, log4brains and MADR 2 `- Status:`
 * bullets, and the header bullets RFC processes open their files with (`- Feature Name:`,
 * `- Start Date:`, `- Authors:`). A line scan, not a Markdown parse: it runs for every legacy
 * file, and every pattern in it is linear in the line (lines are cut at MAX_LINE besides).
 */
import type { Span } from '../parse/frontmatter-fence';
import { parseRecordName, recordNameOf } from '../numbering/record-name';
import { knownStatusWords, mapLegacyStatus } from './legacy-status';
import { parseProseDate } from './prose-date';
import { sectionKey } from './section-names';
import { atxHeading } from '../parse/atx-heading';
import { beforeQuery } from '../text/link-target';

export type LegacyFormat = 'madr' | 'jekyll' | 'nygard' | 'bullets' | 'rfc' | 'plain';

/** How messages name each format. */
export const LEGACY_FORMAT_NAMES: Readonly<Record<LegacyFormat, string>> = {
  madr: 'MADR',
  jekyll: 'Docusaurus/Jekyll',
  nygard: 'adr-tools',
  bullets: 'log4brains/MADR 2',
  rfc: 'RFC header',
  plain: 'Markdown',
};

export type LegacyType = 'adr' | 'rfc';

export interface LegacyField<T> {
  readonly value: T;
  readonly span: Span;
}

export interface LegacyOptions {
  /** The record's path: an RFC folder makes its records RFCs, and the slug is the last title. */
  readonly path?: string;
  /** The folder's record type, when `.legible.json` names one. */
  readonly type?: LegacyType;
  /** The folder's own status words mapped onto the type's vocabulary (`.legible.json`). */
  readonly statuses?: Readonly<Record<string, string>>;
}

export interface LegacyMetadata {
  readonly format: LegacyFormat;
  readonly type: LegacyType;
  readonly title?: LegacyField<string>;
  /** The status in the type's vocabulary when it maps (`approved` → `accepted`), else the word as written, lower-cased. */
  readonly status?: LegacyField<string>;
  /** False when the status word has no counterpart in the type's vocabulary (kept as written). */
  readonly statusInVocabulary: boolean;
  /** What a prose status says beyond its word ("Accepted. Revisit once the migration ends."). */
  readonly statusNote?: string;
  readonly date?: LegacyField<string>;
  readonly deciders: readonly string[];
  /** Authors of an RFC (`- Authors:`), or `authors` in Docusaurus frontmatter. */
  readonly owners: readonly string[];
  readonly supersedes: readonly string[];
  readonly supersededBy: readonly string[];
  readonly tags: readonly string[];
}

/** The longest part of a line any pattern sees: a 1 MB line costs what 4 KB does. */
const MAX_LINE = 4096;
/** Metadata sits near the top; a bounded scan keeps huge files cheap. */
const MAX_LINES = 400;

// An id: ADR-0007, ADR 10, RFC0012, or a bare number of 4+ digits that is not the year of a date
// ("superseded by ADR-0009 on 2021-03-04").
const ID_IN_TEXT = /\b(?:(ADR|RFC|EXIT)[-\s]?(\d{1,12})|(\d{4,12}))\b(?!-\d{1,2}-\d{1,2}\b)/gi;
// Blanks bounded too: `\(\s*` before `(?:\s+"…")?\s*\)` backtracked through a long run of them.
const LINK = /\[([^\]]{0,500})\]\(\s{0,40}<?([^)\s>]{0,2000})>?(?:\s{1,40}"[^"]{0,500}")?\s{0,40}\)/g;
const REF_LINK = /\[([^\]]{0,500})\]\[[^\]]{0,200}\]/g;
const CODE_SPAN = /`{1,3}([^`]{0,2000})`{1,3}/g;
const EMPHASIS = /\*\*|__|(?<![\w*])\*(?!\s)|(?<!\w)_(?!\s)/g;
const BULLET = /^[-*+]\s{1,4}(\S.*)$/;
// "Key: value", the key a few words, bold or not; bounded so that a long line costs linear time.
// The value is `[^]*`, not `.*`: `.` stops at a line separator (U+2028, a CR), and `\s*(.*)$` then backtracked quadratically.
const KEY_VALUE = /^(?:\*\*|__)?([A-Za-z][A-Za-z0-9 ()#/'.-]{0,40}?)(?:\*\*|__)?\s{0,4}:(?:\*\*|__)?\s*([^]*)$/;
const SUPERSEDED_BY = /\bsuperseded\s+by\b/i;
const SUPERSEDED_MARK = /\[\s*superseded\s*\]/i;
// `ADR013: Title` or `ADR-0013 - Title` in a Docusaurus title: the prefix is the id, not the title.
const TITLE_ID_PREFIX = /^(?:ADR|RFC)[-\s]?\d{1,12}\s{0,3}[:.–—-]\s*/i;

/** Header-bullet keys only RFC processes write: one of them before the first section makes an RFC. */
const RFC_KEYS = new Set(['feature name', 'feature', 'start date', 'rfc pr', 'rfc issue', 'rust issue', 'tracking issue', 'pre rfc', 'rfc']);

/**
 * Headings that name a section, never a record: a file whose first heading is "Summary" has no
 * title line, and its title comes from the bullets or the file name instead.
 */
const SECTION_HEADINGS = new Set(
  [
    'summary', 'abstract', 'motivation', 'table of contents', 'contents', 'toc', 'context', 'context and problem statement',
    'problem statement', 'background', 'introduction', 'overview', 'status', 'decision', 'decision outcome', 'consequences',
    'proposal', 'detailed design', 'design', 'rationale', 'rationale and alternatives', 'alternatives', 'alternatives considered',
    'considered options', 'drawbacks', 'unresolved questions', 'prior art', 'guide level explanation', 'reference level explanation',
    'future possibilities', 'future work', 'goals', 'non goals', 'references', 'metadata',
  ],
);

interface Line {
  readonly text: string;
  readonly start: number;
  /** The line was longer than MAX_LINE: its text is cut, so no value is read from it. */
  readonly cut: boolean;
}

function* linesOf(text: string, from: number, limit: number): Generator<Line> {
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

/** Ids a text names: in link targets (`[ADR014](./adr014-x.md)`) and in the words themselves. */
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
  // The id as the words write it (`ADR-0012`) first; a link target only adds what the words lack.
  const words = value.replace(LINK, (_all, text: string) => ` ${text} `);
  for (const match of words.matchAll(ID_IN_TEXT)) {
    if (match[1]) add(match[1], match[2]);
    else add(undefined, match[3]);
  }
  for (const match of value.matchAll(LINK)) {
    const target = beforeQuery(match[2]);
    const name = parseRecordName(target.slice(target.lastIndexOf('/') + 1));
    if (name) add(undefined, name.digits);
  }
  return ids;
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
  const supersedes: string[] = [];
  const supersededBy: string[] = [];
  const written = withoutComments(raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw).trim();
  const text = plainText(written);
  // A template's "[draft | proposed | …]" or "{proposed | rejected}" is no status at all.
  if (/^[[{].*\|/.test(text) || /^[[{].*\|/.test(written)) return { supersedes, supersededBy };
  for (const clause of written.split(/[;,](?![^[]*\])/)) {
    if (SUPERSEDED_BY.test(clause)) append(supersededBy, idsIn(clause));
    else if (/\bsupersedes\b/i.test(clause)) append(supersedes, idsIn(clause));
  }
  const lower = text.toLowerCase();
  let word = knownStatusWords(custom).find((known) => lower.startsWith(known) && !/[\p{L}\p{N}]/u.test(lower.charAt(known.length)));
  // An unknown status is its first words up to punctuation ("Superseded by …" ends at "by").
  if (word === undefined) word = beforeBy(lower.split(/[;,.:([]/)[0]).trim().split(/\s+/).slice(0, 3).join(' ') || undefined;
  if (word === undefined) return { supersedes, supersededBy };
  const rest = text.slice(word.length).replace(/^[\s.:;,!–—-]+/, '').replace(/^\((.*)\)$/, '$1').trim();
  // The supersession clause is read into links, not kept as a note.
  const note = rest && !/^(?:by\b|supersedes\b)/i.test(rest) ? rest : undefined;
  return { word, note, supersedes, supersededBy };
}

function isSectionHeading(text: string): boolean {
  return SECTION_HEADINGS.has(sectionKey(plainText(text)));
}

/** "0019-opt-in-builtin-traits.md" → "Opt in builtin traits": the last title a record can have. */
export function titleFromFileName(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  const slug = recordNameOf(path)?.slug ?? name;
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : undefined;
}

function inRfcFolder(path: string | undefined): boolean {
  if (!path) return false;
  // The record's folder or the one above it (rust-lang/rfcs keeps its RFCs in rfcs/text/).
  const parts = path.split('/').slice(0, -1).slice(-2);
  return parts.some((part) => /rfc/i.test(part));
}

function keyOf(key: string): string {
  return key.toLowerCase().replace(/[#()'.]/g, ' ').replace(/[\s/-]+/g, ' ').trim();
}

export function readLegacy(text: string, bodyStart: number, frontmatter: Record<string, unknown> | undefined, options: LegacyOptions = {}): LegacyMetadata {
  const found: { title?: LegacyField<string>; date?: LegacyField<string> } = {};
  let status: { word: string; span: Span; note?: string } | undefined;
  const deciders: string[] = [];
  const owners: string[] = [];
  const supersedes: string[] = [];
  const supersededBy: string[] = [];
  const tags: string[] = [];
  const rfcBullets: { title?: LegacyField<string>; feature?: LegacyField<string> } = {};
  let format: LegacyFormat = frontmatter ? 'madr' : 'plain';
  let sawRfcKey = false;
  let superseded = false;
  const FRONT = { start: 0, end: 3 };
  const ownNumber = options.path ? recordNameOf(options.path)?.number : undefined;

  const takeStatus = (raw: string, span: Span): void => {
    const parsed = parseLegacyStatus(raw, options.statuses);
    if (parsed.word && !status) status = { word: parsed.word, span, note: parsed.note };
    append(supersedes, parsed.supersedes);
    append(supersededBy, parsed.supersededBy);
  };
  const takeDate = (raw: string, span: Span): void => {
    const date = found.date ? undefined : parseProseDate(plainText(raw));
    if (date) found.date = { value: date, span };
  };

  if (frontmatter) {
    const fmTitle = frontmatter.title;
    if (typeof fmTitle === 'string' && fmTitle.trim()) {
      let title = (fmTitle.length > MAX_LINE ? fmTitle.slice(0, MAX_LINE) : fmTitle).trim();
      if (SUPERSEDED_MARK.test(title)) {
        superseded = true;
        title = title.replace(SUPERSEDED_MARK, '').trim();
      }
      title = title.replace(TITLE_ID_PREFIX, '').trim() || title;
      found.title = { value: title, span: FRONT };
    }
    if (typeof frontmatter.status === 'string') takeStatus(frontmatter.status, FRONT);
    const date = frontmatter.date;
    if (typeof date === 'string') takeDate(date, FRONT);
    for (const key of ['decision-makers', 'deciders']) {
      const value = frontmatter[key];
      if (Array.isArray(value)) append(deciders, value.filter((v): v is string => typeof v === 'string'));
      else if (typeof value === 'string') append(deciders, splitPeople(value));
    }
    for (const key of ['authors', 'author']) {
      const value = frontmatter[key];
      if (Array.isArray(value)) append(owners, value.filter((v): v is string => typeof v === 'string'));
      else if (typeof value === 'string') append(owners, splitPeople(value));
    }
    // Site frontmatter (Docusaurus, Jekyll's just-the-docs) carries layout keys, not a decision's.
    const decisionKeys = ['status', 'date', 'decision-makers', 'deciders'].some((key) => Object.prototype.hasOwnProperty.call(frontmatter, key));
    if (!decisionKeys && ['id', 'nav_order', 'parent', 'sidebar_position', 'slug', 'layout', 'description'].some((key) => Object.prototype.hasOwnProperty.call(frontmatter, key))) format = 'jekyll';
  }

  let inFence: string | undefined;
  let inComment = false;
  let sawHeading = false;
  let statusSection: Span | undefined;
  for (const line of linesOf(text, bodyStart, MAX_LINES)) {
    const trimmed = line.text.trim();
    if (inComment) {
      if (trimmed.includes('-->')) inComment = false;
      continue;
    }
    const fence = /^(`{3,}|~{3,})/.exec(trimmed);
    if (fence && (inFence === undefined || fence[1].charAt(0) === inFence.charAt(0))) {
      inFence = inFence === undefined ? fence[1] : undefined;
      continue;
    }
    if (inFence !== undefined) continue;
    if (trimmed.startsWith('<!--') && !trimmed.includes('-->')) {
      inComment = true;
      continue;
    }
    // A megabyte "title" or "deciders" is no metadata, and a cut one would be a wrong value.
    if (line.cut) continue;
    const span = { start: line.start, end: line.start + line.text.length };
    const heading = atxHeading(trimmed);
    if (heading) {
      statusSection = undefined;
      if (heading.depth === 1 && !found.title && heading.text && !isSectionHeading(heading.text)) {
        // adr-tools numbers its headings ("# 9. Use Postgres"); the number is the file's, not the title's.
        // The heading as written (code spans and emphasis are part of a title); comments go.
        let title = withoutComments(heading.text).replace(/^\d+\.\s+/, '').trim();
        if (SUPERSEDED_MARK.test(title)) {
          superseded = true;
          title = title.replace(SUPERSEDED_MARK, '').trim();
        }
        if (title) found.title = { value: title.replace(TITLE_ID_PREFIX, '').trim() || title, span };
        continue;
      }
      // Header bullets may follow a title line, not a section.
      sawHeading = true;
      if (heading.depth >= 2 && sectionKey(heading.text) === 'status') {
        statusSection = span;
        format = format === 'plain' ? 'nygard' : format;
      }
      continue;
    }
    if (statusSection && trimmed) {
      takeStatus(trimmed, span);
      statusSection = undefined;
      continue;
    }
    const bullet = BULLET.exec(trimmed);
    const pair = KEY_VALUE.exec(bullet ? bullet[1] : trimmed);
    if (pair) {
      const key = keyOf(pair[1]);
      const value = withoutComments(pair[2]).replace(/^(?:\*\*|__)\s*/, '').trim();
      if (bullet && !sawHeading && RFC_KEYS.has(key)) sawRfcKey = true;
      const known = readField(key, value, span, bullet !== null);
      if (known && bullet && format === 'plain') format = frontmatter ? 'madr' : 'bullets';
      else if (known && !bullet && format === 'plain' && (key === 'status' || key === 'date')) format = 'nygard';
      if (known) continue;
    }
    if (SUPERSEDED_BY.test(trimmed)) {
      // "This decision was superseded by [ADR014](./adr014-x.md)", often in an admonition; a
      // record that names itself ("ADR-0045 was superseded by this one, 0057") is not superseded.
      const ids = idsIn(trimmed);
      if (ids.length && !ids.some((id) => Number(id.replace(/^\D+/, '')) === ownNumber)) {
        append(supersededBy, ids);
        superseded = true;
      }
    }
  }

  function readField(key: string, value: string, span: Span, bullet: boolean): boolean {
    if (!value && key !== 'status') return RFC_KEYS.has(key);
    switch (key) {
      case 'status':
        if (value) takeStatus(value, span);
        return true;
      case 'date':
      case 'start date':
      case 'created':
        takeDate(value, span);
        return true;
      case 'deciders':
      case 'decision makers':
      case 'decision-makers':
        if (!isTemplateText(value)) append(deciders, splitPeople(plainText(value)));
        return true;
      case 'authors':
      case 'author':
      case 'author s':
      case 'owners':
      case 'owner':
        if (bullet && !isTemplateText(value)) append(owners, splitPeople(plainText(value)));
        return bullet;
      case 'tags':
        if (!isTemplateText(value)) append(tags, plainText(value).split(/[\s,]+/).filter(Boolean));
        return true;
      case 'title':
        if (bullet && !sawHeading && !rfcBullets.title) rfcBullets.title = { value: plainText(value), span };
        return bullet && !sawHeading;
      case 'feature name':
      case 'feature':
        if (bullet && !rfcBullets.feature && !/^(?:none|n\/?a|-+|tbd|todo)\.?$/i.test(plainText(value))) rfcBullets.feature = { value: plainText(value), span };
        return bullet;
      default:
        return bullet && !sawHeading && RFC_KEYS.has(key);
    }
  }

  if (sawRfcKey) format = 'rfc';
  const type: LegacyType = sawRfcKey || inRfcFolder(options.path) ? 'rfc' : (options.type ?? 'adr');
  if (!found.title) found.title = rfcBullets.title ?? rfcBullets.feature;
  if (!found.title && options.path) {
    const fromName = titleFromFileName(options.path);
    if (fromName) found.title = { value: fromName, span: { start: 0, end: 0 } };
  }
  // A "[superseded]" mark or a "superseded by …" sentence with an id outranks a stale "accepted".
  if (superseded && (!status || status.word === 'accepted' || status.word === 'active')) status = { word: 'superseded', span: status?.span ?? found.title?.span ?? FRONT };
  let mapped: { status: string; inVocabulary: boolean } | undefined;
  if (status) mapped = mapLegacyStatus(status.word, type, options.statuses);
  return {
    format,
    type,
    ...found,
    status: status && mapped ? { value: mapped.status, span: status.span } : undefined,
    statusInVocabulary: mapped?.inVocabulary ?? false,
    statusNote: status?.note,
    deciders: unique(deciders),
    owners: unique(owners),
    supersedes: uniqueIds(supersedes),
    supersededBy: uniqueIds(supersededBy),
    tags: unique(tags),
  };
}

/** "superseded by [ADR-0057](0057-x.md)" in the frontmatter and again in the body: one successor, its first spelling. */
function uniqueIds(ids: string[]): string[] {
  const seen = new Set<number>();
  return ids.filter((id) => {
    const number = Number(id.replace(/^\D+/, ''));
    if (seen.has(number)) return false;
    seen.add(number);
    return true;
  });
}

/** People, tags and ids a record lists: a 1 MB line of names must neither overflow the stack nor fill the index. */
const MAX_LIST = 256;

function append(list: string[], items: readonly string[]): void {
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
function isTemplateText(value: string): boolean {
  return /^\{.*\}$/.test(value) || /^\[[^\]]*\](?!\()/.test(value);
}

function splitPeople(value: string): string[] {
  return value
    .split(/,|;|\band\b/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** `text` up to a word "by" (`/\s+by\b.*$/` was quadratic on a long run of blanks). */
function beforeBy(text: string): string {
  const at = text.search(/\sby\b/);
  return at === -1 ? text : text.slice(0, at).trimEnd();
}
